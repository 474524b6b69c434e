"""The 台账 and its summary: latest status per measure × responsible unit, counts by status.

Pure functions (stdlib only) over the plan and the ledger's entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from pucli.compute.overdue import latest_reports, lead_units, responsible_units, with_members
from pucli.models.plan import Plan
from pucli.models.progress import DONE, STATUSES, ProgressEntry

NO_REPORT = "no_report"


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One measure × responsible unit, with that unit's latest report (if any)."""

    measure: int
    title: str
    section: int
    unit: str
    lead: bool
    latest: ProgressEntry | None
    title_en: str | None = None
    number: str = ""  # the plan's own item number (Measure.number)

    @property
    def label(self) -> str:
        return self.number or str(self.measure)

    @property
    def status(self) -> str:
        return self.latest.status if self.latest else NO_REPORT


def ledger_rows(plan: Plan, entries: Iterable[ProgressEntry], *, unit: str | None = None,
                section: int | None = None, as_of: dt.date | None = None) -> list[LedgerRow]:
    """One row per measure and responsible unit, in plan order, lead unit first."""
    latest = with_members(latest_reports(entries, as_of), plan)
    index = plan.unit_index()
    rows = []
    for m in plan.measures:
        if section is not None and m.section != section:
            continue
        leads = lead_units(m, index)
        for u in responsible_units(plan, m, index):
            if unit is not None and u != unit:
                continue
            rows.append(LedgerRow(m.id, m.title, m.section, u, u in leads, latest.get((m.id, u)),
                                  m.title_en, m.number or ""))
    return rows


@dataclass
class StatusCount:
    """Counts of latest statuses in one group (a section or a unit)."""

    group: str
    label: str
    counts: dict[str, int] = field(default_factory=dict)
    heading: str = ""  # a section's numeral and title as the plan prints them ("（一）…")

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def share_done(self) -> float:
        return self.counts.get(DONE, 0) / self.total if self.total else 0.0


def status_summary(plan: Plan, rows: Iterable[LedgerRow], by: str = "unit",
                   ) -> list[StatusCount]:
    """Counts by status per ``unit`` or ``section``: a league table, best share done first."""
    sections = {s.id: s for s in plan.sections}
    groups: dict[str, StatusCount] = {}
    for r in rows:
        if by == "section":
            key = str(r.section)
            sec = sections.get(r.section)
            label = sec.title if sec else key
        else:
            key, label = r.unit, r.unit
        g = groups.setdefault(key, StatusCount(key, label, dict.fromkeys(
            (*STATUSES, NO_REPORT), 0), plan.heading(r.section) if by == "section" else ""))
        g.counts[r.status] += 1
    out = list(groups.values())
    if by == "section":
        return sorted(out, key=lambda g: int(g.group))
    return sorted(out, key=lambda g: (-g.share_done, g.counts[NO_REPORT] / g.total, g.group))


def never_reported(plan: Plan, entries: Iterable[ProgressEntry]) -> list[str]:
    """Units responsible for some measure that have no entry in the ledger at all."""
    reported = {e.unit for e in entries}
    # a township group has reported when one of its members has (members report for it)
    reported |= {g for g, members in plan.members().items() if reported & set(members)}
    index = plan.unit_index()
    responsible = {u for m in plan.measures for u in responsible_units(plan, m, index)}
    return [u.name for u in plan.units if u.name in responsible and u.name not in reported]
