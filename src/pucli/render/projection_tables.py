"""``pucli project`` and ``pucli backtest`` as rows (csv/md), JSON and rich tables."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from pucli.compute.backtest import Score
from pucli.compute.projection import RATING_SCALE, Projection
from pucli.compute.regions import RegionRow


def _n(v: float | None) -> int | None:
    return None if v is None else int(round(v))


def _pct(v: float | None, digits: int = 1) -> str:
    return "" if v is None else f"{v * 100:.{digits}f} %"


def _key(p: Projection) -> str:
    return "date" if p.frequency == "month" else "year"


def _when(p: Projection, d) -> Any:
    return d.isoformat() if p.frequency == "month" or (d.month, d.day) != (12, 31) \
        else d.year


def projection_rows(p: Projection, regions: list[RegionRow] | None = None,
                    ) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows for csv/md/xlsx: one row per period (per region when given)."""
    columns = ["region", _key(p), "plan", "plan_rate", "actual", "projection", "low", "high",
               "gap", "gap_pct"]
    rows = []
    for r in p.rows:
        gap = None if r.expected is None or r.plan is None else r.expected - r.plan
        if p.method == "plan" and r.actual is None:
            gap = None  # the projection *is* the plan path: a gap of 0 would say nothing
        rows.append([p.region, _when(p, r.date), _n(r.plan), _n(r.plan_rate), _n(r.actual),
                     _n(r.projection), _n(r.low), _n(r.high), _n(gap),
                     None if gap is None else round(gap / r.plan, 4)])
    for r in regions or []:
        rows.append([r.region, _when(p, r.date), None, None, _n(r.actual), _n(r.projection),
                     _n(r.low), _n(r.high), None, None])
    return columns, rows


def projection_json(p: Projection, regions: list[RegionRow] | None = None) -> dict[str, Any]:
    """The JSON object of ``pucli project --format json``."""
    key = _key(p)
    return {
        "region": p.region,
        "metric": p.metric,
        "metric_label": p.metric_label,
        "as_of": p.as_of.isoformat() if p.as_of else None,
        "latest_actual": ({"date": p.latest[0].isoformat(), "value": _n(p.latest[1])}
                          if p.latest else None),
        "method": p.method,
        "method_label": p.method_label,
        "method_reason": p.reason,
        "plan_readings": {"plan": p.paths[0].label if p.paths else None,
                          "plan_rate": p.paths[1].label if len(p.paths) > 1 else None},
        "rows": [{key: _when(p, r.date), "plan": _n(r.plan), "plan_rate": _n(r.plan_rate),
                  "actual": _n(r.actual), "projection": _n(r.projection), "low": _n(r.low),
                  "high": _n(r.high)} for r in p.rows],
        "targets": [{"date": t.date.isoformat(), "value": _n(t.value), "kind": t.kind,
                     "expected": _n(t.expected), "basis": t.basis, "low": _n(t.low),
                     "high": _n(t.high), "gap": _n(t.gap),
                     "gap_pct": None if t.gap_pct is None else round(t.gap_pct, 4),
                     "rating": t.rating, "rule": t.rule} for t in p.targets],
        "required_annual_growth": None if p.required_annual_growth is None
        else round(p.required_annual_growth, 6),
        "net_new_per_month": None if p.net_new_per_month is None
        else round(p.net_new_per_month, 2),
        "rating": p.rating,
        "rating_rule": p.rating_rule,
        "rating_scale": RATING_SCALE,
        "notes": p.notes,
        **({"regions": [{"region": r.region, "date": r.date.isoformat(),
                         "actual": _n(r.actual), "projection": _n(r.projection),
                         "low": _n(r.low), "high": _n(r.high), "method": r.method}
                        for r in regions]} if regions else {}),
    }


def _fmt(v: float | None) -> str:
    return "" if v is None else f"{v:,.0f}"


