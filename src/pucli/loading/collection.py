"""collection.csv: which forms were sent to which unit for which period, and which came back.

One row per event, appended under the same lock as the ledger's writers::

    period,unit,event,date,file,form
    2025Q1,县发改局,sent,2025-03-20,县发改局.xlsx,PUCLI-FORM/1;plan=…
    2025Q1,县发改局,returned,2025-03-28,县发改局.xlsx,PUCLI-FORM/1;plan=…

``pucli forms`` writes the ``sent`` rows, ``pucli collect`` the ``returned`` ones, and the
brief reads them to say which units have not returned their form. A missing file means no
form was ever sent through pucli. The file is a log: nothing in it is ever rewritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pucli.loading import dataset
from pucli.loading.csvfile import append_records, locked_for_append, read_csv
from pucli.loading.datadir import DataDir
from pucli.models.plan import Plan
from pucli.problems import DataError, Problem
from pucli.suggest import did_you_mean

COLLECTION = "collection.csv"
EVENTS = ("sent", "returned")
REQUIRED = ["period", "unit", "event", "date"]
OPTIONAL = ["file", "form"]
HEADER = REQUIRED + OPTIONAL


@dataclass(frozen=True)
class Event:
    period: str
    unit: str
    event: str
    date: dt.date
    file: str = ""
    form: str = ""


@dataclass
class CollectionState:
    """The forms of one period: sent to, returned by, and missing from which units."""

    period: str
    sent: list[str] = field(default_factory=list)  # units, in the order they were sent
    returned: dict[str, dt.date] = field(default_factory=dict)  # unit → first returned

    @property
    def missing(self) -> list[str]:
        return [u for u in self.sent if u not in self.returned]


def read_events(datadir: DataDir) -> list[Event]:
    """Every well-formed event of collection.csv (file order); [] when there is none.

    A row that cannot be read is left out: the log only feeds a summary, and the ledger,
    not this file, holds the reports.
    """
    path = datadir.file(COLLECTION)
    if not path.is_file() or path.stat().st_size == 0:  # just created by append_events
        return []
    table, problems = read_csv(path, datadir.display(COLLECTION), REQUIRED, OPTIONAL)
    if table is None:
        raise DataError([p for p in problems if p.is_error])
    out = []
    for row in table.rows:
        v = row.values
        try:
            day = dt.date.fromisoformat(v["date"])
        except ValueError:
            continue
        if v["event"] in EVENTS and v["period"] and v["unit"]:
            out.append(Event(v["period"], v["unit"], v["event"], day, v.get("file", ""),
                             v.get("form", "")))
    return out


def append_events(datadir: DataDir, events: list[Event]) -> list[Event]:
    """Append the events not already logged (same period, unit, event and form), in one
    write under the lock; the events written."""
    if not events:
        return []
    path, display = datadir.file(COLLECTION), datadir.display(COLLECTION)
    with locked_for_append(path, display, HEADER) as fd:
        known = {(e.period, e.unit, e.event, e.form) for e in read_events(datadir)}
        fresh = []
        for e in events:
            if (e.period, e.unit, e.event, e.form) not in known:
                known.add((e.period, e.unit, e.event, e.form))
                fresh.append(e)
        if fresh:
            append_records(fd, path, HEADER, [[e.period, e.unit, e.event, e.date.isoformat(),
                                               e.file, e.form] for e in fresh])
    return fresh


def collection_state(events: list[Event], as_of: dt.date,
                     period: str | None = None) -> CollectionState | None:
    """The state of ``period`` (default: the latest period forms were sent for by
    ``as_of``); None when no form was sent for it."""
    known = [e for e in events if e.date <= as_of]
    sent = [e for e in known if e.event == "sent"]
    if period is None:
        if not sent:
            return None
        period = max(sent, key=lambda e: (e.date, e.period)).period
    state = CollectionState(period)
    for e in known:
        if e.period != period:
            continue
        if e.event == "sent" and e.unit not in state.sent:
            state.sent.append(e.unit)
        elif e.event == "returned" and e.unit not in state.returned:
            state.returned[e.unit] = e.date
    return state if state.sent else None


def check_collection(datadir: DataDir, plan: Plan | None, _targets, today: dt.date,
                     ) -> list[Problem]:
    """The checker ``pucli validate`` runs on collection.csv: the header, then each row's
    event, date and unit, located."""
    table, problems = read_csv(datadir.file(COLLECTION), datadir.display(COLLECTION),
                               REQUIRED, OPTIONAL)
    if table is None:
        return problems
    index = plan.unit_index() if plan is not None else None
    for row in table.rows:
        v = row.values
        if v["event"] not in EVENTS:
            problems.append(table.problem("unknown-event", f"unknown event '{v['event']}'",
                                          row, "event", hint="use one of sent, returned"))
        try:
            if dt.date.fromisoformat(v["date"]) > today:
                problems.append(table.problem(
                    "future-date", f"date {v['date']} is in the future (today is {today})",
                    row, "date"))
        except ValueError:
            problems.append(table.problem("invalid-date", f"'{v['date']}' is not a date", row,
                                          "date", hint="write dates as YYYY-MM-DD, e.g. "
                                          "2025-03-31"))
        if index is not None and v["unit"] not in index:
            problems.append(table.problem("unknown-unit", f"unknown unit '{v['unit']}'", row,
                                          "unit", hint=did_you_mean(v["unit"], index)
                                          or "see `pucli units` for the registry"))
    return problems


dataset.OBSERVATION_CHECKERS.append((COLLECTION, check_collection))
