"""The final evaluation (终期评估) as data: once the plan period is over, what was achieved.

:func:`build_evaluation` answers, on ``as_of`` (reports and counts dated later ignored):

* each target: the count recorded on its date, met or not, and the growth a year
  (CAGR) achieved from the baseline against the CAGR the target implies and any rate the
  plan states for it. No count on the date means "cannot be judged": the latest earlier
  count and the projection are given, never passed off as the final count;
* each measure and responsible unit: the final status (the unit's latest report), the
  first and last report;
* each deadline (a measure's ``due``, each milestone): how far it moved by extensions and
  how late it was met — for a measure, the day its lead unit first reported it done
  (the start of the final run of ``done`` reports); a deadline not met is open, late by
  the days from the original date to ``as_of``;
* completion by unit and by section over the whole plan (:mod:`pucli.compute.ledger`);
* the plan's own inconsistencies the evaluation has to mention: a stated annual rate
  that the targets do not follow, a stated growth or increase that does not give the
  target's value, relative goals without a number, deadlines outside the plan period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from pucli.compute.brief import Changes, ExtraSection, compare, overdue_on
from pucli.compute.ledger import LedgerRow, StatusCount, ledger_rows, status_summary
from pucli.compute.overdue import responsible_units
from pucli.compute.projection import Projection
from pucli.loading.consistency import TOLERANCE, years_between
from pucli.models.domain import compound
from pucli.models.observations import Series
from pucli.models.plan import Plan
from pucli.models.progress import DONE, ProgressEntry
from pucli.models.targets import DEFAULT_METRIC, Point, Targets


def cagr(start: float, end: float, years: float) -> float | None:
    """Compound annual growth from ``start`` to ``end`` over ``years``."""
    if start <= 0 or end < 0 or years <= 0:
        return None
    return (end / start) ** (1 / years) - 1


@dataclass(frozen=True)
class TargetResult:
    """One target at the end: the count on its date against it."""

    date: dt.date
    value: float
    kind: str | None
    baseline: tuple[dt.date, float] | None
    final: float | None  # the count recorded on the target date; None: none recorded
    latest: tuple[dt.date, float] | None  # the last count on or before the date
    projected: float | None  # the projection for the date (when no final count)
    planned_cagr: float | None  # baseline → target value
    stated_rate: float | None  # a rate the plan states, ending on the target date
    achieved_cagr: float | None  # baseline → final count

    @property
    def met(self) -> bool | None:
        return None if self.final is None else self.final >= self.value

    @property
    def gap(self) -> float | None:
        return None if self.final is None else self.final - self.value


@dataclass(frozen=True)
class Deadline:
    """A measure's or milestone's deadline at the end of the plan."""

    measure: int
    title: str  # the measure's
    kind: str  # "measure" | "milestone"
    item: str  # the milestone's title (the measure's for its own deadline)
    unit: str  # the lead unit (or the milestone's unit)
    original: dt.date
    due: dt.date  # after extensions
    done: dt.date | None  # when it was met (measures: the lead's done report)
    as_of: dt.date
    title_en: str | None = None

    @property
    def extended_days(self) -> int:
        return (self.due - self.original).days

    @property
    def late_days(self) -> int:
        """Days past the original date when it was met, or by ``as_of`` when still open
        (0 or less: on time)."""
        return ((self.done or self.as_of) - self.original).days

    @property
    def is_open(self) -> bool:
        return self.done is None


@dataclass(frozen=True)
class UnitFinal:
    """One measure × responsible unit at the end."""

    row: LedgerRow
    first: dt.date | None
    last: dt.date | None
    reports: int


@dataclass(frozen=True)
class Inconsistency:
    """Something in the plan's own numbers or dates that does not agree."""

    code: str  # rate-path | growth | increase | goal-without-number | due-outside-period
    numbers: dict[str, object] = field(default_factory=dict)


@dataclass
class Evaluation:
    plan: Plan
    as_of: dt.date
    projection: Projection
    targets: list[TargetResult]
    finals: list[UnitFinal]  # plan order, lead unit first
    deadlines: list[Deadline]
    by_unit: list[StatusCount]
    by_section: list[StatusCount]
    inconsistencies: list[Inconsistency]
    changes: Changes | None = None  # since the last meeting, when asked
    extra_sections: list[ExtraSection] = field(default_factory=list)

    @property
    def before_end(self) -> bool:
        """The plan period has not ended on ``as_of``: an evaluation before the end."""
        return self.as_of <= self.plan.plan.horizon.end

    @property
    def measures_done(self) -> int:
        return sum(1 for f in self.finals if f.row.lead and f.row.status == DONE)


def target_results(targets: Targets, series: Series, projection: Projection,
                   metric: str = DEFAULT_METRIC) -> list[TargetResult]:
    """Each target of ``metric`` against the count recorded on its date."""
    counts = dict(zip(series.dates, series.values, strict=True))
    expected = {c.date: c.expected for c in projection.targets}
    base = targets.baseline_for(metric)
    out = []
    for p in targets.for_metric(metric):
        earlier = [(d, v) for d, v in counts.items() if d <= p.date]
        latest = max(earlier) if earlier else None
        final = counts.get(p.date)
        years = years_between(base.date, p.date) if base and base.date < p.date else 0.0
        planned = cagr(base.value, p.value, years) if base and years else None
        achieved = cagr(base.value, final, years) if base and years and final is not None \
            else None
        out.append(TargetResult(
            p.date, p.value, p.kind, (base.date, base.value) if base else None, final,
            latest, None if final is not None else expected.get(p.date), planned,
            _stated_rate(targets, p), achieved))
    return out


