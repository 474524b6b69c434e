"""Observed counts (actuals.csv) as typed records, and the series the projections use.

One :class:`Actual` per CSV row. A series is selected by ``(metric, region)``: a row without
a ``metric`` column (or with it blank) counts the metric ``total`` (all market entities);
``metric`` names another count, e.g. ``high_tech``, whose value is still written in
``total`` (the count of that metric at the date). The three kinds (enterprises, individual
businesses, cooperatives) are series of their own: their rows, or else the kind columns
of the ``total`` rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pucli.models.targets import DEFAULT_METRIC

# The three kinds of 市场主体 (market entities): 企业, 个体工商户, 农民专业合作社.
KINDS = ("enterprises", "individual_businesses", "cooperatives")
COUNT_COLUMNS = ("total", *KINDS, "new", "cancelled")
REQUIRED_COLUMNS = ["date", "total"]
OPTIONAL_COLUMNS = [*KINDS, "new", "cancelled", "region", "source", "metric"]


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

    def metrics(self) -> list[str]:
        """Metrics with rows, in first-seen order (kinds given as columns included)."""
        seen: dict[str, None] = {}
        for r in self.rows:
            seen.setdefault(r.metric)
            if r.metric == DEFAULT_METRIC:
                for kind in KINDS:
                    if getattr(r, kind) is not None:
                        seen.setdefault(kind)
        return list(seen)

    def _points(self, metric: str, region: str | None) -> list[tuple[dt.date, str, int]]:
        """(date, region, value) of ``metric``: its own rows, or for a kind with no rows of
        its own, the kind column of the ``total`` rows."""
        own = [(r.date, r.region, r.total) for r in self.rows
               if r.metric == metric and (region is None or r.region == region)]
        if own or metric not in KINDS:
            return own
        return [(r.date, r.region, getattr(r, metric)) for r in self.rows
                if r.metric == DEFAULT_METRIC and getattr(r, metric) is not None
                and (region is None or r.region == region)]

    def regions(self, metric: str = DEFAULT_METRIC) -> list[str]:
        """Named regions (sub-regions) present for ``metric``, in first-seen order."""
        seen: dict[str, None] = {}
        for _, region, _ in self._points(metric, None):
            if region:
                seen.setdefault(region)
        return list(seen)

    def series(self, region: str = "", metric: str = DEFAULT_METRIC,
               as_of: dt.date | None = None) -> Series:
        """The series of ``metric`` in one region ("" = the whole), ascending by date."""
        pts = sorted(self._points(metric, region))
        s = Series(tuple(d for d, _, _ in pts), tuple(float(v) for _, _, v in pts), region)
        return s.up_to(as_of)

    def for_series(self, region: str = "", metric: str = DEFAULT_METRIC) -> list[Actual]:
        """The rows of one series, ascending by date."""
        return sorted((r for r in self.rows if r.key == (metric, region)),
                      key=lambda r: r.date)

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