def projection_table(p: Projection, regions: list[RegionRow] | None = None) -> Group:
    """The rich rendering: a heading, the period table, the targets, the verdict."""
    head = Text()
    label = f"{p.metric_label} ({p.metric})" if p.metric_label else p.metric
    head.append(f"{p.region}: {label}", style="bold")
    head.append(f"   as of {p.as_of or 'today'}; latest actual "
                + (f"{p.latest[1]:,.0f} ({p.latest[0]})" if p.latest else "none"))
    method = Text(f"method: {p.method} — {p.method_label}\n  why: {p.reason}")
    legend = Text("\n".join(f"{name}: {path.label}" for name, path
                             in zip(("plan", "plan_rate"), p.paths, strict=False)))
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("year" if p.frequency == "year" else "date")
    table.add_column("plan", justify="right")
    if len(p.paths) > 1:
        table.add_column("plan_rate", justify="right")
    for name in ("actual", "projection", "80 % interval", "gap to plan"):
        table.add_column(name, justify="right")
    for r in p.rows:
        gap = None if r.expected is None or r.plan is None else r.expected - r.plan
        cells = [str(_when(p, r.date)), _fmt(r.plan)]
        if len(p.paths) > 1:
            cells.append(_fmt(r.plan_rate))
        interval = f"{_fmt(r.low)} – {_fmt(r.high)}" if r.low is not None else ""
        gap_text = "" if gap is None or (p.method == "plan" and r.actual is None) else \
            f"{gap:+,.0f} ({gap / r.plan * 100:+.1f} %)"
        cells += [_fmt(r.actual), _fmt(r.projection), interval, gap_text]
        table.add_row(*cells)
    goals = Table(show_edge=False, pad_edge=False, title="targets", title_justify="left")
    for name in ("date", "target", "expected", "gap", "rating"):
        goals.add_column(name, justify="right" if name in ("target", "expected", "gap")
                         else "left")
    for t in p.targets:
        goals.add_row(str(t.date), _fmt(t.value) + (f" ({t.kind})" if t.kind else ""),
                      _fmt(t.expected) + (f" ({t.basis})" if t.expected is not None else ""),
                      "" if t.gap is None else f"{t.gap:+,.0f} ({t.gap_pct * 100:+.1f} %)",
                      t.rating)
    rules = Text("\n".join(f"  {t.date} {t.rating}: {t.rule}" for t in p.targets))
    verdict = Text()
    if p.required_annual_growth is not None and p.targets:
        final = p.targets[-1]
        verdict.append(f"required_annual_growth: {_pct(p.required_annual_growth, 2)} a year "
                       f"from {p.latest[1] if p.latest else 0:,.0f} to reach "
                       f"{final.value:,.0f} by {final.date}; net new "
                       f"{p.net_new_per_month:,.2f} entities a month\n")
    verdict.append("rating: ", style="bold")
    verdict.append(f"{p.rating}", style="bold")
    verdict.append(f" — {p.rating_rule}\n  scale: {RATING_SCALE}")
    parts: list[Any] = [head, method, legend, table]
    if p.targets:
        parts += [goals, rules]
    parts.append(verdict)
    parts += [Text(n) for n in p.notes]
    if regions:
        parts.append(region_table(p, regions))
    return Group(*parts)


def region_table(p: Projection, regions: list[RegionRow]) -> Table:
    table = Table(show_edge=False, pad_edge=False, title="by region", title_justify="left")
    for name in ("region", "year" if p.frequency == "year" else "date", "actual",
                 "projection", "80 % interval", "method"):
        table.add_column(name, justify="right" if name in ("actual", "projection") else "left")
    for r in regions:
        table.add_row(r.region, str(_when(p, r.date)), _fmt(r.actual), _fmt(r.projection),
                      f"{_fmt(r.low)} – {_fmt(r.high)}" if r.low is not None else "", r.method)
    return table


def backtest_rows(scores: list[Score]) -> tuple[list[str], list[list[Any]]]:
    columns = ["method", "forecasts", "mape_pct", "mase", "note"]
    return columns, [[s.method, s.forecasts, None if s.mape is None else round(s.mape, 3),
                      None if s.mase is None else round(s.mase, 3), s.note] for s in scores]


def backtest_table(scores: list[Score]) -> Table:
    table = Table(show_edge=False, pad_edge=False,
                  caption="MASE < 1: better than the naive forecast (no change)")
    for name in ("method", "forecasts", "MAPE", "MASE", "note"):
        table.add_column(name, justify="right" if name in ("forecasts", "MAPE", "MASE")
                         else "left")
    for s in scores:
        table.add_row(s.method, str(s.forecasts), "" if s.mape is None else f"{s.mape:.2f} %",
                      "" if s.mase is None else f"{s.mase:.2f}", s.note)
    return table