def _stated_rate(targets: Targets, point: Point) -> float | None:
    rates = [r.value for r in targets.rates if r.metric == point.metric and r.end == point.date]
    return rates[0] if rates else None


def _completion(entries: list[ProgressEntry]) -> dt.date | None:
    """The day a unit's part was done: the first report of its final run of ``done``."""
    done = None
    for e in sorted(entries, key=lambda e: e.sort_key()):
        if e.status == DONE:
            done = done or e.date
        else:
            done = None
    return done


def deadlines(plan: Plan, entries: list[ProgressEntry], as_of: dt.date) -> list[Deadline]:
    """Every measure deadline and milestone, with its slippage."""
    by_key: dict[tuple[int, str], list[ProgressEntry]] = {}
    for e in entries:
        by_key.setdefault((e.measure, e.unit), []).append(e)
    index = plan.unit_index()
    out = []
    for m in plan.measures:
        lead = responsible_units(plan, m, index)[0]
        done = _completion(by_key.get((m.id, lead), []))
        if m.due is not None:
            out.append(Deadline(m.id, m.title, "measure", m.title, lead, m.due,
                                m.effective_due or m.due, done, as_of, m.title_en))
        for ms in m.milestones:
            unit = index.get(ms.unit, ms.unit) if ms.unit else lead
            # a milestone is met when its unit's part (or the measure) is done
            met = _completion(by_key.get((m.id, unit), [])) or done
            out.append(Deadline(m.id, m.title, "milestone", ms.title, unit, ms.due,
                                ms.effective_due, met, as_of, m.title_en))
    return out


def unit_finals(plan: Plan, entries: list[ProgressEntry], as_of: dt.date) -> list[UnitFinal]:
    """Final status, first and last report for each measure × responsible unit."""
    dates: dict[tuple[int, str], list[dt.date]] = {}
    for e in entries:
        dates.setdefault((e.measure, e.unit), []).append(e.date)
    out = []
    for row in ledger_rows(plan, entries, as_of=as_of):
        seen = dates.get((row.measure, row.unit), [])
        out.append(UnitFinal(row, min(seen) if seen else None, max(seen) if seen else None,
                             len(seen)))
    return out


def plan_inconsistencies(plan: Plan, targets: Targets) -> list[Inconsistency]:
    """What in the plan's own figures and dates does not agree (see the module doc)."""
    out: list[Inconsistency] = []
    # levels of the whole region only: no baseline (day one), a growth-only target or a
    # township's own target has no place in this chain (issue 11)
    points = sorted([p for p in (targets.baseline, *targets.baselines, *targets.targets)
                     if p is not None and p.value is not None and not p.region],
                    key=lambda p: (p.metric, p.date))
    for prev, p in zip(points, points[1:], strict=False):
        if prev.metric != p.metric:
            continue
        if p.increase_from == "baseline":  # "净增…" counted from the base year
            prev = targets.baseline_for(p.metric) or prev
        if p.increase is not None and abs(prev.value + p.increase - p.value) > 0.5:
            out.append(Inconsistency("increase", {"start": prev.value, "start_date": prev.date,
                                                  "increase": p.increase, "value": p.value,
                                                  "date": p.date}))
        if p.growth is not None and prev.value > 0:
            implied = prev.value * (1 + p.growth)
            if abs(implied - p.value) > TOLERANCE * max(p.value, implied):
                out.append(Inconsistency("growth", {
                    "start": prev.value, "start_date": prev.date, "growth": p.growth,
                    "implied": implied, "value": p.value, "date": p.date}))
    for rate in targets.rates:
        pts = [p for p in points if p.metric == rate.metric]
        for end in (p for p in pts if p.date == rate.end):
            for start in pts:
                if not (rate.start <= start.date < end.date) or start.value <= 0:
                    continue
                years = years_between(start.date, end.date)
                implied = compound(start.value, rate.value, years)
                if abs(implied - end.value) > TOLERANCE * max(end.value, implied):
                    out.append(Inconsistency("rate-path", {
                        "rate_name": rate.name, "rate": rate.value, "start": start.value,
                        "start_date": start.date, "implied": implied, "value": end.value,
                        "date": end.date, "needed": cagr(start.value, end.value, years)}))
    for g in targets.goals:
        if g.multiple is None or g.by is None or targets.baseline_for(g.metric) is None:
            out.append(Inconsistency("goal-without-number", {
                "metric": g.metric, "multiple": g.multiple, "by": g.by,
                "quote": g.source.quote if g.source else None}))
    horizon = plan.plan.horizon
    for m in plan.measures:
        dues = ([m.effective_due] if m.due else []) + [ms.effective_due for ms in m.milestones]
        for due in dues:
            if due is not None and not horizon.start <= due <= horizon.end:
                out.append(Inconsistency("due-outside-period", {
                    "measure": m.id, "due": due, "start": horizon.start, "end": horizon.end}))
    return out


def build_evaluation(plan: Plan, targets: Targets, series: Series, projection: Projection,
                     entries: Iterable[ProgressEntry], as_of: dt.date,
                     since: dt.date | None = None) -> Evaluation:
    """The final evaluation on ``as_of`` (reports and counts dated later ignored), with
    what changed since ``since`` when given."""
    entries = list(entries)
    known = [e for e in entries if e.date <= as_of]
    series = series.up_to(as_of)
    rows = ledger_rows(plan, known, as_of=as_of)
    changes = None if since is None else compare(
        plan, entries, since, as_of, overdue_on(plan, entries, as_of), rows)
    return Evaluation(
        plan, as_of, projection, target_results(targets, series, projection),
        unit_finals(plan, known, as_of), deadlines(plan, known, as_of),
        status_summary(plan, rows, "unit"), status_summary(plan, rows, "section"),
        plan_inconsistencies(plan, targets), changes)
