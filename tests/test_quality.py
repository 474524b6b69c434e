"""compute.quality on SYNTHETIC series (tests/synthetic_quality.py), expectations by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pucli.compute.quality import _indicator, quality_periods, quality_summary
from pucli.loading.actuals import load_actuals
from pucli.models.quality import QualitySettings

from synthetic_quality import HEALTHY, PADDED, actuals_csv

TODAY = dt.date(2024, 6, 30)


def _actuals(tmp_path: Path, text: str):
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    actuals, problems = load_actuals(path, "actuals.csv", TODAY)
    assert not [p for p in problems if p.is_error]
    return actuals


def test_healthy_structure_and_vitality(tmp_path):
    s = quality_summary(_actuals(tmp_path, actuals_csv(HEALTHY)))
    assert s.latest == dt.date(2023, 12, 31)
    [share] = s.structure
    # enterprises 200 + 12·6 = 272 of 1,240 at end-2022; 272 + 12·8 = 368 of 1,516 at end-2023
    assert share.latest == pytest.approx(368 / 1516)
    assert share.previous == pytest.approx(272 / 1240)
    assert (share.direction, share.good) == ("up", True)
    assert share.reading_zh == "企业占比24.3%，比一年前上升2.3个百分点：结构在改善。"
    got = {i.key: (i.latest, i.previous, i.direction) for i in s.vitality}
    # 2023: new 360 + 12·3 = 396, cancelled 120; 2022: new 360, cancelled 120
    assert got["new"] == (396, 360, "up")  # +10 % > 5 %
    assert got["cancelled"] == (120, 120, "flat")
    assert got["net"] == (276, 240, "up")
    assert got["cancellation_rate"] == (pytest.approx(120 / 1240), pytest.approx(120 / 1000),
                                        "down")
    assert got["net_share"] == (pytest.approx(276 / 396), pytest.approx(240 / 360), "up")
    rate = next(i for i in s.vitality if i.key == "cancellation_rate")
    assert rate.good is True
    assert rate.window == (dt.date(2022, 12, 31), dt.date(2023, 12, 31))
    assert rate.reading_en == ("Cancellation rate 9.7% (cancellations ÷ count at the start), "
                               "down 2.3 points: survival is improving.")


def test_a_healthy_series_raises_no_flag(tmp_path):
    assert quality_summary(_actuals(tmp_path, actuals_csv(HEALTHY))).flags == []


def test_without_a_year_before_there_is_a_level_but_no_trend(tmp_path):
    s = quality_summary(_actuals(tmp_path, actuals_csv(PADDED)))
    net = next(i for i in s.vitality if i.key == "net")
    # 2022-07 … 2023-06: new 90 + 720 + 180 = 990; cancelled 28 + 30 + 450 + 30 = 538
    assert (net.latest, net.previous, net.direction) == (452, None, None)
    assert net.reading_zh == "近12个月净增：452；没有再早12个月的数据，看不出趋势。"


def test_as_of_replays_the_past(tmp_path):
    s = quality_summary(_actuals(tmp_path, actuals_csv(HEALTHY)), as_of=dt.date(2022, 12, 31))
    assert s.latest == dt.date(2022, 12, 31)
    assert next(i for i in s.vitality if i.key == "new").latest == 360


def test_no_kind_columns_no_structure(tmp_path):
    s = quality_summary(_actuals(tmp_path, "date,total\n2021-12-31,100\n2022-12-31,120\n"))
    assert s.structure[0].latest is None
    assert "enterprises 列" in s.structure[0].reading_zh
    assert all(i.latest is None for i in s.vitality)
    assert s.flags == []


def test_yearly_rows_give_vitality_from_one_row_each(tmp_path):
    s = quality_summary(_actuals(tmp_path, (
        "date,total,enterprises,new,cancelled\n2021-12-31,100,20,,\n"
        "2022-12-31,120,25,40,20\n2023-12-31,150,33,50,20\n")))
    got = {i.key: (i.latest, i.previous) for i in s.vitality}
    assert got["net"] == (30, 20)
    assert got["cancellation_rate"] == (pytest.approx(20 / 120), pytest.approx(20 / 100))
    assert s.structure[0].latest == pytest.approx(33 / 150)


def test_kinds_from_their_own_rows_and_regions_summed(tmp_path):
    actuals = _actuals(tmp_path, (
        "date,total,metric,region\n2022-12-31,100,,A\n2022-12-31,30,enterprises,A\n"
        "2022-12-31,50,,B\n2022-12-31,10,enterprises,B\n"))
    assert [p.enterprises for p in quality_periods(actuals, "A")] == [30]
    # the whole: the sum of A and B; enterprises only where both give them as columns
    [whole] = quality_periods(actuals)
    assert (whole.total, whole.enterprises) == (150, None)


def test_settings_change_the_reading(tmp_path):
    s = quality_summary(_actuals(tmp_path, actuals_csv(HEALTHY)),
                        settings=QualitySettings(flat_pct=0.2))
    assert next(i for i in s.vitality if i.key == "new").direction == "flat"  # +10 % < 20 %


# -- issue 12 item 4: survivors of mutation testing --------------------------------------------


def test_no_total_rows_give_a_note_and_no_latest(tmp_path, monkeypatch):
    monkeypatch.setenv("PUCLI_LANG", "en")
    actuals = _actuals(tmp_path, "date,total,metric\n2022-12-31,30,enterprises\n")
    s = quality_summary(actuals, as_of=dt.date(2023, 6, 30))
    assert (s.latest, s.as_of, s.periods) == (None, dt.date(2023, 6, 30), [])
    assert s.notes == ["no counts recorded yet: no total rows in actuals.csv"]
    s = quality_summary(actuals, region="A")
    assert s.notes == ["no counts recorded yet: no total rows in actuals.csv for region A"]


def test_regions_are_summed_column_by_column_where_all_report(tmp_path):
    actuals = _actuals(tmp_path, (
        "date,total,enterprises,individual_businesses,cooperatives,new,cancelled,region\n"
        "2021-12-31,90,20,65,5,,,A\n"
        "2022-12-31,100,22,72,6,20,10,A\n"
        "2022-12-31,50,10,38,2,8,3,B\n"))
    # B reports only 2022: the whole is 2022 alone, every column A + B
    [whole] = quality_periods(actuals)
    assert (whole.date, whole.total, whole.enterprises, whole.individual_businesses,
            whole.cooperatives, whole.new, whole.cancelled) == (
        dt.date(2022, 12, 31), 150, 32, 110, 8, 28, 13)


S = QualitySettings()  # flat within 0.5 points (shares) or 5 % (counts)


def test_readings_at_the_flat_edges():
    # a count 5 % above a year earlier (105 against 100) is still flat; 6 % is up
    assert _indicator("new", "count", 105, 100, None, S).direction == "flat"
    assert _indicator("new", "count", 106, 100, None, S).direction == "up"
    # from zero: flat only if still zero
    assert _indicator("net", "count", 0, 0, None, S).direction == "flat"
    assert _indicator("net", "count", 3, 0, None, S).direction == "up"
    # a share 0.496 points up is flat (under 0.5)
    assert _indicator("cancellation_rate", "share", 0.25496, 0.25, None, S).direction == "flat"


def test_a_flat_enterprise_share_is_not_good():
    # 30.4 % against 30.0 %: +0.4 points, flat; the plan wants the share to rise, so it is
    # read as not improving (good False), with the signed change
    i = _indicator("enterprise_share", "share", 0.304, 0.300, None, S)
    assert (i.direction, i.good) == ("flat", False)
    assert "(+0.4 points)" in i.reading_en
    rate = _indicator("cancellation_rate", "share", 0.097, 0.1, None, S)
    assert (rate.direction, rate.good) == ("flat", None)
    assert "-0.3" in rate.reading_en
