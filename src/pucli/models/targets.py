"""targets.yaml: a region's baseline and numeric targets, with provenance.

The minimal form (region, baseline, targets with date and value) must stay valid for
good: analysts of other regions write it by hand.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from annotated_types import Ge, Gt, Le, Lt, MinLen

from pucli.models.base import SNAKE_CASE, Bool, Date, Float, Id, Level, Name, record
from pucli.models.domain import MAX_COUNT, MAX_MULTIPLE, MAX_RATE, MIN_RATE
from pucli.models.quality import QualitySettings

DEFAULT_METRIC = "total"


@record
class Source:
    quote: str | None = None
    document: str | None = None
    url: str | None = None
    derived: str | None = None  # how a derived number was computed


@record
class Point:
    date: Date
    value: Level
    metric: Name = DEFAULT_METRIC
    # "target" is binding (力保); "aim" is aspirational (力争). Reporting treats both as targets.
    kind: str | None = None
    # the growth rate the plan states for reaching this point
    growth: Annotated[Float, Gt(MIN_RATE), Lt(MAX_RATE)] | None = None
    # the absolute increase the plan states
    increase: Annotated[Float, Ge(-MAX_COUNT), Le(MAX_COUNT)] | None = None
    derived: Bool = False
    note: str | None = None
    source: Source | None = None


@record
class Rate:
    """A growth rate the plan states (e.g. 15 % a year over the five-year plan)."""

    name: str
    value: Annotated[Float, Gt(MIN_RATE), Lt(MAX_RATE)]
    start: Date
    end: Date
    metric: Name = DEFAULT_METRIC
    note: str | None = None
    source: Source | None = None


@record
class Metric:
    """A countable series: a built-in one relabelled or annotated, or a region's own."""

    name: Annotated[str, SNAKE_CASE]
    label: Name
    label_en: str | None = None
    measures: list[Id] = field(default_factory=list)  # the plan's measures that concern it
    note: str | None = None
    source: Source | None = None


@record
class Goal:
    """A goal the plan states relative to a level it does not give (e.g. "倍增": doubling).

    No absolute number is recorded: a target value exists only when a baseline for the
    metric and a date ``by`` are both known, as baseline × ``multiple`` (derived, and said so).
    """

    metric: Annotated[str, SNAKE_CASE]
    # 2 for doubling; None: a programme
    multiple: Annotated[Float, Gt(0), Le(MAX_MULTIPLE)] | None = None
    by: Date | None = None
    measures: list[Id] = field(default_factory=list)
    note: str | None = None
    source: Source | None = None


@record
class Targets:
    region: Annotated[Name, MinLen(1)]
    baseline: Point
    targets: Annotated[list[Point], MinLen(1)]
    rates: list[Rate] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    baselines: list[Point] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    quality: QualitySettings = field(default_factory=QualitySettings)
    notes: list[str] = field(default_factory=list)

    def for_metric(self, metric: str = DEFAULT_METRIC) -> list[Point]:
        """The stated targets of ``metric`` and those implied by its relative goals."""
        stated = [t for t in self.targets if t.metric == metric]
        dates = {t.date for t in stated}
        implied = [t for t in self.implied_targets(metric) if t.date not in dates]
        return sorted(stated + implied, key=lambda t: t.date)

    def goals_for(self, metric: str = DEFAULT_METRIC) -> list[Goal]:
        return [g for g in self.goals if g.metric == metric]

    def implied_targets(self, metric: str = DEFAULT_METRIC) -> list[Point]:
        """Targets derived from relative goals: baseline × multiple at ``by``, when the
        metric has a baseline and the goal a date; nothing otherwise."""
        base = self.baseline_for(metric)
        out = []
        for g in self.goals_for(metric):
            if base is None or g.multiple is None or g.by is None or g.by <= base.date:
                continue
            out.append(Point(date=g.by, value=base.value * g.multiple, metric=metric,
                             kind="goal", derived=True,
                             note=f"{g.multiple:g} × baseline {base.value:,.0f} "
                                  f"({base.date})", source=g.source))
        return out

    def baseline_for(self, metric: str = DEFAULT_METRIC) -> Point | None:
        if self.baseline.metric == metric:
            return self.baseline
        for b in self.baselines:
            if b.metric == metric:
                return b
        return None
