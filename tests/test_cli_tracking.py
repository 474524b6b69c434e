"""The tracking commands end to end: update, overdue, due, status, ledger."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pucli import exitcodes
from pucli.cli.app import run

from tracking_support import HEADER, make_data_dir


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PUCLI_DATA", raising=False)
    return make_data_dir(tmp_path / "data")


def pucli(capsys, *args):
    code = run([*args])
    out, err = capsys.readouterr()
    return code, out, err


def test_update_appends_and_round_trips_a_note(english, data, capsys):
    note = '完成初稿, 含"一网通办"\n第二行'
    code, _, err = pucli(capsys, "update", "1", "--unit", "审批局", "--status", "in_progress",
                         "--percent", "60", "--note", note, "--date", "2025-01-10",
                         "--data", str(data))
    assert code == exitcodes.OK
    assert "recorded: 2025-01-10 measure 1 县行政审批局 in_progress 60%" in err
    code, out, _ = pucli(capsys, "ledger", "--format", "json", "--data", str(data),
                         "--as-of", "2025-02-01")
    rows = {(r["measure"], r["unit"]): r for r in json.loads(out)}
    row = rows[(1, "县行政审批局")]
    assert (row["status"], row["percent"], row["note"], row["date"]) == (
        "in_progress", 60.0, note, "2025-01-10")
    assert rows[(1, "县发改局")]["status"] == "no_report"


def test_notes_are_printed_as_written_not_as_markup(english, data, capsys):
    # A note is free text: rich markup or an emoji code in it must neither crash the table
    # (a stray closing tag raised MarkupError) nor be turned into styling or an emoji.
    note = "[/bold] 完成 :fire: [red]x"
    code, _, _ = pucli(capsys, "update", "1", "--unit", "县行政审批局", "--status",
                       "in_progress", "--note", note, "--date", "2025-01-10",
                       "--data", str(data))
    assert code == exitcodes.OK
    code, out, err = pucli(capsys, "ledger", "--data", str(data), "--as-of", "2025-02-01")
    assert code == exitcodes.OK, err
    assert ":fire:" in out and "[red]x" in out.replace("\n", "")


def test_update_unknown_unit_is_refused_with_a_suggestion(english, data, capsys):
    before = (data / "progress.csv").read_bytes()
    code, _, err = pucli(capsys, "update", "1", "--unit", "县发改委", "--status", "done",
                         "--data", str(data))
    assert code == exitcodes.USAGE
    assert "--unit: unknown unit '县发改委' [unknown-unit]" in err
    assert "hint: did you mean '县发改局'?" in err
    assert (data / "progress.csv").read_bytes() == before


def test_update_unknown_measure_is_refused(english, data, capsys):
    code, _, err = pucli(capsys, "update", "7", "--unit", "县发改局", "--status", "done",
                         "--data", str(data))
    assert code == exitcodes.USAGE
    assert "MEASURE: no measure 7 [unknown-measure]" in err
    assert (data / "progress.csv").read_text(encoding="utf-8") == HEADER


def test_overdue_json_and_fail(data, capsys):
    (data / "progress.csv").write_text(
        HEADER + "2025-01-20,3,县市场监管局,in_progress,30,,\n", encoding="utf-8")
    code, out, _ = pucli(capsys, "overdue", "--as-of", "2025-04-01", "--data", str(data),
                         "--format", "json", "--section", "2")
    assert code == exitcodes.OK
    assert json.loads(out) == [{
        "measure": 3, "title": "举措三", "unit": "县发改局", "lead": False, "kind": "report",
        "item": "2025Q1", "due": "2025-03-31", "original_due": "2025-03-31",
        "slipped_days": 0, "days_overdue": 1, "severity": "overdue", "last_report": None,
        "last_status": None, "last_percent": None}]
    code, _, _ = pucli(capsys, "overdue", "--as-of", "2025-04-01", "--data", str(data),
                       "--fail")
    assert code == exitcodes.OVERDUE
    # the day a quarter ends, its report is due, not overdue: nothing for --fail
    code, out, _ = pucli(capsys, "overdue", "--as-of", "2022-09-30", "--data", str(data),
                         "--fail", "--format", "csv")
    assert code == exitcodes.OK
    assert out.splitlines()[1].endswith(",report,2022Q3,2022-09-30,2022-09-30,0,0,due_soon,,,")


def test_overdue_table_groups_by_unit(data, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = pucli(capsys, "overdue", "--as-of", "2025-04-01", "--data", str(data),
                         "--unit", "县行政审批局")
    assert code == exitcodes.OK
    assert "截至 2025-04-01：4 项逾期" in out
    assert "县行政审批局" in out and "县市场监管局" not in out


def test_overdue_as_of_must_be_a_date(english, data, capsys):
    code, _, err = pucli(capsys, "overdue", "--as-of", "2025-13-01", "--data", str(data))
    assert code == exitcodes.USAGE
    assert "is not a date" in err


def test_overdue_refuses_an_invalid_ledger(english, data, capsys):
    (data / "progress.csv").write_text(HEADER + "2025-01-20,3,县发改委,done,,,\n",
                                       encoding="utf-8")
    code, _, err = pucli(capsys, "overdue", "--data", str(data))
    assert code == exitcodes.INVALID
    assert "data/progress.csv:2:14: row 2, unit: unknown unit '县发改委'" in err


def test_due_within(data, capsys):
    code, out, _ = pucli(capsys, "due", "--within", "2w", "--as-of", "2025-03-20",
                         "--data", str(data), "--format", "csv")
    assert code == exitcodes.OK
    lines = out.splitlines()[1:]
    assert len(lines) == 5 and all(",2025Q1,2025-03-31," in ln for ln in lines)
    code, _, err = pucli(capsys, "due", "--within", "soon", "--data", str(data))
    assert code == exitcodes.USAGE and "例如 14d 或 2w" in err


def test_status_league_table(data, capsys):
    (data / "progress.csv").write_text(
        HEADER + "2025-01-20,1,县发改局,done,100,,\n2025-01-21,3,县发改局,in_progress,,,\n"
        "2025-01-21,2,县行政审批局,blocked,,,\n", encoding="utf-8")
    code, out, _ = pucli(capsys, "status", "--format", "json", "--data", str(data))
    assert code == exitcodes.OK
    result = json.loads(out)
    assert result["never_reported"] == ["县市场监管局"]
    assert [(g["group"], g["total"], g["done"], g["share_done"]) for g in result["groups"]] == [
        ("县发改局", 2, 1, 0.5), ("县行政审批局", 2, 0, 0.0), ("县市场监管局", 1, 0, 0.0)]
    code, out, _ = pucli(capsys, "status", "--by", "section", "--data", str(data),
                         "--format", "csv")
    assert out.splitlines()[1:] == ["1,第一部分,3,0,0,1,1,1,0.3333", "2,第二部分,2,0,1,0,0,1,0.0"]


def test_ledger_xlsx(data, capsys, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "台账.xlsx"
    code, _, _ = pucli(capsys, "ledger", "--format", "xlsx", "-o", str(target),
                       "--data", str(data))
    assert code == exitcodes.OK
    ws = load_workbook(target)["台账"]
    assert [c.value for c in ws[1]][:5] == ["举措", "举措名称", "责任单位", "牵头", "状态"]
    assert ws.max_row == 1 + 5


CONCURRENT = """
import sys
from pucli.cli.app import run
data, who = sys.argv[1], sys.argv[2]
for n in range(50):
    code = run(["update", "1", "--unit", who, "--status", "in_progress",
                "--note", f"{who} 第{n}次, \\"ok\\"", "--date", "2025-01-10", "--data", data])
    assert code == 0, code
