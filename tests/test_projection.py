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
from pucli.problems import DataError


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
    assert method == "damped-trend" and "8 actuals every 3 months" in why
    assert "benchmark" in why
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


# -- issue 12 item 4: mutation-testing survivors ----------------------------------------------

def test_no_actuals_project_the_plan_path_from_the_baseline(simple):
    p = project_counts(simple, Series((), ()))
    assert p.method == "plan" and p.latest is None and p.start == (D(2021), 100)
    # the plan path doubles 100 in four years: 2^(1/4) a year
    assert p.rows[-1].projection == pytest.approx(200)
    # rows at the year ends after the baseline (the baseline is no actual: no row of its own)
    assert [r.date for r in p.rows] == [D(2022), D(2023), D(2024), D(2025)]
    assert p.rows[0].projection == pytest.approx(100 * 2 ** 0.25)  # 118.92 at end-2022
    assert p.required_annual_growth == pytest.approx(2 ** 0.25 - 1)  # 18.92 %
    assert p.net_new_per_month == pytest.approx(100 / 48)
    assert p.rating == "not rated"
    assert p.rating_rule == "no actuals: a rating needs a projection (at least two actuals)"
    assert len(p.notes) == 1 and "100" in p.notes[0] and "2021-12-31" in p.notes[0]


def test_month_end_actuals_give_monthly_rows():
    plan = validate(Targets, {"region": "Testland", "baseline": {"date": D(2024), "value": 100},
                              "targets": [{"date": D(2025), "value": 130}]})
    ends = (D(2024), D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 31))
    p = project_counts(plan, Series(ends, (100.0, 102, 104, 106)), method="drift")
    assert p.frequency == "month"
    assert [r.date for r in p.rows][:5] == [*ends, D(2025, 4, 30)]
    assert len(p.rows) == 13  # 2024-12 … 2025-12
    # drift: +2 a month, so 106 + 9 × 2 = 124 at end-2025
    assert p.rows[4].projection == pytest.approx(108)
    assert p.rows[-1].projection == pytest.approx(124)
    two = project_counts(plan, Series(ends[:2], (100.0, 102)), method="drift")
    assert two.frequency == "month"
    every_other = project_counts(plan, Series((D(2024), D(2025, 2, 28)), (100.0, 104)))
    assert every_other.frequency == "year"


def test_a_passed_target_between_two_actuals_is_read_by_constant_growth(simple):
    # 160 at end-2023, 250 at end-2027: halfway (end-2025) 160·(250/160)^0.5 = √40000 = 200,
    # exactly the target: reached, so on track
    s = Series((D(2021), D(2023), D(2027)), (100.0, 160, 250))
    (check,) = project_counts(simple, s).targets
    assert (check.basis, check.expected) == ("actual", pytest.approx(200))
    assert (check.rating, check.rule) == ("on track",
                                          "target date passed: actual 200 ≥ target 200")


def test_an_actual_on_the_target_date_rates_it(simple):
    s = Series((D(2023), D(2024), D(2025)), (150.0, 170, 190))
    (check,) = project_counts(simple, s).targets
    assert (check.basis, check.expected, check.rating) == ("actual", 190, "off track")
    assert p_required(simple, s) is None


def p_required(targets, s):
    p = project_counts(targets, s)
    assert p.net_new_per_month is None  # no months left to the target
    return p.required_annual_growth


def test_a_projection_exactly_at_the_target_reaches_it(simple):
    # drift, count scale: 140 → 170 in a year is +2.5 a month (exact in binary), so end-2025
    # is 170 + 30 = 200.0, the target. Two actuals: no interval, "probable".
    two = project_counts(simple, Series((D(2023), D(2024)), (140.0, 170)), method="drift")
    assert (two.targets[0].expected, two.rating) == (200, "probable")
    # three actuals, +30 every year: no scatter, so the 80 % low is 200 as well: on track
    three = project_counts(simple, Series((D(2022), D(2023), D(2024)), (110.0, 140, 170)),
                           method="drift")
    assert (three.targets[0].low, three.rating) == (200, "on track")
    # 100, 150, 160: μ = 60/24 = 2.5 a month, end-2025 = 190; a target of 190 is reached
    # by the projection but not by the 80 % low
    plan = validate(Targets, {"region": "Testland", "baseline": {"date": D(2021), "value": 100},
                              "targets": [{"date": D(2025), "value": 190}]})
    p = project_counts(plan, Series((D(2022), D(2023), D(2024)), (100.0, 150, 160)),
                       method="drift")
    assert (p.targets[0].expected, p.rating) == (190, "probable")


def test_required_growth_from_a_latest_count_of_one(simple):
    # 1 at end-2024, 200 a year later: × 200, so 19 900 % a year
    p = project_counts(simple, Series((D(2023), D(2024)), (1.0, 1.0)), method="drift")
    assert p.required_annual_growth == pytest.approx(199)
    assert p.net_new_per_month == pytest.approx(199 / 12)


