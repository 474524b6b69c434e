"""Warning flags of ``pucli quality``: patterns a human should look at, not verdicts.

Each flag names its rule, the threshold in force and the numbers that raised it. Rules
(thresholds from :class:`~pucli.models.quality.QualitySettings`, the ``quality:`` section of
targets.yaml):

- ``registration-spike`` — monthly rows only: a month's new registrations exceed
  ``median + spike_k × spread`` of the ``trailing_months`` months before it (at least
  ``min_history`` of them), where ``spread = max(MAD, spread_floor × median)``. A spike up to
  ``assessment_window`` months before an assessment date (a year end, a target date) says so.
- ``cancellation-surge`` — after a run of spike months, a month within ``surge_within``
  months whose cancellations exceed the same robust threshold computed on the cancellations
  of the trailing months before the run; one flag per run, with the registrations above the
  median during the run and the cancellations above the median after it.
- ``net-change-mismatch`` — the change of the total since the previous row differs from
  new − cancelled by more than ``mismatch_tolerance``.
- ``individual-led-growth`` — over each ``growth_window`` months (windows ending at month
  ends whose month is a multiple of the window: quarter ends for 3), the total grew,
  individual businesses carried at least ``individual_share`` of that growth, and
  enterprises grew by at most ``enterprise_stall`` (relative).
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pucli.compute.periods import month_end, month_index
from pucli.models.quality import QualitySettings

if TYPE_CHECKING:
    from pucli.compute.quality import Period

RULES: dict[str, tuple[str, str]] = {  # code → (zh, en) rule text, thresholds filled in
    "registration-spike": (
        "月新登记数超过前{trailing}个月的中位数 + {k}×离散度（离散度 = max(MAD, {floor}×中位数)）",
        "new registrations of a month above the median + {k} × spread of the {trailing} "
        "months before (spread = max(MAD, {floor} × median))"),
    "cancellation-surge": (
        "登记激增后{within}个月内，月注销数超过激增前{trailing}个月的中位数 + {k}×离散度",
        "within {within} months after a registration spike, cancellations of a month above "
        "the median + {k} × spread of the {trailing} months before the spike"),
    "net-change-mismatch": (
        "总数的变化与 新登记 − 注销 相差超过{tolerance}户",
        "the change of the total differs from new − cancelled by more than {tolerance}"),
    "individual-led-growth": (
        "{window}个月内个体工商户占净增的{share}以上，而企业增长不超过{stall}",
        "over {window} months individual businesses carry at least {share} of the net "
        "growth while enterprises grow by at most {stall}"),
}


@dataclass
class Flag:
    code: str
    date: dt.date  # the month (period end) the flag is about
    numbers: dict[str, float | int | str]
    message_zh: str
    message_en: str
    rule_zh: str = ""
    rule_en: str = ""
    notes: list[str] = field(default_factory=list)


def rule_text(code: str, s: QualitySettings) -> tuple[str, str]:
    """The (zh, en) rule of ``code`` with the thresholds in force."""
    values = {"trailing": s.trailing_months, "k": f"{s.spike_k:g}",
              "floor": f"{s.spread_floor:g}", "within": s.surge_within,
              "tolerance": s.mismatch_tolerance, "window": s.growth_window,
              "share": f"{s.individual_share:.0%}", "stall": f"{s.enterprise_stall:.1%}"}
    zh, en = RULES[code]
    return zh.format(**values), en.format(**values)


def robust_threshold(values: list[float], s: QualitySettings) -> dict[str, float]:
    """median, MAD, spread and threshold (median + k × spread) of ``values``."""
    median = statistics.median(values)
    mad = statistics.median(abs(v - median) for v in values)
    spread = max(mad, s.spread_floor * median)
    return {"median": median, "mad": mad, "spread": spread,
            "threshold": median + s.spike_k * spread}


def find_flags(periods: list[Period], s: QualitySettings,
               assessment_dates: list[dt.date]) -> list[Flag]:
    """Every flag of ``periods``, by date then rule."""
    flags = (mismatch_flags(periods, s) + spike_flags(periods, s, assessment_dates)
             + individual_flags(periods, s))
    flags += surge_flags(periods, s, [f for f in flags if f.code == "registration-spike"])
    order = list(RULES)
    flags.sort(key=lambda f: (f.date, order.index(f.code)))
    for f in flags:
        f.rule_zh, f.rule_en = rule_text(f.code, s)
    return flags


def _monthly(periods: list[Period], column: str) -> list[tuple[int, Period]]:
    """(index, period) of one-month periods that give ``column``."""
    return [(i, p) for i, p in enumerate(periods)
            if p.months is not None and abs(p.months - 1) < 1e-9
            and getattr(p, column) is not None]


def _trailing(periods: list[Period], column: str, before: dt.date,
              s: QualitySettings) -> list[float]:
    start = month_index(before) - s.trailing_months
    return [getattr(p, column) for _, p in _monthly(periods, column)
            if start - 1e-9 <= month_index(p.date) and p.date < before]


def spike_flags(periods: list[Period], s: QualitySettings,
                assessment_dates: list[dt.date]) -> list[Flag]:
    out = []
    for _, p in _monthly(periods, "new"):
        history = _trailing(periods, "new", p.date, s)
        if len(history) < s.min_history:
            continue
        t = robust_threshold(history, s)
        if p.new <= t["threshold"]:  # type: ignore[operator]
            continue
        numbers = {"new": p.new, "months": len(history), **_round(t),
                   "excess": round(p.new - t["median"], 1)}  # type: ignore[operator]
        notes_zh, notes_en = [], []
        due = _next_assessment(p.date, s, assessment_dates)
        if due is not None and month_index(due) - month_index(p.date) <= s.assessment_window:
            gap = round(month_index(due) - month_index(p.date))
            numbers["assessment"] = due.isoformat()
            numbers["months_before_assessment"] = gap
            notes_zh.append(f"考核日{due}前{gap}个月" if gap else f"考核日{due}当月")
            notes_en.append(f"{gap} month(s) before the assessment on {due}" if gap
                            else f"in the month of the assessment on {due}")
        zh = (f"{p.date:%Y-%m}新登记{p.new}户，超过阈值{t['threshold']:,.1f}"
              f"（前{len(history)}个月中位数{t['median']:,.1f}）")
        en = (f"{p.date:%Y-%m}: {p.new} new registrations, above the threshold "
              f"{t['threshold']:,.1f} (median of the {len(history)} months before: "
              f"{t['median']:,.1f})")
        if notes_zh:
            zh += "；" + "；".join(notes_zh)
            en += "; " + "; ".join(notes_en)
        out.append(Flag("registration-spike", p.date, numbers, zh, en))
    return out


def _next_assessment(d: dt.date, s: QualitySettings, extra: list[dt.date]) -> dt.date | None:
    candidates = [x for x in extra if x >= d]
    for year in (d.year, d.year + 1):
        candidates += [month_end(year, m) for m in s.assessment_months
                       if month_end(year, m) >= d]
    return min(candidates, default=None)


def surge_flags(periods: list[Period], s: QualitySettings, spikes: list[Flag]) -> list[Flag]:
    """One flag per run of consecutive spike months followed by high cancellations."""
    out = []
    months = {p.date: p for _, p in _monthly(periods, "cancelled")}
    for run in _runs(sorted(f.date for f in spikes)):
        history = _trailing(periods, "cancelled", run[0], s)
        if len(history) < s.min_history:
            continue
        t = robust_threshold(history, s)
        end = month_index(run[-1])
        after = [p for d, p in sorted(months.items())
                 if end < month_index(d) <= end + s.surge_within + 1e-9]
        surging = [p for p in after if p.cancelled > t["threshold"]]  # type: ignore[operator]
        if not surging:
            continue
        spike_new = {f.date: f for f in spikes}
        excess_new = sum(spike_new[d].numbers["excess"] for d in run)  # type: ignore[misc]
        excess_cancelled = sum(p.cancelled - t["median"] for p in surging)  # type: ignore
        share = excess_cancelled / excess_new if excess_new else None
        numbers = {"spike_from": f"{run[0]:%Y-%m}", "spike_to": f"{run[-1]:%Y-%m}",
                   "surge_months": ", ".join(f"{p.date:%Y-%m}" for p in surging),
                   "cancelled": sum(p.cancelled for p in surging),  # type: ignore[misc]
                   **_round(t), "excess_new": round(excess_new, 1),
                   "excess_cancelled": round(excess_cancelled, 1),
                   "share_cancelled_again": None if share is None else round(share, 4)}
        when_zh = f"{run[0]:%Y-%m}" + (f"至{run[-1]:%Y-%m}" if len(run) > 1 else "")
        when_en = f"{run[0]:%Y-%m}" + (f" to {run[-1]:%Y-%m}" if len(run) > 1 else "")
        pct = "" if share is None else f"{share:.0%}"
        out.append(Flag(
            "cancellation-surge", surging[0].date, numbers,
            f"{when_zh}登记激增（超出中位数{excess_new:,.0f}户）后，"
            f"{numbers['surge_months']}注销共{numbers['cancelled']}户，超过阈值"
            f"{t['threshold']:,.1f}；超出中位数的注销{excess_cancelled:,.0f}户，"
            f"相当于激增部分的{pct}",
            f"after the registration spike of {when_en} ({excess_new:,.0f} above the median), "
            f"{numbers['surge_months']} saw {numbers['cancelled']} cancellations, above the "
            f"threshold {t['threshold']:,.1f}; the {excess_cancelled:,.0f} cancellations "
            f"above the median equal {pct} of the spike"))
    return out


def _runs(dates: list[dt.date]) -> list[list[dt.date]]:
    runs: list[list[dt.date]] = []
    for d in dates:
        if runs and abs(month_index(d) - month_index(runs[-1][-1]) - 1) < 1e-9:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def mismatch_flags(periods: list[Period], s: QualitySettings) -> list[Flag]:
    out = []
    for p in periods:
        if p.change is None or p.net is None or abs(p.change - p.net) <= s.mismatch_tolerance:
            continue
        diff = p.change - p.net
        numbers = {"previous_total": p.previous_total, "total": p.total, "change": p.change,
                   "new": p.new, "cancelled": p.cancelled, "net": p.net, "difference": diff,
                   "line": p.line}
        out.append(Flag(
            "net-change-mismatch", p.date, numbers,
            f"{p.date:%Y-%m}总数由{p.previous_total}变为{p.total}（{p.change:+d}），但新登记−注销"
            f" = {p.new}−{p.cancelled} = {p.net:+d}，相差{diff:+d}户",
            f"{p.date:%Y-%m}: the total went from {p.previous_total} to {p.total} "
            f"({p.change:+d}), but new − cancelled = {p.new} − {p.cancelled} = {p.net:+d}: "
            f"{diff:+d} unexplained"))
    return out


def individual_flags(periods: list[Period], s: QualitySettings) -> list[Flag]:
    out = []
    by_month = {round(month_index(p.date)): p for p in periods
                if p.date == month_end(p.date.year, p.date.month)}
    for m, p in sorted(by_month.items()):
        if m % s.growth_window:  # month_index of a month end = 12·year + month
            continue
        start = by_month.get(m - s.growth_window)
        if start is None or None in (p.enterprises, p.individual_businesses,
                                     start.enterprises, start.individual_businesses):
            continue
        growth = p.total - start.total
        ind = p.individual_businesses - start.individual_businesses  # type: ignore[operator]
        ent = p.enterprises - start.enterprises  # type: ignore[operator]
        if growth <= 0 or not start.enterprises:
            continue
        share, ent_growth = ind / growth, ent / start.enterprises
        if share < s.individual_share or ent_growth > s.enterprise_stall:
            continue
        numbers = {"from": start.date.isoformat(), "growth": growth,
                   "individual_growth": ind, "individual_share": round(share, 4),
                   "enterprises_from": start.enterprises, "enterprises_to": p.enterprises,
                   "enterprise_growth": round(ent_growth, 4)}
        out.append(Flag(
            "individual-led-growth", p.date, numbers,
            f"{start.date}至{p.date}净增{growth}户，其中个体工商户{ind}户（{share:.0%}）；"
            f"企业由{start.enterprises}户到{p.enterprises}户（{ent_growth:+.1%}）",
            f"{start.date} to {p.date}: net growth {growth}, of which individual businesses "
            f"{ind} ({share:.0%}); enterprises from {start.enterprises} to {p.enterprises} "
            f"({ent_growth:+.1%})"))
    return out


def _round(t: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 2) for k, v in t.items()}
