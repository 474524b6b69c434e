"""Spreadsheets people can use: number formats, a frozen header with a filter, fitted
widths, column names in the output language (codes for machines on request)."""

from __future__ import annotations

import datetime as dt

import pytest

from pucli import exitcodes

from brief_support import AS_OF, make_brief_data


@pytest.fixture
def data(tmp_path):
    return make_brief_data(tmp_path / "data")


def _sheet(cli, tmp_path, *args):
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    code, _, err = cli(*args, "-f", "xlsx", "-o", target)
    assert code == exitcodes.OK, err
    return load_workbook(target).worksheets[0]


def _column(ws, name):
    header = [c.value for c in ws[1]]
    k = header.index(name)
    return [row[k] for row in ws.iter_rows(min_row=2)]


def test_projection_sheet_formats_dates_periods_and_chinese_headers(cli, data, tmp_path):
    ws = _sheet(cli, tmp_path, "project", "--as-of", AS_OF, "--data", data)
    header = [c.value for c in ws[1]]
    assert header[:5] == ["地区", "日期", "期别", "规划一（逐个目标）", "规划二（年均增速）"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{ws.max_row}"
    assert all(c.font.b for c in ws[1])
    dates = _column(ws, "日期")
    assert [c.value.date() for c in dates[:2]] == [dt.date(2021, 12, 31), dt.date(2022, 12, 31)]
    assert {c.number_format for c in dates} == {"yyyy-mm-dd"}
    periods = [c.value for c in _column(ws, "期别")]
    assert periods[:2] == ["2021", "2022"] and "2025-03" in periods  # one column, one kind
    plan = _column(ws, "规划一（逐个目标）")
    assert plan[1].value == 7961 and plan[1].number_format == "#,##0"
    gap = [c for c in _column(ws, "差距（%）") if c.value is not None]
    assert gap and {c.number_format for c in gap} == {"0.0%"}
    assert gap[1].value == pytest.approx(-0.0767, abs=1e-4)  # (7350 − 7961) / 7961
    width = {ws.cell(1, k).value: ws.column_dimensions[ws.cell(1, k).column_letter].width
             for k in range(1, ws.max_column + 1)}
    assert width["日期"] >= 10 and width["规划一（逐个目标）"] >= 18  # the header fits
    assert ws.print_title_rows == "$1:$1" and int(ws.page_setup.paperSize) == 9  # A4


def test_headers_follow_the_language_and_codes_on_request(cli, data, tmp_path, monkeypatch):
    ws = _sheet(cli, tmp_path, "status", "--data", data, "--headers", "codes")
    assert [c.value for c in ws[1]][:3] == ["group", "label", "total"]
    share = _column(ws, "share_done")
    assert {c.number_format for c in share} == {"0.0%"}
    monkeypatch.setenv("PUCLI_LANG", "en")
    ws = _sheet(cli, tmp_path, "overdue", "--as-of", AS_OF, "--data", data)
    header = [c.value for c in ws[1]]
    assert "days overdue" in header and "days_overdue" not in header
    days = [c for c in _column(ws, "days overdue")]
    assert days and {c.number_format for c in days} == {"#,##0"}


def test_csv_keeps_codes_unless_words_are_asked_for(cli, data):
    code, out, _ = cli("status", "--data", data, "-f", "csv")
    assert code == exitcodes.OK and out.splitlines()[0].startswith("group,label,total,")
    code, out, _ = cli("status", "--data", data, "-f", "csv", "--headers", "words")
    assert out.splitlines()[0].startswith("分组,名称,合计,未开始,")
    code, out, _ = cli("status", "--data", data, "-f", "json", "--headers", "words")
    assert '"share_done"' in out  # JSON keys stay codes


def test_a_formula_is_text_and_a_date_like_note_stays_text(tmp_path):
    from openpyxl import load_workbook

    from pucli.render.export import write_xlsx

    target = tmp_path / "x.xlsx"
    write_xlsx(str(target), {"s": (["note", "date"], [["=1+1", "2025-02-30"],
                                                      ["2025-01-15", "2025-01-15"]])})
    ws = load_workbook(target)["s"]
    assert ws["A2"].value == "=1+1" and ws["A2"].data_type == "s"
    assert ws["B2"].value == "2025-02-30"  # not a date: kept as written
    assert ws["B3"].value == dt.datetime(2025, 1, 15)