def test_the_disagreement_quotes_the_projected_pace(simple):
    # base 100 (2021) → 140 (2024): 11.9 % a year against the 10.7 % required for 150 in
    # 2025, so the CAGR ratio says on track; drift (+5 a year, no scatter) reaches 145 < 150,
    # off track. The projection's pace: 140 → 145 in one year = 3.57 % a year
    plan = validate(Targets, {"region": "Testland", "baseline": {"date": D(2021), "value": 100},
                              "targets": [{"date": D(2025), "value": 150}]})
    p = project_counts(plan, Series((D(2022), D(2023), D(2024)), (130.0, 135, 140)),
                       method="drift")
    (check,) = p.targets
    assert (check.rating, check.cagr.category) == ("off track", "on track")
    assert ("the projection's pace from the latest actual to the target date is 3.57 % a year"
            in check.cagr_note)


SHIFTED = (1000.0, 1100, 1210, 1331, 1131, 1244, 1369)  # −15 % at end-2020


def test_a_level_shift_is_measured_at_the_horizon():
    s = Series(tuple(D(2016 + k) for k in range(7)), SHIFTED)
    plan = validate(Targets, {"region": "Testland", "baseline": {"date": D(2016), "value": 1000},
                              "targets": [{"date": D(2025), "value": 2000}]})
    p = project_counts(plan, s)
    (effect,) = p.shifts
    assert effect.horizon == D(2025)
    assert effect.projected == pytest.approx(p.rows[-1].projection)  # the point, not a bound
    assert f"{p.rows[-1].projection:,.0f} at 2025-12-31" in effect.text()


def test_a_level_shift_with_no_future_to_project_asks_to_check_it():
    # the plan's horizon is the latest actual: nothing to project, so no effect to show
    s = Series(tuple(D(2016 + k) for k in range(7)), SHIFTED)
    plan = validate(Targets, {"region": "Testland", "baseline": {"date": D(2016), "value": 1000},
                              "targets": [{"date": D(2022), "value": 2000}]})
    (effect,) = project_counts(plan, s).shifts
    assert (effect.horizon, effect.projected, effect.if_one_off) == (D(2022), None, None)
    assert effect.text().endswith("; check whether it is real (a register clean-up, a new "
                                  "boundary)")


def _plan(baseline: float, *targets: tuple[dt.date, float], rates=()) -> Targets:
    return validate(Targets, {"region": "Testland",
                              "baseline": {"date": D(2021), "value": baseline},
                              "targets": [{"date": d, "value": v} for d, v in targets],
                              "rates": list(rates)})


RATE = {"name": "年均增长率", "value": 0.15, "start": D(2021, 1, 1), "end": D(2025)}


def test_the_rate_reading_compounds_from_the_last_point_before_the_final_target():
    # a rate for another metric first: skipped, the total's rate still read
    other = {**RATE, "name": "企业", "value": 0.3, "metric": "enterprises"}
    plan = _plan(100, (D(2022), 123), (D(2023), 140), (D(2025), 200), rates=[other, RATE])
    targets_path, rate_path = plan_paths(plan)
    assert targets_path.label == "targets: +23 % to 123, then on to 200"
    assert (rate_path.name, rate_path.label) == ("rate", "+15 % a year from 140 (2023-12-31)")
    assert rate_path.value(D(2025)) == pytest.approx(140 * 1.15 ** 2)  # 185.15
    # the targets reading ends at the final target: nothing after it
    assert targets_path.value(D(2025)) == pytest.approx(200)
    assert targets_path.value(D(2026)) is None and targets_path.value(D(2026, 1, 15)) is None
    # nor before the baseline, even by half a month
    assert targets_path.value(D(2020)) is None and targets_path.value(D(2021, 12, 15)) is None
    # half a month after a knot: the next segment, 140 → 200 in 24 months
    assert targets_path.value(D(2024, 1, 15)) == pytest.approx(
        140 * (200 / 140) ** ((15 / 31) / 24))


def test_a_path_from_zero_is_a_straight_line_and_from_one_a_growth_path():
    (from_zero,) = plan_paths(_plan(0, (D(2025), 120)))
    assert from_zero.label == "targets: from zero to 120"
    assert from_zero.value(D(2023)) == pytest.approx(60)  # halfway of 0 → 120
    (from_one,) = plan_paths(_plan(1, (D(2025), 16)))
    assert from_one.value(D(2023)) == pytest.approx(4)  # 1 × 16^(1/2), not 8.5
    (to_one,) = plan_paths(_plan(16, (D(2025), 1)))
    assert to_one.value(D(2023)) == pytest.approx(4)  # 16 × (1/16)^(1/2)


def test_the_first_growth_is_shown_to_one_decimal_only_when_it_has_one():
    assert plan_paths(_plan(100, (D(2025), 160)))[0].label == "targets: +60 % to 160"
    assert plan_paths(_plan(100, (D(2025), 112.2)))[0].label == "targets: +12.2 % to 112"


