"""Level shifts: a one-off jump in the counts (a register clean-up, a boundary change).

A step is flagged when its change is far from the series' usual pace: the log change of
each step, per month, is compared with the median pace; the step's excess
``e_i = d_i − median·Δ_i`` is flagged when ``|e_i|`` exceeds both 5 % and four robust
standard deviations of the other steps' excesses (1.4826 × their median absolute
deviation). Needs four actuals (three steps) at least; counts above zero.
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


@dataclass(frozen=True)
class Shift:
    date: dt.date  # the actual after the jump
    before: float  # the actual before it
    after: float
    size: float  # the jump beyond the usual pace, as a share of the count (−0.15 = −15 %)
    count: float  # the same in entities

    @property
    def direction(self) -> str:
        return "drop" if self.size < 0 else "jump"


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
        if abs(e) > MIN_JUMP and abs(e) > ROBUST_Z * spread:
            before, after = series.values[i], series.values[i + 1]
            size = math.expm1(float(e))
            out.append(Shift(series.dates[i + 1], before, after, size, after - after / (1 + size)))
    return out


def without_shifts(series: Series, shifts: list[Shift]) -> Series:
    """``series`` with each jump taken out of the actuals before it (the level after the
    jump is the level from then on), so a trend fitted to it sees only the usual pace."""
    values = list(series.values)
    for s in shifts:
        k = series.dates.index(s.date)
        values[:k] = [v * (1 + s.size) for v in values[:k]]
    return Series(series.dates, tuple(values), series.name)
