"""progress.csv, the ledger (台账): read and validate it, or append one checked entry.

Every row is checked against the plan: the measure exists, the unit is registered and
responsible for that measure, the date is a real date and not in the future, the status is
one of :data:`~pucli.models.progress.STATUSES`, the percent lies in 0–100. The same checks
run on a new entry before ``pucli update`` appends it, so a command cannot write a row that
``pucli validate`` would reject.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pucli.loading import dataset
from pucli.loading.csvfile import (
    CsvRow,
    append_record,
    append_records,
    check_writable_folder,
    locked_for_append,
    paused_gc,
    read_csv,
)
from pucli.loading.datadir import PROGRESS, DataDir
from pucli.models.domain import DomainError, check_name, parse_date, parse_id
from pucli.models.plan import Plan
from pucli.models.progress import (
    COLUMNS,
    DONE,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    STATUS_WORDS,
    STATUSES,
    ProgressEntry,
)
from pucli.models.targets import Targets
from pucli.problems import DataError, Problem
from pucli.suggest import did_you_mean

_STATUS_SET = frozenset(STATUSES)

# How a column is named when the value came from the command line instead of the file.
OPTION_OF_COLUMN = {"date": "--date", "measure": "MEASURE", "unit": "--unit",
                    "status": "--status", "percent": "--percent", "note": "--note",
                    "evidence": "--evidence"}


@dataclass(frozen=True)
class Issue:
    """A problem with one value of one entry, before it is located in a file or option."""

    column: str
    code: str
    message: str
    hint: str | None = None
    severity: str = "error"


def check_values(values: dict[str, str], plan: Plan, today: dt.date,
                 index: dict[str, str] | None = None, line: int = 0,
                 ) -> tuple[ProgressEntry | None, list[Issue]]:
    """Check one entry's text values; the entry (if no errors) and every issue found."""
    return EntryChecker(plan, today, index).check(values, line)


class EntryChecker:
    """Checks entries against one plan; results for a date or a (measure, unit) pair are
    cached, since a ledger repeats the same few hundred pairs and dates for years."""

    def __init__(self, plan: Plan, today: dt.date, index: dict[str, str] | None = None):
        self.plan, self.today = plan, today
        self.index = plan.unit_index() if index is None else index
        self.measures = {m.id: m for m in plan.measures}
        groups = plan.members()
        self.responsible = {m.id: {self.index.get(u, u) for u in m.responsible}
                            for m in plan.measures}
        for units in self.responsible.values():  # a township group's members report for it
            units.update(self.index.get(x, x) for g in list(units) for x in groups.get(g, ()))
        self._dates: dict[str, tuple[dt.date | None, list[Issue]]] = {}
        self._pairs: dict[tuple[str, str], tuple[int | None, str | None, list[Issue]]] = {}
        self._percents: dict[str, tuple[float | None, list[Issue]]] = {}

    def check(self, values: dict[str, str], line: int = 0,
              ) -> tuple[ProgressEntry | None, list[Issue]]:
        get = values.get
        text = get("date", "")
        if text not in self._dates:
            found: list[Issue] = []
            self._dates[text] = (self._date(text, found), found)
        date, date_issues = self._dates[text]
        pair = (get("measure", ""), get("unit", ""))
        if pair not in self._pairs:
            found = []
            measure = self._measure(pair[0], found)
            self._pairs[pair] = (measure, self._unit(pair[1], measure, found), found)
        measure, unit, pair_issues = self._pairs[pair]
        status = get("status", "")
        status = STATUS_WORDS.get(status, status)
        text = get("percent", "")
        if text not in self._percents:  # a ledger repeats the same hundred percents
            found = []
            self._percents[text] = (_check_percent(text, found), found)
        percent, percent_issues = self._percents[text]
        if (not (date_issues or pair_issues or percent_issues) and status in _STATUS_SET
                and (status != DONE or percent is None or percent >= 100)):
            # the common case, kept short: a ledger of years has a row per report
            return ProgressEntry(date, measure, unit, status, percent, get("note", ""),
                                 get("evidence", ""), line), []
        issues = date_issues + pair_issues
        if status not in _STATUS_SET:
            issues.append(Issue("status", "unknown-status", f"unknown status '{status}'",
                                did_you_mean(status, STATUSES)
                                or "use one of " + ", ".join(STATUSES)))
        issues += percent_issues
        if status == DONE and percent is not None and percent < 100:
            issues.append(Issue("percent", "done-not-complete",
                                f"status done but percent {percent:g}", "a finished measure "
                                "is 100 %: correct the percent, or report in_progress",
                                "warning"))
        if date is None or measure is None or unit is None or any(
                i.severity == "error" for i in issues):
            return None, issues
        return ProgressEntry(date, measure, unit, status, percent, get("note", ""),
                             get("evidence", ""), line), issues

    def _date(self, text: str, issues: list[Issue]) -> dt.date | None:
        try:
            date = parse_date(text)
        except DomainError as exc:
            message = f"'{text}' is not a date" if exc.kind == "format" else exc.message
            issues.append(Issue("date", "invalid-date", message,
                                "write dates as YYYY-MM-DD, e.g. 2025-03-31"
                                if exc.kind == "format" else exc.hint))
            return None
        if date > self.today:
            issues.append(Issue("date", "future-date",
                                f"entry dated {date}, after today ({self.today})",
                                "date a report on the day it was made; check the year and "
                                "month"))
        elif self.plan.plan.issued is not None and date < self.plan.plan.issued:
            issues.append(Issue("date", "before-plan",
                                f"entry dated {date}, before the plan was issued "
                                f"({self.plan.plan.issued})", severity="warning"))
        return date

    def _measure(self, text: str, issues: list[Issue]) -> int | None:
        try:
            measure_id = parse_id(text)
        except DomainError:
            titles = {m.title: m.id for m in self.plan.measures}
            close = did_you_mean(text, titles)
            hint = self._span()
            if close:
                title = close.split("'")[1]
                hint = f"write the measure's number: did you mean {titles[title]} ({title})?"
            issues.append(Issue("measure", "unknown-measure",
                                f"'{text}' is not a measure number", hint))
            return None
        if measure_id not in self.measures:
            issues.append(Issue("measure", "unknown-measure", f"no measure {measure_id}",
                                self._span()))
            return None
        return measure_id

    def _span(self) -> str:
        # Only on error: min/max over thousands of measures for every pair was most of
        # the time `pucli validate` took on a large ledger.
        return f"measures run {min(self.measures)}–{max(self.measures)}; see `pucli measures`"

    def _unit(self, text: str, measure_id: int | None, issues: list[Issue]) -> str | None:
        try:
            text = check_name(text)
        except DomainError as exc:
            issues.append(Issue("unit", "invalid-name", exc.message, exc.hint))
            return None
        canonical = self.index.get(text)
        if canonical is None:
            issues.append(Issue("unit", "unknown-unit", f"unknown unit '{text}'",
                                did_you_mean(text, self.index)
                                or "see `pucli units` for the registry"))
            return None
        if canonical != text:
            issues.append(Issue("unit", "alias-used", f"'{text}' is an alias of '{canonical}'",
                                f"write '{canonical}'", "warning"))
        if measure_id is not None and canonical not in self.responsible[measure_id]:
            issues.append(Issue("unit", "unit-not-responsible",
                                f"'{canonical}' is not responsible for measure {measure_id}",
                                "units responsible for it: "
                                + ", ".join(self.measures[measure_id].responsible)))
        return canonical