def test_a_regions_own_target_rates_it_and_the_whole_plan_does_not():
    plan = validate(Targets, {"region": "Testland", "baseline": {"date": D(2021), "value": 100},
                              "targets": [{"date": D(2025), "value": 200},
                                          {"date": D(2025), "value": 90, "region": "A"}]})
    rows = [Actual(D(2021), 60, region="A"), Actual(D(2022), 66, region="A"),
            Actual(D(2021), 40, region="B"), Actual(D(2022), 48, region="B"),
            Actual(D(2022), 10, region="C")]
    projections, table = project_regions(plan, Actuals(rows))
    a = next(p for p in projections if p.region == "A")
    # the default for two actuals, blend: the mean of 66 + 3 × 6 = 84 (net increase) and
    # 66 × 1.1³ = 87.85 (growth) is 85.92 < 90, with no interval: at risk
    assert [(c.value, c.rating) for c in a.targets] == [(90, "at risk")]
    assert a.paths == []  # no baseline of A's own: no plan path
    at_2025 = {r.region: r for r in table if r.date == D(2025)}
    assert (at_2025["A"].target, at_2025["A"].rating) == (90, "at risk")
    assert at_2025["A"].projection == pytest.approx((84 + 66 * 1.1 ** 3) / 2)
    assert (at_2025["B"].target, at_2025["B"].rating) == (None, None)
    assert at_2025["C"].projection is None  # one actual: no trend, and no plan of its own
    assert SUM not in at_2025  # C has no value to add up
    # 2021: C has no row (no sum), 2022: every region's actual, 66 + 48 + 10
    assert {r.date: r.actual for r in table if r.region == SUM} == {D(2022): 124}


def test_the_sum_adds_the_lows_and_the_highs():
    # drift, year ends 2021–2023. A: 60, 66, 70: μ = 10/24 a month, σ² = (1² + 1²)/12;
    # B: 40, 48, 52: μ = 12/24, σ² = (2² + 2²)/12. At end-2025 (h = 24, T = 24):
    # var = σ²(24 + 24) → A 8, B 32; points 80 and 64; q = t90(1) = 3.078
    rows = [Actual(D(2021 + k), v, region=r) for r, vs in (("A", (60, 66, 70)),
                                                             ("B", (40, 48, 52)))
            for k, v in enumerate(vs)]
    plan = validate(Targets, {"region": "Testland", "baseline": {"date": D(2020), "value": 90},
                              "targets": [{"date": D(2025), "value": 200}]})
    _, table = project_regions(plan, Actuals(rows), method="drift")
    total = {r.date: r for r in table if r.region == SUM}
    half_a, half_b = 3.078 * 8 ** 0.5, 3.078 * 32 ** 0.5
    assert (total[D(2025)].projection, total[D(2025)].method) == (pytest.approx(144), "sum")
    assert total[D(2025)].low == pytest.approx(144 - half_a - half_b)  # 117.88
    assert total[D(2025)].high == pytest.approx(144 + half_a + half_b)  # 170.12
    assert (total[D(2023)].actual, total[D(2023)].low, total[D(2023)].high) == (122, None, None)


def test_a_trend_past_the_largest_count_is_refused(simple):
    # 1 → 1,000,000 in a year: × 10⁶ a year passes 10¹⁵ − 1 well before end-2025
    with pytest.raises(DataError) as caught:
        project_counts(simple, Series((D(2021), D(2022)), (1.0, 1e6)),
                       method="constant-growth")
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("projection-out-of-range", "actuals.csv")
    assert problem.message == ("the constant-growth trend of the actuals passes "
                               "999,999,999,999,999 before 2025-12-31")


def test_an_interval_high_past_the_largest_count_is_dropped(simple):
    # log-linear on 10¹³, 10¹⁴, 10¹³ a year apart: b = 0, level 10¹³ · 10^(1/3) = 2.15e13;
    # s² = (1 + 4 + 1)/9 · ln²10 = 3.53, se at end-2025 (t − t̄ = 36 months, Sxx = 288)
    # = √(3.53 · (1 + 1/3 + 36²/288)) = 4.54: the high, × e^(3.078 · 4.54) ≈ × 10⁶, passes
    # 10¹⁵ − 1 and is dropped; the point and the low stay
    s = Series((D(2021), D(2022), D(2023)), (1e13, 1e14, 1e13))
    last = project_counts(simple, s, method="log-linear").rows[-1]
    assert last.date == D(2025)
    assert last.projection == pytest.approx(1e13 * 10 ** (1 / 3))
    assert last.high is None and last.low is not None and last.low < last.projection


def test_a_metric_without_a_target_is_projected_to_the_plans_horizon(simple):
    # enterprises: a built-in metric the plan sets no target for
    s = Series((D(2022), D(2023)), (40.0, 44))
    p = project_counts(simple, s, metric="enterprises")
    assert (p.metric, p.metric_label, p.metric_label_en) == ("enterprises", "企业",
                                                              "enterprises")
    assert (p.method, p.method_label) == (
        "blend", "average of constant net increase and constant growth")
    assert p.rows[-1].date == D(2025) and p.rating == "not rated"
    # blend at end-2025: (44 + 2 × 4 = 52 and 44 × 1.1² = 53.24) / 2 = 52.62
    assert p.rows[-1].projection == pytest.approx((52 + 44 * 1.1 ** 2) / 2)
