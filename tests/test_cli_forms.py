"""`pucli forms`, `collect`, `remind` on the demo folder: one quarter played through, with
the mistakes units make, a LibreOffice round trip, and collects that are refused or killed.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from forms_support import (
    AS_OF,
    COLLECTED,
    fill_csv,
    fill_xlsx,
    make_demo,
    measure_in_csv,
    measure_in_row,
)

UNITS_IN_DEMO = 36  # registry units with an open measure on 2025-03-20 (县纪委监委: done)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """The demo folder and its 2025Q1 forms, made once for the module."""
    from pucli.cli.app import run

    base = tmp_path_factory.mktemp("forms")
    data = make_demo(base / "demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PUCLI_CACHE_DIR", str(base / "cache"))
        mp.delenv("PUCLI_DATA", raising=False)
        mp.delenv("PUCLI_LANG", raising=False)
        code = run(["forms", "--data", str(data), "--as-of", AS_OF, "-o", str(base / "forms"),
                    "--csv"])
    assert code == 0
    return base


@pytest.fixture
def demo(made, tmp_path):
    """A fresh copy of the demo folder (with the forms logged as sent) and the forms."""
    shutil.copytree(made / "demo", tmp_path / "demo")
    return tmp_path / "demo", made / "forms"


def _ledger_rows(data: Path) -> list[str]:
    return (data / "progress.csv").read_text(encoding="utf-8").splitlines()


def _overdue_reports(cli, data: Path) -> set[tuple[int, str]]:
    result = cli("overdue", "--data", data, "--as-of", "2025-04-08", "--format", "json")
    return {(r["measure"], r["unit"]) for r in json.loads(result.out) if r["kind"] == "report"}


def test_forms_are_written_and_logged_as_sent(demo):
    data, forms = demo
    assert len(list(forms.glob("*.xlsx"))) == UNITS_IN_DEMO
    assert len(list(forms.glob("*.csv"))) == UNITS_IN_DEMO
    log = (data / "collection.csv").read_text(encoding="utf-8").splitlines()
    assert log[0] == "period,unit,event,date,file,form"
    assert len(log) == 1 + UNITS_IN_DEMO
    assert log[1].startswith("2025Q1,县发改局,sent,2025-03-20,县发改局.xlsx,PUCLI-FORM/1;")


def test_a_whole_quarter(demo, cli, tmp_path):
    data, forms = demo
    back = tmp_path / "returned"
    before = _ledger_rows(data)
    late_before = _overdue_reports(cli, data)
    m = {u: [measure_in_row(forms / f"{u}.xlsx", r) for r in range(6, 11)]
         for u in ("县发改局", "县市场监管局", "县工信局")}
    # valid, typed as people type: "60%", a date cell, a date as text, full-width digits,
    # a percent-formatted cell (Excel turns a typed 35% into 0.35), a row left empty
    fill_xlsx(forms / "县发改局.xlsx", back / "县发改局.xlsx", {
        6: {"status": "推进中", "percent": "60%", "note": "负面清单已公布",
            "date": dt.datetime(2025, 3, 25)},
        7: {"status": "已完成", "percent": 100, "evidence": "蒲发改〔2025〕3号",
            "date": "2025/3/26"},
        8: {"status": "受阻", "percent": "４０", "note": "用地指标未落实"},
        10: {"status": "推进中", "percent": 0.35, "date": "2025年3月27日"}})
    shutil.copy(back / "县发改局.xlsx", back / "县发改局（再次发送）.xlsx")  # returned twice
    fill_xlsx(forms / "县市场监管局.xlsx", back / "县市场监管局.xlsx", {
        6: {"status": "not started", "date": "2025-03-28"}})
    fill_csv(forms / "县教科局.csv", back / "县教科局.csv", {
        3: {"status": "推进中", "percent": "30%", "date": "2025-03-28"}})
    # refused whole: a changed identifying cell, a status outside the list, 110 %
    fill_xlsx(forms / "县工信局.xlsx", back / "县工信局.xlsx", {
        6: {"status": "推进中", "percent": 20}, 7: {"title": "改过的标题"}})
    fill_xlsx(forms / "县财政局.xlsx", back / "县财政局.xlsx", {
        6: {"status": "完成了"}, 7: {"status": "推进中", "percent": 10}})
    fill_xlsx(forms / "县行政审批局.xlsx", back / "县行政审批局.xlsx", {
        6: {"status": "推进中", "percent": 110}})

    result = cli("collect", back, "--data", data, "--as-of", COLLECTED)
    assert result.code == 1
    assert "县财政局.xlsx:6: 第 6 行 状态列: '完成了' 不是可选状态 [unknown-status]" in result.err
    assert "县工信局.xlsx:7: 第 7 行 举措列: 这一行的标识单元格被改动过" in result.err
    assert "县行政审批局.xlsx:6: 第 6 行 进度列: 进度 110 不在 0–100 之间" in result.err
    new = _ledger_rows(data)[len(before):]
    assert _ledger_rows(data)[:len(before)] == before
    assert sorted(new) == sorted([
        f"2025-03-25,{m['县发改局'][0]},县发改局,in_progress,60,负面清单已公布,",
        f"2025-03-26,{m['县发改局'][1]},县发改局,done,100,,蒲发改〔2025〕3号",
        f"2025-03-30,{m['县发改局'][2]},县发改局,blocked,40,用地指标未落实,",
        f"2025-03-27,{m['县发改局'][4]},县发改局,in_progress,35,,",
        f"2025-03-28,{m['县市场监管局'][0]},县市场监管局,not_started,,,",
        "2025-03-28,3,县教科局,in_progress,30,,",
    ])
    assert "县发改局（再次发送）.xlsx：收录 0 行，4 行已在台账中" in result.out
    assert "2025Q1 已交回（3/36）" in result.out  # 县发改局, 县市场监管局, 县教科局
    assert "2025Q1 未交回（33）" in result.out
    late_after = _overdue_reports(cli, data)
    taken = {(m["县发改局"][i], "县发改局") for i in (0, 1, 2, 4)} | {
        (m["县市场监管局"][0], "县市场监管局"), (3, "县教科局")}
    assert taken <= late_before
    assert late_after == late_before - taken
    assert (m["县工信局"][0], "县工信局") in late_after  # refused: still late

    again = cli("collect", back, "--data", data, "--as-of", COLLECTED)
    assert _ledger_rows(data)[len(before):] == new  # collecting again adds nothing
    assert again.code == 1


def test_partial_takes_the_valid_rows_of_a_form(demo, cli, tmp_path):
    data, forms = demo
    back = tmp_path / "returned"
    fill_xlsx(forms / "县财政局.xlsx", back / "县财政局.xlsx", {
        6: {"status": "完成了"}, 7: {"status": "推进中", "percent": 10}})
    before = _ledger_rows(data)
    result = cli("collect", back / "县财政局.xlsx", "--data", data, "--as-of", COLLECTED,
                 "--partial")
    assert result.code == 1
    measure = measure_in_row(forms / "县财政局.xlsx", 7)
    assert _ledger_rows(data) == [*before, f"2025-03-30,{measure},县财政局,in_progress,10,,"]


def test_a_csv_form_saved_in_gbk_by_excel_collects(demo, cli, tmp_path):
    """Excel and WPS on Chinese Windows save "CSV (逗号分隔)" in GBK: a returned form is
    read as such (the data folder's own files stay UTF-8 only)."""
    data, forms = demo
    back = tmp_path / "returned"
    fill_csv(forms / "县教科局.csv", back / "县教科局.csv", {
        3: {"status": "推进中", "percent": "30%", "note": "已召开专题会", "date": "2025-03-28"}},
        encoding="gbk")
    raw = (back / "县教科局.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "专题会".encode("gbk") in raw
    before = _ledger_rows(data)
    result = cli("collect", back, "--data", data, "--as-of", COLLECTED)
    assert result.code == 0, result.err
    measure = measure_in_csv(forms / "县教科局.csv", 3)
    assert _ledger_rows(data) == [*before,
                                  f"2025-03-28,{measure},县教科局,in_progress,30,已召开专题会,"]


def test_nothing_is_written_when_a_form_is_refused_whole(demo, cli, tmp_path):
    data, forms = demo
    back = tmp_path / "returned"
    fill_xlsx(forms / "县工信局.xlsx", back / "县工信局.xlsx", {
        6: {"status": "推进中", "percent": 20}, 7: {"measure": 99}})
    from openpyxl import load_workbook

    wb = load_workbook(forms / "县财政局.xlsx")  # a row deleted (protection switched off)
    wb.worksheets[0].delete_rows(8)
    wb.save(back / "县财政局.xlsx")
    ledger, log = (data / "progress.csv").read_bytes(), (data / "collection.csv").read_bytes()
    result = cli("collect", back, "--data", data, "--as-of", COLLECTED)
    assert result.code == 1
    assert "第 7 行 举措编号列" in result.err
    assert "[form-altered]" in result.err
    assert (data / "progress.csv").read_bytes() == ledger
    assert (data / "collection.csv").read_bytes() == log


def test_a_form_of_another_period_or_no_form_at_all_is_refused(demo, cli, tmp_path, english):
    data, forms = demo
    back = tmp_path / "returned"
    fill_xlsx(forms / "县发改局.xlsx", back / "县发改局.xlsx", {6: {"status": "推进中"}})
    result = cli("collect", back, "--data", data, "--as-of", COLLECTED, "--period", "2025Q2")
    assert result.code == 1
    assert "县发改局.xlsx: the form is for 2025Q1, not 2025Q2 [form-other-period]" in result.err
    (back / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = cli("collect", back / "notes.csv", "--data", data, "--as-of", COLLECTED)
    assert result.code == 1 and "[not-a-form]" in result.err
    result = cli("collect", back, "--data", data, "--period", "2025Q5")
    assert result.code == 2


def test_remind_lists_late_items_per_unit(demo, cli, tmp_path):
    data, _forms = demo
    result = cli("remind", "--data", data, "--as-of", "2025-04-08", "--unit", "县工信局")
    assert result.code == 0
    assert result.out.startswith("催办通知\n\n县工信局：")
    # measure 12: due 2024-12-31, extended to 2025-03-31 (make_demo.py), 8 days late
    assert ("举措 12「提升产业集聚区承载力」：完成时限 2025-03-31（原定 2024-12-31），已逾期 8 天；"
            "上次报送：受阻（2025-02-10）。") in result.out
    assert "请于2025年4月15日前报送" in result.out  # the Q1 deadline passed: a week on
    out = tmp_path / "催办"
    result = cli("--lang", "en", "remind", "--data", data, "--as-of", "2025-04-08", "-o", out,
                 "--unit", "县政府办")
    assert result.code == 0
    text = (out / "reminder-县政府办.txt").read_text(encoding="utf-8")
    milestone = "milestone \u201c2024年度工作总结报送（演示）\u201d"
    assert f"{milestone}: due 2025-01-15, 83 days late" in text
    import docx

    body = "\n".join(p.text for p in docx.Document(out / "reminder-县政府办.docx").paragraphs)
    assert "83 days late" in body


def test_the_brief_names_the_units_that_have_not_returned_their_form(demo, cli, tmp_path):
    data, forms = demo
    back = tmp_path / "returned"
    fill_xlsx(forms / "县发改局.xlsx", back / "县发改局.xlsx", {6: {"status": "推进中"}})
    cli("collect", back, "--data", data, "--as-of", COLLECTED)
    out = cli("brief", "--data", data, "--as-of", "2025-04-02").out
    assert "2025Q1 填报表发出 36 份，已交回 1 份，未交回 35 份（见附件" in out
    annex = out[out.index("未交回 2025Q1 填报表的单位\n"):]
    annex = annex[:annex.find("\n## ", 1)]
    assert "| 1 | 县行政审批局 |" in annex and "县发改局" not in annex
    assert len([line for line in annex.splitlines() if line.startswith("| ")]) == 1 + 35


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not found")
def test_a_form_saved_by_libreoffice_still_collects(demo, cli, tmp_path):
    data, forms = demo
    filled = tmp_path / "filled" / "县发改局.xlsx"
    fill_xlsx(forms / "县发改局.xlsx", filled, {
        6: {"status": "推进中", "percent": 45, "date": dt.datetime(2025, 3, 24)}})
    out = tmp_path / "lo"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(filled)],
        capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    from openpyxl import load_workbook

    ws = load_workbook(out / "县发改局.xlsx").worksheets[0]
    assert ws.protection.sheet  # the lock survived
    assert ws.column_dimensions["L"].hidden
    result = cli("collect", out, "--data", data, "--as-of", COLLECTED)
    assert result.code == 0, result.err
    measure = measure_in_row(forms / "县发改局.xlsx", 6)
    assert _ledger_rows(data)[-1] == f"2025-03-24,{measure},县发改局,in_progress,45,,"


def test_a_collect_killed_midway_leaves_the_ledger_whole(demo, tmp_path):
    """Killed at several moments, then run again: every form's rows are in the ledger
    whole or not at all, and the last run ends with the same ledger as one clean run."""
    data, forms = demo
    back = tmp_path / "returned"
    from openpyxl import load_workbook

    filled = {}
    for form in sorted(forms.glob("*.xlsx"))[:12]:
        rows = min(load_workbook(form, read_only=True).worksheets[0].max_row - 5, 2)
        fill_xlsx(form, back / form.name, {6: {"status": "推进中", "percent": 50},
                                             7: {"status": "未开始"}} if rows == 2 else
                  {6: {"status": "推进中", "percent": 50}})
        filled[form.stem] = rows
    clean = tmp_path / "clean"
    shutil.copytree(data, clean)
    cmd = [sys.executable, "-m", "pucli", "collect", str(back), "--as-of", COLLECTED,
           "--data"]
    start = time.perf_counter()
    subprocess.run([*cmd, str(clean)], capture_output=True, timeout=120, check=True)
    took = time.perf_counter() - start
    expected = (clean / "progress.csv").read_text(encoding="utf-8")
    for share in (0.5, 0.7, 0.9):  # while importing, reading the forms, writing
        delay = took * share
        proc = subprocess.Popen([*cmd, str(data)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
        lines = (data / "progress.csv").read_text(encoding="utf-8").splitlines()
        assert expected.splitlines()[:len(lines)] == lines  # a prefix, whole rows only
        units = [line.split(",")[2] for line in lines[5:]]
        assert all(units.count(u) == filled[u] for u in units)  # a form's rows, or none
    subprocess.run([*cmd, str(data)], capture_output=True, timeout=120, check=True)
    assert (data / "progress.csv").read_text(encoding="utf-8") == expected


def test_the_form_is_locked_validated_and_prints_on_a4(demo):
    from openpyxl import load_workbook

    _data, forms = demo
    wb = load_workbook(forms / "县发改局.xlsx")
    ws = wb.worksheets[0]
    assert ws.title == "县发改局"
    assert ws["A1"].value.endswith("推进情况填报表")
    assert "填报单位：县发改局" in ws["A2"].value and "报送截止：2025-03-31" in ws["A2"].value
    assert ws["L1"].value.startswith("PUCLI-FORM/1;") and ws.column_dimensions["L"].hidden
    assert [c.value for c in ws[5]][:7] == ["序号", "举措编号", "举措", "责任", "完成时限",
                                           "上次报送", "状态"]
    assert ws.protection.sheet and not ws.protection.password  # locked, no password
    assert ws["B6"].protection.locked and not ws["G6"].protection.locked
    rules = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    last = ws.max_row
    assert rules[f"G6:G{last}"].formula1 == '"未开始,推进中,已完成,受阻"'
    assert (rules[f"H6:H{last}"].formula1, rules[f"H6:H{last}"].formula2) == ("0", "100")
    assert ws.print_title_rows == "$5:$5"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 == "9"  # A4 in OOXML
    assert ws.column_dimensions["C"].width >= 20  # the titles are wide enough to read


def test_one_workbook_holds_a_sheet_per_unit(tmp_path, cli):
    data = make_demo(tmp_path / "demo")
    result = cli("forms", "--data", data, "--as-of", AS_OF, "-o", tmp_path / "out",
                 "--one-workbook", "--unit", "县发改局", "--unit", "县工信局")
    assert result.code == 0, result.err
    from openpyxl import load_workbook

    book = tmp_path / "out" / "填报表-2025Q1.xlsx"
    wb = load_workbook(book)
    assert wb.sheetnames == ["县发改局", "县工信局"]
    wb["县工信局"].cell(6, 7, "推进中")
    wb.save(book)
    result = cli("collect", book, "--data", data, "--as-of", COLLECTED)
    assert result.code == 0, result.err
    assert "填报表-2025Q1.xlsx[县工信局]：收录 1 行" in result.out
    assert "2025Q1 已交回（1/2）：县工信局" in result.out


def test_dry_run_writes_nothing_and_says_what_it_would_take(demo, cli, tmp_path):
    data, forms = demo
    back = tmp_path / "returned"
    fill_xlsx(forms / "县发改局.xlsx", back / "县发改局.xlsx", {6: {"status": "推进中"}})
    ledger, log = (data / "progress.csv").read_bytes(), (data / "collection.csv").read_bytes()
    result = cli("collect", back, "--data", data, "--as-of", COLLECTED, "--dry-run")
    assert result.code == 0, result.err
    assert "县发改局.xlsx：可收录 1 行，16 行未填" in result.out
    assert (data / "progress.csv").read_bytes() == ledger
    assert (data / "collection.csv").read_bytes() == log


def test_an_english_form_collects_the_same(tmp_path, cli):
    data = make_demo(tmp_path / "demo")
    result = cli("--lang", "en", "forms", "--data", data, "--as-of", AS_OF, "-o",
                 tmp_path / "forms", "--unit", "县工信局")
    assert result.code == 0, result.err
    assert result.out.startswith("wrote forms for 1 units (2025Q1, 17 items, return by "
                                 "2025-03-31)")
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "forms" / "县工信局.xlsx").worksheets[0]
    assert ws["C5"].value == "Title" and ws["D6"].value in ("lead", "shared")
    fill_xlsx(tmp_path / "forms" / "县工信局.xlsx", tmp_path / "back" / "县工信局.xlsx",
              {6: {"status": "blocked", "percent": 20, "note": "synthetic"}})
    result = cli("--lang", "en", "collect", tmp_path / "back", "--data", data, "--as-of",
                 COLLECTED)
    assert result.code == 0, result.err
    measure = measure_in_row(tmp_path / "forms" / "县工信局.xlsx", 6)
    assert (data / "progress.csv").read_text(encoding="utf-8").splitlines()[-1] == \
        f"2025-03-30,{measure},县工信局,blocked,20,synthetic,"


def test_validate_checks_the_collection_log(demo, cli, english):
    data, _forms = demo
    with open(data / "collection.csv", "a", encoding="utf-8") as fh:
        fh.write("2025Q1,县发改委,sent,2025-03-20,x.xlsx,\n2025Q1,县发改局,lost,2025-3-1,,\n")
    result = cli("validate", "--data", data)
    assert result.code == 1
    lines = [line for line in result.err.splitlines() + result.out.splitlines()
             if line.startswith(str(data / "collection.csv")) or "collection.csv:" in line]
    assert [line.split(": ", 1)[1] for line in lines] == [
        "row 38, unit: unknown unit '县发改委' [unknown-unit]",
        "row 39, event: unknown event 'lost' [unknown-event]",
        "row 39, date: '2025-3-1' is not a date [invalid-date]"]
