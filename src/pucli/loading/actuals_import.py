"""Reading a registration-statistics export (CSV or .xlsx) into candidate actuals rows.

Source columns are matched to actuals.csv columns by ``--map SOURCE=COLUMN`` or by
having the column's own name; other columns are ignored (and listed). Values are
normalised the way exports write them: Excel dates, ``2022/12/31``, ``2022年12月`` (the
month end), ``1,250`` and ``1250.0``.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pucli.loading.actuals_write import CANONICAL, Origin
from pucli.loading.textfile import MAX_CSV_BYTES, read_text, too_large
from pucli.problems import DataError, Problem
from pucli.suggest import did_you_mean

# A workbook is a zip of XML: its file size says little about what reading it takes. It is
# refused over the CSV limit on disk, and over eight times that unpacked (a statistics
# export of a few thousand rows unpacks to well under 1 MiB).
MAX_XLSX_BYTES = MAX_CSV_BYTES
MAX_XLSX_UNPACKED = 8 * MAX_CSV_BYTES

_DAY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(末)?$")


@dataclass
class SourceRows:
    records: list[dict[str, str]] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # source columns not imported


def parse_mapping(items: list[str]) -> dict[str, str]:
    """``["统计日期=date", "总数=total"]`` → source column → actuals column."""
    mapping: dict[str, str] = {}
    for item in items:
        source, sep, target = item.partition("=")
        source, target = source.strip(), target.strip()
        if not sep or not source or not target:
            raise DataError([Problem("bad-map", f"--map '{item}' is not SOURCE=COLUMN",
                                     "--map", hint="e.g. --map 统计日期=date --map 总数=total")])
        if target not in CANONICAL:
            raise DataError([Problem("bad-map", f"--map '{item}': unknown column '{target}'",
                                     "--map", hint=did_you_mean(target, CANONICAL)
                                     or "columns: " + ", ".join(CANONICAL))])
        if source in mapping and mapping[source] != target:
            raise DataError([Problem("bad-map", f"--map: '{source}' is mapped twice, to "
                                     f"'{mapping[source]}' and '{target}'", "--map",
                                     hint="map each export column once")])
        taken = [s for s, t in mapping.items() if t == target and s != source]
        if taken:
            raise DataError([Problem("bad-map", f"--map: '{taken[0]}' and '{source}' are both "
                                     f"mapped to '{target}'", "--map",
                                     hint="map one export column to each actuals column")])
        mapping[source] = target
    return mapping


def normalise_date(value: object) -> str:
    """An export's date cell as YYYY-MM-DD when it can be read as one; else as given."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    if m := _DAY.match(text):
        y, mo, d = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}"
    if (m := _MONTH.match(text)) and 1 <= int(m.group(2)) <= 12:
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, calendar.monthrange(y, mo)[1]).isoformat()
    return text


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_source(path: Path, mapping: dict[str, str], sheet: str | None = None,
                metric: str | None = None) -> SourceRows:
    """Candidate rows from a CSV or .xlsx export, with where each came from; ``metric``
    names the metric of rows whose export has no metric column."""
    display = str(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        grid, where = _read_xlsx(path, display, sheet)
    else:
        grid, where = _read_csv(path, display)
    if not grid:
        raise DataError([Problem("empty-file", "no rows to import", display)])
    header_line, header = grid[0]
    names = [_text(h) for h in header]
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for i, name in enumerate(names):
        target = mapping.get(name, name if name in CANONICAL else None)
        if target is None:
            if name:
                ignored.append(name)
        elif target in columns:  # two export columns for one actuals column: never guess
            first = names[columns[target]]
            what = (f"the column '{name}' appears twice" if first == name else
                    f"the columns '{first}' and '{name}' both give '{target}'")
            raise DataError([Problem(
                "duplicate-column", what, f"{where}{header_line}",
                hint="rename or remove one of them in the export, or map one with --map")])
        else:
            columns[target] = i
    for source in mapping:
        if source not in names:
            raise DataError([Problem("bad-map", f"--map: the file has no column '{source}'",
                                     f"{where}{header_line}", hint=did_you_mean(source, names)
                                     or "columns: " + ", ".join(n for n in names if n))])
    for needed in ("date", "total"):
        if needed not in columns:
            raise DataError([Problem(
                "missing-column", f"no column for '{needed}'", f"{where}{header_line}",
                hint=f"map one with --map SOURCE={needed}; the file's columns: "
                     + ", ".join(n for n in names if n))])
    out = SourceRows(ignored=ignored)
    for line, cells in grid[1:]:
        if all(_text(c) == "" for c in cells):
            continue
        record = {}
        for target, i in columns.items():
            cell = cells[i] if i < len(cells) else None
            record[target] = normalise_date(cell) if target == "date" else _text(cell)
        if metric is not None and record.get("metric", "") == "":
            record["metric"] = metric
        out.records.append(record)
        out.origins.append(Origin(where.rstrip(":"), line,
                                  {t: i + 1 for t, i in columns.items()}))
    return out


def _read_csv(path: Path, display: str) -> tuple[list[tuple[int, list[object]]], str]:
    text, problems = read_text(path, display, MAX_CSV_BYTES, gbk=True)
    if text is None:
        raise DataError(problems)
    reader = csv.reader(io.StringIO(text, newline=""))
    grid: list[tuple[int, list[object]]] = []
    start = 1
    try:
        for record in reader:
            grid.append((start, list(record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError([Problem("csv-syntax", f"malformed CSV: {exc}", display, start)]
                        ) from None
    return grid, f"{display}:"


def _check_workbook_size(path: Path, display: str) -> None:
    """Refuse a workbook too large on disk or unpacked, before openpyxl opens it."""
    try:
        size = path.stat().st_size
        if size > MAX_XLSX_BYTES:
            raise DataError([too_large(size, MAX_XLSX_BYTES, display)])
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
    except (OSError, zipfile.BadZipFile):
        return  # missing or not a zip: load_workbook says so in its own words
    if unpacked > MAX_XLSX_UNPACKED:
        problem = too_large(unpacked, MAX_XLSX_UNPACKED, display)
        raise DataError([Problem(problem.code, "workbook unpacks to "
                                 + problem.message.removeprefix("file is "), display,
                                 hint="check that this is the right file; a statistics export "
                                      "unpacks to a few MiB at most")])


def open_workbook(path: Path, display: str):
    """A workbook opened read-only with cached values, after the size check; an unreadable
    file is a located error. Shared by `actuals import` and `collect`."""
    from openpyxl import load_workbook

    _check_workbook_size(path, display)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise DataError([Problem("unreadable-file", f"cannot read workbook: {exc}", display,
                                 hint="save it as .xlsx from Excel/WPS")]) from None


def _read_xlsx(path: Path, display: str, sheet: str | None,
               ) -> tuple[list[tuple[int, list[object]]], str]:
    wb = open_workbook(path, display)
    if sheet is not None and sheet not in wb.sheetnames:
        raise DataError([Problem("unknown-sheet", f"no sheet '{sheet}'", display,
                                 hint="sheets: " + ", ".join(wb.sheetnames))])
    ws = wb[sheet] if sheet else wb.worksheets[0]
    if sheet is None and getattr(ws, "sheet_state", "visible") != "visible":
        # a hidden first sheet is not what the person looking at the workbook sees first
        visible = [w.title for w in wb.worksheets
                   if getattr(w, "sheet_state", "visible") == "visible"]
        wb.close()
        raise DataError([Problem(
            "hidden-sheet", f"the first sheet '{ws.title}' is hidden", display,
            hint="name the sheet to import with --sheet"
                 + (f" (visible: {', '.join(visible)})" if visible else ""))])
    try:
        grid = [(i, list(row)) for i, row in enumerate(ws.iter_rows(values_only=True),
                                                       start=1)
                if any(v is not None and _text(v) != "" for v in row)]
    except (ValueError, IndexError, KeyError, TypeError, OverflowError) as exc:
        # a corrupt cell: a shared-string index out of range, text in a numeric cell …
        raise DataError([Problem("unreadable-file", f"cannot read workbook: sheet "
                                 f"'{ws.title}' has a corrupt cell ({type(exc).__name__}: "
                                 f"{exc})", display,
                                 hint="open it in Excel/WPS and save it again as .xlsx")]
                        ) from None
    finally:
        wb.close()
    return grid, f"{display}[{ws.title}]:"
