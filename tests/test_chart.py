"""The projection chart: Chinese labels with a CJK font and no missing glyph, English
without one. Checked through its text and data, not pixels."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from pucli.compute.projection import project_counts
from pucli.loading.datadir import DataDir
from pucli.loading.dataset import open_targets
from pucli.models.observations import Series
from pucli.render import chart as chart_module
from pucli.render.fonts import find_cjk_font, packaged_font_file


@pytest.fixture
def projection(datadir):
    targets = open_targets(DataDir(datadir, "--data"))
    # synthetic actuals: end-2021 from the plan, then made-up figures
    s = Series((dt.date(2021, 12, 31), dt.date(2022, 6, 30), dt.date(2022, 12, 31)),
               (6472.0, 7100, 7800))
    return project_counts(targets, s)


def _render(projection, path, font):
    import matplotlib.pyplot as plt

    captured = []
    real_close = plt.close

    def keep(fig=None):
        captured.append(fig)
        return real_close(fig)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plt.close = keep
        try:
            lang = chart_module.render_projection_chart(projection, path, font)
        finally:
            plt.close = real_close
    glyphs = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    return lang, glyphs, captured[0]


def test_the_chart_draws_chinese_without_a_missing_glyph(projection, tmp_path):
    font = find_cjk_font()
    assert font is not None, "install the test extra: it ships a CJK font (mplfonts)"
    lang, glyphs, fig = _render(projection, tmp_path / "p.png", font)
    assert lang == "zh"
    assert glyphs == []
    ax = fig.axes[0]
    assert ax.get_title() == "蒲县市场主体总数：规划路径、实际与预测"
    labels = [t.get_text() for t in fig.legends[0].get_texts()]  # below the plot
    assert labels[:2] == ["规划路径一：逐个达到目标值", "规划路径二：2022年后年均增长15%"]
    assert (tmp_path / "p.png").stat().st_size > 10_000


def test_the_glyph_check_can_fail(projection, tmp_path, monkeypatch):
    # Chinese labels with the default font must trip the detector the first test relies on.
    monkeypatch.setattr(chart_module, "LABELS", {**chart_module.LABELS,
                                                 "en": chart_module.LABELS["zh"]})
    _, glyphs, _ = _render(projection, tmp_path / "boxes.png", None)
    assert glyphs


def test_without_a_cjk_font_labels_are_english(projection, tmp_path):
    lang, glyphs, fig = _render(projection, tmp_path / "p.svg", None)
    assert lang == "en" and glyphs == []
    assert fig.axes[0].get_title() == "Region market entities: plan path, actuals and projection"


def test_the_packaged_font_is_found_without_importing_its_package():
    import sys

    path = packaged_font_file()
    assert path is not None and path.name == "NotoSansCJKsc-Regular.otf"
    assert "mplfonts" not in sys.modules


def test_every_actual_is_plotted_not_only_year_ends(projection, tmp_path):
    """The table shows period ends; the chart shows all three (synthetic) actuals,
    the mid-year one included."""
    _, _, fig = _render(projection, tmp_path / "p.png", find_cjk_font())
    ax = fig.axes[0]
    actual = next(line for line in ax.get_lines() if line.get_label() == "实际")
    assert list(actual.get_ydata()) == [6472.0, 7100, 7800]


# --- slides and print: band, ticks, labels, legend, sizes, formats -----------------------

CLOSE_TARGETS = """  - date: 2025-10-31
    value: 10900
    kind: target  # SYNTHETIC: three targets a month apart, to crowd their labels
    source:
      quote: 合成测试目标
  - date: 2025-11-30
    value: 11000
    kind: target  # SYNTHETIC
    source:
      quote: 合成测试目标
  - date: 2025-12-31
