"""``pucli project``: where the counts are heading, against the plan.

:func:`project_counts` takes the targets and one observed series and returns a
:class:`Projection`: rows per year end (and per month end when the actuals are monthly)
with both plan readings, the actual, the projection and its 80 % interval; the gap to each
target; the growth still required; and a four-point rating with the rule that gave it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

import numpy as np

from pucli.compute.choice import (  # noqa: F401 - METHODS, MIN_POINTS re-exported
    DEFAULT_RULE,
    METHODS,
    MIN_POINTS,
    choose_method,
    fit_method,
    grid_note,
)
from pucli.compute.methods import Fit
from pucli.compute.periods import month_end, month_ends, month_index
from pucli.compute.plan_paths import Path, plan_paths
from pucli.compute.sdg_progress import CagrProgress, cagr_category, disagreement
from pucli.compute.shifts import Break, Shift, level_shifts, trend_break, without_shifts
from pucli.compute.target_checks import check_growth, check_level, shown_decimals
from pucli.i18n import t
from pucli.models.domain import MAX_COUNT, annual_rate
from pucli.models.metrics import metric_registry
from pucli.models.numbers import figure
from pucli.models.observations import Series
from pucli.models.targets import DEFAULT_METRIC, Targets
from pucli.problems import DataError, Problem

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
    indicative: str = ""  # why the rating is only indicative ("" when it is not)
    cagr: CagrProgress | None = None  # the SDG CAGR-ratio category beside the rating
    cagr_note: str = ""  # why the two verdicts differ ("" when they agree)

    @property
    def gap(self) -> float | None:
        return None if self.expected is None else self.expected - self.value

    @property
    def gap_pct(self) -> float | None:
        return None if self.gap is None else self.gap / self.value


@dataclass(frozen=True)
class ShiftEffect:
    """A level shift and what it does to the projection at the horizon."""

    shift: Shift
    horizon: dt.date | None
    projected: float | None  # the projection at the horizon, the jump included
    if_one_off: float | None  # the projection with the jump taken as a one-off level shift

    def text(self, decimals: int = 0) -> str:
        s, d = self.shift, decimals
        change = (s.after / s.before - 1) * 100
        side = "below" if s.size < 0 else "above"
        head = (f"level shift: {s.date} {s.before:,.{d}f} → {s.after:,.{d}f} "
                f"({change:+.1f} %), {abs(s.size) * 100:.1f} % ({s.count:+,.{d}f}) {side} "
                "the usual pace")
        if self.projected is None or self.if_one_off is None:
            return head + "; check whether it is real (a register clean-up, a new boundary)"
        return (head + f"; the projection's trend includes it: {self.projected:,.{d}f} at "
                f"{self.horizon}; taken as a one-off (the usual pace before and after) it "
                f"would be {self.if_one_off:,.{d}f}")


@dataclass(frozen=True)
class BreakEffect:
    """A trend break and what it does to the projection at the horizon."""

    brk: Break
    horizon: dt.date | None
    projected: float | None  # the projection at the horizon, from every actual
    if_recent: float | None  # the same method fitted only on the actuals from the break on
    # why there is no comparison: "no-trend" (the plan path), "passed" (the horizon is not
    # after the latest actual); "" when both figures are there
    why_not: str = ""
    # the method of if_recent when the projection's own needs more actuals than the break
    # leaves (damped-trend needs 4): the default rule's choice for those actuals
    recent_method: str = ""

    def text(self, decimals: int = 0) -> str:
        b, d = self.brk, decimals
        head = (f"trend break: from {b.date} growth "
                f"{'slowed' if b.direction == 'slowdown' else 'rose'}"
                f" from {b.before * 100:.1f} % a year to {b.after * 100:.1f} % a year")
        if self.why_not == "no-trend":
            return head + "; the projection follows the plan path, so it does not change"
        if self.why_not == "passed" or self.projected is None or self.if_recent is None:
            return head + "; the target date has passed, so there is nothing to project"
        by = f" (by {self.recent_method})" if self.recent_method else ""
        return (head + f"; the projection, fitted on every actual, gives "
                f"{self.projected:,.{d}f} at {self.horizon}; fitted on the actuals since "
                f"{b.date} only{by}, {self.if_recent:,.{d}f}")


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
    method_rule: str = DEFAULT_RULE
    shifts: list[ShiftEffect] = field(default_factory=list)
    breaks: list[BreakEffect] = field(default_factory=list)

    @property
    def rating(self) -> str:
        return self.targets[-1].rating if self.targets else NOT_RATED

    @property
    def rating_rule(self) -> str:
        return self.targets[-1].rule if self.targets else "no target to rate against"


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
        if start[1] > 0:  # a level of zero grows at no rate (i14: a straight line)
            required = annual_rate(start[1], goals[-1].value, months / 12)
        net_new = (goals[-1].value - start[1]) / months
    checks = [_check(g.date, g.value, g.kind, series, fit, chosen)
              if g.direction == "at_least" and not flow
              else check_level(g, series, fit, flow, decimals) for g in goals]
    if base is not None and latest is not None:  # the CAGR category reads "at least" levels
        checks = [_with_cagr(c, (base.date, base.value), latest)
                  if c.direction == "at_least" and c.measure == "level" else c for c in checks]
    checks = sorted(checks + [check_growth(g, series, fit)
                              for g in targets.growth_targets(metric)], key=lambda c: c.date)
    notes += _goal_notes(targets, metric, goals)
    if chosen == "damped-trend" and (left := grid_note(series)):
        notes.append(left)
    shifts = _shift_effects(series, fit, chosen, horizon)
    return Projection(series.name or targets.region, metric, as_of,
                      "month" if monthly else "year", chosen, METHODS[chosen], reason, paths,
                      rows, checks, latest, required, net_new, notes,
                      info.label if info else metric, info.label_en if info else metric,
                      tuple(zip(series.dates, series.values, strict=True)),
                      (info.unit or "") if info else "", decimals, flow, start,
                      shifts=shifts, breaks=_break_effects(series, fit, chosen, horizon))


def _shift_effects(series: Series, fit: Fit | None, method: str,
                   horizon: dt.date | None) -> list[ShiftEffect]:
    shifts = level_shifts(series)
    if not shifts:
        return []
    if fit is None or horizon is None or horizon <= series.dates[-1]:
        return [ShiftEffect(s, horizon, None, None) for s in shifts]
    at = np.array([month_index(horizon)])
    now = float(fit.forecast(at)[0][0])
    alt = float(fit_method(method, without_shifts(series, shifts)).forecast(at)[0][0])
    return [ShiftEffect(s, horizon, now, alt) for s in shifts]


def _break_effects(series: Series, fit: Fit | None, method: str,
                   horizon: dt.date | None) -> list[BreakEffect]:
    brk = trend_break(series)
    if brk is None:
        return []
    if fit is None:
        return [BreakEffect(brk, horizon, None, None, "no-trend")]
    if horizon is None or horizon <= series.dates[-1]:
        return [BreakEffect(brk, horizon, None, None, "passed")]
    at = np.array([month_index(horizon)])
    recent = Series(*zip(*[(d, v) for d, v in zip(series.dates, series.values, strict=True)
                           if d >= brk.date], strict=True), series.name)
    now = float(fit.forecast(at)[0][0])
    try:
        alt = float(fit_method(method, recent).forecast(at)[0][0])
        return [BreakEffect(brk, horizon, now, alt)]
    except DataError:  # the method needs more actuals than the break leaves (damped-trend:
        # four on one spacing). The default rule's choice for them always fits: a break leaves
        # three actuals or more, so never the plan path, and the rule picks only what fits.
        other = choose_method(recent)[0]
    alt = float(fit_method(other, recent).forecast(at)[0][0])
    return [BreakEffect(brk, horizon, now, alt, recent_method=other)]


def _with_cagr(check: TargetCheck, base: tuple[dt.date, float],
               latest: tuple[dt.date, float]) -> TargetCheck:
    """``check`` with the SDG CAGR-ratio category and, when it disagrees, why. A target
    whose date has passed is assessed at its date (the actual then), as pucli rates it."""
    if check.basis == "actual" and check.expected is not None:
        latest = (check.date, check.expected)
    progress = cagr_category(base, latest, (check.date, check.value))
    if progress is None:
        return check
    pace = None
    if check.basis == "projection" and check.expected and check.date > latest[0] \
            and latest[1] > 0:
        years = (month_index(check.date) - month_index(latest[0])) / 12
        pace = annual_rate(latest[1], check.expected, years)
    note = disagreement(check.rating, progress, pace) if check.rating != NOT_RATED else ""
    return replace(check, cagr=progress, cagr_note=note)


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
        # every year end after the first date, that of its own year included (an actual
        # from 2020-06-30 gives a 2020 row)
        dates = [month_end(y, 12) for y in range(first.year, last.year + 1)
                 if month_end(y, 12) > first]
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
        with np.errstate(over="ignore"):
            p, lo, hi = fit.forecast(np.array([month_index(d) for d in future]))
        if not np.all(np.isfinite(p)) or float(np.max(p)) > MAX_COUNT:
            # the domain of counts (pucli.models.domain): a trend that leaves it is a
            # mistake in the actuals (a misplaced digit, a wrong date), not a forecast
            raise DataError([Problem(
                "projection-out-of-range", f"the {method} trend of the actuals passes "
                f"{MAX_COUNT:,} before {future[-1]}", "actuals.csv",
                hint="check the latest counts and their dates (a misplaced digit?), or "
                     "choose another --method")])
        hi = np.where(np.isfinite(hi) & (hi <= MAX_COUNT), hi, np.nan)
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
    few = (f"indicative only: {len(series)} actuals give no measure of the scatter "
           "(a rating rests on three or more)") if len(series) < 3 else ""
    if math.isnan(lo):
        level = "probable" if p >= value else "at risk"
        rule = ("no interval (two actuals): probable if the projection reaches the target, "
                f"at risk if not — {p:,.0f} {'≥' if p >= value else '<'} {value:,.0f}")
        return TargetCheck(date, value, kind, p, "projection", None, None, level, rule,
                           indicative=few)
    if lo >= value:
        level, rule = "on track", f"80 % low {lo:,.0f} ≥ target {value:,.0f}"
    elif p >= value:
        level, rule = "probable", f"projection {p:,.0f} ≥ target {value:,.0f} > 80 % low {lo:,.0f}"
    elif hi >= value:
        level, rule = "at risk", f"projection {p:,.0f} < target {value:,.0f} ≤ 80 % high {hi:,.0f}"
    else:
        level, rule = "off track", f"80 % high {hi:,.0f} < target {value:,.0f}"
    return TargetCheck(date, value, kind, p, "projection", lo, hi, level, rule,
                       indicative=few)


RATING_SCALE = ("on track: even the 80 % low reaches the target; probable: the projection "
                "reaches it but the low does not; at risk: the projection falls short but the "
                "80 % high reaches it; off track: even the high falls short")
