"""Level shifts and trend breaks.

A level shift is a one-off jump in the counts (a register clean-up, a boundary change);
a trend break is a lasting change of pace (growth slows or quickens from some actual on).

A step is flagged when its change is far from the series' usual pace: the log change of
each step, per month, is compared with the median pace; the step's excess
``e_i = d_i − median·Δ_i`` is flagged when ``|e_i|`` exceeds both 5 % and four robust
standard deviations of the other steps' excesses (1.4826 × their median absolute
deviation), unless a step next to it departs from the usual pace the same way by more than
5 % too: two steps off the pace together are a change of pace (a trend break, if it lasts),
not a one-off jump. Needs four actuals (three steps) at least; counts above zero.

A trend break is looked for once the level shifts are taken out (:func:`without_shifts`).
Each actual ``k`` with at least two steps before and two after splits the series; the
average log growth a month before, ``b = (x_k − x_0)/(t_k − t_0)``, and after,
``a = (x_n − x_k)/(t_n − t_k)``, are those of a random walk with a drift per segment, whose
variance a month ``σ²`` is estimated from the steps around their segment's drift (as
``methods._walk`` does, with ``n − 3`` degrees of freedom). The split with the largest
``z = (a − b)/√(σ²(1/T_b + 1/T_a))`` is a break when ``|z| > 3`` (strict, since every
split is tried) and the annual growth rates differ by more than two percentage points.
Needs six actuals (five steps) at least.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from pucli.compute.periods import month_index
from pucli.models.observations import Series

MIN_JUMP = 0.05  # a step must move the count by more than 5 % beyond the usual pace
ROBUST_Z = 4.0
BREAK_Z = 3.0  # a break's change of pace, in standard errors
MIN_BREAK = 0.02  # and in annual growth: more than two percentage points
MIN_BREAK_POINTS = 6


@dataclass(frozen=True)
class Shift:
    date: dt.date  # the actual after the jump
    before: float  # the actual before it
    after: float
    size: float  # the jump beyond the usual pace, as a share of the count (−0.15 = −15 %)
    count: float  # the same in entities


def level_shifts(series: Series) -> list[Shift]:
    """Steps of ``series`` whose change is a one-off jump, not the usual pace."""
    if len(series) < 4 or any(v <= 0 for v in series.values):
        return []
    t = np.array([month_index(d) for d in series.dates])
    x = np.log(np.array(series.values, dtype=float))
    d, gap = np.diff(x), np.diff(t)
    pace = float(np.median(d / gap))
    excess = d - pace * gap
    out = []
    for i, e in enumerate(excess):
        others = np.delete(excess, i)
        spread = 1.4826 * float(np.median(np.abs(others - np.median(others))))
        if abs(e) > MIN_JUMP and abs(e) > ROBUST_Z * spread and not _shared(excess, i):
            before, after = series.values[i], series.values[i + 1]
            size = math.expm1(float(e))
            out.append(Shift(series.dates[i + 1], before, after, size, after - after / (1 + size)))
    return out


def _shared(excess: np.ndarray, i: int) -> bool:
    """Whether a step next to step ``i`` departs from the usual pace the same way by more
    than :data:`MIN_JUMP`: two steps off the pace together are a change of pace (a trend
    break, if it lasts), not a one-off jump."""
    return any(0 <= j < len(excess) and abs(excess[j]) > MIN_JUMP
               and np.sign(excess[j]) == np.sign(excess[i]) for j in (i - 1, i + 1))


def without_shifts(series: Series, shifts: list[Shift]) -> Series:
    """``series`` with each jump taken out of the actuals before it (the level after the
    jump is the level from then on), so a trend fitted to it sees only the usual pace."""
    values = list(series.values)
    for s in shifts:
        k = series.dates.index(s.date)
        values[:k] = [v * (1 + s.size) for v in values[:k]]
    return Series(series.dates, tuple(values), series.name)


@dataclass(frozen=True)
class Break:
    date: dt.date  # the actual from which the new pace runs
    before: float  # annual growth rate before it (0.10 = 10 % a year)
    after: float  # annual growth rate from it on
    z: float  # the change of pace in standard errors (inf: the steps have no spread)

    @property
    def direction(self) -> str:
        return "slowdown" if self.after < self.before else "speed-up"


def trend_break(series: Series) -> Break | None:
    """The strongest lasting change of pace in ``series``, if there is one (see above)."""
    n = len(series)
    if n < MIN_BREAK_POINTS or any(v <= 0 for v in series.values):
        return None
    series = without_shifts(series, level_shifts(series))
    t = np.array([month_index(d) for d in series.dates], dtype=float)
    x = np.log(np.array(series.values, dtype=float))
    d, gap = np.diff(x), np.diff(t)
    best: Break | None = None
    for k in range(2, n - 2):
        span_b, span_a = t[k] - t[0], t[-1] - t[k]
        b, a = (x[k] - x[0]) / span_b, (x[-1] - x[k]) / span_a
        drifts = np.where(np.arange(n - 1) < k, b, a)
        sigma2 = float(np.sum((d - drifts * gap) ** 2 / gap) / (n - 3))
        spread = math.sqrt(sigma2 * (1 / span_b + 1 / span_a))
        if spread <= 1e-9 * abs(a - b):  # steps on their segments' paces, to rounding
            z = 0.0 if a == b else math.copysign(math.inf, float(a - b))
        else:
            z = float((a - b) / spread)
        if abs(z) <= BREAK_Z or (best is not None and abs(z) <= abs(best.z)):
            continue
        before, after = _annual(float(b)), _annual(float(a))
        if abs(after - before) > MIN_BREAK:
            best = Break(series.dates[k], before, after, float(z))
    return best


def _annual(monthly_log_growth: float) -> float:
    """The annual growth rate of a monthly log growth; capped, so that actuals days apart
    with a tenfold jump (a typo) give a huge rate, not an overflow."""
    return math.expm1(min(12 * monthly_log_growth, 700.0))
