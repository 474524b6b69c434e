"""Per-region projections and their sum, for an actuals.csv with a ``region`` column.

Each named region is projected on its own (its own method choice); the sum adds the
points, and adds the lows and the highs — the interval of the sum is therefore wide, as
if the regions moved together (the safe assumption when their errors are unknown).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from pucli.compute.projection import Projection, project_counts
from pucli.models.observations import Actuals
from pucli.models.targets import DEFAULT_METRIC, Targets

SUM = "合计"


@dataclass
class RegionRow:
    region: str
    date: dt.date
    actual: float | None
    projection: float | None
    low: float | None
    high: float | None
    method: str
    target: float | None = None  # the region's own target at this date (targets[].region)
    rating: str | None = None  # its rating, read as the target's direction


def project_regions(targets: Targets, actuals: Actuals, as_of: dt.date | None = None,
                    method: str | None = None, metric: str = DEFAULT_METRIC,
                    ) -> tuple[list[Projection], list[RegionRow]]:
    """One projection per named region, and rows per region plus their sum (合计). A region
    with targets of its own (``targets[].region``) is rated against them."""
    regional = targets.regional(metric)
    projections = [project_counts(_own(targets, regional.get(r), metric),
                                  actuals.series(r, metric), as_of, method, metric)
                   for r in actuals.regions(metric)]
    rows: list[RegionRow] = []
    for p in projections:
        # A region's single point gives no trend, and the plan path is the whole's: none.
        keep = p.method != "plan"
        own = {c.date: c for c in p.targets} if p.region in regional else {}
        rows += [RegionRow(p.region, r.date, r.actual, r.projection if keep else None,
                           r.low, r.high, p.method,
                           own[r.date].value if r.date in own else None,
                           own[r.date].rating if r.date in own else None) for r in p.rows]
    dates = sorted({r.date for r in rows})
    for d in dates:
        at = [r for r in rows if r.date == d]
        if len(at) != len(projections):
            continue  # a region without a value on this date: no honest sum
        exp = [r.actual if r.actual is not None else r.projection for r in at]
        if any(v is None for v in exp):
            continue
        actual = sum(r.actual for r in at) if all(r.actual is not None for r in at) else None
        proj = None if actual is not None else sum(exp)  # type: ignore[arg-type]
        lows = [r.low if r.low is not None else r.actual for r in at]
        highs = [r.high if r.high is not None else r.actual for r in at]
        low = sum(lows) if actual is None and all(v is not None for v in lows) else None
        high = sum(highs) if actual is None and all(v is not None for v in highs) else None
        rows.append(RegionRow(SUM, d, actual, proj, low, high, "sum"))
    return projections, rows


def _own(targets: Targets, points: list | None, metric: str) -> Targets:
    """``targets`` with a region's own targets of ``metric`` in place of the whole's (no
    baseline or rate of the whole carries over to a part)."""
    if not points:
        return targets
    others = [t for t in targets.targets if t.metric != metric]
    return dataclasses.replace(
        targets, baseline=None, rates=[r for r in targets.rates if r.metric != metric],
        baselines=[b for b in targets.baselines if b.metric != metric],
        targets=others + [dataclasses.replace(t, region=None) for t in points])
