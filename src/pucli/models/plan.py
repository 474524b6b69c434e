"""The plan (measures.yaml): sections, the unit registry, measures and their deadlines.

Pure types, no I/O. Cross-references (units that must exist in the registry, sections
that must exist) are checked in :mod:`pucli.loading.crossref`, where line numbers are known.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from pucli.models.base import Strict

UnitKind = Literal[
    "county_department",
    "vertical_branch",
    "township",
    "party_body",
    "people_organisation",
    "outside_organisation",
]
Cadence = Literal["monthly", "quarterly", "half-yearly", "yearly"]


class Horizon(Strict):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Horizon:
        if self.end < self.start:
            raise ValueError("horizon.end is before horizon.start")
        return self


class Reporting(Strict):
    """How often progress is dispatched and heard (measure 44 of the Pu County plan)."""

    dispatch: Cadence = "quarterly"
    hearing: Cadence | None = None
    measure: int | None = None
    quote: str | None = None
    # Days after a period ends before a missing report counts as overdue.
    grace_days: int = Field(default=0, ge=0, le=366)


class Severity(Strict):
    """Thresholds for ``pucli overdue``: due soon within N days, long overdue after M."""

    due_soon_days: int = Field(default=14, ge=0)
    long_overdue_days: int = Field(default=90, ge=1)


class PlanInfo(Strict):
    doc_number: str
    title: str
    title_en: str | None = None
    issuers: list[str] = Field(default_factory=list)
    issued: dt.date
    region: str
    horizon: Horizon
    goal_text: str | None = None
    # model_construct: a default built without validation does not force the schema build
    # at import time (models defer it; see base.py), which start-up time depends on.
    reporting: Reporting = Reporting.model_construct()
    severity: Severity = Severity.model_construct()


class Section(Strict):
    id: int = Field(ge=1)
    numeral: str | None = None
    title: str
    title_en: str | None = None


class Unit(Strict):
    name: str = Field(min_length=1)
    kind: UnitKind
    name_en: str | None = None
    aliases: list[str] = Field(default_factory=list)


class Commitment(Strict):
    """A number the plan commits to inside a measure, with the words that say it."""

    kind: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    quote: str = Field(min_length=1)
    note: str | None = None


class Extension(Strict):
    """A moved deadline: the original stays on record so slippage shows."""

    due: dt.date
    reason: str = Field(min_length=1)
    granted: dt.date | None = None


class Milestone(Strict):
    title: str = Field(min_length=1)
    due: dt.date
    unit: str | None = None
    extensions: list[Extension] = Field(default_factory=list)

    @property
    def effective_due(self) -> dt.date:
        return self.extensions[-1].due if self.extensions else self.due


class Measure(Strict):
    id: int = Field(ge=1)
    section: int = Field(ge=1)
    title: str = Field(min_length=1)
    title_en: str | None = None
    text: str = Field(min_length=1)
    units: list[str] = Field(min_length=1)
    and_related: bool = False
    commitments: list[Commitment] = Field(default_factory=list)
    due: dt.date | None = None
    extensions: list[Extension] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)

    @property
    def lead_unit(self) -> str:
        return self.units[0]

    @property
    def effective_due(self) -> dt.date | None:
        if self.extensions:
            return self.extensions[-1].due
        return self.due


class Plan(Strict):
    plan: PlanInfo
    sections: list[Section] = Field(min_length=1)
    units: list[Unit] = Field(min_length=1)
    measures: list[Measure] = Field(min_length=1)

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
