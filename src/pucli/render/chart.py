"""The projection chart: both plan paths, actuals, the projection with its 80 % band and
the target markers — labelled in Chinese when a CJK font is found, else in English.

Made for slides and print: sizes by name (``slide`` 1920×1080, ``a4`` the text width of
an A4 page) or ``WxH`` pixels; PNG, SVG or PDF by the file's suffix. The band is drawn at
least ``MIN_BAND_PT`` points wide and its numbers are written at its end, so a narrow
interval is still seen and read. Ticks sit on the dates the axis label names (year ends,
or quarter ends for short spans); the legend sits below the plot, where it hides no data;
labels are moved apart until none overlaps another.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path as FilePath
from typing import Any

from pucli.compute.periods import month_ends
from pucli.compute.projection import Projection
from pucli.models.numbers import figure

LABELS = {
    "zh": {"title": "{region}{metric}：规划路径、实际与预测", "x": "年末", "x_quarter": "季末",
           "y": "{metric}（{unit}）", "plan": "规划路径一：逐个达到目标值",
           "rate": "规划路径二：{rate}年后年均增长{pct}",
           "actual": "实际", "projection": "预测（{method}）", "band": "80% 区间",
           "target": "目标"},
    "en": {"title": "{region} {metric}: plan path, actuals and projection",
           "x": "year end", "x_quarter": "quarter end", "y": "{metric} ({unit})",
           "plan": "plan (targets): {label}", "rate": "plan (rate): {label}",
           "actual": "actual", "projection": "projection ({method})",
           "band": "80 % interval", "target": "target"},
}

# name → (width px, height px, dpi). The dpi sets how large text is against the picture:
# a slide is seen from across a room, a4 is printed at 300 dpi 156 mm wide (the text
# width of a GB/T 9704 page).
SIZES = {"default": (990, 572, 110), "slide": (1920, 1080, 200), "a4": (1843, 1181, 300)}
SUFFIXES = (".png", ".svg", ".pdf")
MIN_BAND_PT = 8  # the band is drawn at least this wide (points), about 2½ mm
# labels on the plot: readable where they cross a line
LABEL_BOX = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85}
_WXH = re.compile(r"\s*(\d{2,5})\s*[x×X*]\s*(\d{2,5})\s*")


def chart_size(text: str | None) -> tuple[int, int, int]:
    """(width px, height px, dpi) for ``slide``, ``a4``, ``WxH`` or None (the default).

    Raises ValueError with what to write instead."""
    if text is None:
        return SIZES["default"]
    key = text.strip().lower()
    if key in SIZES:
        return SIZES[key]
    m = _WXH.fullmatch(key)
    if not m:
        raise ValueError(f"'{text}' is not a chart size; write slide, a4 or WIDTHxHEIGHT "
                         "in pixels, e.g. 1280x720")
    w, h = int(m[1]), int(m[2])
    if not (200 <= w <= 10000 and 150 <= h <= 10000):
        raise ValueError(f"'{text}': width 200–10000 and height 150–10000 pixels")
    return w, h, max(72, round(w / 10))  # about 10 inches wide: text keeps its proportion


def render_projection_chart(p: Projection, path: Any, font: str | None,
                            size: str | None = None) -> str:
    """Draw ``p`` to ``path`` (.png, .svg or .pdf, or a binary file object: PNG); returns
    the label language used: the current language (:mod:`pucli.i18n`), but English when
    there is no CJK font to draw Chinese with."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from pucli.i18n import language

    lang = language() if font else "en"
    text = LABELS[lang]
    width, height, dpi = chart_size(size)
    region = p.region if font or p.region.isascii() else "Region"
    rc = {"font.family": [font, "DejaVu Sans"], "axes.unicode_minus": False} if font else {}
    rc["font.size"] = 12 if width >= 1600 and dpi < 300 else 10
    rc["svg.fonttype"] = "path"  # glyphs as outlines: any viewer shows the Chinese
    rc["pdf.fonttype"] = 42
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(width / dpi, height / dpi), dpi=dpi,
                               layout="constrained")
        ax.margins(y=0.1)  # head room for the labels of the last targets
        labels = _draw(ax, p, text)
        metric = (p.metric_label or "市场主体总数") if lang == "zh" else \
            (p.metric_label_en or "market entities")
        ax.set_title(text["title"].format(region=region, metric=metric))
        unit = p.unit or ("户" if lang == "zh" else "entities")  # metrics[].unit
        ax.set_ylabel(text["y"].format(metric=metric, unit=unit))
        ax.grid(alpha=0.3)
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.{p.decimals}f}")  # 4.5 stays 4.5
        _date_axis(ax, p, text)
        _legend(fig, ax)
        fig.canvas.draw()
        fig.set_layout_engine("none")  # keep this layout: the labels are placed against it
        separate_labels(fig, labels)
        fig.savefig(path, format=_format(path), dpi=dpi)
        plt.close(fig)
    return lang


