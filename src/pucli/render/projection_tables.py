"""``pucli project`` and ``pucli backtest`` as rows (csv/md), JSON and rich tables."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from pucli.compute.backtest import Score
from pucli.compute.periods import month_index
from pucli.compute.projection import RATING_SCALE, Projection
from pucli.compute.regions import RegionRow
from pucli.i18n import is_english, t
from pucli.models.domain import annual_rate
from pucli.models.numbers import figure
from pucli.render.labels import (
    backtest_note,
    break_text,
    cagr_label,
    cagr_text,
    indicative_mark,
    indicative_text,
    method_label,
    method_reason,
    method_rule,
    rating_label,
    rating_scale,
    rule_text,
    shift_text,
)


def _n(v: float | None, decimals: int = 0) -> float | int | None:
    """A figure for csv/json: whole for counts, else rounded to the decimals shown."""
    if v is None:
        return None
    return round(v, decimals) if decimals else int(round(v))


def _pct(v: float | None, digits: int = 1) -> str:
    return "" if v is None else f"{v * 100:.{digits}f} %"


def _rate(v: float | None) -> float | None:
    return None if v is None else round(v, 6)


def _key(p: Projection) -> str:
    return "date" if p.frequency == "month" else "year"


def _when(p: Projection, d) -> Any:
    return d.isoformat() if p.frequency == "month" or (d.month, d.day) != (12, 31) \
        else d.year


def period_label(p: Projection, d) -> str:
    """The period a row stands for: "2025" for a year end of a yearly projection, else the
    month ("2025-03"); the exact day is in the ``date`` column."""
    return str(d.year) if p.frequency != "month" and (d.month, d.day) == (12, 31) \
        else f"{d.year}-{d.month:02d}"


def projection_rows(p: Projection, regions: list[RegionRow] | None = None,
                    ) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows for csv/md/xlsx: one row per period (per region when given).

    ``date`` is always a full date (a spreadsheet sorts and filters it as one) and
    ``period`` the year or month it stands for: one column never mixes 2021 and
    2025-03-31."""
    columns = ["region", "date", "period", "plan", "plan_rate", "actual", "projection", "low",
               "high", "gap", "gap_pct"]
    rows = []
    for r in p.rows:
        gap = None if r.expected is None or r.plan is None else r.expected - r.plan
        if p.method == "plan" and r.actual is None:
            gap = None  # the projection *is* the plan path: a gap of 0 would say nothing
        d = p.decimals
        rows.append([p.region, r.date.isoformat(), period_label(p, r.date), _n(r.plan, d),
                     _n(r.plan_rate, d), _n(r.actual, d), _n(r.projection, d), _n(r.low, d),
                     _n(r.high, d), _n(gap, d),
                     None if gap is None or not r.plan else round(gap / r.plan, 4)])
    for r in regions or []:
        rows.append([r.region, r.date.isoformat(), period_label(p, r.date), None, None,
                     _n(r.actual, p.decimals), _n(r.projection, p.decimals),
                     _n(r.low, p.decimals), _n(r.high, p.decimals), None, None])
    return columns, rows


