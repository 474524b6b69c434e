"""`pucli actuals add` / `import`: validated first, appended, every rejected row reported."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from pucli.loading.actuals_write import Origin, append_actuals, check_actuals_records
from pucli.loading.datadir import DataDir
from pucli.problems import DataError

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



# -- issue 12 item 4: survivors of mutation testing (loading/actuals_write.py) ---------------


def test_a_metric_declared_by_the_folder_is_written_by_its_name(minimal):
    # 电商企业 is no built-in metric: only targets.yaml's registry knows it, for the
    # label → name step and for the check of the row
    (minimal / "targets.yaml").write_text(
        (minimal / "targets.yaml").read_text(encoding="utf-8")
        + "metrics:\n  - {name: dianshang, label: 电商企业}\n", encoding="utf-8")
    (minimal / "actuals.csv").write_text("date,total,metric\n2021-12-31,100,\n",
                                         encoding="utf-8")
    record = {"date": "2022-12-31", "total": "40", "metric": "电商企业"}
    dry = check_actuals_records(DataDir(minimal, "--data"), [record])
    assert dry.written == [{**record, "metric": "dianshang"}] and dry.rejected == []
    result = append_actuals(DataDir(minimal, "--data"), [record])
    assert [n[1:] for n in result.normalised] == [("metric", "电商企业", "dianshang")]
    assert (minimal / "actuals.csv").read_text(encoding="utf-8").endswith(
        "2022-12-31,40,dianshang\n")


def test_a_dry_run_without_actuals_csv_takes_the_header_from_the_rows(minimal):
    records = [{"date": "2022-12-31", "total": "7,350", "enterprises": "2000"}]
    result = check_actuals_records(DataDir(minimal, "--data"), records)
    assert result.rejected == []
    assert result.written == [{"date": "2022-12-31", "total": "7350", "enterprises": "2000"}]
    assert not (minimal / "actuals.csv").exists()


def test_a_column_the_file_lacks_is_refused_at_the_header(minimal):
    (minimal / "actuals.csv").write_text("date,total\n2021-12-31,100\n", encoding="utf-8")
    result = append_actuals(DataDir(minimal, "--data"), [
        {"date": "2022-12-31", "total": "110", "enterprises": "50"},
        {"date": "2023-12-31", "total": "120", "metric": "enterprises"}])
    shown = str(minimal / "actuals.csv")  # a folder given with --data: shown as a path
    (_, (lacks,)), (_, (metric,)) = result.rejected
    assert (lacks.code, lacks.file, lacks.line, lacks.path) == (
        "unknown-column", shown, 1, "header")
    assert lacks.hint == (f"add 'enterprises' to the header of {shown} first, or leave "
                          "the value out")
    assert metric.hint.startswith(f"add a column headed 'metric' to {shown} first")
    assert result.written == []


def test_every_canonical_column_is_normalised_whatever_comes_between(minimal):
    # the date loses its spaces and the count its separator, with a non-canonical column
    # (source) between them
    (minimal / "actuals.csv").write_text("date,total,source\n2021-12-31,100,x\n",
                                         encoding="utf-8")
    result = append_actuals(DataDir(minimal, "--data"),
                            [{"date": " 2022-12-31 ", "source": "y", "total": "1,100"}])
    assert [n[1:] for n in result.normalised] == [("date", " 2022-12-31 ", "2022-12-31"),
                                                  ("total", "1,100", "1100")]
    assert (minimal / "actuals.csv").read_text(encoding="utf-8").endswith(
        "2022-12-31,1100,y\n")


def test_a_header_with_a_byte_order_mark_takes_new_rows(minimal):
    (minimal / "actuals.csv").write_text("\ufeffdate,total\n2021-12-31,100\n",
                                         encoding="utf-8")
    result = append_actuals(DataDir(minimal, "--data"), [{"date": "2022-12-31",
                                                          "total": "110"}])
    assert result.rejected == []
    assert (minimal / "actuals.csv").read_text(encoding="utf-8") == (
        "\ufeffdate,total\n2021-12-31,100\n2022-12-31,110\n")


def test_an_unreadable_actuals_csv_is_a_located_error(minimal):
    (minimal / "actuals.csv").mkdir()  # a folder where the file should be
    with pytest.raises(DataError) as caught:
        check_actuals_records(DataDir(minimal, "--data"), [{"date": "2022-12-31",
                                                           "total": "110"}])
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("unreadable-file", str(minimal / "actuals.csv"))


def test_a_row_from_the_command_line_is_located_at_its_option(minimal):
    (minimal / "actuals.csv").write_text("date,total\n2021-12-31,100\n", encoding="utf-8")
    origin = Origin("command line", options={"date": "DATE", "total": "TOTAL"})
    result = append_actuals(DataDir(minimal, "--data"),
                            [{"date": "2022-12-31", "total": "many"}], [origin])
    ((where, (problem,)),) = result.rejected
    assert where is origin
    assert (problem.line, problem.col, problem.excerpt, problem.width, problem.path) == (
        None, None, None, 1, "TOTAL")


def test_an_actuals_csv_in_gbk_is_refused_not_appended_to(minimal):
    gbk = "date,total,source\n2021-12-31,100,区\n".encode("gbk")
    (minimal / "actuals.csv").write_bytes(gbk)
    for write in (append_actuals, check_actuals_records):
        with pytest.raises(DataError) as caught:
            write(DataDir(minimal, "--data"), [{"date": "2022-12-31", "total": "110"}])
        (problem,) = caught.value.problems
        assert (problem.code, problem.file, problem.line) == (
            "encoding", str(minimal / "actuals.csv"), 2)
    assert (minimal / "actuals.csv").read_bytes() == gbk


def test_a_row_dated_after_today_is_refused(minimal):
    # "today" is the caller's (a replayed day), not the clock's
    (minimal / "actuals.csv").write_text("date,total\n2021-12-31,100\n", encoding="utf-8")
    rows = [{"date": "2022-12-31", "total": "110"}]
    for write in (check_actuals_records, append_actuals):
        result = write(DataDir(minimal, "--data"), rows, today=dt.date(2022, 6, 1))
        ((_, problems),) = result.rejected
        assert [p.code for p in problems] == ["future-date"]
    assert (minimal / "actuals.csv").read_text(encoding="utf-8") == "date,total\n2021-12-31,100\n"


def test_add_of_an_empty_row_is_refused(english, cli, minimal):
    """Found by the fuzzer (seed 3038392): `actuals add '' ''` wrote ',,' — a row the
    parser then skips as blank, so nothing checked it."""
    (minimal / "actuals.csv").write_text("date,total\n2022-12-31,120\n", encoding="utf-8")
    code, _, err = cli("actuals", "add", "", "", "--data", str(minimal))
    assert code == 1 and "the row is empty" in err, err
    assert (minimal / "actuals.csv").read_text(encoding="utf-8") == \
        "date,total\n2022-12-31,120\n"


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_a_bare_carriage_return_ends_a_line_for_the_writers_as_for_the_reader(
        english, cli, minimal, tmp_path, ending):
    """Found by the fuzzer (seeds 3051810, 3058452): with a bare CR (old Mac line end) in
    actuals.csv, the writer counted lines differently from the parser, so a new row's
    problems fell on no line and `actuals add 9999-12-30 +5` was written; import crashed
    reading the header (exit 70)."""
    before = f"date,total{ending}2022-12-31,120\n2023-12-31,130\n".encode()
    (minimal / "actuals.csv").write_bytes(before)
    code, _, err = cli("actuals", "add", "2199-12-31", "5", "--data", str(minimal))
    assert code == 1 and "future" in err, err
    assert (minimal / "actuals.csv").read_bytes() == before
    src = tmp_path / "export.csv"
    src.write_text("date,total\n2024-12-31,140\n2099-12-31,1\n", encoding="utf-8")
    code, _, err = cli("actuals", "import", str(src), "--data", str(minimal))
    assert code == 1 and "row 3" in err and "imported 1 row" in err, err
    assert (minimal / "actuals.csv").read_bytes() == before + b"2024-12-31,140\n"
    code, _, err = cli("validate", "--data", str(minimal))
    assert code == 0, err
