"""The plan (measures.yaml): sections, the unit registry, measures and their deadlines.

Pure types, no I/O. Cross-references (units that must exist in the registry, sections
that must exist) are checked in :mod:`pucli.loading.crossref`, where line numbers are known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MinLen

from pucli.models.base import (
    SNAKE_CASE,
    Acknowledgement,
    Bool,
    Date,
    DueDate,
    Float,
    Id,
    Int,
    Name,
    record,
)

UnitKind = Literal[
    "county_department",
    "district_department",  # 区直部门
    "city_department",  # 市直部门
    "vertical_branch",
    "township",
    "township_group",  # 相关乡镇, 各街道: a group whose ``members`` may report for it
    "party_body",
    "people_organisation",
    "outside_organisation",
]
Cadence = Literal["monthly", "quarterly", "half-yearly", "yearly"]


@record
class Horizon:
    start: Date
    end: Date

    def __post_init__(self) -> None:  # run by pydantic after the fields validate
        if self.end < self.start:
            raise ValueError("horizon.end is before horizon.start")


@record
class Reporting:
    """How often progress is dispatched and heard (a plan's 调度/汇报 clause, e.g.
    "每季度召开例会调度一次")."""

    dispatch: Cadence = "quarterly"
    hearing: Cadence | None = None
    measure: Id | None = None
    quote: str | None = None
    # Days after a period ends before a missing report counts as overdue.
    grace_days: Annotated[Int, Ge(0), Le(366)] = 0


@record
class Severity:
    """Thresholds for ``pucli overdue``: due soon within N days, long overdue after M."""

    due_soon_days: Annotated[Int, Ge(0), Le(3660)] = 14
    long_overdue_days: Annotated[Int, Ge(1), Le(3660)] = 90


@record
class PlanInfo:
    doc_number: str | None = None  # 文号: not every published plan shows one
    title: str
    title_en: str | None = None
    issuers: list[Name] = field(default_factory=list)
    issued: Date | None = None  # 印发 date, when the published plan shows it
    region: Name
    horizon: Horizon
    goal_text: str | None = None
    reporting: Reporting = Reporting()
    severity: Severity = Severity()


@record
class Section:
    id: Id
    # the plan's own numeral: "一" (shown "（一）"), or as written: "一、", "（一）", "1."
    numeral: str | None = None
    title: str
    title_en: str | None = None
    parent: Annotated[int, Ge(1)] | None = None  # the enclosing section (二、 → （一）)


@record
class Unit:
    name: Annotated[Name, MinLen(1)]
    kind: UnitKind
    name_en: str | None = None
    aliases: list[Name] = field(default_factory=list)
    members: list[Name] = field(default_factory=list)  # of a township_group: who may report


@record
class Commitment:
    """A number the plan commits to inside a measure, with the words that say it."""

    kind: Annotated[str, SNAKE_CASE]
    value: Float | None = None
    value_max: Float | None = None
    unit: str | None = None
    quote: Annotated[str, MinLen(1)]
    note: str | None = None


@record
class Extension:
    """A moved deadline: the original stays on record so slippage shows."""

    due: DueDate
    reason: Annotated[str, MinLen(1)]
    granted: Date | None = None


@record
class Milestone:
    title: Annotated[str, MinLen(1)]
    due: DueDate
    due_text: str | None = None  # the plan's own words, e.g. 2023年6月底前
    unit: Name | None = None
    extensions: list[Extension] = field(default_factory=list)

    @property
    def effective_due(self) -> dt.date:
        return self.extensions[-1].due if self.extensions else self.due


@record
class Measure:
    id: Id  # gaps allowed; the plan's own label: ``number``
    number: str | None = None  # the plan's own numbering, shown instead of the id ("3", "（五）")
    section: Id
    title: Annotated[str, MinLen(1)]
    title_en: str | None = None
    text: Annotated[str, MinLen(1)]
    units: list[Name] = field(default_factory=list)  # 责任单位 (with ``lead``: the others)
    lead: list[Name] = field(default_factory=list)  # 牵头单位 (several); empty: the first unit
    leaders: list[str] = field(default_factory=list)  # 责任领导, by name or post
    and_related: Bool = False
    commitments: list[Commitment] = field(default_factory=list)
    due: DueDate | None = None
    due_text: str | None = None  # the plan's own words, e.g. 2023年6月底前, 长期坚持
    ongoing: Bool = False  # 长期坚持/持续推进: never overdue; reports still due
    recurring: Cadence | None = None  # 每月/每季度: a report of this measure each period
    extensions: list[Extension] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)

    def __post_init__(self) -> None:  # run by pydantic after the fields validate
        if not self.units and not self.lead:
            raise ValueError("a measure needs its units (or lead)")

    @property
    def responsible(self) -> list[str]:
        """Every responsible unit as written, lead units first, each once."""
        return list(dict.fromkeys([*self.lead, *self.units]))

    @property
    def lead_unit(self) -> str:
        return self.lead[0] if self.lead else self.units[0]

    @property
    def lead_units(self) -> list[str]:
        """Every lead unit: ``lead`` when given, else the first unit."""
        return list(self.lead) if self.lead else [self.units[0]]

    @property
    def label(self) -> str:
        """How the plan numbers it: its ``number``, else the id."""
        return self.number or str(self.id)

    @property
    def effective_due(self) -> dt.date | None:
        if self.extensions:
            return self.extensions[-1].due
        return self.due


# __post_init__'s rule in the JSON Schema too, so that editors and check-jsonschema refuse a
# measure with neither units nor lead, as validate does.
Measure.__pydantic_config__ = {  # type: ignore[attr-defined]
    **Measure.__pydantic_config__,  # type: ignore[attr-defined]
    "json_schema_extra": {"anyOf": [
        {"required": ["units"], "properties": {"units": {"minItems": 1}}},
        {"required": ["lead"], "properties": {"lead": {"minItems": 1}}},
    ]},
}


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

    def numeral(self, section_id: int) -> str:
        """The section's numeral as the plan prints it, the same in every table and
        document: as written when it carries its punctuation ("一、", "（一）", "1."); a bare
        Chinese numeral "一" as "（一）" (the measure groups of an 实施方案), a bare Arabic
        "1" as "1."; the id followed by "." without a numeral."""
        sec = next((s for s in self.sections if s.id == section_id), None)
        if sec is None or not sec.numeral:
            return f"{section_id}."
        if any(ch in sec.numeral for ch in "、（）().．"):
            return sec.numeral
        return f"{sec.numeral}." if sec.numeral.isascii() else f"（{sec.numeral}）"

    def heading(self, section_id: int) -> str:
        """Numeral and title of a section, e.g. "一、大幅放宽市场准入"."""
        sec = next((s for s in self.sections if s.id == section_id), None)
        return self.numeral(section_id) + (sec.title if sec else "")

    def members(self) -> dict[str, list[str]]:
        """Each township group's registry name → the units that may report for it."""
        return {u.name: list(u.members) for u in self.units if u.members}

    def measure(self, measure_id: int) -> Measure | None:
        for m in self.measures:
            if m.id == measure_id:
                return m
        return None