def projection_json(p: Projection, regions: list[RegionRow] | None = None) -> dict[str, Any]:
    """The JSON object of ``pucli project --format json``."""
    key = _key(p)
    d = p.decimals
    return {
        "region": p.region,
        "metric": p.metric,
        "metric_label": p.metric_label,
        "unit": p.unit or "户",
        "flow": p.flow,
        "as_of": p.as_of.isoformat() if p.as_of else None,
        "latest_actual": ({"date": p.latest[0].isoformat(), "value": _n(p.latest[1], d)}
                          if p.latest else None),
        "method": p.method,
        "method_label": p.method_label,
        "method_reason": p.reason,
        "method_rule": p.method_rule,
        "plan_readings": {"plan": p.paths[0].label if p.paths else None,
                          "plan_rate": p.paths[1].label if len(p.paths) > 1 else None},
        "rows": [{key: _when(p, r.date), "period": period_label(p, r.date),
                  "plan": _n(r.plan, d), "plan_rate": _n(r.plan_rate, d),
                  "actual": _n(r.actual, d), "projection": _n(r.projection, d),
                  "low": _n(r.low, d), "high": _n(r.high, d)} for r in p.rows],
        "targets": [{"date": t.date.isoformat(), "measure": t.measure,
                     "value": t.value if t.measure == "growth" else _n(t.value, d),
                     "kind": t.kind, "direction": t.direction, "tolerance": t.tolerance,
                     **({"expected": _rate(t.expected), "basis": t.basis,
                         "low": _rate(t.low), "high": _rate(t.high), "gap": _rate(t.gap),
                         "gap_pct": None} if t.measure == "growth" else
                        {"expected": _n(t.expected, d), "basis": t.basis,
                         "low": _n(t.low, d), "high": _n(t.high, d), "gap": _n(t.gap, d),
                         "gap_pct": None if t.gap_pct is None else round(t.gap_pct, 4)}),
                     "rating": t.rating, "rule": t.rule, "indicative": bool(t.indicative),
                     "indicative_reason": t.indicative or None,
                     "sdg_cagr": _cagr_json(t)} for t in p.targets],
        "required_annual_growth": None if p.required_annual_growth is None
        else round(p.required_annual_growth, 6),
        "net_new_per_month": None if p.net_new_per_month is None
        else round(p.net_new_per_month, 2),
        "rating": p.rating,
        "rating_rule": p.rating_rule,
        "rating_scale": RATING_SCALE,
        "notes": p.notes,
        "level_shifts": [{"date": e.shift.date.isoformat(), "before": _n(e.shift.before, d),
                          "after": _n(e.shift.after, d),
                          "size_pct": round(e.shift.size * 100, 2),
                          "count": _n(e.shift.count, d), "horizon": e.horizon.isoformat()
                          if e.horizon else None, "projected": _n(e.projected, d),
                          "if_one_off": _n(e.if_one_off, d), "text": e.text(d)}
                         for e in p.shifts],
        "trend_breaks": [{"date": e.brk.date.isoformat(),
                          "annual_growth_before": round(e.brk.before, 6),
                          "annual_growth_after": round(e.brk.after, 6),
                          "z": None if math.isinf(e.brk.z) else round(e.brk.z, 2),
                          "horizon": e.horizon.isoformat() if e.horizon else None,
                          "projected": _n(e.projected, d), "if_recent": _n(e.if_recent, d),
                          "not_compared": e.why_not or None,
                          "recent_method": e.recent_method or None,
                          "text": e.text(d)} for e in p.breaks],
        **({"regions": [{"region": r.region, "date": r.date.isoformat(),
                         "actual": _n(r.actual, d), "projection": _n(r.projection, d),
                         "low": _n(r.low, d), "high": _n(r.high, d), "method": r.method,
                         "target": r.target, "rating": r.rating}
                        for r in regions]} if regions else {}),
    }


def _cagr_json(check) -> dict[str, Any] | None:
    c = check.cagr
    if c is None:
        return None
    return {"observed_cagr": round(c.observed, 6), "required_cagr": round(c.required, 6),
            "ratio": None if c.ratio is None else round(c.ratio, 4), "category": c.category,
            "differs_because": check.cagr_note or None}


def _fmt(v: float | None, decimals: int = 0) -> str:
    return "" if v is None else f"{v:,.{decimals}f}"


def unit_word(p: Projection) -> str:
    """The metric's display unit: its metrics[].unit, else 户 (market entities)."""
    return p.unit or t("户", "entities")


