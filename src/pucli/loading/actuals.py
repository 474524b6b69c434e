"""actuals.csv: observed counts → :class:`~pucli.models.observations.Actuals`, with located
problems; registered as a checker of ``pucli validate``.

Rules (each a located error unless noted):
- ``date`` is YYYY-MM-DD, a real calendar date, not in the future; a date that is not a
  month end is a warning (rows are period ends).
- counts are whole numbers ≥ 0 (text, decimals and negatives are refused).
- ``metric`` (optional column; blank = ``total``) is a known metric — built in or declared
  under ``metrics:`` in targets.yaml — given by name or Chinese label (高新技术企业).
- one row per date and series (metric, region): a second row for the same date is an error.
- when all three kinds are given they add up to ``total`` (any subset may not exceed it);
  the kind columns belong to ``total`` rows only, and a kind's own row (metric
  ``enterprises``) must agree with the kind column of the ``total`` row of that date.
- ``new`` and ``cancelled`` count registrations and deregistrations since the previous row
  of the same series: ``total − previous total`` should equal ``new − cancelled``. A
  difference is a *warning*, not an error: official statistics legitimately differ (entities
  moving in or out of the county, revocations, corrections), and the difference is a
  question for a human — ``pucli quality`` lists it as a flag with the numbers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import os
import re
from pathlib import Path

from pucli.loading.csvfile import CsvRow, CsvTable, parse_csv, read_csv
from pucli.loading.datadir import ACTUALS, DataDir
from pucli.loading.dataset import OBSERVATION_CHECKERS
from pucli.models.domain import DomainError, parse_date
from pucli.models.metrics import BUILTIN, MetricInfo, metric_registry, resolve_metric
from pucli.models.numbers import is_count_unit
from pucli.models.observations import (
    COUNT_COLUMNS,
    KINDS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    Actual,
    Actuals,
)
from pucli.models.plan import Plan
from pucli.models.targets import DEFAULT_METRIC, Targets
from pucli.problems import DataError, Problem
from pucli.suggest import did_you_mean

DATE_HINT = "write the period end as YYYY-MM-DD, e.g. 2022-12-31"


def is_month_end(d: dt.date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


# A count: digits (full-width ones too, as Chinese input methods type them), optionally
# grouped by thousands ("10,400") or with a zero fraction ("6472.0", as Excel may write).
# Nothing else: "1,04,00", "64_72" and "6.472e3" would silently become other numbers.
# ``\d`` would take any script's digits (Arabic-Indic ١٢ too): only ASCII and full-width.
_D = "[0-9０-９]"
_COUNT = re.compile(rf"(?P<sign>-?)(?:(?P<plain>{_D}+)|(?P<grouped>{_D}{{1,3}}(?:,{_D}{{3}})+))"
                    r"(?:\.0*)?")
MAX_COUNT_DIGITS = 15  # 10^15 − 1 is exact as a float; no region has that many entities


def canonical_count(text: str) -> str | None:
    """``text`` as a count is stored: plain ASCII digits ("7,350", "７３５０" and "7350.0"
    are 7350); None when it is not a count as :func:`_parse_count` reads one."""
    match = _COUNT.fullmatch(text.strip())
    if match is None:
        return None
    digits = (match["plain"] or match["grouped"]).replace(",", "")
    return match["sign"] + str(int(digits))


def _parse_count(table: CsvTable, row: CsvRow, column: str) -> tuple[int | None, Problem | None]:
    text = row.values.get(column, "")
    if text == "":
        return None, None
    match = _COUNT.fullmatch(text)
    if match is None:
        try:
            value = float(text.replace(",", ""))
            fraction = math.isfinite(value) and not value.is_integer()
        except ValueError:
            fraction = False
        if fraction:
            return None, table.problem("not-whole", f"{column} {text} is not a whole number",
                                       row, column, hint="counts are whole numbers; a metric "
                                       "declared with a unit such as %, 万吨 or 亿元 "
                                       "(metrics[].unit) may have decimals")
        return None, table.problem("not-a-number", f"{column} '{text}' is not a number",
                                   row, column, hint="write a whole number, e.g. 1250")
    digits = (match["plain"] or match["grouped"]).replace(",", "")
    if len(digits.lstrip("0")) > MAX_COUNT_DIGITS:
        return None, table.problem("too-large", f"{column} has {len(digits)} digits, more "
                                   "than any count of entities", row, column,
                                   hint="check the cell; counts have at most "
                                   f"{MAX_COUNT_DIGITS} digits")
    number = int(digits)
    if match["sign"] and number:
        return None, table.problem("negative-count", f"{column} {text} is negative", row,
                                   column, hint="counts cannot be below zero")
    return number, None


_AMOUNT = re.compile(r"(?:\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)")


def _parse_amount(table: CsvTable, row: CsvRow, column: str,
                  ) -> tuple[float | None, Problem | None]:
    """A figure of a metric that is not a count (%, 万吨, 亿元): decimals as written."""
    text = row.values.get(column, "")
    if text == "" or _COUNT.fullmatch(text):
        return _parse_count(table, row, column)
    if _AMOUNT.fullmatch(text) is None:
        return None, table.problem("not-a-number", f"{column} '{text}' is not a number",
                                   row, column, hint="write the figure as a decimal, e.g. 4.5")
    return float(text.replace(",", "")), None


def _parse_date(table: CsvTable, row: CsvRow, today: dt.date,
                ) -> tuple[dt.date | None, list[Problem]]:
    text = row.values["date"]
    try:
        d = parse_date(text)
    except DomainError as exc:
        what = {"format": "is not a date (YYYY-MM-DD)", "not-real": "is not a real date"}
        message = f"date '{text}' {what[exc.kind]}" if exc.kind in what else exc.message
        return None, [table.problem("bad-date", message, row, "date",
                                    hint=DATE_HINT if exc.kind in what else exc.hint)]
    if d > today:
        return None, [table.problem("future-date", f"date {d} is in the future (today is "
                                    f"{today})", row, "date", hint="actuals are observed "
                                    "counts; projections come from `pucli project`")]
    if not is_month_end(d):
        end = d.replace(day=calendar.monthrange(d.year, d.month)[1])
        return d, [table.problem("not-period-end", f"date {d} is not a month end", row,
                                 "date", hint=f"rows are period ends; did you mean {end}?",
                                 severity="warning")]
    return d, []


def _parse_metric(table: CsvTable, row: CsvRow, registry: dict[str, MetricInfo],
                  ) -> tuple[str, list[Problem]]:
    text = row.values.get("metric", "")
    name = resolve_metric(text, registry)
    if name is None:
        return text, [table.problem(
            "unknown-metric", f"unknown metric '{text}'", row, "metric",
            hint=did_you_mean(text, list(registry)) or "declare it under metrics: in "
            "targets.yaml, or use one of: " + ", ".join(registry))]
    kinds = [k for k in KINDS if row.values.get(k, "") != ""]
    if name != DEFAULT_METRIC and kinds:
        return name, [table.problem(
            "kinds-on-metric", f"{kinds[0]} is given on a '{name}' row", row, kinds[0],
            hint="the kind columns break down the total of market entities: leave them "
                 "empty on rows of another metric")]
    return name, []


def parse_actuals(table: CsvTable, today: dt.date,
                  registry: dict[str, MetricInfo] | None = None,
                  ) -> tuple[Actuals, list[Problem]]:
    """Typed rows and every problem of the table (rows with errors are left out)."""
    registry = registry or BUILTIN
    problems: list[Problem] = []
    rows: list[Actual] = []
    for row in table.rows:
        row_problems: list[Problem] = []
        d, found = _parse_date(table, row, today)
        row_problems += found
        metric, found = _parse_metric(table, row, registry)
        row_problems += found
        counts: dict[str, float | None] = {}
        info = registry.get(metric)
        whole = info is None or is_count_unit(info.unit)  # 户, 家 …: counts are whole
        for column in COUNT_COLUMNS:
            parse = _parse_count if whole or column != "total" else _parse_amount
            counts[column], problem = parse(table, row, column)
            if problem:
                row_problems.append(problem)
        if counts["total"] is None and "total" in row.values and row.values["total"] == "":
            row_problems.append(table.problem("missing-value", "total is empty", row, "total",
                                              hint="every row needs the total count"))
        if not any(p.is_error for p in row_problems):
            row_problems += _check_kinds(table, row, counts)
        problems += row_problems
        if d is not None and not any(p.is_error for p in row_problems):
            rows.append(Actual(date=d, line=row.line, metric=metric,
                               region=row.values.get("region", ""),
                               source=row.values.get("source", ""),
                               **{c: counts[c] for c in COUNT_COLUMNS}))  # type: ignore[arg-type]
    problems += _check_series(table, rows)
    bad = {p.line for p in problems if p.is_error}
    return Actuals([r for r in rows if r.line not in bad], table.file), problems


def _check_kinds(table: CsvTable, row: CsvRow, counts: dict[str, int | None]) -> list[Problem]:
    given = {k: counts[k] for k in KINDS if counts[k] is not None}
    total = counts["total"]
    if not given or total is None:
        return []
    parts = sum(v for v in given.values() if v is not None)
    if len(given) == len(KINDS) and parts != total:
        return [table.problem("kinds-sum", f"enterprises + individual_businesses + "
                              f"cooperatives = {parts}, but total is {total}", row, "total",
                              hint="the three kinds of market entity make up the total")]
    if parts > total:
        return [table.problem("kinds-sum", f"the kinds given add up to {parts}, more than "
                              f"the total {total}", row, "total")]
    return []


def _check_series(table: CsvTable, rows: list[Actual]) -> list[Problem]:
    """Duplicate dates and net change vs new − cancelled, per series, in date order."""
    problems: list[Problem] = []
    by_line = {r.line: r for r in table.rows}
    seen: dict[tuple[tuple[str, str], dt.date], Actual] = {}
    for r in rows:
        first = seen.setdefault((r.key, r.date), r)
        if first is not r:
            where = f" for region {r.region}" if r.region else ""
            where += f" of metric {r.metric}" if r.metric != DEFAULT_METRIC else ""
            problems.append(table.problem(
                "duplicate-date",
                f"a second row for {r.date}{where} (first on line {first.line})",
                by_line[r.line], "date",
                hint="keep one row per period end; correct the first row instead"))
    problems += _check_kind_rows(table, rows)
    previous: dict[tuple[str, str], Actual] = {}
    for r in sorted(rows, key=lambda r: (r.key, r.date, r.line)):
        prev = previous.get(r.key)
        previous[r.key] = r
        if (prev is None or prev.date == r.date or r.new is None or r.cancelled is None
                or not isinstance(r.total, int) or not isinstance(prev.total, int)):
            continue
        change, net = r.total - prev.total, r.new - r.cancelled
        if change != net:
            problems.append(table.problem(
                "net-change",
                f"total rose by {change:+d} since {prev.date} (line {prev.line})"
                f", but new − cancelled = {r.new} − {r.cancelled} = {net:+d}",
                by_line[r.line], "total", severity="warning",
                hint="new and cancelled count the registrations since the previous row; "
                     "check the three numbers (a real difference, e.g. entities moving in "
                     "or out, is kept and flagged by `pucli quality`)"))
    return problems


def _check_kind_rows(table: CsvTable, rows: list[Actual]) -> list[Problem]:
    """A kind's own row (metric ``enterprises``) against the ``total`` row's kind column."""
    totals = {(r.region, r.date): r for r in rows if r.metric == DEFAULT_METRIC}
    by_line = {r.line: r for r in table.rows}
    out = []
    for r in rows:
        other = totals.get((r.region, r.date)) if r.metric in KINDS else None
        column = getattr(other, r.metric) if other is not None else None
        if column is not None and column != r.total:
            out.append(table.problem(
                "metric-mismatch", f"{r.metric} {r.total}, but the total row of {r.date} "
                f"(line {other.line}) gives {r.metric} {column}", by_line[r.line], "total",
                hint="one count per date: correct one of the two rows"))
    return out


def load_actuals(path: Path, display: str, today: dt.date | None = None,
                 registry: dict[str, MetricInfo] | None = None,
                 ) -> tuple[Actuals | None, list[Problem]]:
    """Read and check actuals.csv; ``None`` when the file cannot be read at all."""
    table, problems = read_csv(path, display, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    if table is None:
        return None, problems
    actuals, found = parse_actuals(table, today or dt.date.today(), registry)
    return actuals, problems + found


def parse_actuals_text(text: str, display: str, today: dt.date,
                       registry: dict[str, MetricInfo] | None = None,
                       ) -> tuple[CsvTable | None, Actuals | None, list[Problem]]:
    """Like :func:`load_actuals` on text already read (used before appending)."""
    table, problems = parse_csv(text, display, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    if table is None:
        return None, None, problems
    actuals, found = parse_actuals(table, today, registry)
    return table, actuals, problems + found


def folder_metrics(datadir: DataDir) -> dict[str, MetricInfo]:
    """The metrics known in a folder: built in, plus those its targets.yaml declares (a
    broken targets.yaml adds none; its own problems are reported where it is read)."""
    from pucli.loading.datadir import TARGETS
    from pucli.loading.dataset import read_targets

    if not datadir.file(TARGETS).exists():
        return dict(BUILTIN)
    targets, _ = read_targets(datadir)
    return metric_registry(targets.metrics if targets else None)


def open_actuals(datadir: DataDir, today: dt.date | None = None,
                 registry: dict[str, MetricInfo] | None = None) -> Actuals:
    """The actuals (empty when the folder has no actuals.csv), or :class:`DataError`."""
    path = datadir.file(ACTUALS)
    if not os.path.lexists(path):  # a broken link is not an absent file
        return Actuals([], datadir.display(ACTUALS))
    registry = registry or folder_metrics(datadir)
    actuals, problems = load_actuals(path, datadir.display(ACTUALS), today, registry)
    errors = [p for p in problems if p.is_error]
    if actuals is None or errors:
        raise DataError(errors or problems)
    return actuals


def check_actuals(datadir: DataDir, plan: Plan | None, targets: Targets | None,
                  today: dt.date) -> list[Problem]:
    """The ``pucli validate`` checker of actuals.csv."""
    registry = metric_registry(targets.metrics if targets else None)
    _, problems = load_actuals(datadir.file(ACTUALS), datadir.display(ACTUALS), today,
                               registry)
    return problems


OBSERVATION_CHECKERS.append((ACTUALS, check_actuals))
