"""`project_counts`: plan readings, required growth, ratings, replay and regions.

Series other than the shipped end-2021 figure are synthetic."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pandas.testing as pdt
import pytest

from pucli.compute.periods import month_end
from pucli.compute.plan_paths import plan_paths
from pucli.compute.projection import choose_method, project_counts
from pucli.compute.regions import SUM, project_regions
from pucli.loading.datadir import DataDir
from pucli.loading.dataset import open_targets
from pucli.loading.schema import validate
from pucli.models.observations import Actual, Actuals, Series
from pucli.models.targets import Targets


def D(y: int, m: int = 12, d: int = 31) -> dt.date:
    return dt.date(y, m, d)


@pytest.fixture
def pu(datadir) -> Targets:
    return open_targets(DataDir(datadir, "--data"))


@pytest.fixture
def simple() -> Targets:
    return validate(Targets, {"region": "Testland",
                                   "baseline": {"date": D(2021), "value": 100},
                                   "targets": [{"date": D(2025), "value": 200}]})


def test_both_plan_readings(pu):
    by_targets, by_rate = plan_paths(pu)
    assert by_targets.value(D(2022)) == pytest.approx(7961)
    assert by_targets.value(D(2023)) == pytest.approx(7961 * (11236 / 7961) ** (1 / 3))
    assert by_targets.value(D(2025)) == pytest.approx(11236)
    assert by_rate.value(D(2022)) == pytest.approx(7961)
    assert by_rate.value(D(2025)) == pytest.approx(7961 * 1.15 ** 3)  # 12,108
    assert by_targets.label == "targets: +23 % to 7,961, then on to 11,236"
    assert by_rate.label == "+15 % a year from 7,961 (2022-12-31)"


def test_one_point_projects_the_plan_path_and_says_so(pu):
    p = project_counts(pu, Series((D(2021),), (6472.0,)))
    assert p.method == "plan"
    assert "no trend" in p.reason and "only be the plan path" in p.reason
    frame = pd.DataFrame([(r.date.year, r.actual, r.projection) for r in p.rows],
                         columns=["year", "actual", "projection"])
    expected = pd.DataFrame({"year": [2021, 2022, 2023, 2024, 2025],
                             "actual": [6472.0, None, None, None, None],
                             "projection": [None, 7961, 8929.949292, 10016.831348, 11236]})
    pdt.assert_frame_equal(frame, expected, check_dtype=False)
    assert p.required_annual_growth == pytest.approx((11236 / 6472) ** 0.25 - 1)  # 14.79 %
    assert p.net_new_per_month == pytest.approx((11236 - 6472) / 48)  # 99.25
    assert p.rating == "not rated"


def test_on_track_and_off_track_by_the_interval(simple):
    fast = project_counts(simple, Series((D(2021), D(2022), D(2023)), (100.0, 120, 144)),
                          method="log-linear")
    assert fast.method == "log-linear"
    assert fast.rows[-1].projection == pytest.approx(207.36)
    assert fast.rating == "on track"
    assert fast.rating_rule == "80 % low 207 ≥ target 200"
    slow = project_counts(simple, Series((D(2021), D(2022), D(2023)), (100.0, 110, 121)),
                          method="log-linear")
    assert slow.rating == "off track"
    assert slow.rating_rule == "80 % high 146 < target 200"
    assert slow.targets[0].gap == pytest.approx(146.41 - 200)
    assert slow.required_annual_growth == pytest.approx((200 / 121) ** 0.5 - 1)


def test_two_points_rate_without_an_interval(simple):
    p = project_counts(simple, Series((D(2021), D(2022)), (100.0, 118)),
                       method="constant-growth")
    assert p.method == "constant-growth"
    assert p.rows[-1].projection == pytest.approx(100 * 1.18 ** 4)  # 193.9
    assert p.rating == "at risk"
    assert p.rating_rule.startswith("no interval (two actuals)")


def test_as_of_replays_only_the_actuals_known_then(simple):
    s = Series((D(2021), D(2022), D(2023), D(2024)), (100.0, 120, 144, 150))
    p = project_counts(simple, s, as_of=D(2023, 6, 30))
    assert p.latest == (D(2022), 120.0)
    assert p.method == "blend"
    assert [r.actual for r in p.rows] == [100, 120, None, None, None]


def test_a_passed_target_date_is_rated_by_the_actual(simple):
    s = Series((D(2021), D(2023), D(2025), D(2026)), (100.0, 130, 190, 210))
    p = project_counts(simple, s)
    assert p.targets[0].basis == "actual"
    assert (p.rating, p.rating_rule) == ("off track",
                                         "target date passed: actual 190 < target 200")


def test_method_choice_says_why():
    months = tuple(dt.date(2022 + (m // 12), m % 12 + 1, 28) for m in range(3))
    assert choose_method(Series(months, (1.0, 2, 3)))[0] == "blend"
    quarters = tuple(D(2020 + k // 4, 3 * (k % 4) + 3, 30 if k % 4 in (1, 2) else 31)
                     for k in range(8))
    method, why = choose_method(Series(quarters, tuple(range(1, 9))))
    assert method == "blend" and "8 actuals" in why and "benchmark" in why
    ends = tuple(month_end(2020 + m // 12, m % 12 + 1) for m in range(25))
    assert choose_method(Series(ends, tuple(100.0 + k for k in range(25))))[0] == "seasonal"


def test_national_scale_numbers(simple):
    nation = validate(Targets, {"region": "全国", "baseline": {"date": D(2021),
                                     "value": 154_000_000}, "targets": [
                                     {"date": D(2025), "value": 200_000_000}]})
    p = project_counts(nation, Series((D(2021), D(2022), D(2023)),
                                      (154_000_000.0, 169_000_000, 184_000_000)))
    assert 200e6 < p.rows[-1].projection < 230e6
    assert p.net_new_per_month == pytest.approx((200e6 - 184e6) / 24)


def test_regions_are_projected_and_summed(simple):
    rows = [Actual(D(2021), 60, region="A"), Actual(D(2022), 66, region="A"),
            Actual(D(2021), 40, region="B"), Actual(D(2022), 48, region="B")]
    projections, table = project_regions(simple, Actuals(rows), method="constant-growth")
    assert [p.method for p in projections] == ["constant-growth", "constant-growth"]
    at_2025 = {r.region: r.projection for r in table if r.date == D(2025)}
    assert at_2025["A"] == pytest.approx(60 * 1.1 ** 4)
    assert at_2025["B"] == pytest.approx(40 * 1.2 ** 4)
    assert at_2025[SUM] == pytest.approx(60 * 1.1 ** 4 + 40 * 1.2 ** 4)
    sums = {r.date: r.actual for r in table if r.region == SUM}
    assert sums[D(2022)] == 114
