"""``pucli project``: where the counts are heading, against the plan.

:func:`project_counts` takes the targets and one observed series and returns a
:class:`Projection`: rows per year end (and per month end when the actuals are monthly)
with both plan readings, the actual, the projection and its 80 % interval; the gap to each
target; the growth still required; and a four-point rating with the rule that gave it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from pucli.compute.methods import (
    Fit,
    constant_growth,
    damped_trend,
    log_linear,
    seasonal_growth,
)
from pucli.compute.periods import is_regular, month_end, month_ends, month_index
from pucli.compute.plan_paths import Path, plan_paths
from pucli.compute.target_checks import check_growth, check_level, shown_decimals
from pucli.i18n import t
from pucli.models.metrics import metric_registry
from pucli.models.numbers import figure
from pucli.models.observations import Series
from pucli.models.targets import DEFAULT_METRIC, Targets
from pucli.problems import DataError, Problem

METHODS = {
    "plan": "plan path (no trend: fewer than two actuals)",
    "constant-growth": "constant growth at the observed rate",
    "log-linear": "log-linear trend",
    "damped-trend": "damped-trend exponential smoothing",
    "seasonal": "monthly growth with seasonal adjustment",
}
MIN_POINTS = {"plan": 0, "constant-growth": 2, "log-linear": 3, "damped-trend": 6,
              "seasonal": 13}
RATINGS = ("on track", "probable", "at risk", "off track")
NOT_RATED = "not rated"


@dataclass
class Row:
    date: dt.date
    plan: float | None
    plan_rate: float | None
    actual: float | None
    projection: float | None
    low: float | None
    high: float | None

    @property
    def expected(self) -> float | None:
        return self.actual if self.actual is not None else self.projection


@dataclass
class TargetCheck:
    date: dt.date
    value: float
    kind: str | None
    expected: float | None  # the actual when known, else the projection
    basis: str  # "actual", "projection" or "none"
    low: float | None
    high: float | None
    rating: str
    rule: str
    # which side meets the target (targets[].direction) and, for "about", how far
    direction: str = "at_least"
    tolerance: float | None = None
    measure: str = "level"  # "growth": a flow's growth target; value and expected are rates

    @property
    def gap(self) -> float | None:
        return None if self.expected is None else self.expected - self.value

    @property
    def gap_pct(self) -> float | None:
        return None if self.gap is None else self.gap / self.value


@dataclass
class Projection:
    region: str
    metric: str
    as_of: dt.date | None
    frequency: str  # "year" or "month"
    method: str
    method_label: str
    reason: str
    paths: list[Path]
    rows: list[Row]
    targets: list[TargetCheck]
    latest: tuple[dt.date, float] | None
    required_annual_growth: float | None
    net_new_per_month: float | None
    notes: list[str] = field(default_factory=list)
    metric_label: str = ""  # Chinese label of the metric ("市场主体总数" for total)
    metric_label_en: str = ""
    # Every actual the projection used (the rows show only period ends): for the chart.
    observed: tuple[tuple[dt.date, float], ...] = ()
    unit: str = ""  # display unit (metrics[].unit); "" for market entities (户)
    decimals: int = 0  # decimals to show: as the plan writes its figures
    flow: bool = False  # a figure per year (metrics[].flow)
    start: tuple[dt.date, float] | None = None  # what the required growth counts from

    @property
    def rating(self) -> str:
        return self.targets[-1].rating if self.targets else NOT_RATED

    @property
    def rating_rule(self) -> str:
        return self.targets[-1].rule if self.targets else "no target to rate against"


def choose_method(series: Series) -> tuple[str, str]:
    """The default method for ``series`` and why it was chosen."""
    n = len(series)
    if n == 0:
        return "plan", "no actuals recorded: the projection can only be the plan path"
    if n == 1:
        return "plan", (f"one data point ({series.dates[0]}): a trend needs at least two, so "
                        "there is no trend and the projection can only be the plan path")
    if n == 2:
        return "constant-growth", ("two data points: the only observable pace is the growth "
                                   "between them (no interval: that needs three)")
    step = is_regular(series.dates)
    if step == 1 and n >= 25:
        return "seasonal", (f"{n} consecutive month ends (two years or more): monthly growth "
                            "with a factor per calendar month, so a strong month is not "
                            "mistaken for a trend")
    if step is not None and n >= 8:
        return "damped-trend", (f"{n} regularly spaced points: damped trend lets the recent "
                                "pace fade rather than extrapolating it for years")
    return "log-linear", (f"{n} points" + ("" if step else " at uneven intervals")
                          + ": a log-linear trend uses them all and measures its scatter")


def fit_method(method: str, series: Series) -> Fit:
    """Fit ``method`` to ``series``; DataError when it needs more or different data."""
    n = len(series)
    if n < MIN_POINTS[method]:
        raise _usage(f"method '{method}' needs at least {MIN_POINTS[method]} actuals; "
                     f"there {'is' if n == 1 else 'are'} {n}", "use --method "
                     + " or ".join(m for m, k in MIN_POINTS.items() if k <= n))
    if any(v <= 0 for v in series.values):
        raise _usage("projections need counts above zero", "check actuals.csv for zeros")
    t = np.array([month_index(d) for d in series.dates])
    x = np.log(np.array(series.values))
    if method == "constant-growth":
        return constant_growth(t, x)
    if method == "log-linear":
        return log_linear(t, x)
    step = is_regular(series.dates)
    if method == "damped-trend":
        if step is None:
            raise _usage("damped-trend needs regularly spaced actuals (all month ends, or "
                         "all quarter ends, or all year ends)", "use --method log-linear")
        return damped_trend(t, x)
    if step != 1:
        raise _usage("seasonal needs consecutive month ends", "use --method log-linear")
    return seasonal_growth(t, x, np.array([d.month for d in series.dates]))


def _usage(message: str, hint: str) -> DataError:
    return DataError([Problem("method", message, "--method", hint=hint)])


def project_counts(targets: Targets, series: Series, as_of: dt.date | None = None,
                   method: str | None = None, metric: str = DEFAULT_METRIC) -> Projection:
    """The projection of ``series`` (only actuals up to ``as_of`` count) against the plan."""
    series = series.up_to(as_of)
    chosen, reason = choose_method(series)
    if method is not None and method != chosen:
        reason = "chosen with --method (default would be " + chosen + ")"
        chosen = method
    fit = None if chosen == "plan" else fit_method(chosen, series)
    paths = plan_paths(targets, metric)
    goals = targets.for_metric(metric)
    base = targets.baseline_for(metric)
    latest = (series.dates[-1], series.values[-1]) if len(series) else None
    monthly = len(series) >= 2 and max(_steps(series)) <= 1 + 1e-9
    # Without a target of its own, a metric is projected to the plan's horizon (last target).
    horizon = goals[-1].date if goals else max((t.date for t in targets.targets), default=None)
    rows = _rows(series, paths, fit, chosen, horizon, monthly, base.date if base else None)
    info = metric_registry(targets.metrics).get(metric)
    flow = bool(info and info.flow)
    decimals = shown_decimals(targets, metric, info.unit if info else None)
    notes = []
    if latest is None:
        notes.append(t(f"尚无实际数：增长从基数 {figure(base.value, decimals)}（{base.date}）算起",
                       f"no counts recorded yet; growth is measured from the baseline "
                       f"{figure(base.value, decimals)} ({base.date})") if base
                     else t("尚无实际数", "no counts recorded yet"))
    start = latest or ((base.date, base.value) if base else None)
    required = net_new = None
    if start and goals and goals[-1].date > start[0]:
        months = month_index(goals[-1].date) - month_index(start[0])
        required = (goals[-1].value / start[1]) ** (12 / months) - 1
        net_new = (goals[-1].value - start[1]) / months
    checks = [_check(g.date, g.value, g.kind, series, fit, chosen)
              if g.direction == "at_least" and not flow
              else check_level(g, series, fit, flow, decimals) for g in goals]
    checks = sorted(checks + [check_growth(g, series, fit)
                              for g in targets.growth_targets(metric)], key=lambda c: c.date)
    notes += _goal_notes(targets, metric, goals)
    return Projection(series.name or targets.region, metric, as_of,
                      "month" if monthly else "year", chosen, METHODS[chosen], reason, paths,
                      rows, checks, latest, required, net_new, notes,
                      info.label if info else metric, info.label_en if info else metric,
                      tuple(zip(series.dates, series.values, strict=True)),
                      (info.unit or "") if info else "", decimals, flow, start)


def _goal_notes(targets: Targets, metric: str, goals: list) -> list[str]:
    """What the plan says of ``metric`` when it states no number to rate against."""
    out = []
    derived = {g.date for g in goals if g.derived}
    for g in targets.goals_for(metric):
        quote = f" (“{g.source.quote}”)" if g.source and g.source.quote else ""
        if g.by in derived:
            continue
        what = f"× {g.multiple:g}" if g.multiple else "a programme"
        what_zh = f"× {g.multiple:g}" if g.multiple else "一项计划"
        missing = [w for w, ok in ((("基数", "a baseline"), targets.baseline_for(metric)),
                                   (("日期", "a date"), g.by)) if not ok]
        out.append(t(f"方案对 {metric} 的目标：{what_zh}{quote}；是相对目标，未给出"
                     f"{'和'.join(w[0] for w in missing) or '数字'}，因此没有目标值",
                     f"the plan's goal for {metric}: {what}{quote}; relative, with "
                     f"{' and '.join(w[1] for w in missing) or 'no number'} not stated, so no "
                     "target value"))
    if not goals and not out and not targets.growth_targets(metric):
        out.append(t(f"方案没有给出 {metric} 的目标：只显示预测，不评级",
                     f"the plan states no target for {metric}: the projection is shown "
                     "without a rating"))
    return out


def _steps(series: Series) -> list[float]:
    t = [month_index(d) for d in series.dates]
    return [b - a for a, b in zip(t, t[1:], strict=False)]


def _rows(series: Series, paths: list[Path], fit: Fit | None, method: str,
          final: dt.date | None, monthly: bool, base: dt.date | None) -> list[Row]:
    first = base or (series.dates[0] if len(series) else None)
    if first is None:
        return []
    last = max(d for d in (final, series.dates[-1] if len(series) else None) if d)
    if monthly:
        dates = month_ends(min(first, series.dates[0]) - dt.timedelta(days=1), last)
    else:
        dates = [month_end(y, 12) for y in range(first.year + 1, last.year + 1)]
        if len(series) and series.dates[-1] not in dates:
            dates.append(series.dates[-1])  # the latest actual, wherever it falls
    dates = sorted(set(dates) | ({first} if first in series.dates else set()))
    observed = dict(zip(series.dates, series.values, strict=True))
    latest = series.dates[-1] if len(series) else first
    plan = paths[0] if paths else None
    rate = paths[1] if len(paths) > 1 else None
    future = [d for d in dates if d > latest]
    proj: dict[dt.date, tuple[float | None, float | None, float | None]] = {}
    if fit is not None and future:
        p, lo, hi = fit.forecast(np.array([month_index(d) for d in future]))
        proj = {d: (float(a), _num(b), _num(c)) for d, a, b, c in zip(future, p, lo, hi,
                                                                        strict=True)}
    elif method == "plan" and plan is not None:
        proj = {d: (plan.value(d), None, None) for d in future}
    return [Row(d, plan.value(d) if plan else None, rate.value(d) if rate else None,
                observed.get(d), *proj.get(d, (None, None, None))) for d in dates]


def _num(v: float) -> float | None:
    return None if math.isnan(v) else float(v)


def _interpolate(series: Series, date: dt.date) -> float | None:
    """The actual at ``date``, or constant growth between the actuals around it."""
    pts = list(zip(series.dates, series.values, strict=True))
    for (d0, v0), (d1, v1) in zip(pts, pts[1:], strict=False):
        if d0 < date < d1:
            share = (month_index(date) - month_index(d0)) / (month_index(d1) - month_index(d0))
            return v0 * (v1 / v0) ** share
    return dict(pts).get(date)


def _check(date: dt.date, value: float, kind: str | None, series: Series, fit: Fit | None,
           method: str) -> TargetCheck:
    """Expected count at a target date and the four-point rating, with its rule."""
    if len(series) and series.dates[-1] >= date:
        v = _interpolate(series, date)
        if v is not None:
            ok = v >= value
            return TargetCheck(date, value, kind, v, "actual", None, None,
                               "on track" if ok else "off track",
                               f"target date passed: actual {v:,.0f} "
                               f"{'≥' if ok else '<'} target {value:,.0f}")
    if fit is None:
        why = ("one data point gives no trend" if len(series) == 1 else "no actuals")
        return TargetCheck(date, value, kind, None, "none", None, None, NOT_RATED,
                           f"{why}: a rating needs a projection (at least two actuals)")
    p, lo, hi = (float(a[0]) for a in fit.forecast(np.array([month_index(date)])))
    if math.isnan(lo):
        level = "probable" if p >= value else "at risk"
        rule = ("no interval (two actuals): probable if the projection reaches the target, "
                f"at risk if not — {p:,.0f} {'≥' if p >= value else '<'} {value:,.0f}")
        return TargetCheck(date, value, kind, p, "projection", None, None, level, rule)
    if lo >= value:
        level, rule = "on track", f"80 % low {lo:,.0f} ≥ target {value:,.0f}"
    elif p >= value:
        level, rule = "probable", f"projection {p:,.0f} ≥ target {value:,.0f} > 80 % low {lo:,.0f}"
    elif hi >= value:
        level, rule = "at risk", f"projection {p:,.0f} < target {value:,.0f} ≤ 80 % high {hi:,.0f}"
    else:
        level, rule = "off track", f"80 % high {hi:,.0f} < target {value:,.0f}"
    return TargetCheck(date, value, kind, p, "projection", lo, hi, level, rule)


RATING_SCALE = ("on track: even the 80 % low reaches the target; probable: the projection "
                "reaches it but the low does not; at risk: the projection falls short but the "
                "80 % high reaches it; off track: even the high falls short")