_PERCENT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def _check_percent(text: str, issues: list[Issue]) -> float | None:
    if text == "":
        return None
    number = text.removesuffix("%").strip()
    try:
        if not _PERCENT.fullmatch(number):  # float() would take "1_0", "1e2", "nan"
            raise ValueError(number)
        value = float(number)
    except ValueError:
        issues.append(Issue("percent", "invalid-number", f"'{text}' is not a number",
                            "write a percent as a number from 0 to 100, e.g. 60"))
        return None
    if not 0 <= value <= 100:
        issues.append(Issue("percent", "out-of-range", f"percent {value:g} is outside 0–100",
                            "write a percent as a number from 0 to 100, e.g. 60"))
        return None
    return value


def load_progress(datadir: DataDir, plan: Plan, today: dt.date,
                  ) -> tuple[list[ProgressEntry], list[Problem]]:
    """Every valid entry of progress.csv (file order) and every problem found.

    A missing file is an empty ledger: no report has been made yet.
    """
    path = datadir.file(PROGRESS)
    if not os.path.lexists(path):  # a broken link is not an absent file
        return [], []
    return _load(path, datadir.display(PROGRESS), plan, today)


def _load(path: Path, display: str, plan: Plan, today: dt.date,
          ) -> tuple[list[ProgressEntry], list[Problem]]:
    table, problems = read_csv(path, display, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    if table is None:
        return [], problems
    checker = EntryChecker(plan, today)
    entries: list[ProgressEntry] = []
    with paused_gc():  # a ledger of 100,000 entries: see paused_gc
        for row in table.rows:
            entry, issues = checker.check(row.values, row.line)
            problems += [_locate(table, row, i) for i in issues]
            if entry is not None:
                entries.append(entry)
    return entries, problems


def _locate(table, row: CsvRow, issue: Issue) -> Problem:
    return table.problem(issue.code, issue.message, row, issue.column, hint=issue.hint,
                         severity=issue.severity)


def open_progress(datadir: DataDir, plan: Plan, today: dt.date | None = None,
                  ) -> list[ProgressEntry]:
    """The ledger's entries, or :class:`DataError` when progress.csv has any error."""
    entries, problems = load_progress(datadir, plan, today or dt.date.today())
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DataError(errors)
    return entries


def check_progress(datadir: DataDir, plan: Plan | None, targets: Targets | None,
                   today: dt.date) -> list[Problem]:
    """The checker ``pucli validate`` runs on progress.csv."""
    path, display = datadir.file(PROGRESS), datadir.display(PROGRESS)
    if plan is None:  # without a plan only the form of the file can be checked
        return read_csv(path, display, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)[1]
    return _load(path, display, plan, today)[1]


def append_progress(datadir: DataDir, plan: Plan, values: dict[str, str],
                    today: dt.date | None = None,
                    warnings: list[Problem] | None = None) -> ProgressEntry:
    """Check one new entry, then append it to progress.csv under an exclusive lock.

    The existing ledger is read and validated inside the lock, so no other writer can
    slip a row in between; a ledger with errors is not appended to. Raises
    :class:`DataError` (nothing written) when anything is wrong.
    """
    today = today or dt.date.today()
    check_writable_folder(datadir.path, str(datadir.path))
    entry, issues = check_values(values, plan, today)
    problems = [Problem(i.code, i.message, OPTION_OF_COLUMN[i.column],
                        hint=i.hint, severity=i.severity)  # type: ignore[arg-type]
                for i in issues if i.severity == "error"]
    if entry is None or problems:
        raise DataError(problems)
    if warnings is not None:  # what the caller shows: the entry is written all the same
        warnings += [Problem(i.code, i.message, OPTION_OF_COLUMN[i.column], hint=i.hint,
                             severity="warning") for i in issues if i.severity == "warning"]
    path, display = datadir.file(PROGRESS), datadir.display(PROGRESS)
    with locked_for_append(path, display, COLUMNS) as fd:
        header = _existing_ledger(path, display, plan, today)[0]
        row = dict(zip(COLUMNS, entry.as_row(), strict=True))
        missing = [c for c in COLUMNS if row[c] and c not in header]
        if missing:
            raise DataError([Problem(
                "missing-column", f"the ledger has no column for {', '.join(missing)}", display,
                1, 1, "header", hint="add the column to the header row, or leave the option out")])
        append_record(fd, path, header, [row[c] for c in header])
    return entry


def append_entries(datadir: DataDir, plan: Plan, entries: list[ProgressEntry],
                   today: dt.date, new_since: dt.date, dry_run: bool = False,
                   ) -> tuple[list[ProgressEntry], list[ProgressEntry]]:
    """Append checked entries to progress.csv in one write under the ledger's lock.

    An entry the ledger already holds — the same measure, unit, status, percent, note and
    evidence, dated on or after ``new_since`` — is skipped, so that appending the same
    reports twice adds nothing. The ledger is read and checked inside the lock, as by
    :func:`append_progress`. Returns (appended, skipped); ``dry_run`` writes nothing.
    """
    if not dry_run:
        check_writable_folder(datadir.path, str(datadir.path))
    path, display = datadir.file(PROGRESS), datadir.display(PROGRESS)
    if dry_run:
        existing = open_progress(datadir, plan, today)
        return _new_entries(entries, existing, new_since)
    with locked_for_append(path, display, COLUMNS) as fd:
        header, existing = _existing_ledger(path, display, plan, today)
        fresh, skipped = _new_entries(entries, existing, new_since)
        rows = [dict(zip(COLUMNS, e.as_row(), strict=True)) for e in fresh]
        missing = sorted({c for row in rows for c in COLUMNS if row[c] and c not in header},
                         key=COLUMNS.index)
        if missing:
            raise DataError([Problem(
                "missing-column", f"the ledger has no column for {', '.join(missing)}",
                display, 1, 1, "header",
                hint="add the column to the header row, or leave the option out")])
        if rows:
            append_records(fd, path, header, [[row[c] for c in header] for row in rows])
    return fresh, skipped


def _new_entries(entries: list[ProgressEntry], existing: list[ProgressEntry],
                 since: dt.date) -> tuple[list[ProgressEntry], list[ProgressEntry]]:
    def same(e: ProgressEntry) -> tuple:
        return (e.measure, e.unit, e.status, e.percent, e.note, e.evidence)

    held = {same(e) for e in existing if e.date >= since}
    fresh, skipped = [], []
    for e in entries:
        (skipped if same(e) in held else fresh).append(e)
        held.add(same(e))
    return fresh, skipped


def _existing_ledger(path: Path, display: str, plan: Plan, today: dt.date,
                     ) -> tuple[list[str], list[ProgressEntry]]:
    """The header and entries of the existing ledger, after checking every row (inside
    the lock)."""
    table, problems = read_csv(path, display, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    entries: list[ProgressEntry] = []
    if table is not None:
        checker = EntryChecker(plan, today)
        for row in table.rows:
            entry, issues = checker.check(row.values, row.line)
            problems += [_locate(table, row, i) for i in issues]
            if entry is not None:
                entries.append(entry)
    errors = [p for p in problems if p.is_error]
    if table is None or errors:
        raise DataError(errors + [Problem(
            "ledger-invalid", "not appended: the ledger has errors", display,
            hint="fix the rows above (see `pucli validate`), then run the update again")])
    return table.header, entries


dataset.OBSERVATION_CHECKERS.append((PROGRESS, check_progress))
