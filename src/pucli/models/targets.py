"""targets.yaml: a region's baseline and numeric targets, with provenance.

The minimal form (region, baseline, targets with date and value) must stay valid for
good: analysts of other regions write it by hand.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from pucli.models.base import Strict

DEFAULT_METRIC = "total"


class Source(Strict):
    quote: str | None = None
    document: str | None = None
    url: str | None = None
    derived: str | None = None  # how a derived number was computed


class Point(Strict):
    date: dt.date
    value: float = Field(ge=0)
    metric: str = DEFAULT_METRIC
    # "target" is binding (力保); "aim" is aspirational (力争). Reporting treats both as targets.
    kind: str | None = None
    growth: float | None = None  # the growth rate the plan states for reaching this point
    increase: float | None = None  # the absolute increase the plan states
    derived: bool = False
    note: str | None = None
    source: Source | None = None


class Rate(Strict):
    """A growth rate the plan states (e.g. 15 % a year over the five-year plan)."""

    name: str
    value: float = Field(gt=-1, lt=10)
    start: dt.date
    end: dt.date
    metric: str = DEFAULT_METRIC
    note: str | None = None
    source: Source | None = None


class Metric(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    label_en: str | None = None
    note: str | None = None


class Targets(Strict):
    region: str = Field(min_length=1)
    baseline: Point
    targets: list[Point] = Field(min_length=1)
    rates: list[Rate] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    baselines: list[Point] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def for_metric(self, metric: str = DEFAULT_METRIC) -> list[Point]:
        return sorted((t for t in self.targets if t.metric == metric), key=lambda t: t.date)

    def baseline_for(self, metric: str = DEFAULT_METRIC) -> Point | None:
        if self.baseline.metric == metric:
            return self.baseline
        for b in self.baselines:
            if b.metric == metric:
                return b
        return None
