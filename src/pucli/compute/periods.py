"""Time as the projections see it: months on one axis, and the 80 % quantiles.

A date becomes ``12·year + month − 1 + day/days_in_month`` months, so every month end is
a whole number and the distance between two month ends is their count of months
(2021-12-31 → 2025-12-31 is exactly 48).
"""

from __future__ import annotations

import calendar
import datetime as dt

# Upper 10 % points of Student's t (two-sided 80 % intervals), by degrees of freedom.
_T90 = {1: 3.078, 2: 1.886, 3: 1.638, 4: 1.533, 5: 1.476, 6: 1.440, 7: 1.415, 8: 1.397,
        9: 1.383, 10: 1.372, 11: 1.363, 12: 1.356, 13: 1.350, 14: 1.345, 15: 1.341,
        16: 1.337, 17: 1.333, 18: 1.330, 19: 1.328, 20: 1.325, 21: 1.323, 22: 1.321,
        23: 1.319, 24: 1.318, 25: 1.316, 26: 1.315, 27: 1.314, 28: 1.313, 29: 1.311,
        30: 1.310, 40: 1.303, 60: 1.296, 120: 1.289}
Z90 = 1.2816  # the normal quantile, for df beyond the table


def t90(df: int) -> float:
    """The 0.9 quantile of Student's t with ``df`` degrees of freedom (conservative step)."""
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if df in _T90:
        return _T90[df]
    smaller = [k for k in _T90 if k < df]
    return _T90[max(smaller)] if df <= 120 else Z90


def month_index(d: dt.date) -> float:
    """Months since year 0: month ends are whole numbers."""
    return 12 * d.year + d.month - 1 + d.day / calendar.monthrange(d.year, d.month)[1]


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every month end after ``start`` up to and including ``end``."""
    out: list[dt.date] = []
    y, m = start.year, start.month
    while True:
        d = month_end(y, m)
        if d > end:
            return out
        if d > start:
            out.append(d)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def spacing(dates: tuple[dt.date, ...] | list[dt.date]) -> list[float]:
    """Months between consecutive dates."""
    t = [month_index(d) for d in dates]
    return [b - a for a, b in zip(t, t[1:], strict=False)]


def is_regular(dates: tuple[dt.date, ...] | list[dt.date]) -> float | None:
    """The common step in months when every gap is the same whole number of months."""
    steps = spacing(dates)
    if not steps:
        return None
    first = steps[0]
    if first < 1 or abs(first - round(first)) > 1e-9:
        return None
    return float(round(first)) if all(abs(s - first) < 1e-9 for s in steps) else None


def grid_part(dates: tuple[dt.date, ...] | list[dt.date]) -> tuple[list[int], float] | None:
    """The actuals on the series' grid: their indices and the grid's step in months.

    A grid is a step (1, 3, 6 or 12 months, or the commonest whole-month gap) and a run of
    month ends a whole number of steps apart up to the latest such date; it may have gaps
    (a year without a published figure). A grid qualifies when it has at least as many
    dates with an actual as without (so year ends are not month ends with eleven gaps each)
    and holds at least half of the actuals from its start on (so four early quarter ends
    do not carry years of mid-month actuals). Each run starts where that balance is best,
    so a sparse early history (census years) does not spoil a dense recent run. Chosen: the
    best balance, then the most actuals, then the longest step, so one quarter end among
    year ends stays off the yearly grid and a few missing months keep a monthly series
    monthly. None when no grid qualifies with two actuals.
    """
    t = [month_index(d) for d in dates]
    n = len(dates)
    whole = [i for i, v in enumerate(t) if abs(v - round(v)) < 1e-9]
    gaps = [round(g) for g in spacing(dates) if g >= 1 - 1e-9 and abs(g - round(g)) < 1e-9]
    common = {max(set(gaps), key=lambda g: (gaps.count(g), g))} if gaps else set()
    best: tuple[tuple[int, int, int, int], list[int], int] | None = None
    for step in common | {1, 3, 6, 12}:
        classes: dict[int, list[int]] = {}
        for i in whole:
            classes.setdefault(round(t[i]) % step, []).append(i)
        for members in classes.values():
            for j in range(len(members) - 1):  # the run from members[j] to the last
                run = len(members) - j
                points = round(t[members[-1]] - t[members[j]]) // step + 1
                score = 2 * run - points  # dates with an actual − dates without
                if score < 0 or 2 * run < n - members[j]:
                    continue
                key = (score, run, step, members[-1])
                if best is None or key > best[0]:
                    best = (key, members, j)
    return None if best is None else (best[1][best[2]:], float(best[0][2]))


def grid_gaps(dates: tuple[dt.date, ...] | list[dt.date], step: float) -> list[dt.date]:
    """The grid points between the first and the last of ``dates`` that have no actual."""
    have = {round(month_index(d)) for d in dates}
    first, last, k = round(month_index(dates[0])), round(month_index(dates[-1])), round(step)
    return [_month_end_at(m) for m in range(first + k, last, k) if m not in have]


def _month_end_at(m: int) -> dt.date:
    """The month end whose :func:`month_index` is ``m``."""
    year, month0 = divmod(m - 1, 12)
    return month_end(year, month0 + 1)
