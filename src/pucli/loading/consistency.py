"""Do the plan's own numbers agree with each other? (warnings, not errors)

A plan may state a target, the increase and growth that reach it, and an annual rate, and
the figures need not agree: a rate that holds from the baseline may miss from the first
target. The analyst must see both figures, so each disagreement is one warning (which the
file can acknowledge when the plan itself says so).
"""

from __future__ import annotations

import datetime as dt

from pucli.loading.yamldoc import YamlDoc
from pucli.models.domain import MAX_RATE, annual_rate, compound
from pucli.models.numbers import decimals_of, figure
from pucli.models.targets import Targets
from pucli.problems import Problem

# Relative disagreement tolerated between a stated figure and the one implied by others:
# plans round rates to whole percent, so 1,000 × 1.23 = 1,229.6 must pass for 1,230.
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
    if targets.baseline is not None and targets.baseline.value is None:
        out.append(doc.problem("missing-field", "missing required field 'value'",
                               ("baseline",), hint="add 'value:' to this entry"))
        return out
    by_metric: dict[tuple[str, str], list[tuple[tuple, object]]] = {}
    for path, point in _points(targets):
        by_metric.setdefault((point.metric, point.region or ""), []).append((path, point))
    for (_, region), points in by_metric.items():
        points.sort(key=lambda pp: pp[1].date)
        seen: dict = {}
        for path, point in points:
            if point.date in seen and path[0] != "baseline":
                out.append(doc.problem("duplicate-date",
                                       f"two '{point.metric}' figures dated {point.date}",
                                       path + ("date",), hint="keep one figure per date"))
            seen[point.date] = path
        base = None if region else targets.baseline_for(points[0][1].metric)
        for (_, prev), (path, point) in zip(points, points[1:], strict=False):
            out += _check_step(doc, prev, path, point, base)
    for i, t in enumerate(targets.targets):
        base = targets.baseline_for(t.metric)
        if base is not None and t.date <= base.date and not t.region:
            out.append(doc.problem(
                "target-before-baseline",
                f"target dated {t.date} is not after the baseline ({base.date})",
                ("targets", i, "date"), hint="a target lies after the baseline it grows from"))
    for i in range(len(targets.rates)):
        out += _check_rate(doc, targets, i)
    return out + _check_metric_names(targets, doc) + _check_regions(targets, doc)


def _check_regions(targets: Targets, doc: YamlDoc) -> list[Problem]:
    """Sub-region targets of a metric at a date, against the whole region's target."""
    out = []
    for metric in {t.metric for t in targets.targets if t.region}:
        whole = {t.date: t for t in targets.targets
                 if t.metric == metric and not t.region and t.value is not None}
        by_date: dict = {}
        for i, t in enumerate(targets.targets):
            if t.metric == metric and t.region and t.value is not None:
                by_date.setdefault(t.date, []).append((i, t))
        for date, parts in sorted(by_date.items()):
            total = whole.get(date)
            if total is None:
                continue
            summed = sum(t.value for _, t in parts)
            if abs(summed - total.value) <= max(0.5, abs(total.value) * 1e-9):
                continue
            names = "、".join(t.region for _, t in parts)
            out.append(doc.problem(
                "regions-do-not-add-up",
                f"the regional targets of '{metric}' for {date} add up to {_n(summed)}, not "
                f"the whole region's {_n(total.value)} ({names})",
                ("targets", parts[0][0], "value"), severity="warning",
                hint="check each region's figure; if the plan itself leaves part of the total "
                     "unassigned, acknowledge this warning under acknowledge:"))
    return out


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
    if targets.baseline is not None:
        yield ("baseline",), targets.baseline
    for i, b in enumerate(targets.baselines):
        yield ("baselines", i), b
    for i, t in enumerate(targets.targets):
        if t.value is not None:  # a growth-only target states no level to check
            yield ("targets", i), t


def _check_step(doc: YamlDoc, prev, path, point, base=None) -> list[Problem]:
    """The stated increase and growth of ``point``, counted from the figure its
    ``increase_from`` names: the previous figure (the default) or the baseline."""
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
    declared = point.increase_from
    start = base if declared == "baseline" and base is not None else prev
    # the reading is said only when the file declares one
    reading = {"baseline": ", counting from the baseline (increase_from: baseline)",
               "previous": ", counting from the previous figure (increase_from: previous)",
               }.get(declared or "", "") if start is base or declared != "baseline" else ""
    d = max(decimals_of(start.value), decimals_of(point.value),
            decimals_of(point.increase or 0))
    near = 0.5 * 10 ** -d  # half the last digit written: 1,229.6 is 1,230, 4.56 is 4.6
    if point.increase is not None and abs(start.value + point.increase - point.value) > near:
        hint = "check the figures against the plan's text"
        if (declared is None and base is not None and base is not prev
                and abs(base.value + point.increase - point.value) <= near):
            hint = ("it holds counting from the baseline: if the plan counts the increase "
                    "from there, add 'increase_from: baseline'")
        out.append(doc.problem(
            "inconsistent-targets",
            f"{_n(start.value)} + {_n(point.increase)} = {_n(start.value + point.increase, d)}, "
            f"not {_n(point.value)}{reading}", path + ("increase",), severity="warning",
            hint=hint))
    if point.growth is not None and start.value > 0:
        implied = start.value * (1 + point.growth)
        if abs(implied - point.value) > TOLERANCE * max(point.value, implied):
            actual = point.value / start.value - 1
            out.append(doc.problem(
                "inconsistent-targets",
                f"{_n(start.value)} × (1 + {_pct(point.growth)}) = {_n(implied, d)}, not "
                f"{_n(point.value)} (that is {actual:+.1%}){reading}", path + ("growth",),
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
            d = max(decimals_of(start.value), decimals_of(end.value))
            out.append(doc.problem(
                "inconsistent-targets",
                f"the targets imply two paths: {_n(start.value)} ({start.date}) growing "
                f"{_pct(rate.value)} a year reaches {_n(implied, d)} by {end.date}, not "
                f"{_n(end.value)}; reaching {_n(end.value)} from {_n(start.value)} takes "
                f"{needed:.1%} a year",
                ("rates", i, "value"), severity="warning",
                hint="both readings are shown by `pucli project`; no change is needed if the "
                     "plan itself says so"))
    return out


def _n(x: float, decimals: int | None = None) -> str:
    """A stated figure as written (4.5 stays 4.5); a computed one to ``decimals``."""
    return figure(x, decimals)


def _pct(rate: float) -> str:
    """A stated rate as written: 0.23 → 23%, 0.062 → 6.2%."""
    return f"{figure(rate * 100, decimals_of(round(rate * 100, 4)))}%"
