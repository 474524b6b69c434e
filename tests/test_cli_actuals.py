"""`pucli actuals add` / `import`: validated first, appended, every rejected row reported."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from pucli.loading.actuals_write import append_actuals
from pucli.loading.datadir import DataDir

HEADER = "date,total,source\n"
SHIPPED = (HEADER + '2021-12-31,6472,"derived: 7961 − 1489 from 蒲发〔2022〕11号 二、工作目标 '
           '(力保2022年增长率达23%，增长1489户，到2022年末市场主体总数达7961户); the plan does '
           'not state the end-2021 count"\n')


def test_add_appends_one_row(cli, datadir):
    code, _, err = cli("actuals", "add", "2022-12-31", "7900", "--source", "synthetic",
                       "--data", str(datadir))
    assert code == 0, err
    assert (datadir / "actuals.csv").read_text(encoding="utf-8") == (
        SHIPPED + "2022-12-31,7900,synthetic\n")


def test_add_refuses_a_bad_row_and_writes_nothing(english, cli, datadir):
    code, _, err = cli("actuals", "add", "2021-12-31", "7000", "--data", str(datadir))
    assert code == 1
    # located at the argument: the would-be line 3 does not exist in the file
    assert "actuals.csv: DATE: a second row for 2021-12-31 (first on line 2) " \
           "[duplicate-date]" in err
    assert "actuals.csv:3" not in err
    assert "not written" in err
    assert (datadir / "actuals.csv").read_text(encoding="utf-8") == SHIPPED


@pytest.mark.parametrize("command", [["actuals", "add", "2022-12-31", "7900"],
                                     ["actuals", "import", "{src}", "--dry-run"]])
def test_an_emptied_actuals_file_is_refused_not_restarted(english, cli, datadir, tmp_path,
                                                          command):
    src = tmp_path / "export.csv"
    src.write_text("date,total\n2022-12-31,7900\n", encoding="utf-8")
    (datadir / "actuals.csv").write_bytes(b"")
    code, _, err = cli(*[c.format(src=src) for c in command], "--data", str(datadir))
    assert code == 1
    assert "actuals.csv: file is empty [empty-file]" in err
    assert (datadir / "actuals.csv").read_bytes() == b""


def test_add_refuses_a_column_the_file_lacks(english, cli, datadir):
    code, _, err = cli("actuals", "add", "2022-12-31", "7900", "--enterprises", "2000",
                       "--data", str(datadir))
    assert code == 1
    assert "has no column 'enterprises'" in err


def test_import_csv_with_a_mapping_reports_every_rejected_row(english, cli, minimal, tmp_path):
    src = tmp_path / "export.csv"
    src.write_text("统计日期,市场主体总数,备注\n"
                   "2022年12月,120,a\n"
                   "2023/06/30,一百,b\n"
                   "2023-12-31,140,c\n"
                   "2023-12-31,141,d\n", encoding="utf-8")
    code, _, err = cli("actuals", "import", str(src), "--map", "统计日期=date",
                       "--map", "市场主体总数=total", "--data", str(minimal))
    assert code == 1
    assert "ignored columns: 备注" in err
    assert f"{src}:3:2: row 3, total: total '一百' is not a number [not-a-number]" in err
    assert f"{src}:5:1: row 5, date: a second row for 2023-12-31" in err
    assert "imported 2 row(s)" in err and "rejected 2" in err
    assert (minimal / "actuals.csv").read_text(encoding="utf-8") == (
        "date,total\n2022-12-31,120\n2023-12-31,140\n")


def test_import_a_csv_saved_in_gbk_by_excel(english, cli, minimal, tmp_path):
    """A statistics table saved as "CSV (逗号分隔)" by Excel on Chinese Windows is GBK:
    imported as read, while actuals.csv itself stays UTF-8."""
    src = tmp_path / "统计.csv"
    src.write_bytes("统计日期,市场主体总数\r\n2022-12-31,120\r\n2023-12-31,140\r\n"
                    .encode("gbk"))
    code, _, err = cli("actuals", "import", str(src), "--map", "统计日期=date",
                       "--map", "市场主体总数=total", "--data", str(minimal))
    assert code == 0, err
    assert (minimal / "actuals.csv").read_text(encoding="utf-8") == (
        "date,total\n2022-12-31,120\n2023-12-31,140\n")
    (minimal / "actuals.csv").write_bytes("date,total\n2022-12-31,120\n".encode("gbk")
                                          .replace(b"\n", "，注\n".encode("gbk"), 1))
    code, _, err = cli("validate", "--data", str(minimal))
    assert code == 1 and "GBK" in err  # the folder's own file: refused, with the fix


def test_import_refuses_a_csv_in_another_legacy_encoding(english, cli, minimal, tmp_path):
    src = tmp_path / "統計.csv"  # Big5, as Excel saves it on a Taiwan or Hong Kong Windows
    src.write_bytes("統計日期,市場主體總數,來源\r\n2022-12-31,120,縣市場監管局\r\n"
                    .encode("big5"))
    code, _, err = cli("actuals", "import", str(src), "--map", "統計日期=date",
                       "--map", "市場主體總數=total", "--data", str(minimal))
    assert code == 1 and "neither UTF-8 nor GBK" in err and "--from ENCODING" in err, err
    assert not (minimal / "actuals.csv").exists() or "縣" not in (
        minimal / "actuals.csv").read_text(encoding="utf-8")


def test_import_a_line_break_inside_a_field_rejects_the_right_row(english, cli, minimal,
                                                                  tmp_path):
    # Found by the fuzzer: each appended record was taken to be one line, so the break in
    # the first source shifted the mapping: the negative count was written, and the row
    # after it was reported in its place.
    src = tmp_path / "export.csv"
    src.write_text('date,total,source\n2022-12-31,120,"line one\nline two"\n'
                   "2023-12-31,-1,negative\n2024-12-31,150,fine\n", encoding="utf-8")
    code, _, err = cli("actuals", "import", str(src), "--data", str(minimal))
    assert code == 1
    assert f"{src}:4:" in err and "total -1 is negative" in err
    assert "imported 2 row(s)" in err and "rejected 1" in err
    assert (minimal / "actuals.csv").read_text(encoding="utf-8") == (
        'date,total,source\n2022-12-31,120,"line one\nline two"\n2024-12-31,150,fine\n')


def test_import_xlsx(english, cli, minimal, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "统计"
    ws.append(["截止日期", "总数"])
    ws.append([dt.datetime(2022, 12, 31), 7900.0])
    ws.append([dt.datetime(2023, 12, 31), -3])
    wb.save(tmp_path / "export.xlsx")
    code, _, err = cli("actuals", "import", str(tmp_path / "export.xlsx"), "-m", "截止日期=date",
                       "-m", "总数=total", "--data", str(minimal))
    assert code == 1
    assert "export.xlsx[统计]:3:2: row 3, total: total -3 is negative" in err
    assert (minimal / "actuals.csv").read_text() == "date,total\n2022-12-31,7900\n"


@pytest.mark.parametrize(("limit", "expected"), [
    ("MAX_XLSX_BYTES", "file is "), ("MAX_XLSX_UNPACKED", "workbook unpacks to ")])
def test_import_refuses_an_oversized_workbook(english, cli, minimal, tmp_path, monkeypatch,
                                              limit, expected):
    from openpyxl import Workbook

    from pucli.loading import actuals_import

    wb = Workbook()
    wb.active.append(["date", "total"])
    wb.active.append(["2022-12-31", 7900])
    wb.save(tmp_path / "export.xlsx")
    monkeypatch.setattr(actuals_import, limit, 1000)
    before = sorted(p.name for p in minimal.iterdir())
    code, _, err = cli("actuals", "import", str(tmp_path / "export.xlsx"), "--data",
                       str(minimal))
    assert code == 1
    assert expected in err and "pucli refuses files over 1000 bytes [file-too-large]" in err
    assert sorted(p.name for p in minimal.iterdir()) == before  # nothing written


def test_import_names_the_missing_mapping(english, cli, minimal, tmp_path):
    src = tmp_path / "export.csv"
    src.write_text("日期,数量\n2022-12-31,1\n", encoding="utf-8")
    code, _, err = cli("actuals", "import", str(src), "--data", str(minimal))
    assert code == 1
    assert "no column for 'date' [missing-column]" in err
    assert "map one with --map SOURCE=date; the file's columns: 日期, 数量" in err


def _append(args):
    folder, year = args
    return len(append_actuals(DataDir(folder, "--data"),
                              [{"date": f"{year}-12-31", "total": str(year)}]).written)


def test_concurrent_appends_keep_every_row(minimal):
    with multiprocessing.get_context("fork").Pool(8) as pool:
        # a timeout: an error a worker raises that cannot be unpickled hangs map() forever
        written = pool.map_async(_append, [(minimal, y) for y in range(1990, 2022)]
                                 ).get(timeout=120)
    assert sum(written) == 32
    lines = (minimal / "actuals.csv").read_text().splitlines()
    assert lines[0] == "date,total" and len(lines) == 33
    assert sorted(lines[1:]) == [f"{y}-12-31,{y}" for y in range(1990, 2022)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_values_are_written_in_canonical_form_and_the_user_is_told(cli, minimal, tmp_path,
                                                                  monkeypatch, lang):
    monkeypatch.setenv("PUCLI_LANG", lang)
    src = tmp_path / "export.csv"
    # as spreadsheets export them: thousands separators, full-width digits, a zero fraction
    src.write_text('date,total\n2022-12-31,"7,350"\n2023-06-30,１２０\n2023-12-31,130.0\n',
                   encoding="utf-8")
    code, _, err = cli("actuals", "import", str(src), "--data", str(minimal))
    assert code == 0, err
    assert (minimal / "actuals.csv").read_text(encoding="utf-8") == (
        "date,total\n2022-12-31,7350\n2023-06-30,120\n2023-12-31,130\n")
    said = {"zh": f"规范写法：{src} 第 2 行 total '7,350' → 7350",
            "en": f"normalised: {src} row 2 total '7,350' → 7350"}
    assert said[lang] in err
    code, _, err = cli("actuals", "add", "2024-06-30", "1,400", "--data", str(minimal))
    assert code == 0 and ("TOTAL '1,400' → 1400" in err) and "1400" in err
    assert (minimal / "actuals.csv").read_text(encoding="utf-8").endswith("2024-06-30,1400\n")
    # a value already canonical is not mentioned
    code, _, err = cli("actuals", "add", "2024-12-31", "1500", "--data", str(minimal))
    assert code == 0 and "→" not in err

