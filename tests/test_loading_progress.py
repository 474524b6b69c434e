"""loading.progress: progress.csv read, validated with file:line:col, appended safely."""

import datetime as dt
import os
from pathlib import Path

import pytest

from pucli.loading.datadir import DataDir
from pucli.loading.dataset import validate_data
from pucli.loading.progress import append_progress, load_progress, open_progress
from pucli.problems import DataError, Report
from pucli.render.problems import format_report_text

from tracking_support import HEADER, make_data_dir, make_plan

CASES = Path(__file__).parent / "cases" / "progress"
TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> DataDir:
    monkeypatch.chdir(tmp_path)
    make_data_dir(tmp_path / "data")
    return DataDir(Path("data"), "--data")


def put(folder: DataDir, text: str | bytes) -> None:
    path = folder.file("progress.csv")
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")


def test_bad_rows_golden(english, folder):
    put(folder, (CASES / "bad_rows.csv").read_text(encoding="utf-8"))
    entries, problems = load_progress(folder, make_plan(), TODAY)
    expected = (CASES / "bad_rows.expected.txt").read_text(encoding="utf-8")
    assert format_report_text(Report(problems)) + "\n" == expected
    # rows 2 (a note over two lines), 12 (alias: a warning) and 13 are usable
    assert [(e.line, e.measure, e.unit) for e in entries] == [
        (2, 1, "县发改局"), (13, 2, "县行政审批局")]
    assert entries[0].note == '方案已起草, 待"审议"\n下周上会'


def test_validate_data_reports_the_ledger(folder):
    put(folder, HEADER + "2025-01-11,99,县发改局,in_progress,,,\n")
    report = validate_data(folder, TODAY)
    ledger = [p for p in report if p.file == "data/progress.csv"]
    assert [(p.code, p.line, p.col) for p in ledger] == [("unknown-measure", 2, 12)]
    assert not report.valid


def test_missing_ledger_is_empty(folder):
    folder.file("progress.csv").unlink()
    assert load_progress(folder, make_plan(), TODAY) == ([], [])
    assert validate_data(folder, TODAY).valid


def test_gbk_ledger_is_refused_not_garbled(folder):
    put(folder, (HEADER + "2025-01-10,1,县发改局,in_progress,40,进展顺利,\n").encode("gbk"))
    with pytest.raises(DataError) as exc:
        open_progress(folder, make_plan(), TODAY)
    (problem,) = exc.value.problems
    assert problem.code == "encoding"
    assert "GBK" in problem.message and problem.line == 2
    assert "CSV UTF-8" in problem.hint


def test_bom_and_crlf_are_read(folder):
    put(folder, "\ufeff" + (HEADER + "2025-01-10,1,县发改局,done,,,\n").replace("\n", "\r\n"))
    (e,) = open_progress(folder, make_plan(), TODAY)
    assert (e.date, e.measure, e.unit, e.status) == (dt.date(2025, 1, 10), 1, "县发改局", "done")


def values(**kw):
    base = {"date": "2025-05-01", "measure": "1", "unit": "县发改局", "status": "in_progress",
            "percent": "", "note": "", "evidence": ""}
    return base | kw


def test_append_round_trips_a_difficult_note(folder):
    note = '完成 "一网通办", 覆盖率 80%\n下一步：乡镇，\'试点\''
    append_progress(folder, make_plan(), values(note=note, evidence="=HYPERLINK()"), TODAY)
    append_progress(folder, make_plan(), values(measure="2", unit="县行政审批局"), TODAY)
    first, second = open_progress(folder, make_plan(), TODAY)
    assert (first.note, first.evidence, first.line) == (note, "=HYPERLINK()", 2)
    assert (second.measure, second.line) == (2, 4)  # the note took lines 2 and 3


@pytest.mark.parametrize(("kw", "code", "where", "hint"), [
    ({"unit": "县发改委"}, "unknown-unit", "--unit", "did you mean '县发改局'?"),
    ({"measure": "99"}, "unknown-measure", "MEASURE", "measures run 1–3; see `pucli measures`"),
    ({"unit": "县市场监管局"}, "unit-not-responsible", "--unit",
     "units responsible for it: 县发改局, 县行政审批局"),
    ({"date": "2025-06-02"}, "future-date", "--date", None),
    ({"percent": "101"}, "out-of-range", "--percent", None),
    ({"status": "don"}, "unknown-status", "--status", "did you mean 'done'?"),
])
def test_append_refuses_bad_entries_and_writes_nothing(folder, kw, code, where, hint):
    before = folder.file("progress.csv").read_bytes()
    with pytest.raises(DataError) as exc:
        append_progress(folder, make_plan(), values(**kw), TODAY)
    (problem,) = exc.value.problems
    assert (problem.code, problem.file) == (code, where)
    if hint:
        assert problem.hint == hint
    assert folder.file("progress.csv").read_bytes() == before


