"""Class 8: every exporter cleans text for its format (tests/test_writers.py has the rest).

Each control character XML forbids, in a note of the ledger, through every exporter
that writes XML (the ledger and listings as .xlsx, the brief as .docx), and HTML in a
note through every Markdown exporter (listings and the brief).
"""

from __future__ import annotations

import pytest

from tracking_support import HEADER

CONTROLS = ["\x0b", "\x0c", "\x01", "\x08", "\x1f"]


def _note(data_dir, note: str) -> None:
    (data_dir / "progress.csv").write_text(
        HEADER + f'2025-01-10,12,县行政审批局,in_progress,40,"{note}",\n', encoding="utf-8")


@pytest.mark.parametrize("ch", CONTROLS)
def test_control_characters_in_a_note_reach_xlsx_and_docx_cleaned(cli, data_dir, tmp_path,
                                                                  ch):
    _note(data_dir, f"第一行{ch}第二行")
    r = cli("ledger", "-f", "xlsx", "-o", tmp_path / "l.xlsx", "--data", data_dir)
    assert r.code == 0, r.err
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(tmp_path / "l.xlsx").active.iter_rows()
             for c in row if isinstance(c.value, str) and c.value.startswith("第一行")]
    assert cells and all(ch not in c and "第二行" in c for c in cells)
    pytest.importorskip("docx")
    r = cli("brief", "-f", "docx", "-o", tmp_path / "b.docx", "--data", data_dir,
            "--as-of", "2025-03-31")
    assert r.code == 0, r.err


def test_html_in_a_note_is_text_in_markdown(cli, data_dir, tmp_path):
    _note(data_dir, "<script>alert(1)</script> & <b>")
    r = cli("ledger", "-f", "md", "--data", data_dir)
    assert r.code == 0 and "<script>" not in r.out and "&lt;script&gt;" in r.out
    r = cli("brief", "-f", "md", "-o", tmp_path / "b.md", "--data", data_dir,
            "--as-of", "2025-03-31")
    assert r.code == 0, r.err
    assert "<script>" not in (tmp_path / "b.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["xlsx", "csv", "md", "json"])
def test_a_full_disk_is_one_clear_message_for_every_format(data_dir, fmt):
    """A real process: the traceback came from the interpreter's teardown."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "PUCLI_LANG": "en"}
    r = subprocess.run([sys.executable, "-m", "pucli", "ledger", "-f", fmt, "-o", "/dev/full",
                        "--data", str(data_dir)], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 1 and "No space left on device" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
