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
from pucli.compute.overdue import LateItem, late_items, sort_items
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
    def overdue_units(self) -> list[tuple[str, list[LateItem]]]:
        """The overdue items grouped by unit, in the order of :attr:`overdue`."""
        groups: dict[str, list[LateItem]] = {}
        for item in self.overdue:
            groups.setdefault(item.unit, []).append(item)
        return list(groups.items())


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