"""

QUARTERS = (6472.0, 6690, 6905, 7120, 7350, 7560, 7790, 8010, 8240, 8470, 8700, 8950, 9190,
            9440)  # synthetic quarter ends 2021-12-31 … 2025-03-31 (the demo's)


def _quarter_series():
    from pucli.compute.periods import month_ends

    dates = [d for d in month_ends(dt.date(2021, 12, 31), dt.date(2025, 3, 31))
             if d.month % 3 == 0]
    return Series((dt.date(2021, 12, 31), *dates), QUARTERS)


@pytest.fixture
def crowded(datadir):
    text = (datadir / "targets.yaml").read_text(encoding="utf-8")
    (datadir / "targets.yaml").write_text(text.replace("  - date: 2025-12-31\n",
                                                       CLOSE_TARGETS, 1), encoding="utf-8")
    return project_counts(open_targets(DataDir(datadir, "--data")), _quarter_series(),
                          dt.date(2025, 4, 15))


def _overlaps(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]


def test_labels_of_close_targets_never_overlap(crowded, tmp_path, monkeypatch):
    font = find_cjk_font()
    _, glyphs, fig = _render(crowded, tmp_path / "c.png", font)
    assert glyphs == []
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert {"10,900", "11,000", "11,236"} <= set(texts)
    assert not _overlaps(chart_module.label_boxes(fig))
    # the check can fail: without the placement the labels collide
    monkeypatch.setattr(chart_module, "separate_labels", lambda fig, labels: None)
    _, _, fig = _render(crowded, tmp_path / "c2.png", font)
    assert _overlaps(chart_module.label_boxes(fig))


def test_the_band_is_visible_and_its_numbers_are_written(crowded, tmp_path):
    from matplotlib.collections import PolyCollection

    _, _, fig = _render(crowded, tmp_path / "b.png", find_cjk_font())
    ax = fig.axes[0]
    last = [r for r in crowded.rows if r.low is not None][-1]
    assert last.high - last.low < 100  # a narrow interval: the case of the issue
    assert f"80% 区间 {last.low:,.0f}–{last.high:,.0f}" in [t.get_text() for t in ax.texts]
    band = next(c for c in ax.collections if isinstance(c, PolyCollection))
    path = band.get_paths()[0]
    xy = ax.transData.transform(path.vertices)
    end_x = xy[:, 0].max()
    at_end = xy[abs(xy[:, 0] - end_x) < 0.5][:, 1]
    drawn_pt = (at_end.max() - at_end.min()) * 72 / fig.dpi
    assert drawn_pt >= chart_module.MIN_BAND_PT - 0.5


def test_ticks_sit_where_the_axis_label_says(crowded, tmp_path):
    import matplotlib.dates as mdates

    _, _, fig = _render(crowded, tmp_path / "t.png", find_cjk_font())
    ax = fig.axes[0]
    assert ax.get_xlabel() == "年末"
    ticks = [mdates.num2date(v).date() for v in ax.get_xticks()]
    assert ticks and all((d.month, d.day) == (12, 31) for d in ticks)
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(d.year) for d in ticks]
    # a plan of a year and a half ticks quarter ends (synthetic targets and counts)
    short_dir = tmp_path / "short"
    short_dir.mkdir()
    (short_dir / "targets.yaml").write_text(
        "region: 示例县\nbaseline: {date: 2025-12-31, value: 100}\n"
        "targets:\n  - {date: 2027-06-30, value: 140}\n", encoding="utf-8")
    short = project_counts(open_targets(DataDir(short_dir, "--data")),
                           Series((dt.date(2025, 12, 31), dt.date(2026, 3, 31)), (100.0, 104)),
                           dt.date(2026, 4, 15))
    _, _, fig = _render(short, tmp_path / "s.png", find_cjk_font())
    ax = fig.axes[0]
    assert ax.get_xlabel() == "季末"
    assert all(mdates.num2date(v).date().month % 3 == 0 for v in ax.get_xticks())


def test_the_legend_sits_outside_the_plot(crowded, tmp_path):
    _, _, fig = _render(crowded, tmp_path / "l.png", find_cjk_font())
    renderer = chart_module.renderer(fig)
    legend = fig.legends[0].get_window_extent(renderer)
    assert not legend.overlaps(fig.axes[0].get_window_extent(renderer))


def _png_size(path):
    import struct

    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.mark.parametrize("size, pixels", [("slide", (1920, 1080)), ("a4", (1843, 1181)),
                                          ("1280x720", (1280, 720)), (None, (990, 572))])
def test_chart_size(projection, tmp_path, size, pixels):
    path = tmp_path / "s.png"
    chart_module.render_projection_chart(projection, path, find_cjk_font(), size)
    assert _png_size(path) == pixels


@pytest.mark.parametrize("bad", ["12", "huge", "100x50", "0x0", "1920x"])
def test_a_bad_chart_size_is_a_usage_error(cli, datadir, tmp_path, bad):
    r = cli("project", "--chart", tmp_path / "c.png", "--chart-size", bad, "--data", datadir)
    assert r.code == 2 and "--chart-size" in r.err
    assert not (tmp_path / "c.png").exists()


def test_svg_and_pdf_by_suffix_with_chinese(cli, datadir, tmp_path):
    for name, magic in (("c.svg", b"<?xml"), ("c.pdf", b"%PDF")):
        r = cli("project", "--chart", tmp_path / name, "--chart-size", "a4", "--data", datadir)
        assert r.code == 0, r.err
        assert (tmp_path / name).read_bytes().startswith(magic)
    r = cli("project", "--chart", tmp_path / "c.jpg", "--data", datadir)
    assert r.code == 2 and ".pdf" in r.err


def test_pdf_chart_has_no_missing_glyph(projection, tmp_path):
    lang, glyphs, _ = _render(projection, tmp_path / "p.pdf", find_cjk_font())
    assert lang == "zh" and glyphs == []
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")


def test_an_open_high_ends_the_band_instead_of_the_chart(datadir, tmp_path):
    # found in review: year ends 6,472, 7,000, 7,600, 12,000 (synthetic) with a target in
    # 2035: the damped trend's 80 % high passes the domain of counts by then and is left
    # open (None); drawing the band raised TypeError (exit 70 in brief and project --chart)
    text = (datadir / "targets.yaml").read_text(encoding="utf-8")
    (datadir / "targets.yaml").write_text(text.replace(
        "  - date: 2025-12-31\n", "  - date: 2035-12-31\n    value: 30000\n"
        "  - date: 2025-12-31\n", 1), encoding="utf-8")
    s = Series(tuple(dt.date(y, 12, 31) for y in range(2021, 2025)),
               (6472.0, 7000, 7600, 12000))
    p = project_counts(open_targets(DataDir(datadir, "--data")), s)
    open_rows = [r for r in p.rows if r.low is not None and r.high is None]
    assert open_rows  # the case: some rows have a low and no high
    _, _, fig = _render(p, tmp_path / "open.png", find_cjk_font())
    bounded = [r for r in p.rows if r.low is not None and r.high is not None][-1]
    assert f"80% 区间 {bounded.low:,.0f}–{bounded.high:,.0f}" in [
        t.get_text() for t in fig.axes[0].texts]
