"""What each unit is asked to report for a period: the open items of the reporting round.

Pure functions over the plan and the ledger (stdlib only). A unit's open items are the
measures it is responsible for that are not done: not reported done by the lead unit (then
the measure is finished) nor by the unit itself (its part is finished), as
:mod:`pucli.compute.overdue` reads the ledger. Each item carries the measure's effective
due date and the milestones still ahead of the unit, so the form shows what is expected.

The reporting period is the plan's dispatch period (``plan.reporting.dispatch``) that
contains the day the forms are made; the return deadline is that period's report deadline
(its last day plus ``grace_days``), the date ``pucli overdue`` chases reports from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pucli.compute.cadence import Period, period_containing, report_due
from pucli.compute.overdue import (
    LateItem,
    late_items,
    latest_reports,
    responsible_units,
    sort_items,
)
from pucli.models.plan import Milestone, Plan
from pucli.models.progress import DONE, ProgressEntry


@dataclass(frozen=True)
class FormItem:
    """One open measure of one unit."""

    measure: int
    title: str
    title_en: str | None
    lead: bool
    due: dt.date | None  # effective due date (after extensions)
    original_due: dt.date | None
    milestones: tuple[Milestone, ...]  # still ahead for this unit, by due date
    latest: ProgressEntry | None


@dataclass
class FormDraft:
    """One unit's items for one period, before it is worded into a form."""

    unit: str
    period: Period
    deadline: dt.date
    as_of: dt.date
    items: list[FormItem] = field(default_factory=list)


def reporting_period(plan: Plan, as_of: dt.date) -> tuple[Period, dt.date]:
    """The period forms made on ``as_of`` report on, and its return deadline."""
    reporting = plan.plan.reporting
    period = period_containing(as_of, reporting.dispatch)
    return period, report_due(period, reporting.grace_days)


def build_drafts(plan: Plan, entries: list[ProgressEntry], as_of: dt.date,
                 units: list[str] | None = None, deadline: dt.date | None = None,
                 ) -> list[FormDraft]:
    """One draft per responsible unit (registry order) with at least one open item.

    ``units`` (registry names) limits the drafts to those units, each of which gets a draft
    even when nothing is open for it (an empty form says so). Reports dated after
    ``as_of`` are ignored.
    """
    period, due = reporting_period(plan, as_of)
    due = deadline or due
    latest = latest_reports(entries, as_of)
    index = plan.unit_index()
    drafts = {u.name: FormDraft(u.name, period, due, as_of) for u in plan.units}
    for m in plan.measures:
        who = responsible_units(plan, m, index)
        lead_entry = latest.get((m.id, who[0]))
        if lead_entry is not None and lead_entry.status == DONE:
            continue
        for pos, unit in enumerate(who):
            last = latest.get((m.id, unit))
            if (last is not None and last.status == DONE) or unit not in drafts:
                continue
            ahead = tuple(sorted(
                (ms for ms in m.milestones
                 if (ms.unit is None or index.get(ms.unit, ms.unit) == unit)
                 and ms.effective_due >= period.start),
                key=lambda ms: ms.effective_due))
            drafts[unit].items.append(FormItem(
                m.id, m.title, m.title_en, pos == 0, m.effective_due, m.due, ahead, last))
    if units is not None:
        return [drafts[u] for u in units]
    return [d for d in drafts.values() if d.items]


_LABEL = re.compile(r"(\d{4})(?:-(\d{2})|Q([1-4])|H([12]))?")


def period_of_label(plan: Plan, label: str) -> tuple[Period, dt.date] | None:
    """The period a label such as ``2025Q1`` names in the plan's cadence, and its return
    deadline; None when the label is not one of that cadence."""
    match = _LABEL.fullmatch(label.strip())
    if not match:
        return None
    year, month, quarter, half = match.groups()
    first = int(month) if month else (int(quarter) - 1) * 3 + 1 if quarter else \
        (int(half) - 1) * 6 + 1 if half else 1
    if not 1 <= first <= 12:
        return None
    reporting = plan.plan.reporting
    period = period_containing(dt.date(int(year), first, 1), reporting.dispatch)
    if period.label != label.strip():
        return None
    return period, report_due(period, reporting.grace_days)


@dataclass
class Reminder:
    """One unit's overdue and soon-due items on ``as_of``, most late first."""

    unit: str
    as_of: dt.date
    items: list[LateItem]

    @property
    def overdue(self) -> list[LateItem]:
        return [i for i in self.items if i.is_overdue]


def build_reminders(plan: Plan, entries: list[ProgressEntry], as_of: dt.date,
                    unit: str | None = None) -> list[Reminder]:
    """A reminder per unit with anything overdue or due soon (``plan.severity``), the
    units with the most late item first."""
    items = sort_items(late_items(plan, entries, as_of, unit=unit), "unit")
    groups: dict[str, list[LateItem]] = {}
    for item in items:
        groups.setdefault(item.unit, []).append(item)
    return [Reminder(u, as_of, its) for u, its in groups.items()]