def test_append_refuses_an_invalid_ledger(folder):
    bad = HEADER + "2025-01-11,99,县发改局,in_progress,,,\n"
    put(folder, bad)
    with pytest.raises(DataError) as exc:
        append_progress(folder, make_plan(), values(), TODAY)
    assert [p.code for p in exc.value.problems] == ["unknown-measure", "ledger-invalid"]
    assert folder.file("progress.csv").read_text(encoding="utf-8") == bad


def test_append_follows_the_files_column_order(folder):
    put(folder, "unit,measure,date,status,note\n县发改局,1,2025-01-02,in_progress,x")
    append_progress(folder, make_plan(), values(note="y"), TODAY)
    text = folder.file("progress.csv").read_text(encoding="utf-8")
    assert text.endswith("x\n县发改局,1,2025-05-01,in_progress,y\n")  # final newline added
    with pytest.raises(DataError):  # no evidence column to hold the value
        append_progress(folder, make_plan(), values(evidence="文件"), TODAY)


def test_append_creates_the_ledger(folder):
    os.remove(folder.file("progress.csv"))
    append_progress(folder, make_plan(), values(), TODAY)
    assert folder.file("progress.csv").read_text(encoding="utf-8") == (
        HEADER + "2025-05-01,1,县发改局,in_progress,,,\n")


def test_append_refuses_an_emptied_ledger(folder):
    # validate refuses an empty file; so does the writer, instead of starting a new ledger
    # over what may be a truncated one
    put(folder, "")
    with pytest.raises(DataError) as exc:
        append_progress(folder, make_plan(), values(), TODAY)
    assert [p.code for p in exc.value.problems] == ["empty-file"]
    assert folder.file("progress.csv").read_bytes() == b""


def test_bundled_data_is_read_only():
    from pucli.loading.datadir import BUNDLED

    with pytest.raises(DataError) as exc:
        append_progress(DataDir(BUNDLED, "bundled"), make_plan(), values(), TODAY)
    assert exc.value.problems[0].code == "read-only-data"


def test_field_span_counts_characters_and_honours_quotes():
    from pucli.loading.csvfile import field_span

    line = '2025-01-10,1,"a, ""b""",县发改局'
    assert field_span(line, 0) == (1, 10)
    assert field_span(line, 2) == (14, 10)
    assert field_span(line, 3) == (25, 4)
    assert field_span(line, 4) is None


def test_bad_rows_golden_in_chinese(chinese, folder):
    put(folder, (CASES / "bad_rows.csv").read_text(encoding="utf-8"))
    _, problems = load_progress(folder, make_plan(), TODAY)
    text = format_report_text(Report(problems)) + "\n"
    path = CASES / "bad_rows.expected.zh.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_chinese_status_words_are_read_as_their_codes(tmp_path):
    """Offices type the words pucli prints: 推进中 is in_progress, 已完成 is done."""
    from pucli.loading.datadir import DataDir
    from pucli.loading.dataset import open_plan
    from pucli.loading.progress import load_progress

    from tracking_support import HEADER, make_data_dir

    folder = make_data_dir(tmp_path, HEADER + "2023-06-30,1,县发改局,推进中,40,,\n"
                                              "2023-09-30,1,县发改局,已完成,100,,\n")
    d = DataDir(folder, "--data")
    entries, problems = load_progress(d, open_plan(d), dt.date(2024, 1, 1))
    assert problems == []
    assert [e.status for e in entries] == ["in_progress", "done"]


def test_done_with_percent_below_100_is_a_warning(tmp_path):
    from pucli.loading.datadir import DataDir
    from pucli.loading.dataset import open_plan
    from pucli.loading.progress import load_progress

    from tracking_support import HEADER, make_data_dir

    folder = make_data_dir(tmp_path, HEADER + "2023-06-30,1,县发改局,done,50,,\n")
    d = DataDir(folder, "--data")
    entries, problems = load_progress(d, open_plan(d), dt.date(2024, 1, 1))
    assert len(entries) == 1
    assert [(p.code, p.severity, p.line) for p in problems] == [
        ("done-not-complete", "warning", 2)]


# -- issue 12 item 4: survivors of mutation testing --------------------------------------------

def test_a_refused_entry_is_an_error_not_a_warning(folder):
    with pytest.raises(DataError) as exc:
        append_progress(folder, make_plan(), values(percent="101"), TODAY)
    assert [p.severity for p in exc.value.problems] == ["error"]


def test_a_value_for_a_column_the_ledger_lacks_is_refused_at_its_header(folder):
    put(folder, "unit,measure,date,status,note\n县发改局,1,2025-01-02,in_progress,x\n")
    before = folder.file("progress.csv").read_bytes()
    with pytest.raises(DataError) as exc:
        append_progress(folder, make_plan(), values(evidence="文件"), TODAY)
    (problem,) = exc.value.problems
    assert (problem.code, problem.message, problem.line, problem.col, problem.path) == (
        "missing-column", "the ledger has no column for evidence", 1, 1, "header")
    assert problem.hint == "add the column to the header row, or leave the option out"
    assert folder.file("progress.csv").read_bytes() == before
