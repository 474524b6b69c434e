"""Rating a target that is not "at least this level": at_most, about, a flow's yearly
figure, a flow's growth. The at-least level check stays in :mod:`pucli.compute.projection`;
the rules of each direction are in :mod:`pucli.compute.target_rules`."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np

from pucli.compute import target_rules as tr
from pucli.compute.periods import month_index
from pucli.models.numbers import decimals_of, figure, is_count_unit
from pucli.models.observations import Series
from pucli.models.targets import Point, Targets

NOT_RATED = "not rated"


def shown_decimals(targets: Targets, metric: str, unit: str | None) -> int:
    """Decimals to show a metric's figures with: a count shows none; otherwise as many as
    the plan writes (4.5 → 1, 14.25 → 2), at least one."""
    if is_count_unit(unit):
        return 0
    stated = [p.value for p in (*targets.targets, *targets.baselines,
                                *([targets.baseline] if targets.baseline else []))
              if p.metric == metric and p.value is not None]
    return max([1, *(decimals_of(v) for v in stated)])


def _forecast(fit: Any, date: dt.date) -> tuple[float, float | None, float | None]:
    p, lo, hi = (float(a[0]) for a in fit.forecast(np.array([month_index(date)])))
    return p, (None if math.isnan(lo) else lo), (None if math.isnan(hi) else hi)


def _passed(g: Point, target: float, reached: float, what: str, fmt: Any, made: dict):
    """The check of a target whose date has passed: met or not, from the actual figure."""
    from pucli.compute.projection import TargetCheck

    ok = tr.meets(g.direction, g.tolerance, target, reached)
    return TargetCheck(g.date, target, g.kind, reached, "actual", None, None,
                       "on track" if ok else "off track",
                       f"{what} {fmt(reached)} "
                       f"{tr.sign(g.direction, g.tolerance, target, reached)} "
                       f"{tr._what(g.direction, g.tolerance, target, fmt)}", **made)


def _unrated(g: Point, target: float, reason: str, made: dict):
    from pucli.compute.projection import TargetCheck

    return TargetCheck(g.date, target, g.kind, None, "none", None, None, NOT_RATED, reason,
                       **made)


def check_level(g: Point, series: Series, fit: Any, flow: bool, decimals: int):
    """A level target (value) read as its direction; for a flow, the figure of the
    target's year, never one interpolated between years."""
    from pucli.compute.projection import TargetCheck, _interpolate

    fmt = lambda v: figure(v, decimals)  # noqa: E731
    value = float(g.value)  # type: ignore[arg-type]
    made = dict(direction=g.direction, tolerance=g.tolerance)
    if len(series) and series.dates[-1] >= g.date:
        v = (dict(zip(series.dates, series.values, strict=True)).get(g.date) if flow
             else _interpolate(series, g.date))
        if v is not None:
            return _passed(g, value, v, "target date passed: actual", fmt, made)
    if fit is None:
        return _unrated(g, value, "a rating needs a projection (at least two actuals)", made)
    p, lo, hi = _forecast(fit, g.date)
    level, rule = tr.rate(g.direction, g.tolerance, value, p, lo, hi, fmt)
    return TargetCheck(g.date, value, g.kind, p, "projection", lo, hi, level, rule, **made)


def check_growth(g: Point, series: Series, fit: Any):
    """A flow's growth target ("增长6.2%左右"): the growth of the target year's figure over
    the year before, from the actuals, else from the projection of the target year."""
    from pucli.compute.projection import TargetCheck

    target = float(g.growth)  # type: ignore[arg-type]
    made = dict(direction=g.direction, tolerance=g.tolerance, measure="growth")
    before = tr.year_figures(series.dates, series.values, g.date.year - 1)
    if not before:
        return _unrated(g, target, f"a growth rating needs the figure of {g.date.year - 1}",
                        made)
    now = tr.year_figures(series.dates, series.values, g.date.year)
    if now is not None:
        return _passed(g, target, now / before - 1, "target year passed: growth", tr.pct, made)
    if fit is None:
        return _unrated(g, target, "a rating needs a projection (at least two actuals)", made)
    p, lo, hi = _forecast(fit, g.date)
    growth = [None if x is None else x / before - 1 for x in (p, lo, hi)]
    level, rule = tr.rate(g.direction, g.tolerance, target, growth[0], growth[1], growth[2],
                          tr.pct)
    return TargetCheck(g.date, target, g.kind, growth[0], "projection", growth[1], growth[2],
                       level, rule, **made)
