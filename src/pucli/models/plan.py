"""The plan (measures.yaml): sections, the unit registry, measures and their deadlines.

Pure types, no I/O. Cross-references (units that must exist in the registry, sections
that must exist) are checked in :mod:`pucli.loading.crossref`, where line numbers are known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MinLen

from pucli.models.base import SNAKE_CASE, Acknowledgement, record

UnitKind = Literal[
    "county_department",
    "vertical_branch",
    "township",
    "party_body",
    "people_organisation",
    "outside_organisation",
]
Cadence = Literal["monthly", "quarterly", "half-yearly", "yearly"]


@record
class Horizon:
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:  # run by pydantic after the fields validate
        if self.end < self.start:
            raise ValueError("horizon.end is before horizon.start")


@record
class Reporting:
    """How often progress is dispatched and heard (measure 44 of the Pu County plan)."""

    dispatch: Cadence = "quarterly"
    hearing: Cadence | None = None
    measure: int | None = None
    quote: str | None = None
    # Days after a period ends before a missing report counts as overdue.
    grace_days: Annotated[int, Ge(0), Le(366)] = 0


@record
class Severity:
    """Thresholds for ``pucli overdue``: due soon within N days, long overdue after M."""

    due_soon_days: Annotated[int, Ge(0)] = 14
    long_overdue_days: Annotated[int, Ge(1)] = 90


@record
class PlanInfo:
    doc_number: str
    title: str
    title_en: str | None = None
    issuers: list[str] = field(default_factory=list)
    issued: dt.date
    region: str
    horizon: Horizon
    goal_text: str | None = None
    reporting: Reporting = Reporting()
    severity: Severity = Severity()


@record
class Section:
    id: Annotated[int, Ge(1)]
    numeral: str | None = None
    title: str
    title_en: str | None = None


@record
class Unit:
    name: Annotated[str, MinLen(1)]
    kind: UnitKind
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)


@record
class Commitment:
    """A number the plan commits to inside a measure, with the words that say it."""

    kind: Annotated[str, SNAKE_CASE]
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    quote: Annotated[str, MinLen(1)]
    note: str | None = None


@record
class Extension:
    """A moved deadline: the original stays on record so slippage shows."""

    due: dt.date
    reason: Annotated[str, MinLen(1)]
    granted: dt.date | None = None


@record
class Milestone:
    title: Annotated[str, MinLen(1)]
    due: dt.date
    unit: str | None = None
    extensions: list[Extension] = field(default_factory=list)

    @property
    def effective_due(self) -> dt.date:
        return self.extensions[-1].due if self.extensions else self.due


@record
class Measure:
    id: Annotated[int, Ge(1)]
    section: Annotated[int, Ge(1)]
    title: Annotated[str, MinLen(1)]
    title_en: str | None = None
    text: Annotated[str, MinLen(1)]
    units: Annotated[list[str], MinLen(1)]
    and_related: bool = False
    commitments: list[Commitment] = field(default_factory=list)
    due: dt.date | None = None
    extensions: list[Extension] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)

    @property
    def lead_unit(self) -> str:
        return self.units[0]

    @property
    def effective_due(self) -> dt.date | None:
        if self.extensions:
            return self.extensions[-1].due
        return self.due


@record
class Plan:
    plan: PlanInfo
    sections: Annotated[list[Section], MinLen(1)]
    units: Annotated[list[Unit], MinLen(1)]
    measures: Annotated[list[Measure], MinLen(1)]
    acknowledge: list[Acknowledgement] = field(default_factory=list)

    def unit_index(self) -> dict[str, str]:
        """Every name and alias → the registry name."""
        index: dict[str, str] = {}
        for unit in self.units:
            index[unit.name] = unit.name
            for alias in unit.aliases:
                index.setdefault(alias, unit.name)
        return index

    def measure(self, measure_id: int) -> Measure | None:
        for m in self.measures:
            if m.id == measure_id:
                return m
        return None
