"""targets.yaml: a region's baseline and numeric targets, with provenance.

The minimal form (region, baseline, targets with date and value) must stay valid for
good: analysts of other regions write it by hand.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal

from annotated_types import Ge, Gt, Le, Lt, MinLen

from pucli.models.base import (
    SNAKE_CASE,
    Acknowledgement,
    Bool,
    Date,
    Float,
    Id,
    Level,
    Name,
    record,
)
from pucli.models.domain import MAX_COUNT, MAX_MULTIPLE, MAX_RATE, MIN_RATE
from pucli.models.quality import QualitySettings

DEFAULT_METRIC = "total"

# How a target binds: 力保/确保 (target), 力争 (aim), a 预期性 indicator (expected), a
# 约束性 indicator (binding). pucli itself marks a value derived from a relative goal "goal".
TargetKind = Literal["target", "aim", "expected", "binding"]
# Which side of the value meets the target: 达到/以上 (at_least), 以内/控制在 (at_most),
# 左右/稳定在 (about, within ``tolerance``).
Direction = Literal["at_least", "at_most", "about"]


@record
class Source:
    quote: str | None = None
    document: str | None = None
    url: str | None = None
    derived: str | None = None  # how a derived number was computed


@record
class Point:
    date: Date
    # None only for a growth target of a flow metric ("GDP +6.2 %"): ``growth`` then holds it.
    value: Level | None = None
    metric: Name = DEFAULT_METRIC
    # "target" is binding (力保); "aim" is aspirational (力争). Reporting treats both as targets.
    kind: TargetKind | None = None
    # the growth rate the plan states for reaching this point
    growth: Annotated[Float, Gt(MIN_RATE), Lt(MAX_RATE)] | None = None
    # the absolute increase the plan states
    increase: Annotated[Float, Ge(-MAX_COUNT), Le(MAX_COUNT)] | None = None
    # what ``increase``/``growth`` count from: the previous figure (default) or the baseline
    increase_from: Literal["previous", "baseline"] | None = None
    direction: Direction = "at_least"
    # for ``about``: how far from ``value`` (or ``growth``) still meets it, in the same terms
    tolerance: Annotated[Float, Ge(0)] | None = None
    region: Name | None = None  # a sub-region's (e.g. a township's) own target
    derived: Bool = False
    note: str | None = None
    source: Source | None = None

    def __post_init__(self) -> None:  # run by pydantic after the fields validate
        if self.value is None and self.growth is None:
            raise ValueError("a figure needs a value (or, for a growth target, growth)")
        if self.tolerance is not None and self.direction != "about":
            raise ValueError("tolerance applies only to direction: about")


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
    unit: str | None = None  # display unit: 户, 家, 吨, 万吨, %, 亿元 … (户: market entities)
    # True: counted per year (output, GDP, investment): each year's figure is compared,
    # not a level at a date.
    flow: Bool = False
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
    # None: a plan that states no starting count (targets only); paths then start at the
    # first count recorded in actuals.csv.
    baseline: Point | None = None
    targets: Annotated[list[Point], MinLen(1)]
    rates: list[Rate] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    baselines: list[Point] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    quality: QualitySettings = field(default_factory=QualitySettings)
    notes: list[str] = field(default_factory=list)
    acknowledge: list[Acknowledgement] = field(default_factory=list)

    def for_metric(self, metric: str = DEFAULT_METRIC) -> list[Point]:
        """The stated targets of ``metric`` and those implied by its relative goals."""
        stated = [t for t in self.targets
                  if t.metric == metric and not t.region and t.value is not None]
        dates = {t.date for t in stated}
        implied = [t for t in self.implied_targets(metric) if t.date not in dates]
        return sorted(stated + implied, key=lambda t: t.date)

    def growth_targets(self, metric: str = DEFAULT_METRIC) -> list[Point]:
        """Targets of ``metric`` stated only as growth (a flow's "+6.2 %"), by date."""
        return sorted((t for t in self.targets if t.metric == metric and t.value is None
                       and not t.region), key=lambda t: t.date)

    def regional(self, metric: str = DEFAULT_METRIC) -> dict[str, list[Point]]:
        """Targets of sub-regions (``region:``) of ``metric``, by region, by date."""
        out: dict[str, list[Point]] = {}
        for t in sorted(self.targets, key=lambda t: t.date):
            if t.metric == metric and t.region:
                out.setdefault(t.region, []).append(t)
        return out

    def metrics_with_targets(self) -> list[str]:
        """Every metric with a target (stated, regional or implied), in first-seen order."""
        seen: dict[str, None] = {}
        for t in self.targets:
            seen.setdefault(t.metric)
        for g in self.goals:
            if self.implied_targets(g.metric):
                seen.setdefault(g.metric)
        return list(seen)

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
        if self.baseline is not None and self.baseline.metric == metric:
            return self.baseline
        for b in self.baselines:
            if b.metric == metric:
                return b
        return None
