"""Do the plan's own numbers agree with each other? (warnings, not errors)

The Pu County plan states 6,472 → 7,961 (+1,489, +23 %) for 2022 and "15 % a year" to
11,236 by end-2025. The first holds; the second does not from 7,961 (7,961 × 1.15³ ≈
12,108). The analyst must see both figures, so each disagreement is one warning.
"""

from __future__ import annotations

import datetime as dt

from pucli.loading.yamldoc import YamlDoc
from pucli.models.domain import MAX_RATE, annual_rate, compound
from pucli.models.targets import Targets
from pucli.problems import Problem

# Relative disagreement tolerated between a stated figure and the one implied by others:
# the plan rounds rates to whole percent, so 6,472 × 1.23 = 7,960.6 must pass for 7,961.
TOLERANCE = 0.01


def years_between(start: dt.date, end: dt.date) -> float:
    """Years between two dates: whole months when both are month ends (so end-2022 to
    end-2025 is exactly 3), otherwise days / 365.2425."""
    if _is_month_end(start) and _is_month_end(end):
        return ((end.year - start.year) * 12 + end.month - start.month) / 12
    return (end - start).days / 365.2425


def _is_month_end(d: dt.date) -> bool:
    return (d + dt.timedelta(days=1)).day == 1


def check_targets(targets: Targets, doc: YamlDoc) -> list[Problem]:
    out: list[Problem] = []
    by_metric: dict[str, list[tuple[tuple, object]]] = {}
    for path, point in _points(targets):
        by_metric.setdefault(point.metric, []).append((path, point))
    for points in by_metric.values():
        points.sort(key=lambda pp: pp[1].date)
        seen: dict = {}
        for path, point in points:
            if point.date in seen and path[0] != "baseline":
                out.append(doc.problem("duplicate-date",
                                       f"two '{point.metric}' figures dated {point.date}",
                                       path + ("date",), hint="keep one figure per date"))
            seen[point.date] = path
        for (_, prev), (path, point) in zip(points, points[1:], strict=False):
            out += _check_step(doc, prev, path, point)
    for i, t in enumerate(targets.targets):
        base = targets.baseline_for(t.metric)
        if base is not None and t.date <= base.date:
            out.append(doc.problem(
                "target-before-baseline",
                f"target dated {t.date} is not after the baseline ({base.date})",
                ("targets", i, "date"), hint="a target lies after the baseline it grows from"))
    for i in range(len(targets.rates)):
        out += _check_rate(doc, targets, i)
    return out + _check_metric_names(targets, doc)


def _check_metric_names(targets: Targets, doc: YamlDoc) -> list[Problem]:
    """Every metric named by a figure, rate or goal is built in or declared."""
    from pucli.models.metrics import metric_registry
    from pucli.suggest import did_you_mean

    known = list(metric_registry(targets.metrics))
    named = [(path, p.metric) for path, p in _points(targets)]
    named += [(("rates", i), r.metric) for i, r in enumerate(targets.rates)]
    named += [(("goals", i), g.metric) for i, g in enumerate(targets.goals)]
    return [doc.problem("unknown-metric", f"unknown metric '{name}'", path + ("metric",),
                        hint=did_you_mean(name, known) or "declare it under metrics:, or use "
                        "one of: " + ", ".join(known))
            for path, name in named if name not in known]


def _points(targets: Targets):
    yield ("baseline",), targets.baseline
    for i, b in enumerate(targets.baselines):
        yield ("baselines", i), b
    for i, t in enumerate(targets.targets):
        yield ("targets", i), t


def _check_step(doc: YamlDoc, prev, path, point) -> list[Problem]:
    out = []
    years = years_between(prev.date, point.date)
    if prev.value > 0 and years > 0 and annual_rate(prev.value, point.value,
                                                    years) >= MAX_RATE:
        # beyond the domain of a stated rate: compounding it between the two dates would
        # leave the range of numbers projections and charts can hold
        return [doc.problem(
            "growth-out-of-range",
            f"{_n(prev.value)} ({prev.date}) to {_n(point.value)} ({point.date}) is growth "
            f"of more than {MAX_RATE:.0%} a year", path + ("value",),
            hint="check the figure and its date against the plan's text")]
    if point.increase is not None and abs(prev.value + point.increase - point.value) > 0.5:
        out.append(doc.problem(
            "inconsistent-targets",
            f"{_n(prev.value)} + {_n(point.increase)} = {_n(prev.value + point.increase)}, "
            f"not {_n(point.value)}", path + ("increase",), severity="warning",
            hint="check the figures against the plan's text"))
    if point.growth is not None and prev.value > 0:
        implied = prev.value * (1 + point.growth)
        if abs(implied - point.value) > TOLERANCE * max(point.value, implied):
            actual = point.value / prev.value - 1
            out.append(doc.problem(
                "inconsistent-targets",
                f"{_n(prev.value)} × (1 + {point.growth:.0%}) = {_n(implied)}, not "
                f"{_n(point.value)} (that is {actual:+.1%})", path + ("growth",),
                severity="warning", hint="check the figures against the plan's text"))
    return out


def _check_rate(doc: YamlDoc, targets: Targets, i: int) -> list[Problem]:
    """A stated annual rate against every pair (earlier figure → a target at the rate's end)."""
    rate = targets.rates[i]
    pts = [p for _, p in _points(targets) if p.metric == rate.metric]
    ends = [p for p in pts if p.date == rate.end]
    out = []
    for end in ends:
        for start in pts:
            if not (rate.start <= start.date < end.date) or start.value <= 0:
                continue
            years = years_between(start.date, end.date)
            implied = compound(start.value, rate.value, years)
            if abs(implied - end.value) <= TOLERANCE * max(end.value, implied):
                continue
            needed = annual_rate(start.value, end.value, years)
            out.append(doc.problem(
                "inconsistent-targets",
                f"the targets imply two paths: {_n(start.value)} ({start.date}) growing "
                f"{rate.value:.0%} a year reaches {_n(implied)} by {end.date}, not "
                f"{_n(end.value)}; reaching {_n(end.value)} from {_n(start.value)} takes "
                f"{needed:.1%} a year",
                ("rates", i, "value"), severity="warning",
                hint="both readings are shown by `pucli project`; no change is needed if the "
                     "plan itself says so"))
    return out


def _n(x: float) -> str:
    return f"{x:,.0f}"
