"""The meeting brief as data: where the count stands, who is late, what changed.

:func:`build_brief` runs the existing computations — the projection
(:mod:`pucli.compute.projection`), the overdue list (:mod:`pucli.compute.overdue`) and the
ledger summary (:mod:`pucli.compute.ledger`) — on ``as_of``, and, with ``since``, runs the
overdue list and the ledger again on ``since`` and compares. Renderers in
``pucli.render.brief_*`` turn the :class:`Brief` into Markdown, HTML or Word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pucli.compute.ledger import (
    LedgerRow,
    StatusCount,
    ledger_rows,
    never_reported,
    status_summary,
)
from pucli.compute.overdue import KINDS, LateItem, late_items, sort_items
from pucli.compute.projection import Projection
from pucli.loading.collection import CollectionState
from pucli.models.plan import Plan
from pucli.models.progress import DONE, ProgressEntry


@dataclass
class ExtraSection:
    """A section another part of pucli adds to the brief, rendered as it comes.

    Hook for later sections (issue 7: ``pucli quality`` adds structure, vitality and
    warning flags): a title in both languages, paragraphs, and an optional table of
    ``columns`` and ``rows`` (cells already worded). Renderers need no change.
    """

    title_zh: str
    title_en: str
    paragraphs: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    annex: bool = False  # an itemised list: the table goes to an annex (附件)


@dataclass
class Changes:
    """What changed between ``since`` and ``as_of``."""

    since: dt.date
    new_reports: list[ProgressEntry]  # dated after ``since`` and up to ``as_of``
    newly_overdue: list[LateItem]  # overdue on ``as_of``, not on ``since``
    resolved: list[LateItem]  # overdue on ``since``, no longer on ``as_of``
    newly_done: list[LedgerRow]  # done on ``as_of``, not on ``since``


@dataclass
class Brief:
    """Everything the brief shows, computed; no wording beyond the plan's own."""

    plan: Plan
    as_of: dt.date
    projection: Projection
    overdue: list[LateItem]  # overdue on ``as_of``, grouped by unit, most late first
    never_reported: list[str]  # responsible units with no report up to ``as_of``
    by_section: list[StatusCount]
    changes: Changes | None = None
    collection: CollectionState | None = None  # forms sent, returned, missing (collect)
    extra_sections: list[ExtraSection] = field(default_factory=list)

    @property
    def long_overdue(self) -> list[LateItem]:
        """The items late beyond ``plan.severity.long_overdue_days``, most late first: the
        serious cases the body lists one by one."""
        items = [i for i in self.overdue if i.severity == "long_overdue"]
        return sorted(items, key=lambda i: (-i.days_overdue, i.measure, i.unit))

    @property
    def debts(self) -> list[UnitDebt]:
        """Units ranked by what they owe (see :func:`rank_debts`)."""
        return rank_debts(self.overdue, self.never_reported)

    @property
    def overdue_units(self) -> list[tuple[str, list[LateItem]]]:
        """The overdue items grouped by unit, in the order of :attr:`overdue`."""
        groups: dict[str, list[LateItem]] = {}
        for item in self.overdue:
            groups.setdefault(item.unit, []).append(item)
        return list(groups.items())


@dataclass(frozen=True)
class UnitDebt:
    """What one unit owes on a day: its overdue items counted by kind, the longest delay."""

    unit: str
    counts: dict[str, int]  # by kind: measure, milestone, report (every kind present)
    longest: int  # days overdue of its most late item
    long_overdue: int  # items beyond the plan's long-overdue threshold
    never_reported: bool  # no report at all on any of its measures

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def rank_debts(overdue: Iterable[LateItem], never: Iterable[str] = ()) -> list[UnitDebt]:
    """One row per unit with something overdue, ranked by what it owes: most long-overdue
    items first, then most items, then the longest delay (ties by name)."""
    silent = set(never)
    groups: dict[str, list[LateItem]] = {}
    for i in overdue:
        groups.setdefault(i.unit, []).append(i)
    out = []
    for unit, items in groups.items():
        counts = dict.fromkeys(KINDS, 0)
        for i in items:
            counts[i.kind] += 1
        out.append(UnitDebt(unit, counts, max(i.days_overdue for i in items),
                            sum(i.severity == "long_overdue" for i in items), unit in silent))
    return sorted(out, key=lambda d: (-d.long_overdue, -d.total, -d.longest, d.unit))


def _key(item: LateItem) -> tuple[int, str, str, str]:
    """What "the same late thing" means between two dates. For reports, the unit's
    reporting on the measure: late for 2025Q1 then for 2025Q2 is still late, not new."""
    return (item.measure, item.unit, item.kind, "" if item.kind == "report" else item.item)


def overdue_on(plan: Plan, entries: list[ProgressEntry], day: dt.date) -> list[LateItem]:
    """Items overdue on ``day`` (due-soon left out), grouped by unit, most late first."""
    items = late_items(plan, entries, day)
    return sort_items((i for i in items if i.is_overdue), "unit")


def compare(plan: Plan, entries: list[ProgressEntry], since: dt.date, as_of: dt.date,
            overdue_now: list[LateItem], rows_now: Iterable[LedgerRow]) -> Changes:
    """New reports, newly overdue, resolved and newly done between ``since`` and ``as_of``."""
    then = overdue_on(plan, entries, since)
    before = {_key(i) for i in then}
    now = {_key(i) for i in overdue_now}
    resolved = [i for i in then if _key(i) not in now]
    done_before = {(r.measure, r.unit) for r in ledger_rows(plan, entries, as_of=since)
                   if r.status == DONE}
    return Changes(
        since,
        sorted((e for e in entries if since < e.date <= as_of), key=lambda e: e.sort_key()),
        [i for i in overdue_now if _key(i) not in before],
        resolved,
        [r for r in rows_now if r.status == DONE and (r.measure, r.unit) not in done_before],
    )


def build_brief(plan: Plan, projection: Projection, entries: Iterable[ProgressEntry],
                as_of: dt.date, since: dt.date | None = None,
                collection: CollectionState | None = None) -> Brief:
    """The brief on ``as_of`` (reports dated later are ignored), compared with ``since``;
    ``collection``: the state of the latest round of forms (see ``pucli collect``)."""
    entries = list(entries)
    known = [e for e in entries if e.date <= as_of]
    overdue = overdue_on(plan, entries, as_of)
    rows = ledger_rows(plan, entries, as_of=as_of)
    changes = None if since is None else compare(plan, entries, since, as_of, overdue, rows)
    return Brief(plan, as_of, projection, overdue, never_reported(plan, known),
                 status_summary(plan, rows, "section"), changes, collection)
