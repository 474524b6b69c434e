"""The damped trend's filter and grid, the default-method rule's reasons, the note on what
damped-trend leaves out, and what a trend break does to the projection.

Written against the survivors of a mutation run of compute/methods.py, choice.py and
projection.py: each test is a scenario a user meets (a missing first year, fiscal years
ending in September, an estimate between year ends, a target dated on the latest actual)
and the reasons and notes are checked word for word, in English and in Chinese, because
that wording is what users read. Expected numbers come from a separate 2×2-matrix Kalman
filter written here or are worked out in the comments.

All series here are synthetic, made up for the tests.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from kalman_support import GRID, kalman_by_hand

from pucli.compute.choice import choose_method, fit_method, grid_note
from pucli.compute.methods import constant_growth, damped_trend
from pucli.compute.periods import month_end, month_index, t90
from pucli.compute.projection import project_counts
from pucli.compute.shifts import trend_break
from pucli.loading.schema import validate
from pucli.messages import hint_zh, message_zh
from pucli.models.observations import Series
from pucli.models.targets import Targets
from pucli.problems import DataError
from pucli.render.labels import method_reason
from pucli.render.projection_tables import projection_json


def D(y: int, m: int = 12, d: int = 31) -> dt.date:
    return dt.date(y, m, d)


def _targets(base: tuple[dt.date, float], goal: float) -> Targets:
    return validate(Targets, {"region": "Testland", "baseline": {"date": base[0],
                                                                  "value": base[1]},
                              "targets": [{"date": D(2025), "value": goal}]})


# -- methods.py: the damped trend --------------------------------------------------------------

def test_a_missing_second_year_makes_the_start_trend_the_growth_per_year():
    # 2015, then 2017–2020 (no figure for 2016): the start trend is (x₂ − x₁)/2 a year,
    # not the growth over the two years. On paper, α = 0.5, β = 0.25, φ = 0.8, x = 0 then
    # 2 two years on: b = 1; 2016 (gap) l = 0.8, b = 0.8, P = gg'; 2017: S = 1.49,
    # f = 0.8 + 0.64 = 1.44, e = 0.56 (a start trend of 2 a step would give f = 2.88).
    pos = np.array([0, 2, 3, 4, 5])
    x = np.array([0.0, 2.0, 2.9, 3.5, 4.2])
    state, P, sse, _ = kalman_by_hand(pos, x, 0.5, 0.25, 0.8)
    fit = damped_trend(pos * 12.0, x, alpha=0.5, beta=0.25, phi=0.8, step=12.0)
    _, _, first_sse, _ = kalman_by_hand(pos[:2], x[:2], 0.5, 0.25, 0.8)
    assert first_sse == pytest.approx(0.56 ** 2 / 1.49)
    assert fit.params["sigma2"] == pytest.approx(sse / 1)  # n − 4 = 1
    mean, se = fit.predict(np.array([72.0]))
    w = np.array([1.0, 0.8])
    assert mean[0] == pytest.approx(w @ state)
    assert se[0] == pytest.approx(math.sqrt(sse * (1 + w @ P @ w)))


def test_with_a_missing_year_the_grid_weighs_the_error_variances_by_the_likelihood():
    # 2015, 2016, 2018–2020 (2017 missing): the errors after the gap have S > 1, so the
    # choice is the Gaussian likelihood m·log(Σe²/S / m) + Σ log S with m = 4 errors,
    # checked over the whole grid with the filter above
    pos = np.array([0, 1, 3, 4, 5])
    x = np.log([100.0, 110, 135, 150, 160])
    fit = damped_trend(pos * 12.0, x, step=12.0)

    def criterion(g):
        _, _, sse, logs = kalman_by_hand(pos, x, *g)
        return 4 * math.log(sse / 4) + logs

    best = min(GRID, key=criterion)
    assert (fit.params["alpha"], fit.params["beta"], fit.params["phi"]) == pytest.approx(best)
    # the weight of Σ log S matters here: 6 instead of 4 errors would pick another α
    assert min(GRID, key=lambda g: 6 * math.log(kalman_by_hand(pos, x, *g)[2] / 6)
               + kalman_by_hand(pos, x, *g)[3]) != best


def test_fiscal_years_ending_in_september_are_fitted_like_calendar_years():
    # the model sees only steps: the same counts at 30 September or at 31 December give
    # the same forecast a year and two years on (the month indexes of September ends are
    # 9 more than a multiple of 12, which a grid position counted from anything but the
    # first date would round wrongly)
    values = np.array([100.0, 108, 118, 125, 131, 140])
    sept = Series(tuple(D(2015 + k, 9, 30) for k in range(6)), tuple(values))
    dec = Series(tuple(D(2015 + k) for k in range(6)), tuple(values))
    a = fit_method("damped-trend", sept).forecast(np.array([month_index(D(2021, 9, 30)),
                                                            month_index(D(2022, 9, 30))]))
    b = fit_method("damped-trend", dec).forecast(np.array([month_index(D(2021)),
                                                           month_index(D(2022))]))
    assert np.concatenate(a) == pytest.approx(np.concatenate(b), rel=1e-12)
    # and both are the grid's best fit by the filter above (no gap: S = 1, least squares)
    x = np.log(values)
    pos = np.arange(6)
    best = min(GRID, key=lambda g: kalman_by_hand(pos, x, *g)[2])
    state, _, _, _ = kalman_by_hand(pos, x, *best)
    assert math.log(a[0][0]) == pytest.approx(state[0] + best[2] * state[1])


def test_fixing_only_some_parameters_is_refused():
    # α, β and φ are taken as given only all together: a partial call would otherwise search
    # the grid for all three and drop the ones it was given, whichever one is missing
    t = np.arange(6) * 12.0
    x = np.log([100.0, 110, 118, 130, 137, 150])
    for partial in ({"alpha": 0.5, "beta": 0.1}, {"beta": 0.1, "phi": 0.9},
                    {"alpha": 0.5, "phi": 0.9}, {"phi": 0.9}):
        with pytest.raises(ValueError, match="alpha, beta and phi together"):
            damped_trend(t, x, **partial)
    fixed = damped_trend(t, x, alpha=0.5, beta=0.1, phi=0.9).params
    assert (fixed["alpha"], fixed["beta"], fixed["phi"]) == (0.5, 0.1, 0.9)


def test_the_fit_names_its_method_and_its_step():
    # yearly actuals: the step is twelve months, the name the one the CLI prints
    t = np.arange(5) * 12.0 + month_index(D(2015))
    fit = damped_trend(t, np.log([100.0, 110, 118, 130, 137]))
    assert fit.method == "damped-trend"
    assert fit.params["step"] == 12.0
    assert fit.q == t90(1)


def test_a_forecast_at_one_month_given_as_a_number_gives_numbers():
    # as constant growth does: a 0-d month gives 0-d point, low and high
    t = np.arange(6) * 12.0
    x = np.log([100.0, 110, 118, 130, 137, 150])
    for fit in (damped_trend(t, x), constant_growth(t, x)):
        point, low, high = fit.forecast(72.0)
        assert np.shape(point) == np.shape(low) == np.shape(high) == ()
        arr = fit.forecast(np.array([72.0]))
        assert (float(point), float(low), float(high)) == pytest.approx([v[0] for v in arr])


# -- choice.py: the default rule's reasons, word for word --------------------------------------

def test_the_reason_for_one_actual_in_full(english):
    method, why = choose_method(Series((D(2022),), (100.0,)))
    assert (method, why) == ("plan", "one data point (2022-12-31): a trend needs at least "
                                     "two, so there is no trend and the projection can "
                                     "only be the plan path")
    assert method_reason(method, why) == why


def test_the_reason_for_a_zero_count_in_full(chinese):
    s = Series((D(2020), D(2021), D(2022)), (10.0, 0.0, 4.0))
    method, why = choose_method(s)
    assert (method, why) == ("drift", "the actual of 2021-12-31 is zero: growth rates are "
                                      "undefined, so the constant net increase, which works "
                                      "on the counts themselves")
    assert method_reason(method, why) == ("有实际数为零：增长率无从计算，改用直接按户数计算的"
                                          "匀速净增")


def test_the_reason_for_seasonal_in_full():
    months = tuple(month_end(2020 + k // 12, k % 12 + 1) for k in range(25))
    method, why = choose_method(Series(months, tuple(100.0 + k for k in range(25))))
    assert (method, why) == ("seasonal", "25 consecutive month ends (two years or more): "
                                         "monthly growth with a factor per calendar month, so "
                                         "a strong month is not mistaken for a trend")


DAMPED_WHY = ("damped-trend lets the recent growth rate fade instead of carrying it on for "
              "years, and had the lowest pooled error on the real series of the accuracy "
              "benchmark")
DAMPED_ZH = "阻尼趋势让近期增速逐渐减弱，而不是多年直线外推；在准确度基准的真实序列上合计误差最小"


def test_the_reason_for_damped_trend_names_the_spacing_in_both_languages(chinese):
    monthly = tuple(month_end(2020 + k // 12, k % 12 + 1) for k in range(7))
    method, why = choose_method(Series(monthly, tuple(100.0 + k for k in range(7))))
    assert (method, why) == ("damped-trend", "7 actuals every month: " + DAMPED_WHY)
    assert method_reason(method, why) == "7 个实际数，每月一个：" + DAMPED_ZH
    quarters = tuple(month_end(2020 + k // 4, 3 * (k % 4) + 3) for k in range(5))
    method, why = choose_method(Series(quarters, tuple(100.0 + k for k in range(5))))
    assert (method, why) == ("damped-trend", "5 actuals every 3 months: " + DAMPED_WHY)
    assert method_reason(method, why) == "5 个实际数，每 3 个月一个：" + DAMPED_ZH


def test_the_reason_for_blend_in_full():
    s = Series((D(2020), D(2021), D(2022)), (100.0, 110, 120))
    assert choose_method(s) == ("blend", "3 actuals: too few on one spacing for damped-trend "
                                         "(it needs 4 month, quarter or year ends, with no "
                                         "more dates missing than present), so the average "
                                         "of the constant net increase and the constant "
                                         "growth rate from the first actual to the latest")


# -- choice.py: the note on what damped-trend leaves out --------------------------------------

MONTHLY_GAP = Series(tuple(month_end(2020 + k // 12, k % 12 + 1) for k in range(8) if k != 3),
                     (100.0, 101, 102, 104, 105, 106, 107))  # April 2020 missing


def test_a_monthly_note_in_english(english):
    assert grid_note(MONTHLY_GAP) == ("damped-trend is fitted on the 7 actuals on a monthly "
                                      "spacing; 1 date without an actual (2020-04-30) is "
                                      "carried over by the model without an update")


def test_a_monthly_note_in_chinese(chinese):
    assert grid_note(MONTHLY_GAP) == ("damped-trend 按月拟合 7 个实际数；缺 1 期（2020-04-30），"
                                      "模型按趋势延续、不作更新")


def test_six_missing_years_are_all_listed(english):
    # 2000–2007 and 2014: six year ends without an actual, none cut
    years = (*range(2000, 2008), 2014)
    s = Series(tuple(D(y) for y in years), tuple(100.0 + k for k in range(9)))
    assert grid_note(s) == ("damped-trend is fitted on the 9 actuals on a 12-month spacing; "
                            "6 dates without an actual (2008-12-31, 2009-12-31, 2010-12-31, "
                            "2011-12-31, 2012-12-31, 2013-12-31) are carried over by the "
                            "model without an update")


def test_six_left_out_actuals_are_all_listed(english):
    ends = tuple(D(y) for y in range(2015, 2023))
    mid = tuple(dt.date(y, 6, 15) for y in range(2017, 2023))
    s = Series(tuple(sorted(ends + mid)), tuple(100.0 + k for k in range(14)))
    assert grid_note(s) == ("damped-trend is fitted on the 8 actuals on a 12-month spacing; "
                            "left out of the fit (off that spacing): 2017-06-15, 2018-06-15, "
                            "2019-06-15, 2020-06-15, 2021-06-15, 2022-06-15")


YEARS = tuple(D(2012 + k) for k in range(8))
COUNTS = tuple(1000 * 1.1 ** k * (1 + 0.02 * (-1) ** k) for k in range(8))
LATE = Series(YEARS + (D(2020, 3, 31),), COUNTS + (2000.0,))  # a March figure after 2019


def test_a_late_off_grid_actual_is_noted_in_chinese(chinese):
    assert grid_note(LATE) == ("damped-trend 按 12 个月的间隔拟合 8 个实际数；不在这一间隔上、"
                               "未参与拟合：2020-03-31；最新实际数仍决定预测起点")


# -- choice.py: fitting damped-trend on the grid -----------------------------------------------

def test_a_late_off_grid_actual_sets_the_level_of_the_yearly_fit():
    fit = fit_method("damped-trend", LATE)
    t = np.array([month_index(d) for d in YEARS])
    yearly = damped_trend(t, np.log(np.array(COUNTS)), step=12.0)
    at = np.array([month_index(D(2020, 3, 31))])
    # the projection passes through the March figure: 2000 at 2020-03-31
    assert fit.forecast(at)[0][0] == pytest.approx(2000.0)
    offset = math.log(2000.0 / yearly.forecast(at)[0][0])
    assert fit.method == "damped-trend"
    assert fit.params == pytest.approx({**yearly.params, "level_offset": offset})


def test_year_ends_two_apart_with_estimates_between_keep_the_yearly_step():
    # censuses at 2010, 2012, 2014, 2016 and mid-year estimates between them: the grid is
    # the year ends, with 2011, 2013, 2015 missing (the estimates are off it) — a step of
    # one year, not the two years between the four year ends
    dates = sorted([D(y) for y in (2010, 2012, 2014, 2016)]
                   + [D(y, 6, 15) for y in (2011, 2013, 2015)])
    values = (100.0, 104, 109, 115, 121, 126, 131)
    s = Series(tuple(dates), values)
    fit = fit_method("damped-trend", s)
    on = [0, 2, 4, 6]
    yearly = damped_trend(np.array([month_index(dates[i]) for i in on]),
                          np.log([values[i] for i in on]), step=12.0)
    assert fit.params["step"] == 12.0
    at = np.array([month_index(D(2017)), month_index(D(2018))])
    assert np.concatenate(fit.forecast(at)) == pytest.approx(
        np.concatenate(yearly.forecast(at)), rel=1e-12)


def test_damped_trend_refused_says_why_in_both_languages():
    s = Series((D(2020), D(2021), D(2022)), (100.0, 110, 120))
    with pytest.raises(DataError) as caught:
        fit_method("damped-trend", Series(s.dates + (D(2023, 5, 17),), s.values + (125.0,)))
    (problem,) = caught.value.problems
    assert problem.message == ("damped-trend needs at least 4 actuals on one spacing (month, "
                               "quarter or year ends; no more dates missing than present)")
    assert problem.hint == "use --method drift"
    assert message_zh(problem.code, problem.message) == (
        "damped-trend 至少需要 4 个同一间隔上的实际数（月末、季末或年末；缺期不多于实有期）")
    assert hint_zh(problem.hint) == "改用 --method drift"


# -- projection.py: what a trend break does to the projection ----------------------------------

KINK = tuple(1000 * 1.1 ** min(k, 5) * 1.02 ** max(k - 5, 0) for k in range(10))  # 10 %, 2 %


def test_a_break_under_the_plan_path_still_names_the_target_date():
    s = Series(tuple(D(2015 + k) for k in range(10)), KINK)
    p = project_counts(_targets((D(2015), 1000.0), 2000.0), s, method="plan")
    (effect,) = p.breaks
    assert (effect.horizon, effect.projected, effect.if_recent, effect.why_not) == (
        D(2025), None, None, "no-trend")
    assert projection_json(p)["trend_breaks"][0]["horizon"] == "2025-12-31"


def test_a_target_dated_on_the_latest_actual_has_passed():
    # actuals 2016–2025, the target at 2025-12-31: the latest actual is the target-date
    # figure, there is nothing left to project (nor a 2024 → 2025 comparison)
    s = Series(tuple(D(2016 + k) for k in range(10)), KINK)
    assert trend_break(s) is not None
    p = project_counts(_targets((D(2016), 1000.0), 2000.0), s)
    (effect,) = p.breaks
    assert (effect.horizon, effect.projected, effect.if_recent, effect.why_not) == (
        D(2025), None, None, "passed")
    assert projection_json(p)["trend_breaks"][0]["horizon"] == "2025-12-31"


def test_a_break_compared_at_the_target_date(english):
    # 2015–2024, damped-trend on every actual and on the five since 2020: both at the
    # 2025 target; the first figure is the projection's own 2025 row
    s = Series(tuple(D(2015 + k) for k in range(10)), KINK)
    p = project_counts(_targets((D(2015), 1000.0), 2000.0), s)
    (effect,) = p.breaks
    row = next(r for r in p.rows if r.date == D(2025))
    assert p.method == "damped-trend" and effect.recent_method == ""
    assert effect.horizon == D(2025) and effect.projected == pytest.approx(row.projection)
    assert f"gives {effect.projected:,.0f} at 2025-12-31; fitted on the actuals since " \
           "2020-12-31 only, " in effect.text()


def test_a_break_compared_by_the_default_rule_names_the_target_date(english):
    # 2015–2022 and a break at 2020: three actuals since, blend (see test_forecast_fixes)
    s = Series(tuple(D(2015 + k) for k in range(8)), KINK[:8])
    p = project_counts(_targets((D(2015), 1000.0), 2000.0), s)
    (effect,) = p.breaks
    assert effect.recent_method == "blend" and effect.horizon == D(2025)
    assert projection_json(p)["trend_breaks"][0]["horizon"] == "2025-12-31"
    assert " at 2025-12-31; fitted on the actuals since 2020-12-31 only (by blend)" \
        in effect.text()