def target_text(c, decimals: int = 0) -> str:
    """A target as the plan states it: "≤ 4.5", "+6.2 % ± 0.5", "11,236"."""
    if c.measure == "growth":  # as written: 6.2 % stays 6.2 %, 5 % stays 5 %
        text = ("-" if c.value < 0 else "+") + figure(round(abs(c.value) * 100, 4)) + " %"
        tol = f" ± {figure(round(c.tolerance * 100, 4))}" if c.tolerance else ""
    else:
        text = figure(c.value)  # as the plan writes it: 23 stays 23, 4.5 stays 4.5
        tol = f" ± {figure(c.tolerance)}" if c.tolerance else ""
    mark = {"at_most": "≤ ", "about": "≈ "}.get(c.direction, "")
    return mark + text + (tol if c.direction == "about" else "")


def expected_text(c, decimals: int = 0) -> str:
    if c.expected is None:
        return ""
    if c.measure == "growth":
        return f"{c.expected * 100:+.{max(1, decimals)}f} %"
    return _fmt(c.expected, decimals)


def gap_text(c, decimals: int = 0) -> str:
    if c.gap is None:
        return ""
    if c.measure == "growth":
        return f"{c.gap * 100:+.1f} pp"
    return f"{c.gap:+,.{decimals}f} ({c.gap_pct * 100:+.1f}%)" if c.value else \
        f"{c.gap:+,.{decimals}f}"


def PATH_HEADERS() -> tuple[str, str]:  # noqa: N802 - a constant that follows --lang
    """Column names of the plan's two readings (json/csv keep plan, plan_rate)."""
    return (t("规划一", "plan 1"), t("规划二", "plan 2"))


def path_label(path) -> str:
    """A plan reading in words: (1) target by target, (2) a stated annual rate."""
    if is_english():
        return path.label
    (d0, v0), *rest = path.knots
    if path.name == "targets":
        steps = []
        prev_d, prev = d0, v0
        for d, v in rest:
            years = (month_index(d) - month_index(prev_d)) / 12
            rate = annual_rate(prev, v, years) * 100 if years > 0 and prev else 0.0
            steps.append(f"{d} 达到 {v:,.0f}（年均 {rate:+.1f}%）")
            prev_d, prev = d, v
        return f"逐个达到目标值：从 {v0:,.0f}（{d0}）起，" + "，".join(steps)
    last_d, last_v = path.knots[-1]
    return f"按年均增长率：{last_v:,.0f}（{last_d}）之后每年 {path.annual_rate * 100:+.0f}%"


def basis_label(basis: str) -> str:
    return {"actual": t("实际", "actual"), "projection": t("预测", "projection"),
            "none": t("无", "none")}.get(basis, basis)


def kind_label(kind: str) -> str:
    return {"target": t("力保", "target"), "aim": t("力争", "aim"),
            "expected": t("预期", "expected"), "binding": t("约束", "binding"),
            "goal": t("倍增", "goal")}.get(kind, kind)


def projection_tables(results: list[tuple[Projection, list[RegionRow] | None]]) -> Group:
    """One section per metric, a blank line between them."""
    parts: list[Any] = []
    for i, (p, regions) in enumerate(results):
        if i:
            parts.append(Text(""))
        parts.append(projection_table(p, regions))
    return Group(*parts)


