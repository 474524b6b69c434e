"""What is late, and by how long: measures, milestones and progress reports.

Pure functions over the plan and the ledger (stdlib only, so ``pucli overdue`` starts
fast). Rules, as the plan's 督查督办 practice reads them:

* a measure or milestone is late when its (effective) due date has passed and it is not
  done; an extension moves the due date but the original stays, so slippage shows;
* a progress report is late when a responsible unit has not reported on a measure since
  the start of the last completed reporting period (``plan.reporting.dispatch``, default
  quarterly), whose deadline is the period's last day plus ``grace_days``; reporting
  starts with the first period that begins on or after the plan was issued;
* a measure is done when the latest report of its lead unit (牵头单位) says ``done``: it
  is then never listed. A unit whose own latest report says ``done`` is not chased on
  that measure either (its part is finished);
* one item per late thing and unit: a measure's units are listed lead first;
* severity: ``due_soon`` (due within ``plan.severity.due_soon_days``), ``overdue``,
  ``long_overdue`` (more than ``long_overdue_days`` days).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pucli.compute.cadence import (
    days_overdue,
    last_due_period,
    next_period,
    period_containing,
    report_due,
)
from pucli.models.plan import Extension, Measure, Plan
from pucli.models.progress import DONE, ProgressEntry

KINDS = ("measure", "milestone", "report")
SEVERITIES = ("long_overdue", "overdue", "due_soon")


@dataclass(frozen=True, slots=True)
class LateItem:
    """One late (or soon due) thing for one unit."""

    measure: int
    title: str
    section: int
    unit: str
    lead: bool
    kind: str  # measure | milestone | report
    item: str  # what: the measure, the milestone's title, or the reporting period
    due: dt.date  # effective due date (after extensions)
    original_due: dt.date  # as first set; equals ``due`` without extensions
    days_overdue: int  # negative: days left
    severity: str
    last_date: dt.date | None
    last_status: str | None
    last_percent: float | None
    title_en: str | None = None
    number: str = ""  # the plan's own item number (Measure.number), "" when it has none

    @property
    def label(self) -> str:
        """How the plan numbers the measure: its ``number``, else the id."""
        return self.number or str(self.measure)

    @property
    def slipped_days(self) -> int:
        return (self.due - self.original_due).days

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue > 0


def severity_of(days: int, due_soon_days: int, long_overdue_days: int) -> str | None:
    """``long_overdue`` / ``overdue`` / ``due_soon``, or ``None`` when not yet due soon."""
    if days > long_overdue_days:
        return "long_overdue"
    if days > 0:
        return "overdue"
    if -days <= due_soon_days:
        return "due_soon"
    return None


def latest_reports(entries: Iterable[ProgressEntry], as_of: dt.date | None = None,
                   ) -> dict[tuple[int, str], ProgressEntry]:
    """The latest entry per (measure, unit), ignoring entries dated after ``as_of``."""
    latest: dict[tuple[int, str], ProgressEntry] = {}
    for e in entries:
        if as_of is not None and e.date > as_of:
            continue
        key = (e.measure, e.unit)
        if key not in latest or e.sort_key() >= latest[key].sort_key():
            latest[key] = e
    return latest


def responsible_units(plan: Plan, measure: Measure, index: dict[str, str] | None = None,
                      ) -> list[str]:
    """The measure's units as registry names, lead first, each once (``index``: the
    plan's :meth:`~Plan.unit_index`, passed by callers looping over many measures)."""
    index = plan.unit_index() if index is None else index
    return list(dict.fromkeys(index.get(u, u) for u in measure.responsible))


def lead_units(measure: Measure, index: dict[str, str]) -> set[str]:
    """The registry names of the measure's lead units."""
    return {index.get(u, u) for u in measure.lead_units}


def with_members(latest: dict[tuple[int, str], ProgressEntry], plan: Plan,
                 ) -> dict[tuple[int, str], ProgressEntry]:
    """``latest`` where a township group's entry is the latest report of the group or of
    any of its members (a member may report for the group)."""
    groups = plan.members()
    if not groups:
        return latest
    out = dict(latest)
    measures = {m for m, _ in latest}
    for group, members in groups.items():
        for m in measures:
            found = [e for e in (latest.get((m, u)) for u in [group, *members]) if e]
            if found:
                out[(m, group)] = max(found, key=lambda e: e.sort_key())
    return out


