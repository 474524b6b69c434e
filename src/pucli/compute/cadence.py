"""Reporting cadence: deadlines and reporting periods as `pucli overdue` sees them.

A date-only due date means the end of that day (Taskwarrior's users complained for years
when it meant midnight): an item due on D is overdue from D+1 on, and
``days_overdue(D, as_of) = (as_of − D).days`` is positive exactly when it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MONTHS_PER_PERIOD = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date  # last day, inclusive
    label: str


def days_overdue(due: dt.date, as_of: dt.date) -> int:
    """Days past a date-only deadline: 0 on the day itself, 1 the day after, negative before."""
    return (as_of - due).days


def period_containing(day: dt.date, cadence: str) -> Period:
    """The reporting period (aligned to the calendar year) that contains ``day``."""
    months = MONTHS_PER_PERIOD[cadence]
    first_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, first_month, 1)
    return Period(start, _end_of(start, months), _label(start, cadence))


def previous_period(period: Period, cadence: str) -> Period:
    return period_containing(period.start - dt.timedelta(days=1), cadence)


def next_period(period: Period, cadence: str) -> Period:
    return period_containing(period.end + dt.timedelta(days=1), cadence)


def last_due_period(as_of: dt.date, cadence: str, grace_days: int = 0) -> Period:
    """The latest period whose report deadline (end + grace days) is before ``as_of``.

    That is the last *completed* period in the sense of the plan's dispatch: its report
    is overdue on ``as_of`` if it has not been made.
    """
    last_day = as_of - dt.timedelta(days=grace_days + 1)
    period = period_containing(last_day, cadence)
    return period if period.end == last_day else previous_period(period, cadence)


def report_due(period: Period, grace_days: int = 0) -> dt.date:
    """The date-only deadline of the report for ``period``."""
    return period.end + dt.timedelta(days=grace_days)


def _end_of(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    following = dt.date(start.year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _label(start: dt.date, cadence: str) -> str:
    if cadence == "monthly":
        return f"{start.year}-{start.month:02d}"
    if cadence == "quarterly":
        return f"{start.year}Q{(start.month - 1) // 3 + 1}"
    if cadence == "half-yearly":
        return f"{start.year}H{(start.month - 1) // 6 + 1}"
    return str(start.year)