def projection_table(p: Projection, regions: list[RegionRow] | None = None) -> Group:
    """The rich rendering: a heading, the period table, the targets, the verdict."""
    head = Text()
    name = p.metric_label_en if is_english() and p.metric_label_en else p.metric_label
    label = f"{name} ({p.metric})" if name else p.metric
    head.append(t(f"{p.region}：{label}", f"{p.region}: {label}"), style="bold")
    d = p.decimals
    latest = (f"{_fmt(p.latest[1], d)} {unit_word(p)} ({p.latest[0]})" if p.latest
              else t("无（尚无实际数）", "none (no counts recorded yet)"))
    as_of = p.as_of or dt.date.today()  # a date, not "today": the output is kept and passed on
    head.append(t(f"   截至 {as_of}；最新实际数 {latest}",
                  f"   as of {as_of}; latest actual {latest}"))
    method = Text(t(f"预测方法：{p.method} — {method_label(p.method)}\n"
                    f"  依据：{method_reason(p.method, p.reason)}\n  {method_rule()}",
                    f"method: {p.method} — {p.method_label}\n  why: {p.reason}\n"
                    f"  {method_rule()}"))
    legend = Text("\n".join(f"{name}: {path_label(path)}" for name, path
                             in zip(PATH_HEADERS(), p.paths, strict=False)))
    table = Table(show_edge=False, pad_edge=False)
    table.add_column(t("年份", "year") if p.frequency == "year" else t("日期", "date"))
    table.add_column(PATH_HEADERS()[0], justify="right")
    if len(p.paths) > 1:
        table.add_column(PATH_HEADERS()[1], justify="right")
    for name in (t("实际", "actual"), t("预测", "projection"), t("80% 区间", "80 % interval"),
                 t("与规划差距", "gap to plan")):
        table.add_column(name, justify="right")
    for r in p.rows:
        gap = None if r.expected is None or r.plan is None else r.expected - r.plan
        cells = [str(_when(p, r.date)), _fmt(r.plan, d)]
        if len(p.paths) > 1:
            cells.append(_fmt(r.plan_rate, d))
        # compact cells: the whole table fits an 80-column terminal
        interval = f"{_fmt(r.low, d)}–{_fmt(r.high, d)}" if r.low is not None else ""
        row_gap = "" if gap is None or (p.method == "plan" and r.actual is None) else \
            f"{gap:+,.{d}f}" + (f" ({gap / r.plan * 100:+.1f}%)" if r.plan else "")
        cells += [_fmt(r.actual, d), _fmt(r.projection, d), interval, row_gap]
        table.add_row(*cells)
    goals = Table(show_edge=False, pad_edge=False, title=t("目标", "targets"),
                  title_justify="left")
    for name, right in ((t("日期", "date"), False), (t("目标值", "target"), True),
                        (t("预计", "expected"), True), (t("差距", "gap"), True),
                        (t("评级", "rating"), False), (t("SDG 类别", "SDG category"), False)):
        goals.add_column(name, justify="right" if right else "left")
    for c in p.targets:
        goals.add_row(str(c.date), target_text(c, d) + (f" ({kind_label(c.kind)})" if c.kind
                                                        else ""),
                      expected_text(c, d) + (f" ({basis_label(c.basis)})"
                                             if c.expected is not None else ""),
                      gap_text(c, d),
                      rating_label(c.rating) + (indicative_mark() if c.indicative else ""),
                      cagr_label(c.cagr.category) if c.cagr else "")
    rules = Text("\n".join(
        f"  {c.date} {rating_label(c.rating)} — {rule_text(c, p.decimals)}"
        + "".join(f"\n    {x}" for x in (indicative_text(c), cagr_text(c)) if x)
        for c in p.targets))
    verdict = Text()
    levels = [c for c in p.targets if c.measure == "level"]
    if (p.required_annual_growth is not None and levels and p.start is not None
            and levels[-1].direction == "at_least"):  # a pace to reach, not to stay under
        final = levels[-1]
        start = _fmt(p.start[1], d)
        per_month = f"{p.net_new_per_month:,.{d + 2}f} {unit_word(p)}"
        verdict.append(t(
            f"所需年均增长：从 {start}（{p.start[0]}）到 {final.date} 达到 "
            f"{_fmt(final.value, d)}，每年 {_pct(p.required_annual_growth, 2)}；每月净增 "
            f"{per_month}\n",
            f"required growth: {_pct(p.required_annual_growth, 2)} a year from "
            f"{start} ({p.start[0]}) to reach {_fmt(final.value, d)} by {final.date}; net "
            f"new {per_month} a month\n"))
    verdict.append(t("评级：", "rating: "), style="bold")
    verdict.append(rating_label(p.rating), style="bold")
    if p.targets and p.targets[-1].indicative:
        verdict.append(indicative_mark(), style="bold")
    last_rule = rule_text(p.targets[-1], p.decimals) if p.targets else t("没有可评级的目标",
                                                             "no target to rate against")
    verdict.append(f" — {last_rule}\n  {t('等级', 'scale')}: {rating_scale()}")
    parts: list[Any] = [head, method, legend, table]
    if p.targets:
        parts += [goals, rules]
    parts.append(verdict)
    parts += [Text(n) for n in p.notes]
    parts += [Text(shift_text(e, p.decimals)) for e in p.shifts]
    parts += [Text(break_text(e, p.decimals)) for e in p.breaks]
    if regions:
        parts.append(region_table(p, regions))
    return Group(*parts)