def late_items(plan: Plan, entries: Iterable[ProgressEntry], as_of: dt.date, *,
               due_soon_days: int | None = None, unit: str | None = None,
               section: int | None = None, one_report_per_unit: bool = True,
               ) -> list[LateItem]:
    """Every item overdue or due within ``due_soon_days`` on ``as_of`` (unsorted).

    ``unit`` is a registry name; ``due_soon_days`` defaults to ``plan.severity``. With
    ``one_report_per_unit``, a unit already overdue on a measure's report is not also
    listed for the next report falling due (the meeting chases the late one).
    """
    soon = plan.plan.severity.due_soon_days if due_soon_days is None else due_soon_days
    long_days = plan.plan.severity.long_overdue_days
    latest = with_members(latest_reports(entries, as_of), plan)
    index = plan.unit_index()
    out: list[LateItem] = []
    for m in plan.measures:
        if section is not None and m.section != section:
            continue
        units = responsible_units(plan, m, index)
        leads = lead_units(m, index)
        lead_entry = latest.get((m.id, units[0]))
        if lead_entry is not None and lead_entry.status == DONE:
            continue
        for due, original, kind, item, who in _deadlines(plan, m, as_of, index, units):
            days = days_overdue(due, as_of)
            sev = severity_of(days, soon, long_days)
            if sev is None:
                continue
            for u in who:
                if unit is not None and u != unit:
                    continue
                last = latest.get((m.id, u))
                if last is not None and last.status == DONE:
                    continue
                if kind == "report" and last is not None and last.date >= original:
                    continue  # reported in (or since) the period: ``original`` is its start
                out.append(LateItem(
                    m.id, m.title, m.section, u, u in leads, kind, item,
                    due, due if kind == "report" else original, days, sev,
                    last.date if last else None, last.status if last else None,
                    last.percent if last else None, m.title_en, m.number or ""))
    return _one_report_per_unit(out) if one_report_per_unit else out


def _deadlines(plan: Plan, m: Measure, as_of: dt.date, index: dict[str, str],
               units: list[str]) -> list[tuple[dt.date, dt.date, str, str, list[str]]]:
    """(effective due, original due, kind, item, units) for each deadline of ``m``.

    For reports, "original" carries the period's first day instead (a report made on or
    after it counts for the period).
    """
    out = []
    if m.due is not None:
        out.append((_effective(m.due, m.extensions), m.due, "measure", m.title, units))
    for ms in m.milestones:
        who = [index.get(ms.unit, ms.unit)] if ms.unit else units
        out.append((_effective(ms.due, ms.extensions), ms.due, "milestone", ms.title, who))
    reporting = plan.plan.reporting
    cadence = m.recurring or reporting.dispatch  # 每月/每季度 in the measure: its own schedule
    period = last_due_period(as_of, cadence, reporting.grace_days)
    final = period_containing(plan.plan.horizon.end, cadence)
    if period.start > final.start:  # after the horizon, the plan's last report stays due
        period = final
    issued = plan.plan.issued or plan.plan.horizon.start
    for p in (period, next_period(period, cadence)):
        if issued <= p.start <= plan.plan.horizon.end:
            out.append((report_due(p, reporting.grace_days), p.start, "report",
                        p.label, units))
    return out


def _effective(due: dt.date, extensions: list[Extension]) -> dt.date:
    return extensions[-1].due if extensions else due


def _one_report_per_unit(items: list[LateItem]) -> list[LateItem]:
    """Drop a 'report due soon' for a unit already overdue on that measure's report."""
    overdue = {(i.measure, i.unit) for i in items if i.kind == "report" and i.is_overdue}
    return [i for i in items if not (i.kind == "report" and not i.is_overdue
                                     and (i.measure, i.unit) in overdue)]


def sort_items(items: Iterable[LateItem], by: str = "unit") -> list[LateItem]:
    """Grouped by ``unit`` (or ``measure``), the most late group first; inside a group the
    most late item first."""
    items = list(items)

    def group(i: LateItem) -> Any:
        return i.unit if by == "unit" else i.measure

    worst: dict[Any, int] = {}
    for i in items:
        worst[group(i)] = max(worst.get(group(i), i.days_overdue), i.days_overdue)
    return sorted(items, key=lambda i: (-worst[group(i)], group(i), -i.days_overdue,
                                        i.measure, not i.lead, i.unit, KINDS.index(i.kind),
                                        i.item))


def any_overdue(items: Iterable[LateItem]) -> bool:
    """True when at least one item is past its due date (due-soon items do not count)."""
    return any(i.is_overdue for i in items)
