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
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
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
