"""Every listing command writes every format; formula injection comes out neutralised."""

from __future__ import annotations

import json

import pytest

from pucli import exitcodes

from brief_support import make_brief_data

NOTE = '=HYPERLINK("http://evil.example","点我")'

LISTINGS = [["overdue", "--as-of", "2025-04-15"], ["due", "--as-of", "2025-03-20"],
            ["status"], ["ledger"], ["measures"], ["units"],
            ["project", "--as-of", "2025-04-15"], ["backtest"]]


@pytest.fixture
def data(tmp_path):
    return make_brief_data(tmp_path / "data")


@pytest.mark.parametrize("command", LISTINGS, ids=[c[0] for c in LISTINGS])
def test_every_listing_writes_every_format(cli, data, tmp_path, command):
    from openpyxl import load_workbook

    base = [*command, "--data", data]
    code, out, _ = cli(*base, "-f", "json")
    assert code == exitcodes.OK
    json.loads(out)
    code, out, _ = cli(*base, "-f", "csv", "--excel")
    assert code == exitcodes.OK and out.startswith("\ufeff") and "\r\n" in out
    code, out, _ = cli(*base, "-f", "md")
    assert code == exitcodes.OK and out.startswith("| ")
    target = tmp_path / f"{command[0]}.xlsx"
    code, _, _ = cli(*base, "-f", "xlsx", "-o", target)
    assert code == exitcodes.OK
    ws = load_workbook(target).worksheets[0]
    assert ws.max_row >= 2 and all(c.value for c in ws[1])


def test_formula_in_a_note_is_neutralised_in_csv_and_xlsx(cli, data, tmp_path):
    from openpyxl import load_workbook

    code, _, _ = cli("update", "3", "--unit", "县市场监管局", "--status", "in_progress",
                     "--note", NOTE, "--evidence", "+1 555 0100", "--date", "2025-04-01",
                     "--data", data)
    assert code == exitcodes.OK
    code, out, _ = cli("ledger", "-f", "csv", "--excel", "--as-of", "2025-04-15",
                       "--data", data)
    row = next(line for line in out.splitlines() if "县市场监管局" in line)
    assert "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"" in row
    assert ",'+1 555 0100" in row
    target = tmp_path / "台账.xlsx"
    code, _, _ = cli("ledger", "-f", "xlsx", "-o", target, "--as-of", "2025-04-15",
                     "--data", data)
    assert code == exitcodes.OK
    ws = load_workbook(target)["台账"]
    header = [c.value for c in ws[1]]
    notes = [r[header.index("说明")] for r in ws.iter_rows(min_row=2)]
    cell = next(c for c in notes if c.value and "evil" in str(c.value))
    assert cell.data_type == "s"  # a text cell: Excel shows it, never runs it
    assert cell.value == NOTE
    # the raw XML holds no formula element at all
    import zipfile

    with zipfile.ZipFile(target) as z:
        sheet = next(n for n in z.namelist() if n.startswith("xl/worksheets/"))
        assert b"<f>" not in z.read(sheet)


def test_plain_text_aligns_chinese_by_display_width():
    from pucli.render.export import to_plain

    text = to_plain(["unit", "n"], [["县发改局", 1], ["abc", 22]])
    lines = text.splitlines()
    assert lines == ["unit      n", "县发改局  1", "abc       22"]


def test_a_large_piped_table_is_plain_text(cli, data_dir, monkeypatch):
    """Beyond PLAIN_TABLE_ROWS rows, piped table output skips rich (seconds at scale)."""
    from pucli.cli import common

    monkeypatch.setattr(common, "PLAIN_TABLE_ROWS", 10)
    r = cli("measures", "--data", data_dir)
    assert r.code == 0
    first = r.out.splitlines()[0]
    assert first.split()[:4] == ["id", "number", "section", "title"]
    assert "┃" not in r.out and "县行政审批局" in r.out
