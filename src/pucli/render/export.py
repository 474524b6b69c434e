"""Tabular output shared by every listing command: table, csv, json, md (and xlsx).

Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or
carriage return) are neutralised: in CSV with a leading apostrophe, in XLSX by storing
them as text cells. A progress note is free text typed by many people.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Prefix text that a spreadsheet would evaluate as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return value


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]], excel: bool = False) -> str:
    """CSV text; ``excel`` adds a UTF-8 BOM so Excel on Windows reads Chinese correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n" if excel else "\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(_plain(v)) for v in row])
    return ("\ufeff" if excel else "") + buf.getvalue()


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def records(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


def to_plain(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Columns aligned with spaces (CJK characters count two cells): fast for large
    listings, easy to read in a pager or a file, easy to cut with awk."""
    from pucli.render.problems import cell_width

    cells = [[str(c) for c in columns]]
    cells += [[str(_plain(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [max(cell_width(r[i]) for r in cells) for i in range(len(columns))]
    lines = []
    for r in cells:
        padded = [v + " " * (w - cell_width(v)) for v, w in zip(r, widths, strict=True)]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def to_markdown(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    def cell(v: Any) -> str:
        return str(_plain(v)).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def write_xlsx(path: str, sheets: dict[str, tuple[Sequence[str], Sequence[Sequence[Any]]]]
               ) -> None:
    """Write one worksheet per entry; text cells neutralised, header bold, widths fitted."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from pucli.render.problems import cell_width

    wb = Workbook()
    wb.remove(wb.active)
    for title, (columns, rows) in sheets.items():
        ws = wb.create_sheet(title[:31])
        ws.append(list(columns))
        for c in ws[1]:
            c.font = Font(bold=True)
        for row in rows:
            ws.append([_plain(v) for v in row])
            for c in ws[ws.max_row]:
                # openpyxl turns any text starting with '=' into a formula: store as text.
                if isinstance(c.value, str) and c.value.startswith(_FORMULA_START):
                    c.data_type = "s"
        for _idx, col in enumerate(ws.columns, start=1):
            width = max((cell_width(str(c.value)) for c in col if c.value is not None),
                        default=8)
            ws.column_dimensions[col[0].column_letter].width = min(max(width + 2, 6), 60)
        ws.freeze_panes = "A2"
    wb.save(path)
