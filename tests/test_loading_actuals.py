"""actuals.csv: the checks `pucli validate` runs, located to file:line:col."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pucli.loading.actuals import load_actuals
from pucli.loading.datadir import DataDir
from pucli.loading.dataset import validate_data
from pucli.render.problems import format_problem

from conftest import DATA, ROOT

TODAY = dt.date(2024, 6, 30)


def _load(tmp_path: Path, text: str):
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    return load_actuals(path, "actuals.csv", TODAY)


def test_the_shipped_file_is_one_sourced_derived_row():
    actuals, problems = load_actuals(DATA / "actuals.csv", "actuals.csv", TODAY)
    assert problems == []
    assert [(r.date, r.total) for r in actuals.rows] == [(dt.date(2021, 12, 31), 6472)]
    assert "7961 − 1489" in actuals.rows[0].source
    bundled = (ROOT / "src/pucli/bundled_data/actuals.csv").read_bytes()
    assert bundled == (DATA / "actuals.csv").read_bytes()


def test_every_bad_row_is_reported_with_its_location(english, tmp_path):
    text = ("date,total,enterprises,individual_businesses,cooperatives,new,cancelled\n"
            "2021-12-31,6472,,,,,\n"
            "2022-02-30,6500,,,,,\n"
            "2022-03-31,many,,,,,\n"
            "2022-04-30,-5,,,,,\n"
            "2022-05-31,7000,,,,600,100\n"
            "2022-05-31,7001,,,,,\n"
            "2022-06-30,7100,1000,6000,50,,\n"
            "2030-12-31,9000,,,,,\n")
    actuals, problems = _load(tmp_path, text)
    got = [(p.line, p.col, p.code) for p in problems]
    assert got == [
        (3, 1, "bad-date"),
        (4, 12, "not-a-number"),
        (5, 12, "negative-count"),
        (8, 12, "kinds-sum"),
        (9, 1, "future-date"),
        (7, 1, "duplicate-date"),
        (6, 12, "net-change"),
    ]
    assert format_problem(problems[1]) == (
        "actuals.csv:4:12: row 4, total: total 'many' is not a number [not-a-number]\n"
        "     4 | 2022-03-31,many,,,,,\n"
        "       |            ^^^^\n"
        "  hint: write a whole number, e.g. 1250")
    net = problems[-1]
    assert net.message == ("total rose by +528 since 2021-12-31 (line 2), "
                           "but new − cancelled = 600 − 100 = +500")
    # The net-change difference is a warning (pucli quality flags it): that row is kept.
    assert net.severity == "warning"
    assert [r.line for r in actuals.rows] == [2, 6]  # the rows without errors survive


def test_a_date_that_is_not_a_month_end_is_a_warning(tmp_path):
    actuals, problems = _load(tmp_path, "date,total\n2022-06-15,7000\n")
    assert [(p.code, p.severity) for p in problems] == [("not-period-end", "warning")]
    assert problems[0].hint == "rows are period ends; did you mean 2022-06-30?"
    assert len(actuals.rows) == 1


def test_validate_checks_actuals(datadir):
    (datadir / "actuals.csv").write_text("date,total\n2021-12-31,6472\n2021-12-31,x\n",
                                         encoding="utf-8")
    report = validate_data(DataDir(datadir, "--data"), TODAY)
    assert [(Path(p.file).name, p.line, p.code) for p in report.errors] == [
        ("actuals.csv", 3, "not-a-number")]


def test_regions_are_separate_series_and_sum_to_the_whole(tmp_path):
    actuals, problems = _load(tmp_path, "date,total,region\n2021-12-31,60,A\n"
                                        "2021-12-31,40,B\n2022-12-31,70,A\n")
    assert problems == []
    assert actuals.regions() == ["A", "B"]
    whole = actuals.whole()
    assert (whole.dates, whole.values) == ((dt.date(2021, 12, 31),), (100.0,))