def region_table(p: Projection, regions: list[RegionRow]) -> Table:
    table = Table(show_edge=False, pad_edge=False, title=t("分地区", "by region"),
                  title_justify="left")
    names = [t("地区", "region"), t("年份", "year") if p.frequency == "year" else t("日期", "date"),
             t("实际", "actual"), t("预测", "projection"), t("80% 区间", "80 % interval"),
             t("方法", "method")]
    own = any(r.target is not None for r in regions)  # regions with targets of their own
    if own:
        names += [t("地区目标", "region's target"), t("评级", "rating")]
    for k, name in enumerate(names):
        table.add_column(name, justify="right" if k in (2, 3, 6) else "left")
    d = p.decimals
    for r in regions:
        cells = [r.region, str(_when(p, r.date)), _fmt(r.actual, d), _fmt(r.projection, d),
                 f"{_fmt(r.low, d)} – {_fmt(r.high, d)}" if r.low is not None else "", r.method]
        if own:
            cells += [figure(r.target) if r.target is not None else "",
                      rating_label(r.rating) if r.rating else ""]
        table.add_row(*cells)
    return table


BACKTEST_COLUMNS = ["method", "horizon", "forecasts", "mape_pct", "mase", "rel_mae",
                    "coverage80", "note"]


def backtest_rows(scores: list[Score]) -> tuple[list[str], list[list[Any]]]:
    """One row per method and horizon (MASE: Hyndman & Koehler; rel_mae: vs naive)."""
    def r(v: float | None, k: int = 3) -> float | None:
        return None if v is None else round(v, k)

    return BACKTEST_COLUMNS, [[s.method, s.horizon, s.forecasts, r(s.mape), r(s.mase),
                               r(s.rel_mae), r(s.coverage), s.note] for s in scores]


def backtest_table(scores: list[Score]) -> Table:
    table = Table(show_edge=False, pad_edge=False, caption=t(
        "所有方法使用相同的预测起点和步长。MASE（Hyndman–Koehler）：误差 ÷ 样本内一步变动的平均"
        "绝对值；相对 MAE：误差 ÷ 朴素预测（保持不变）在同一批点上的误差，小于 1 即优于朴素预测；"
        "80% 覆盖率：实际数落在 80% 区间内的比例",
        "Every method on the same origins and horizons. MASE (Hyndman & Koehler): errors ÷ the "
        "in-sample mean absolute one-step change; rel. MAE: errors ÷ those of the naive "
        "forecast (no change) on the same points, below 1 beats naive; 80 % coverage: share "
        "of actuals inside the 80 % interval"))
    for k, name in enumerate((t("方法", "method"), t("步长", "horizon"),
                              t("预测次数", "forecasts"), "MAPE", "MASE",
                              t("相对 MAE", "rel. MAE"), t("80% 覆盖率", "80 % coverage"),
                              t("说明", "note"))):
        table.add_column(name, justify="right" if 1 <= k <= 6 else "left", overflow="fold")
    for s in scores:
        table.add_row(s.method, str(s.horizon), str(s.forecasts),
                      "" if s.mape is None else f"{s.mape:.2f} %",
                      "" if s.mase is None else f"{s.mase:.2f}",
                      "" if s.rel_mae is None else f"{s.rel_mae:.2f}",
                      "" if s.coverage is None else f"{s.coverage * 100:.0f} %",
                      backtest_note(s.note))
    return table
