"""loading.csvfile: the messages a malformed row gets."""

from __future__ import annotations

import os

from pucli.loading.csvfile import append_record, append_records, format_row, parse_csv


def test_full_width_commas_are_named_and_located():
    table, problems = parse_csv("date,measure,unit\n2025-03-31，12，县工信局\n", "p.csv",
                                ["date", "measure", "unit"], [])
    (p,) = problems
    assert (p.code, p.line, p.col) == ("csv-columns", 2, 11)
    assert "full-width commas" in p.hint


def test_a_short_row_is_told_to_fill_in_fields():
    _, problems = parse_csv("a,b,c\n1,2\n", "p.csv", ["a", "b", "c"], [])
    assert problems[0].hint.startswith("fill in the missing fields")


# -- issue 12 item 4: survivors of mutation testing (the writing half) ------------------------

def test_rows_are_written_with_bare_newlines(tmp_path):
    # csv.writer's default line ending is "\r\n"; pucli's files end lines with "\n"
    assert format_row(["2024-12-31", "a, b", 'say "x"']) == '2024-12-31,"a, b","say ""x"""\n'


def _append_one(path, values: list[str]) -> bytes:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        append_record(fd, path, ["date", "total"], values)
    finally:
        os.close(fd)
    return path.read_bytes()


def test_append_writes_the_header_into_an_empty_file_and_ends_a_last_line(tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_bytes(b"")
    assert _append_one(path, ["2024-12-31", "5"]) == b"date,total\n2024-12-31,5\n"
    path.write_bytes(b"date,total\n2024-12-31,5")  # hand-edited: no final newline
    assert _append_one(path, ["2025-12-31", "6"]) == \
        b"date,total\n2024-12-31,5\n2025-12-31,6\n"


def test_several_records_are_appended_back_to_back(tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_bytes(b"date,total\n")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        append_records(fd, path, ["date", "total"], [["2024-12-31", "5"], ["2025-12-31", "6"]])
    finally:
        os.close(fd)
    assert path.read_bytes() == b"date,total\n2024-12-31,5\n2025-12-31,6\n"