def _legend(fig, ax) -> None:
    """The legend below the plot, where it hides no data, in as many columns as fit."""
    handles, names = ax.get_legend_handles_labels()
    if not handles:
        return
    for ncols in (3, 2, 1):
        legend = fig.legend(handles, names, loc="outside lower center", fontsize="small",
                            ncols=ncols, frameon=False)
        fig.canvas.draw()
        if legend.get_window_extent().width <= fig.bbox.width * 0.98 or ncols == 1:
            return
        legend.remove()


def _format(path: Any) -> str:
    suffix = FilePath(str(path)).suffix.lower() if isinstance(path, (str, FilePath)) else ""
    return suffix[1:] if suffix in SUFFIXES else "png"


def _draw(ax, p: Projection, text: dict[str, str]) -> list:
    """Plot the series; returns the text labels placed on the plot."""
    labels = []
    if p.rows:
        start, end = p.rows[0].date, p.rows[-1].date
        dense = [start, *month_ends(start, end)]
        for i, (path_, style) in enumerate(zip(p.paths, ("-", "--"), strict=False)):
            key = "plan" if i == 0 else "rate"
            label = text[key].format(label=path_.label, rate=path_.knots[-1][0].year,
                                     pct=f"{(path_.annual_rate or 0) * 100:.0f}%")
            ax.plot(dense, [path_.value(d) for d in dense], style,
                    color="C0" if i == 0 else "C7", lw=1.6, label=label)
    known = list(p.observed) or [(r.date, r.actual) for r in p.rows if r.actual is not None]
    if p.latest and all(d != p.latest[0] for d, _ in known):
        known.append(p.latest)
    if known:
        ax.plot([d for d, _ in known], [v for _, v in known], "o", color="C3",
                label=text["actual"])
    proj = [r for r in p.rows if r.projection is not None]
    if proj and p.method != "plan":
        xs = ([p.latest[0]] if p.latest else []) + [r.date for r in proj]
        ys = ([p.latest[1]] if p.latest else []) + [r.projection for r in proj]
        ax.plot(xs, ys, "-", color="C1", lw=1.5,
                label=text["projection"].format(method=p.method))
        # a high beyond the domain of counts is left open (None): the band stops before it
        band = [r for r in proj if r.low is not None and r.high is not None]
        if band:
            labels.append(_band(ax, p, band, text["band"]))
    # level targets only: a growth target (a rate) has no place on the level axis
    levels = [t for t in p.targets if getattr(t, "measure", "level") == "level"]
    for i, t in enumerate(levels):
        ax.plot([t.date], [t.value], marker="*", ms=14, color="C2", ls="none",
                label=text["target"] if i == 0 else None)
        mark = {"at_most": "≤ ", "about": "≈ "}.get(getattr(t, "direction", ""), "")
        labels.append(ax.annotate(mark + figure(t.value), (t.date, t.value),
                                  textcoords="offset points", xytext=(-10, 9), ha="right",
                                  fontsize="small", bbox=LABEL_BOX, zorder=5))
    return labels


def _band(ax, p: Projection, band: list, name: str):
    """The 80 % band, at least MIN_BAND_PT points wide, with its numbers at its end."""
    bx = ([p.latest[0]] if p.latest else []) + [r.date for r in band]
    lo = ([p.latest[1]] if p.latest else []) + [r.low for r in band]
    hi = ([p.latest[1]] if p.latest else []) + [r.high for r in band]
    values = [v for v in lo + hi if v is not None]
    for path_ in p.paths:
        values += [v for _, v in path_.knots]
    span = (max(values) - min(values)) or 1.0
    # data units per pixel; the layout is not made yet: the plot takes at most 0.6 of the
    # picture's height once the title, axis labels and the legend below have their room
    y0, y1 = ax.get_ylim()
    fig = ax.figure
    per_px = max(y1 - y0, span) / (0.6 * fig.get_figheight() * fig.dpi)
    half = MIN_BAND_PT * fig.dpi / 72 * per_px / 2
    lo_drawn, hi_drawn = [], []
    for low, high in zip(lo, hi, strict=True):
        mid = (low + high) / 2
        lo_drawn.append(min(low, mid - half))
        hi_drawn.append(max(high, mid + half))
    ax.fill_between(bx, lo_drawn, hi_drawn, color="C1", alpha=0.3, lw=0, label=name)
    last = band[-1]
    d = p.decimals
    return ax.annotate(f"{name} {last.low:,.{d}f}–{last.high:,.{d}f}", (last.date, last.low),
                       textcoords="offset points", xytext=(-4, -8), ha="right", va="top",
                       fontsize="small", color="C1", bbox=LABEL_BOX, zorder=5)


