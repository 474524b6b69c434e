"""The plan's path in its two readings, as counts at any date.

- **targets** reading: from the baseline through each target in turn, growing at a
  constant rate between consecutive points (e.g. 1,000 → 1,230 at +23 %, then
  12.2 % a year on to 1,737 three years later).
- **rate** reading (one per stated rate): the targets up to the last point before the
  final target, then compounding at the stated rate (e.g. 1,230 at the first target, then
  15 % a year, reaching 1,871 three years later — more than the 1,737 target).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from pucli.compute.periods import month_index
from pucli.models.domain import compound
from pucli.models.targets import DEFAULT_METRIC, Targets


@dataclass(frozen=True)
class Path:
    """Knots (date, value) joined by constant growth; beyond the last knot, ``rate``."""

    name: str
    label: str
    knots: tuple[tuple[dt.date, float], ...]
    annual_rate: float | None = None  # growth a year after the last knot (rate reading)

    def value(self, d: dt.date) -> float | None:
        """The path's count at ``d`` (None before the baseline or past its end)."""
        t = month_index(d)
        pts = [(month_index(k), v) for k, v in self.knots]
        if t < pts[0][0] - 1e-9:
            return None
        for (t0, v0), (t1, v1) in zip(pts, pts[1:], strict=False):
            if t <= t1 + 1e-9:
                share = (t - t0) / (t1 - t0)
                if v0 <= 0 or v1 <= 0:  # growth from (or to) zero has no rate: a straight line
                    return v0 + (v1 - v0) * share
                return v0 * (v1 / v0) ** share
        t_last, v_last = pts[-1]
        if self.annual_rate is not None:
            return compound(v_last, self.annual_rate, (t - t_last) / 12)
        return v_last if abs(t - t_last) < 1e-9 else None


def plan_paths(targets: Targets, metric: str = DEFAULT_METRIC) -> list[Path]:
    """The targets reading first, then one rate reading per stated rate of ``metric``."""
    base = targets.baseline_for(metric)
    points = targets.for_metric(metric)
    if base is None or not points:
        return []
    knots = ((base.date, base.value), *((p.date, p.value) for p in points))
    first_growth = (points[0].value / base.value - 1) if base.value else math.nan
    label = f"targets: {_pct(first_growth)} to {points[0].value:,.0f}"
    if len(points) > 1:
        label += f", then on to {points[-1].value:,.0f}"
    paths = [Path("targets", label, knots)]
    for rate in targets.rates:
        if rate.metric != metric:
            continue
        anchor = knots[:-1]  # up to the last point before the final target
        paths.append(Path("rate", f"{_pct(rate.value)} a year from "
                                  f"{anchor[-1][1]:,.0f} ({anchor[-1][0]})", anchor,
                          rate.value))
    return paths


def _pct(x: float) -> str:
    if math.isnan(x):
        return "from zero"
    return f"{x * 100:+.1f} %" if abs(x * 100 - round(x * 100)) > 0.05 else \
        f"{x * 100:+.0f} %"
