"""The demo folder (examples/make_demo.py: the real plan, SYNTHETIC reports) with the forms
of 2025Q1 made on 2025-03-20, and a way to fill a form in as a unit would."""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

from pucli.models.forms import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2025-03-20"  # forms made
COLLECTED = "2025-03-30"  # forms collected (inside the period, before its deadline)


def make_demo(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("make_demo", ROOT / "examples" / "make_demo.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_demo(folder)


def column(name: str) -> int:
    """1-based column of a form's column ``name``."""
    return COLUMNS.index(name) + 1


def fill_xlsx(source: Path, target: Path, rows: dict[int, dict[str, object]]) -> None:
    """Save ``source`` as ``target`` with cells set: sheet row → column name → value."""
    from openpyxl import load_workbook

    wb = load_workbook(source)
    ws = wb.worksheets[0]
    for r, cells in rows.items():
        for name, value in cells.items():
            cell = ws.cell(r, column(name))
            cell.value = value
            if name == "percent" and isinstance(value, float) and value < 1:
                cell.number_format = "0%"  # what Excel does when "60%" is typed
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)


def fill_csv(source: Path, target: Path, rows: dict[int, dict[str, str]],
             encoding: str = "utf-8") -> None:
    """Save the CSV form ``source`` as ``target`` with fields set: line → column → text;
    in UTF-8 with a BOM, or (``encoding="gbk"``) as Excel/WPS on Chinese Windows save
    "CSV (逗号分隔)": GBK, no BOM."""
    text = source.read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    for line, cells in rows.items():
        for name, value in cells.items():
            records[line - 1][COLUMNS.index(name)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(records)
    target.parent.mkdir(parents=True, exist_ok=True)
    bom = "\ufeff" if encoding == "utf-8" else ""
    target.write_text(bom + buf.getvalue(), encoding=encoding, newline="")


def measure_in_row(form: Path, row: int) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(form, read_only=True)
    value = wb.worksheets[0].cell(row, column("measure")).value
    wb.close()
    return int(value)


def measure_in_csv(form: Path, line: int) -> int:
    text = form.read_text(encoding="utf-8-sig")
    return int(list(csv.reader(io.StringIO(text, newline="")))[line - 1][COLUMNS.index("measure")])