def _date_axis(ax, p: Projection, text: dict[str, str]) -> None:
    """Ticks on the dates the axis label names: year ends, or quarter ends when short."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FixedLocator

    if not p.rows:
        ax.set_xlabel(text["x"])
        return
    start, end = p.rows[0].date, p.rows[-1].date
    years = end.year - start.year
    if years >= 3:
        step = 1 if years <= 12 else -(-years // 12)
        ticks = [dt.date(y, 12, 31) for y in range(start.year, end.year + 1, step)
                 if start <= dt.date(y, 12, 31) <= end]
        fmt, label = (lambda d: str(d.year)), text["x"]
    else:
        ticks = [d for d in month_ends(start, end) if d.month % 3 == 0]
        if start.month % 3 == 0 and start not in ticks:
            ticks.insert(0, start)
        fmt, label = (lambda d: f"{d.year}-{d.month:02d}"), text["x_quarter"]
    ax.xaxis.set_major_locator(FixedLocator([mdates.date2num(d) for d in ticks]))
    ax.xaxis.set_major_formatter(lambda v, _pos: fmt(mdates.num2date(v).date()))
    ax.set_xlabel(label)
    if len(ticks) > 8:
        for tick in ax.get_xticklabels():
            tick.set_rotation(30)
            tick.set_ha("right")


def _obstacles(ax):
    """Display points along every plotted line and marker (resampled every ~3 px)."""
    import numpy as np

    points = []
    for line in ax.get_lines():
        xy = ax.transData.transform(np.asarray(line.get_xydata(), dtype=float))
        xy = xy[np.isfinite(xy).all(axis=1)]
        if line.get_linestyle() in ("None", "none", "", " ") or len(xy) < 2:
            points.append(xy)
            continue
        for a, b in zip(xy[:-1], xy[1:], strict=True):
            n = int(np.hypot(*(b - a)) // 3) + 2
            points.append(a + (b - a) * np.linspace(0, 1, n)[:, None])
    return np.concatenate(points) if points else np.empty((0, 2))


def separate_labels(fig, labels: list) -> None:
    """Place each label (an offset annotation) near its point where it overlaps no label
    placed before it and covers no line or marker: as drawn, then on the other side of
    the point, then up or down a label's height at a time. Where no place is clear of the
    data, the clear-of-labels place covering the least of it."""
    if not labels:
        return
    renderer_ = fig.canvas.get_renderer()
    ax = labels[0].axes
    points = _obstacles(ax)
    frame = ax.get_window_extent(renderer_)
    flip = {"right": "left", "left": "right", "center": "center"}
    placed: list = []
    for ann in labels:
        dx, dy = ann.xyann
        ha = ann.get_horizontalalignment()
        # the label's own point is no obstacle: it is what the label names
        anchor = ax.transData.transform(ann.xy if not hasattr(ann.xy[0], "toordinal") else
                                        (ann.axes.xaxis.convert_units(ann.xy[0]), ann.xy[1]))
        near = ((points - anchor) ** 2).sum(axis=1) < (10 * fig.dpi / 72) ** 2
        others = points[~near]
        height_pt = ann.get_window_extent(renderer_).height * 72 / fig.dpi + 2
        best = None
        for k in range(9):
            shift = height_pt * ((k + 1) // 2) * (-1 if k % 2 else 1)  # 0, −h, +h, −2h …
            for x, align in ((dx, ha), (-dx, flip[ha])):
                ann.xyann = (x, dy + shift)
                ann.set_horizontalalignment(align)
                box = ann.get_window_extent(renderer_)
                if any(box.overlaps(b) for b in placed):
                    continue
                pad = 5 * fig.dpi / 72  # about half a marker: a label may not touch one
                covered = int(((others[:, 0] >= box.x0 - pad) & (others[:, 0] <= box.x1 + pad)
                               & (others[:, 1] >= box.y0 - pad)
                               & (others[:, 1] <= box.y1 + pad)).sum())
                outside = not (frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1))
                score = (outside, covered, k, align != ha)
                if best is None or score < best[0]:
                    best = (score, ann.xyann, align)
            if best is not None and best[0][:2] == (False, 0):
                break
        if best is not None:
            ann.xyann = best[1]
            ann.set_horizontalalignment(best[2])
            if best[0][2] >= 2 or best[0][3]:  # moved away: a leader line shows whose it is
                ann.arrow_patch = None
                ann.arrowprops = {"arrowstyle": "-", "lw": 0.6, "color": "0.45",
                                  "shrinkA": 0, "shrinkB": 4}
                ann._arrow_relpos = (0.5, 0.5)
                from matplotlib.patches import FancyArrowPatch

                ann.arrow_patch = FancyArrowPatch((0, 0), (1, 1), **ann.arrowprops)
        placed.append(_text_box(ann, renderer_))


def _text_box(ann, renderer_):
    """The box of a label's text alone (an annotation's own box takes in its leader)."""
    from matplotlib.text import Text

    return Text.get_window_extent(ann, renderer_)


def renderer(fig):
    """A renderer for ``fig``, also once it is closed (tests measure what was drawn)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def label_boxes(fig) -> list:
    """The window boxes of the plot's annotations (for tests: none may overlap)."""
    renderer_ = renderer(fig)
    return [_text_box(t, renderer_) for ax in fig.axes for t in ax.texts]


def chart_dates(p: Projection) -> list[dt.date]:
    """The dates the chart plots (its x data), for tests that check data, not pixels."""
    return [r.date for r in p.rows]
