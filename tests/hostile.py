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
