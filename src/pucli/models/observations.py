"""Observed counts (actuals.csv) as typed records, and the series the projections use.

One :class:`Actual` per CSV row. A series is selected by ``(metric, region)``: today every
row measures the metric ``total`` (the total count of market entities); a later ``metric``
column only has to fill :attr:`Actual.metric` — duplicates, net-change checks and series
selection are already keyed by it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pucli.models.targets import DEFAULT_METRIC

# The three kinds of 市场主体 (market entities): 企业, 个体工商户, 农民专业合作社.
KINDS = ("enterprises", "individual_businesses", "cooperatives")
COUNT_COLUMNS = ("total", *KINDS, "new", "cancelled")
REQUIRED_COLUMNS = ["date", "total"]
OPTIONAL_COLUMNS = [*KINDS, "new", "cancelled", "region", "source"]


@dataclass(frozen=True, slots=True)
class Actual:
    """One observed count at a period end (month, quarter or year end)."""

    date: dt.date
    total: int
    enterprises: int | None = None
    individual_businesses: int | None = None
    cooperatives: int | None = None
    new: int | None = None  # registrations since the previous row of the same series
    cancelled: int | None = None  # deregistrations since the previous row
    region: str = ""  # "" = the whole region of targets.yaml
    source: str = ""
    line: int = 0  # 1-based line in actuals.csv (0 when not from a file)
    metric: str = DEFAULT_METRIC

    @property
    def key(self) -> tuple[str, str]:
        """The series this row belongs to: (metric, region)."""
        return (self.metric, self.region)


@dataclass(frozen=True, slots=True)
class Series:
    """Dates (ascending) and values of one observed series."""

    dates: tuple[dt.date, ...]
    values: tuple[float, ...]
    name: str = ""

    def __len__(self) -> int:
        return len(self.dates)

    def up_to(self, as_of: dt.date | None) -> Series:
        """Only the observations dated on or before ``as_of`` (all when None)."""
        if as_of is None:
            return self
        keep = [i for i, d in enumerate(self.dates) if d <= as_of]
        return Series(tuple(self.dates[i] for i in keep), tuple(self.values[i] for i in keep),
                      self.name)


@dataclass(frozen=True)
class Actuals:
    """Every row of actuals.csv, in file order."""

    rows: list[Actual] = field(default_factory=list)
    file: str = "actuals.csv"

    def regions(self, metric: str = DEFAULT_METRIC) -> list[str]:
        """Named regions (sub-regions) present for ``metric``, in first-seen order."""
        seen: dict[str, None] = {}
        for r in self.rows:
            if r.metric == metric and r.region:
                seen.setdefault(r.region)
        return list(seen)

    def series(self, region: str = "", metric: str = DEFAULT_METRIC,
               as_of: dt.date | None = None) -> Series:
        """The ``total`` series of one region ("" = the whole), ascending by date."""
        rows = sorted((r for r in self.rows if r.key == (metric, region)), key=lambda r: r.date)
        s = Series(tuple(r.date for r in rows), tuple(float(r.total) for r in rows),
                   region)
        return s.up_to(as_of)

    def whole(self, metric: str = DEFAULT_METRIC, as_of: dt.date | None = None) -> Series:
        """The whole region's series: its own rows, or else the sum of the named regions
        at the dates where every region reports."""
        own = self.series("", metric, as_of)
        regions = self.regions(metric)
        if len(own) or not regions:
            return own
        parts = [self.series(r, metric, as_of) for r in regions]
        common = set(parts[0].dates).intersection(*(set(p.dates) for p in parts[1:]))
        dates = tuple(sorted(common))
        values = tuple(sum(p.values[p.dates.index(d)] for p in parts) for d in dates)
        return Series(dates, values, "")
