"""A corpus of hostile data files, built from the bundled data by small mutations.

Each case is (file name, bytes). Used by test_hostile_input.py with every command that
reads the file. Synthetic by construction: nothing here is real data.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from conftest import DATA

MEASURES = (DATA / "measures.yaml").read_text(encoding="utf-8")
TARGETS = (DATA / "targets.yaml").read_text(encoding="utf-8")


def _sub(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _m(old: str, new: str) -> bytes:
    return _sub(MEASURES, old, new).encode("utf-8")


def _t(old: str, new: str) -> bytes:
    return _sub(TARGETS, old, new).encode("utf-8")


BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi",
                                                                         strict=True)]
) + "\n"

MEASURES_CASES: dict[str, Callable[[], bytes]] = {
    "gbk": lambda: MEASURES.encode("gb18030"),
    "utf16_bom": lambda: MEASURES.encode("utf-16"),
    "utf16_le_no_bom": lambda: MEASURES.encode("utf-16-le"),
    "utf32": lambda: MEASURES.encode("utf-32"),
    "latin1_mix": lambda: MEASURES.encode("utf-8")[:2000] + "é".encode("latin-1") + b"\n",
    "empty": lambda: b"",
    "whitespace_only": lambda: b"  \n\n\t\n",
    "bom_only": lambda: codecs.BOM_UTF8,
    "binary_garbage": lambda: bytes(range(256)) * 8,
    "nul_bytes": lambda: MEASURES.encode("utf-8")[:500] + b"\x00\x00" + b"\n",
    "tab_indent": lambda: _m("  - id: 3\n    section: 1\n", "  - id: 3\n\tsection: 1\n"),
    "duplicate_key": lambda: _m("  - id: 5\n    section: 1\n",
                                "  - id: 5\n    section: 1\n    section: 2\n"),
    "duplicate_top_key": lambda: (MEASURES + "sections: []\n").encode("utf-8"),
    "deep_nesting_flow": lambda: ("x: " + "[" * 3000 + "]" * 3000 + "\n").encode(),
    "deep_nesting_block": lambda: "".join("  " * i + f"k{i}:\n" for i in range(200)).encode(),
    "recursive_alias": lambda: _m("units: [县工信局, 县中小企业服务中心]",
                                  "units: &r [县工信局, *r]"),
    "alias_bomb": lambda: BOMB.encode(),
    "python_object_tag": lambda: _m("region: 蒲县", "region: !!python/object/apply:os.system [ls]"),
    "python_name_tag": lambda: _m("region: 蒲县", "region: !!python/name:os.system"),
    "custom_tag": lambda: _m("region: 蒲县", "region: !region 蒲县"),
    "list_at_top": lambda: b"- 1\n- 2\n",
    "scalar_at_top": lambda: "只是一句话\n".encode(),
    "list_where_mapping": lambda: _m("  reporting:\n", "  reporting:\n    - x\n  old_reporting:\n"),
    "wrong_type_id": lambda: _m("  - id: 7\n", "  - id: seven\n"),
    "chinese_number_id": lambda: _m("  - id: 7\n", "  - id: 七\n"),
    "float_section": lambda: _m("  - id: 7\n    section: 1\n", "  - id: 7\n    section: 1.5\n"),
    "unknown_field": lambda: _m("  - id: 9\n", "  - id: 9\n    respnsible: 县行政审批局\n"),
    "unknown_top_field": lambda: (MEASURES + "extra: 1\n").encode(),
    "unknown_unit": lambda: _m("units: [县工信局, 县中小企业服务中心]",
                               "units: [县工信委, 县中小企业服务中心]"),
    "duplicate_id": lambda: _m("  - id: 48\n", "  - id: 47\n"),
    "id_gap": lambda: _m("  - id: 48\n", "  - id: 49\n"),
    "missing_section": lambda: _m("  - id: 48\n    section: 9\n", "  - id: 48\n    section: 10\n"),
    "impossible_date": lambda: _m("issued: 2022-06-17", "issued: 2022-06-31"),
    "impossible_leap_day": lambda: _m("issued: 2022-06-17", "issued: 2023-02-29"),
    "text_date": lambda: _m("issued: 2022-06-17", "issued: 2022年6月17日"),
    "negative_id": lambda: _m("  - id: 1\n", "  - id: -1\n"),
    "missing_measures": lambda: MEASURES.split("\nmeasures:")[0].encode("utf-8") + b"\n",
    "unclosed_bracket": lambda: _m("units: [县工信局, 县中小企业服务中心]",
                                   "units: [县工信局, 县中小企业服务中心"),
    "bad_indent": lambda: _m("    section: 1\n", "      section: 1\n"),
    "two_documents": lambda: (MEASURES + "---\na: 1\n").encode(),
    "merge_key": lambda: _m("  reporting:\n", "  reporting:\n    <<: {x: 1}\n"),
    "huge_int": lambda: _m("  - id: 7\n", "  - id: 99999999999999999999999999999\n"),
}

TARGETS_CASES: dict[str, Callable[[], bytes]] = {
    "gbk": lambda: TARGETS.encode("gb18030"),
    "utf16": lambda: TARGETS.encode("utf-16"),
    "empty": lambda: b"",
    "list_at_top": lambda: b"- {date: 2022-12-31, value: 7961}\n",
    "negative_value": lambda: _t("value: 7961", "value: -7961"),
    "chinese_numerals": lambda: _t("value: 11236", "value: 一万一千二百三十六"),
    "thousands_separator": lambda: _t("value: 11236", 'value: "11,236"'),
    "percent_string_rate": lambda: _t("value: 0.15", 'value: "15%"'),
    "impossible_date": lambda: _t("date: 2025-12-31", "date: 2025-02-30"),
    "unknown_field": lambda: _t("region: 蒲县", "region: 蒲县\nregoin: 蒲县"),
    "missing_targets": lambda: b"region: x\nbaseline: {date: 2021-12-31, value: 1}\n",
    "target_before_baseline": lambda: _t("date: 2022-12-31", "date: 2020-12-31"),
    "python_tag": lambda: _t("region: 蒲县", "region: !!python/object:object {}"),
    "alias_bomb": lambda: BOMB.encode(),
    "tab": lambda: _t("  value: 6472", "\tvalue: 6472"),
    "duplicate_key": lambda: _t("region: 蒲县", "region: 蒲县\nregion: 临汾市"),
}


# ---- CSV observation files ------------------------------------------------------------
# A small valid ledger and a small valid actuals file (synthetic figures, not real reports:
# only the 2021 and 2022 year ends are the plan's numbers). Each case mutates one of them.

PROGRESS = (
    "date,measure,unit,status,percent,note,evidence\n"
    "2023-03-31,1,县发改局,in_progress,40,完成初稿,\n"
    "2023-06-30,1,县行政审批局,done,100,已印发,蒲审批〔2023〕1号\n"
    "2023-09-30,2,县行政审批局,in_progress,60,\"推进中, 待验收\",\n"
)

ACTUALS = (
    "date,total,new,cancelled,source\n"
    "2021-12-31,6472,,,synthetic\n"
    "2022-12-31,7961,1600,111,synthetic\n"
    "2023-12-31,9100,1300,161,synthetic\n"
    "2024-12-31,10400,1500,200,synthetic\n"
    "2025-12-31,11300,1100,200,synthetic\n"
)


def _p(old: str, new: str) -> bytes:
    return _sub(PROGRESS, old, new).encode("utf-8")


def _a(old: str, new: str) -> bytes:
    return _sub(ACTUALS, old, new).encode("utf-8")


def sparse_file(path, size: int) -> None:
    """A file of ``size`` bytes that takes no disk space (like ``truncate -s``)."""
    with open(path, "wb") as fh:
        fh.truncate(size)


SPARSE_SIZE = 200 * 1024 * 1024
# Built in the test: the bytes are never held in memory (see ``sparse_file``).
OVERSIZED = "oversized_200mb_sparse"

FORMULA = "=cmd|' /C calc'!A0"

# Cases the loaders must accept (exit 0): odd but correct input.
ACCEPTED = {"bom_crlf", "header_only", "formula_note", "formula_source", "percent_sign",
            "same_day_reports", "thousands_separator_quoted", "no_final_newline",
            "blank_lines"}

PROGRESS_CASES: dict[str, Callable[[], bytes]] = {
    # accepted
    "bom_crlf": lambda: codecs.BOM_UTF8 + PROGRESS.replace("\n", "\r\n").encode("utf-8"),
    "header_only": lambda: PROGRESS.splitlines(keepends=True)[0].encode(),
    "formula_note": lambda: _p("完成初稿", FORMULA.replace("'", "") + ";+1"),
    "percent_sign": lambda: _p(",40,", ",40%,"),
    "same_day_reports": lambda: (PROGRESS + "2023-09-30,2,县行政审批局,done,100,,\n").encode(),
    "no_final_newline": lambda: PROGRESS.rstrip("\n").encode(),
    "blank_lines": lambda: _p("\n2023-06-30", "\n\n,,,,,,\n2023-06-30"),
    # refused
    "gbk": lambda: PROGRESS.encode("gb18030"),
    "utf16_bom": lambda: PROGRESS.encode("utf-16"),
    "utf16_le_no_bom": lambda: PROGRESS.encode("utf-16-le"),
    "tab_separated": lambda: PROGRESS.replace(",", "\t").encode(),
    "semicolon_separated": lambda: PROGRESS.replace(",", ";").encode(),
    "binary_garbage": lambda: bytes(range(256)) * 8,
    "nul_bytes": lambda: _p("完成初稿", "完成\x00初稿"),
    "empty": lambda: b"",
    "missing_column": lambda: _p("date,measure,unit,status,", "date,measure,unit,"),
    "unknown_column": lambda: _p("status,percent", "staus,percent"),
    "duplicate_column": lambda: _p("percent,note,evidence", "percent,note,note"),
    "ragged_row": lambda: _p(",40,完成初稿,", ",40,完成初稿,,多余"),
    "unbalanced_quote": lambda: _p(",40,完成初稿,", ",40,\"完成初稿,"),
    "unbalanced_quote_at_end": lambda: (PROGRESS + '2023-12-31,1,县发改局,done,100,"未闭合\n')
    .encode(),
    "impossible_date": lambda: _p("2023-06-30", "2023-02-29"),
    "slash_date": lambda: _p("2023-06-30", "2023/6/30"),
    "chinese_date": lambda: _p("2023-06-30", "2023年6月30日"),
    "future_date": lambda: _p("2023-06-30", "2099-06-30"),
    "unknown_measure": lambda: _p("2023-06-30,1,", "2023-06-30,99,"),
    "measure_as_title": lambda: _p("2023-06-30,1,", "2023-06-30,坚持“法无禁止即可入”,"),
    "chinese_measure": lambda: _p("2023-06-30,1,", "2023-06-30,一,"),
    "unknown_unit": lambda: _p("1,县发改局,", "1,县发改委,"),
    "unit_not_responsible": lambda: _p("2,县行政审批局,", "2,县财政局,"),
    "unknown_status": lambda: _p("done,100", "finished,100"),
    "chinese_status": lambda: _p("done,100", "已完成,100"),
    "percent_150": lambda: _p(",40,", ",150,"),
    "negative_percent": lambda: _p(",40,", ",-5,"),
    "chinese_percent": lambda: _p(",40,", ",四十,"),
    "percent_nan": lambda: _p(",40,", ",nan,"),
}

ACTUALS_CASES: dict[str, Callable[[], bytes]] = {
    # accepted
    "bom_crlf": lambda: codecs.BOM_UTF8 + ACTUALS.replace("\n", "\r\n").encode("utf-8"),
    "header_only": lambda: ACTUALS.splitlines(keepends=True)[0].encode(),
    "formula_source": lambda: _a("2022-12-31,7961,1600,111,synthetic",
                                 f"2022-12-31,7961,1600,111,\"{FORMULA}\""),
    "thousands_separator_quoted": lambda: _a("2024-12-31,10400", '2024-12-31,"10,400"'),
    "no_final_newline": lambda: ACTUALS.rstrip("\n").encode(),
    # refused
    "gbk": lambda: ACTUALS.replace("synthetic", "合成数据").encode("gb18030"),
    "utf16_bom": lambda: ACTUALS.encode("utf-16"),
    "tab_separated": lambda: ACTUALS.replace(",", "\t").encode(),
    "binary_garbage": lambda: bytes(range(256)) * 8,
    "nul_bytes": lambda: _a("2023-12-31", "2023-12\x00-31"),
    "empty": lambda: b"",
    "missing_total": lambda: ACTUALS.replace(",total,", ",totl,").encode(),
    "unknown_column": lambda: _a(",source\n", ",sourse\n"),
    "duplicate_column": lambda: _a("new,cancelled", "new,new"),
    "ragged_row": lambda: _a("2023-12-31,9100,1300,161,synthetic",
                             "2023-12-31,9100,1300,161"),
    "unquoted_thousands": lambda: _a("2024-12-31,10400", "2024-12-31,10,400"),
    "bad_thousands_grouping": lambda: _a("2024-12-31,10400", '2024-12-31,"1,04,00"'),
    "unbalanced_quote": lambda: _a(",synthetic\n2024", ",\"synthetic\n2024"),
    "impossible_date": lambda: _a("2023-12-31", "2023-02-29"),
    "slash_date": lambda: _a("2023-12-31", "2023/12/31"),
    "compact_date": lambda: _a("2023-12-31", "20231231"),
    "future_date": lambda: (ACTUALS + "2099-12-31,20000,,,synthetic\n").encode(),
    "negative_count": lambda: _a("2021-12-31,6472", "2021-12-31,-6472"),
    "chinese_number": lambda: _a("2021-12-31,6472", "2021-12-31,六千四百七十二"),
    "chinese_hundred": lambda: _a(",,,synthetic", ",一百,,synthetic"),
    "decimal_count": lambda: _a("2021-12-31,6472", "2021-12-31,6472.5"),
    "duplicate_date": lambda: (ACTUALS + "2025-12-31,11300,,,synthetic\n").encode(),
    "net_change_mismatch": lambda: _a("1300,161", "1300,160"),
    "empty_total": lambda: _a("2021-12-31,6472", "2021-12-31,"),
    "huge_count": lambda: _a("2021-12-31,6472", "2021-12-31," + "9" * 5000),
}
ACTUALS_CASES["huge_count_40_digits"] = lambda: _a("2025-12-31,11300,1100,200",
                                                   "2025-12-31," + "9" * 40 + ",,")
ACTUALS_CASES["huge_count_400_digits"] = lambda: _a("2025-12-31,11300,1100,200",
                                                    "2025-12-31," + "9" * 400 + ",,")
ACTUALS_CASES["exponent_count"] = lambda: _a("2021-12-31,6472", "2021-12-31,6.472e3")
ACTUALS_CASES["fullwidth_digits"] = lambda: _a("2021-12-31,6472", "2021-12-31,６４７２")
ACTUALS_CASES["underscore_count"] = lambda: _a("2021-12-31,6472", "2021-12-31,64_72")
PROGRESS_CASES["percent_exponent"] = lambda: _p(",40,", ",4e1,")
PROGRESS_CASES["percent_underscore"] = lambda: _p(",40,", ",4_0,")
PROGRESS_CASES["measure_zero"] = lambda: _p("2023-06-30,1,", "2023-06-30,0,")
ACTUALS_CASES["count_nan"] = lambda: _a("2021-12-31,6472", "2021-12-31,nan")
ACTUALS_CASES["count_inf"] = lambda: _a("2021-12-31,6472", "2021-12-31,inf")
ACCEPTED.add("fullwidth_digits")
# Net change against new − cancelled is a located *warning* (validate exits 0, --strict
# fails): real registers differ by moves in and out, and the row must be recordable for
# `pucli quality` to flag it. tests/test_loading_actuals.py checks the warning itself.
ACCEPTED.add("net_change_mismatch")
# The Chinese status words pucli prints (已完成, 推进中 …) are read as their codes.
ACCEPTED.add("chinese_status")
# Issue 11: ids need not run 1..n (a partial transcription keeps the plan's own numbers).
ACCEPTED.add("id_gap")
