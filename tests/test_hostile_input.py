"""Hostile data files: each gives exit 1, names the file (and the line where there is one),
and never a traceback — for `validate` and for every command that reads the file. A few
odd but correct files (a BOM with CRLF, a header only, a formula-looking note) are accepted
by every one of those commands instead."""

from __future__ import annotations

import json
import re

import pytest

from hostile import (
    ACCEPTED,
    ACTUALS,
    ACTUALS_CASES,
    MEASURES_CASES,
    PROGRESS,
    PROGRESS_CASES,
    TARGETS_CASES,
)

# The assertions read the English wording (the default language is Chinese).
pytestmark = pytest.mark.usefixtures("english")

UPDATE = ["update", "1", "--unit", "县发改局", "--status", "in_progress", "--date", "2023-10-31"]
ADD = ["actuals", "add", "2026-10-31", "11400"]
# Rendering a rich table of the whole plan is the slow part; the reading is the same.
TRACKING = [[c, "--format", "csv"] for c in ("overdue", "due", "status", "ledger")]

# Every command that reads the file.
READERS = {
    "measures.yaml": [["validate"], ["measures"], ["units"], ["show", "1"], *TRACKING, UPDATE],
    "targets.yaml": [["validate"], ["project"]],
    "progress.csv": [["validate"], *TRACKING, UPDATE],
    "actuals.csv": [["validate"], ["project"], ["backtest"], ADD],
}
WRITERS = {"progress.csv": UPDATE, "actuals.csv": ADD}
# Whole-file faults have no line to point at: a byte-order mark, an empty file.
NO_LINE = {"utf16_bom", "utf32", "utf16", "empty", "whitespace_only", "bom_only"}


def _cases():
    for file, cases in (("measures.yaml", MEASURES_CASES), ("targets.yaml", TARGETS_CASES),
                        ("progress.csv", PROGRESS_CASES), ("actuals.csv", ACTUALS_CASES)):
        for name, build in cases.items():
            yield pytest.param(file, name, build, id=f"{file.split('.')[0]}-{name}")


def _no_crash(err: str) -> None:
    assert "Traceback" not in err and "internal error" not in err, err


def _errors(cli, data_dir) -> list[dict]:
    r = cli("validate", "--data", data_dir, "--format", "json")
    _no_crash(r.err)
    return [p for p in json.loads(r.out)["problems"] if p["severity"] == "error"]


@pytest.fixture
def folder(data_dir):
    """The bundled plan with a small valid ledger and actuals file."""
    (data_dir / "progress.csv").write_text(PROGRESS, encoding="utf-8")
    (data_dir / "actuals.csv").write_text(ACTUALS, encoding="utf-8")
    return data_dir


def test_the_base_folder_is_valid(cli, folder):
    assert _errors(cli, folder) == []
    for file, commands in READERS.items():
        for args in commands:
            r = cli(*args, "--data", folder)
            assert r.code == 0, (file, args, r.err)


@pytest.mark.parametrize(("file", "name", "build"), list(_cases()))
def test_hostile_file_is_refused_with_location(cli, folder, file, name, build):
    (folder / file).write_bytes(build())
    if name in ACCEPTED:
        assert _errors(cli, folder) == []
    else:
        r = cli("validate", "--data", folder, "--format", "json")
        assert r.code == 1, r.out
        errors = [p for p in json.loads(r.out)["problems"] if p["severity"] == "error"]
        assert errors and errors[0]["file"].endswith(file)
        if name not in NO_LINE:
            assert errors[0]["line"] is not None, errors[0]
    for args in READERS[file]:
        before = (folder / file).read_bytes()
        r = cli(*args, "--data", folder)
        _no_crash(r.err)
        writes_this = WRITERS.get(file) == args
        if name in ACCEPTED:  # an empty file is refused by writers too: a lost ledger
            assert r.code == 0, (args, r.err)
        else:
            assert r.code == 1, (args, r.err)
            assert re.search(re.escape(file) + r"(:\d+)?", r.err), r.err
        if not writes_this:
            continue
        after = (folder / file).read_bytes()
        if r.code == 0:  # appended, never rewritten; and the result still validates
            assert after.startswith(before) and len(after) > len(before)
            assert _errors(cli, folder) == []
            (folder / file).write_bytes(before)
        else:
            assert after == before, "a refused write changed the file"


def test_corpus_size():
    sizes = [len(MEASURES_CASES), len(TARGETS_CASES), len(PROGRESS_CASES), len(ACTUALS_CASES)]
    assert sum(sizes) >= 80 and min(sizes) >= 15


@pytest.mark.parametrize("file", ["measures.yaml", "targets.yaml"])
def test_missing_file_is_named(cli, folder, file):
    (folder / file).unlink()
    for args in READERS[file]:
        r = cli(*args, "--data", folder)
        assert r.code == 1
        assert f"{file}: file not found [missing-file]" in r.err


@pytest.mark.parametrize("file", ["progress.csv", "actuals.csv"])
def test_missing_csv_file_is_an_empty_record(cli, folder, file):
    """No ledger yet, no actuals yet: the readers run on nothing, the writers create it."""
    (folder / file).unlink()
    for args in READERS[file]:
        r = cli(*args, "--data", folder)
        _no_crash(r.err)
        assert r.code == 0, (args, r.err)
    assert (folder / file).read_text(encoding="utf-8").startswith("date,")


def test_tab_separated_file_gets_one_clear_message(cli, folder):
    (folder / "progress.csv").write_bytes(PROGRESS_CASES["tab_separated"]())
    r = cli("validate", "--data", folder)
    assert r.code == 1
    assert "progress.csv:1:5: header: the columns are separated by tabs, not commas " \
           "[csv-separator]" in r.err
    assert "missing-column" not in r.err


def test_bad_thousands_grouping_is_not_read_as_another_number(cli, folder):
    (folder / "actuals.csv").write_bytes(ACTUALS_CASES["bad_thousands_grouping"]())
    r = cli("validate", "--data", folder)
    assert "actuals.csv:5:12: row 5, total: total '1,04,00' is not a number [not-a-number]" \
        in r.err


def test_a_count_too_large_for_a_float_is_refused_not_a_crash(cli, folder):
    (folder / "actuals.csv").write_bytes(ACTUALS_CASES["huge_count_400_digits"]())
    r = cli("project", "--data", folder)
    assert r.code == 1
    assert "actuals.csv:6:12: row 6, total: total has 400 digits, more than any count of " \
           "entities [too-large]" in r.err


def test_fullwidth_digits_are_read_as_the_number(cli, folder):
    (folder / "actuals.csv").write_bytes(ACTUALS_CASES["fullwidth_digits"]())
    r = cli("project", "--data", folder, "--format", "json")
    assert r.code == 0
    assert "6472" in r.out


def test_formula_text_is_kept_as_text_and_neutralised_on_export(cli, folder):
    (folder / "progress.csv").write_bytes(PROGRESS_CASES["formula_note"]())
    r = cli("ledger", "--data", folder, "--as-of", "2023-12-31", "--format", "json")
    assert r.code == 0
    notes = [row["note"] for row in json.loads(r.out)]
    assert "=cmd| /C calc!A0;+1" in notes
    r = cli("ledger", "--data", folder, "--as-of", "2023-12-31", "--format", "csv")
    assert ",'=cmd| /C calc!A0;+1," in r.out
