"""The projection chart: both plan paths, actuals, the projection with its 80 % band and
the target markers — labelled in Chinese when a CJK font is found, else in English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path as FilePath

from pucli.compute.periods import month_ends
from pucli.compute.projection import Projection

LABELS = {
    "zh": {"title": "{region}{metric}：规划路径、实际与预测", "x": "年末",
           "y": "{metric}（{unit}）", "plan": "规划路径一：逐个达到目标值",
           "rate": "规划路径二：{rate}年后年均增长{pct}",
           "actual": "实际", "projection": "预测（{method}）", "band": "80% 区间",
           "target": "目标"},
    "en": {"title": "{region} {metric}: plan path, actuals and projection",
           "x": "year end", "y": "{metric} ({unit})", "plan": "plan (targets): {label}",
           "rate": "plan (rate): {label}", "actual": "actual",
           "projection": "projection ({method})", "band": "80 % interval", "target": "target"},
}


def render_projection_chart(p: Projection, path: FilePath, font: str | None) -> str:
    """Draw ``p`` to ``path`` (.png or .svg, or a binary file object: PNG); returns the
    label language used: the current language (:mod:`pucli.i18n`), but English when there
    is no CJK font to draw Chinese with."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from pucli.i18n import language
    from pucli.models.numbers import figure

    lang = language() if font else "en"
    text = LABELS[lang]
    region = p.region if font or p.region.isascii() else "Region"
    rc = {"font.family": [font, "DejaVu Sans"], "axes.unicode_minus": False} if font else {}
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(9, 5.2), dpi=110)
        if p.rows:
            start, end = p.rows[0].date, p.rows[-1].date
            dense = [start, *month_ends(start, end)]
            for i, (path_, style) in enumerate(zip(p.paths, ("-", "--"), strict=False)):
                key = "plan" if i == 0 else "rate"
                label = text[key].format(label=path_.label, rate=path_.knots[-1][0].year,
                                         pct=f"{(path_.annual_rate or 0) * 100:.0f}%")
                ax.plot(dense, [path_.value(d) for d in dense], style, color="C0" if i == 0
                        else "C7", lw=1.6, label=label)
        known = list(p.observed) or [(r.date, r.actual) for r in p.rows
                                     if r.actual is not None]
        if p.latest and all(d != p.latest[0] for d, _ in known):
            known.append(p.latest)
        if known:
            ax.plot([d for d, _ in known], [v for _, v in known], "o", color="C3",
                    label=text["actual"])
        proj = [r for r in p.rows if r.projection is not None]
        if proj and p.method != "plan":
            xs = ([p.latest[0]] if p.latest else []) + [r.date for r in proj]
            ys = ([p.latest[1]] if p.latest else []) + [r.projection for r in proj]
            ax.plot(xs, ys, "-", color="C1", lw=2,
                    label=text["projection"].format(method=p.method))
            band = [r for r in proj if r.low is not None]
            if band:
                bx = ([p.latest[0]] if p.latest else []) + [r.date for r in band]
                lo = ([p.latest[1]] if p.latest else []) + [r.low for r in band]
                hi = ([p.latest[1]] if p.latest else []) + [r.high for r in band]
                ax.fill_between(bx, lo, hi, color="C1", alpha=0.2, label=text["band"])
        # level targets only: a growth target (a rate) has no place on the level axis
        levels = [t for t in p.targets if getattr(t, "measure", "level") == "level"]
        for i, t in enumerate(levels):
            ax.plot([t.date], [t.value], marker="*", ms=14, color="C2", ls="none",
                    label=text["target"] if i == 0 else None)
            mark = {"at_most": "≤ ", "about": "≈ "}.get(getattr(t, "direction", ""), "")
            ax.annotate(mark + figure(t.value), (t.date, t.value), textcoords="offset points",
                        xytext=(-10, 9), ha="right", fontsize=9)
        metric = (p.metric_label or "市场主体总数") if lang == "zh" else \
            (p.metric_label_en or "market entities")
        ax.set_title(text["title"].format(region=region, metric=metric))
        ax.set_xlabel(text["x"])
        unit = p.unit or ("户" if lang == "zh" else "entities")  # metrics[].unit
        ax.set_ylabel(text["y"].format(metric=metric, unit=unit))
        ax.grid(alpha=0.3)
        if ax.get_legend_handles_labels()[0]:  # a day-one chart may have nothing to label
            ax.legend(fontsize=8, loc="upper left")
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.{p.decimals}f}")  # 4.5 stays 4.5
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(path, format="svg" if str(path).lower().endswith(".svg") else "png")
        plt.close(fig)
    return lang


def chart_dates(p: Projection) -> list[dt.date]:
    """The dates the chart plots (its x data), for tests that check data, not pixels."""
    return [r.date for r in p.rows]
