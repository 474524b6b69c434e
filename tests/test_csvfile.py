"""loading.csvfile: the messages a malformed row gets."""

from __future__ import annotations

from pucli.loading.csvfile import parse_csv


def test_full_width_commas_are_named_and_located():
    table, problems = parse_csv("date,measure,unit\n2025-03-31，12，县工信局\n", "p.csv",
                                ["date", "measure", "unit"], [])
    (p,) = problems
    assert (p.code, p.line, p.col) == ("csv-columns", 2, 11)
    assert "full-width commas" in p.hint


def test_a_short_row_is_told_to_fill_in_fields():
    _, problems = parse_csv("a,b,c\n1,2\n", "p.csv", ["a", "b", "c"], [])
    assert problems[0].hint.startswith("fill in the missing fields")
