"""Tabular output shared by every listing command: table, csv, json, md (and xlsx).

Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or
carriage return) are neutralised: in CSV with a leading apostrophe, in XLSX by storing
them as text cells. A progress note is free text typed by many people.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Sequence
from typing import Any

from pucli.render.clean import markdown_text, xml_text
from pucli.render.headers import FRACTIONS, header_words

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
        return markdown_text(str(_plain(v))).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


INTEGER_FORMAT = "#,##0"
FRACTION_FORMAT = "0.0%"
DECIMAL_FORMAT = "#,##0.0##"
DATE_FORMAT = "yyyy-mm-dd"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _xlsx_value(value: Any) -> Any:
    """A cell value: ISO date text becomes a real date (sortable, filterable in Excel)."""
    value = _plain(value)
    if isinstance(value, str):
        value = xml_text(value)  # a vertical tab from Word is no XML character
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _number_format(code: str, value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, dt.date):
        return DATE_FORMAT
    if isinstance(value, int):
        return INTEGER_FORMAT
    if isinstance(value, float):
        return FRACTION_FORMAT if code in FRACTIONS else DECIMAL_FORMAT
    return None


def _shown(value: Any, fmt: str | None) -> str:
    """Roughly what a spreadsheet shows, to fit the column width."""
    if fmt == INTEGER_FORMAT:
        return f"{value:,}"
    if fmt == FRACTION_FORMAT:
        return f"{value * 100:.1f}%"
    if fmt == DECIMAL_FORMAT:
        return f"{value:,.3f}"
    if fmt == DATE_FORMAT:
        return "2000-01-01"
    return str(value)


MAX_WIDTH = 50


def write_xlsx(path: str, sheets: dict[str, tuple[Sequence[str], Sequence[Sequence[Any]]]],
               headers: str = "words") -> None:
    """Write one worksheet per entry, ready to use: column names in words in the output
    language (``headers="codes"`` keeps the codes, for programs), a bold frozen header row
    with an auto-filter, numbers as numbers (#,##0; fractions as 0.0 %), ISO dates as
    dates, fitted widths (long text wraps), text that looks like a formula stored as text.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from pucli.render.problems import cell_width

    wb = Workbook()
    wb.remove(wb.active)
    for title, (columns, rows) in sheets.items():
        ws = wb.create_sheet(title[:31])
        names = list(columns) if headers == "codes" else header_words(list(columns))
        ws.append(names)
        for c in ws[1]:
            c.font = Font(bold=True)
            c.alignment = Alignment(vertical="center")
        widths = [cell_width(str(n)) + 3 for n in names]  # room for the filter button
        for row in rows:
            ws.append([_xlsx_value(v) for v in row])
            for k, c in enumerate(ws[ws.max_row]):
                # openpyxl turns any text starting with '=' into a formula: store as text.
                if isinstance(c.value, str) and c.value.startswith(_FORMULA_START):
                    c.data_type = "s"
                fmt = _number_format(columns[k], c.value) if k < len(columns) else None
                if fmt:
                    c.number_format = fmt
                if c.value is not None and k < len(widths):
                    widths[k] = max(widths[k], cell_width(_shown(c.value, fmt)) + 2)
        for k, width in enumerate(widths, start=1):
            letter = get_column_letter(k)
            ws.column_dimensions[letter].width = min(max(width, 6), MAX_WIDTH)
            if width > MAX_WIDTH:
                for (c,) in ws.iter_rows(min_row=2, min_col=k, max_col=k):
                    c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
        # printed: A4 landscape, as wide as one page, the header row on every page
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.print_title_rows = "1:1"
        if columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"
    # Built in memory, then written in one go: a full disk fails the write with one clear
    # error, not inside zipfile, whose half-closed archive printed a traceback at exit.
    buf = io.BytesIO()
    wb.save(buf)
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())