"""


def test_two_concurrent_updates_lose_nothing(data):
    env = {**os.environ, "PUCLI_DATA": ""}
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT, str(data), who], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for who in ("县发改局", "县行政审批局")]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    from pucli.loading.datadir import DataDir
    from pucli.loading.progress import open_progress

    from tracking_support import make_plan

    entries = open_progress(DataDir(data, "--data"), make_plan())
    for who in ("县发改局", "县行政审批局"):
        notes = [e.note for e in entries if e.unit == who]
        assert notes == [f'{who} 第{n}次, "ok"' for n in range(50)]
    text = (data / "progress.csv").read_text(encoding="utf-8")
    assert text.count("date,measure") == 1 and len(entries) == 100


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "--date: 警告：报送日期 2021-05-10 早于方案印发（2022-06-17） [before-plan]"),
    ("en", "--date: warning: entry dated 2021-05-10, before the plan was issued (2022-06-17)")])
def test_update_shows_the_warnings_it_found(data, capsys, monkeypatch, lang, said):
    monkeypatch.setenv("PUCLI_LANG", lang)
    code, _, err = pucli(capsys, "update", "1", "--unit", "县行政审批局", "--status",
                         "in_progress", "--date", "2021-05-10", "--data", str(data))
    assert code == exitcodes.OK  # written all the same: a warning, not an error
    assert said in err
    assert (data / "progress.csv").read_text(encoding="utf-8").rstrip().endswith(
        "2021-05-10,1,县行政审批局,in_progress,,,")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_days_column_is_headed_by_what_it_holds(data, capsys, monkeypatch, lang):
    monkeypatch.setenv("PUCLI_LANG", lang)
    monkeypatch.setenv("COLUMNS", "160")
    _, out, _ = pucli(capsys, "due", "--as-of", "2025-03-25", "--within", "14d",
                      "--data", str(data))
    header = next(line for line in out.splitlines() if line.startswith("┃"))
    cells = [c.strip() for c in header.strip("┃").split("┃")]
    assert cells[4] == {"zh": "剩余", "en": "left"}[lang], cells
    assert {"zh": " 6 天 ", "en": " 6 days "}[lang] in out  # due 2025-03-31
    _, out, _ = pucli(capsys, "overdue", "--as-of", "2025-03-25", "--data", str(data))
    header = next(line for line in out.splitlines() if line.startswith("┃"))
    assert [c.strip() for c in header.strip("┃").split("┃")][4] in (
        "逾期/剩余", "late/left", "逾期", "late")
