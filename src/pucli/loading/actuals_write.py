"""Appending observed counts to actuals.csv: validated first, then appended in one write.

The existing file is read and checked *inside* the exclusive lock, the new rows are
checked as if they were already in the file (the same rules as ``pucli validate``), rows
with errors are rejected with their reasons, and the rest are appended with one
``write()`` — the file is never rewritten from a parsed copy.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import os
from dataclasses import dataclass, field

from pucli.loading.actuals import canonical_count, folder_metrics, parse_actuals_text
from pucli.loading.csvfile import (
    append_bytes,
    check_writable_folder,
    format_row,
    locked_for_append,
)
from pucli.loading.datadir import ACTUALS, DataDir
from pucli.loading.textfile import MAX_CSV_BYTES, decode_bytes, empty_file, read_file
from pucli.models.observations import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from pucli.models.targets import DEFAULT_METRIC
from pucli.problems import DataError, Problem

CANONICAL = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
METRIC_HINT = ("add a column headed 'metric' to {display} first (in WPS/Excel: a new column; "
               "existing rows stay blank and count as the total)")


@dataclass(frozen=True)
class Origin:
    """Where a candidate row came from, for messages: file, line, and the column (1-based)
    of each canonical field in that file — or, for a row typed on the command line,
    the argument or option that gave each field (``options``)."""

    file: str
    line: int | None = None
    columns: dict[str, int] = field(default_factory=dict)
    options: dict[str, str] | None = None


@dataclass
class AppendResult:
    written: list[dict[str, str]] = field(default_factory=list)
    rejected: list[tuple[Origin, list[Problem]]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # (origin, column, as given, as written) for each value written in canonical form
    normalised: list[tuple[Origin, str, str, str]] = field(default_factory=list)


def append_actuals(datadir: DataDir, records: list[dict[str, str]],
                   origins: list[Origin] | None = None, today: dt.date | None = None,
                   ) -> AppendResult:
    """Check ``records`` (canonical column → text) against actuals.csv and append the good
    ones. Raises :class:`DataError` when the existing file itself is invalid."""
    path, display = datadir.file(ACTUALS), datadir.display(ACTUALS)
    check_writable_folder(datadir.path, str(datadir.path))
    with locked_for_append(path, display, _header("", records)) as fd:
        existing = _read_locked(path, display)
        text, result = _decide(existing, records, origins, display, today,
                               folder_metrics(datadir))
        if result.written:
            # ``text`` starts with the file as read (plus a final newline if it lacked one).
            append_bytes(fd, text[len(existing):].encode("utf-8"))
    return result


def check_actuals_records(datadir: DataDir, records: list[dict[str, str]],
                          origins: list[Origin] | None = None, today: dt.date | None = None,
                          ) -> AppendResult:
    """What :func:`append_actuals` would write and reject, writing nothing."""
    path, display = datadir.file(ACTUALS), datadir.display(ACTUALS)
    existing = _read_locked(path, display) if os.path.lexists(path) else ""
    if os.path.lexists(path) and not existing:
        raise DataError([empty_file(display)])  # as the write itself would
    return _decide(existing, records, origins, display, today, folder_metrics(datadir))[1]


def _decide(existing: str, records: list[dict[str, str]], origins: list[Origin] | None,
            display: str, today: dt.date | None, registry=None) -> tuple[str, AppendResult]:
    """The file text with the accepted rows appended, and what was accepted/rejected."""
    today = today or dt.date.today()
    origins = origins or [Origin(display) for _ in records]
    result = AppendResult()
    # The total is the default metric: a file without a metric column takes its rows as is.
    records = [{**r, "metric": ""} if r.get("metric", "").strip() == DEFAULT_METRIC else r
               for r in records]
    canonical = [_canonical(r, registry) for r in records]
    records = [r for r, _ in canonical]
    header = _header(existing, records)
    keep = list(range(len(records)))
    for i in list(keep):
        if not any(v.strip() for v in records[i].values()):  # a parser skips a blank row
            keep.remove(i)
            result.rejected.append((origins[i], [Problem(
                "missing-value", "the row is empty: date and total are required", display,
                hint="give the period-end date and the count, e.g. 2024-12-31 9190")]))
    for i in list(keep):
        extra = [c for c, v in records[i].items() if v != "" and c not in header]
        if extra:
            keep.remove(i)
            result.rejected.append((origins[i], [Problem(
                "unknown-column", f"{display} has no column '{extra[0]}'", display, 1,
                None, "header", METRIC_HINT.format(display=display) if extra[0] == "metric"
                else f"add '{extra[0]}' to the header of {display} first, "
                "or leave the value out")]))
    base = existing if existing else format_row(header)
    if not base.endswith(("\n", "\r")):
        base += "\n"
    # lines as the parser counts them: a bare CR ends a line too (old Mac, some exports)
    base_lines = len(io.StringIO(base, newline="").readlines())
    while True:
        rows = [format_row([records[i].get(c, "") for c in header]) for i in keep]
        text = base + "".join(rows)
        _, _, problems = parse_actuals_text(text, display, today, registry)
        old = [p for p in problems if p.is_error and (p.line or 0) <= base_lines]
        if old:
            raise DataError(old)
        # The line each new record starts on, as the parser counts lines: a field with a
        # line break inside its quotes makes a record span several.
        line_of, line = {}, base_lines + 1
        for i, row in zip(keep, rows, strict=True):
            line_of[line] = i
            line += len(io.StringIO(row, newline="").readlines())
        bad: dict[int, list[Problem]] = {}
        for p in problems:
            if p.is_error and p.line in line_of:
                bad.setdefault(line_of[p.line], []).append(p)
        if not bad:
            result.warnings = [_relocate(p, origins[line_of[p.line]])
                               for p in problems if p.line in line_of]
            break
        # Rows wrong in themselves are rejected all at once (re-parsing the file for each
        # made 2,000 rejected rows take 21 s); of rows wrong only beside another row (a
        # second row for a date), the first alone: later ones may fail because of it.
        local = [i for i, found in bad.items()
                 if not any(p.code in CROSS_ROW_CODES for p in found)]
        for i in local or [min(bad)]:
            keep.remove(i)
            result.rejected.append((origins[i], [_relocate(p, origins[i]) for p in bad[i]]))
    result.written = [records[i] for i in keep]
    result.normalised = [(origins[i], *change) for i in keep for change in canonical[i][1]]
    result.rejected.sort(key=lambda item: item[0].line or 0)
    return text, result


# Problems of a row that exist only because of another row of the file.
CROSS_ROW_CODES = frozenset({"duplicate-date", "metric-mismatch"})

COUNT_COLUMNS = ("total", "enterprises", "individual_businesses", "cooperatives", "new",
                 "cancelled")


def _canonical(record: dict[str, str], registry,
               ) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """``record`` with its values as the file stores them: counts in plain digits
    ("7,350" → 7350), a metric by its name (高新技术企业 → high_tech), no stray spaces
    around dates; and each change as (column, as given, as written). Values that are not
    valid stay as given, for the checks to refuse with their reasons."""
    from pucli.models.metrics import resolve_metric

    out, changes = dict(record), []
    for column, text in record.items():
        if column in COUNT_COLUMNS:
            value = canonical_count(text) if text.strip() else None
        elif column == "metric" and text.strip() and registry is not None:
            value = resolve_metric(text.strip(), registry)
        elif column == "date":
            value = text.strip()
        else:
            continue
        if value is not None and value != text:
            out[column] = value
            changes.append((column, text, value))
    return out, changes


def _read_locked(path, display: str) -> str:
    data, problems = read_file(path, display, MAX_CSV_BYTES)
    if data is None:
        raise DataError(problems)
    if not data:
        return ""
    text, problems = decode_bytes(data, display)
    if text is None:
        raise DataError(problems)
    return text


def _header(existing: str, records: list[dict[str, str]]) -> list[str]:
    if existing:
        # read as CSV: R's write.csv quotes every field, the header too ("date","total")
        first = next(csv.reader(io.StringIO(existing.lstrip("\ufeff"), newline="")), [])
        return [h.strip() for h in first]
    used = {c for r in records for c, v in r.items() if v != ""}
    return REQUIRED_COLUMNS + [c for c in OPTIONAL_COLUMNS if c in used]


def _relocate(p: Problem, origin: Origin) -> Problem:
    """A problem found at the would-be line of actuals.csv, moved to the source row (or
    to the command-line argument: the would-be line does not exist in the file)."""
    column = p.path.split(", ", 1)[1] if ", " in p.path else None
    if origin.options is not None:
        return dataclasses.replace(p, line=None, col=None, excerpt=None, width=1,
                                   path=origin.options.get(column or "", ""))
    if origin.line is None:
        return p
    return dataclasses.replace(p, file=origin.file, line=origin.line,
                               col=origin.columns.get(column) if column else None,
                               path=f"row {origin.line}" + (f", {column}" if column else ""),
                               excerpt=None)
