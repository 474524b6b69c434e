"""Projection methods against values computed by hand on synthetic series.

All series here are synthetic, made up for the tests."""

from __future__ import annotations

import math

import numpy as np
import pytest
from kalman_support import GRID, kalman_by_hand

from pucli.compute.methods import (
    constant_growth,
    damped_trend,
    drift,
    log_linear,
    seasonal_growth,
)
from pucli.compute.periods import month_ends, month_index, t90


def test_month_index_makes_month_ends_whole_and_counts_months():
    import datetime as dt

    assert month_index(dt.date(2025, 12, 31)) - month_index(dt.date(2021, 12, 31)) == 48
    assert month_index(dt.date(2024, 2, 29)) == 12 * 2024 + 2
    assert month_ends(dt.date(2022, 11, 30), dt.date(2023, 2, 15)) == [
        dt.date(2022, 12, 31), dt.date(2023, 1, 31)]


def test_constant_growth_point_and_interval():
    # 1000 → 1100 → 1320 a year apart; average growth √1.32 a year.
    t, x = np.array([0.0, 12, 24]), np.log([1000.0, 1100, 1320])
    fit = constant_growth(t, x)
    point, low, high = (v[0] for v in fit.forecast(np.array([48.0])))
    assert point == pytest.approx(1320 * 1.32)  # two more years at the same pace
    # residual per year: ±(ln1.2 − ln1.1)/2; σ² = 2r²/12 a month, var(24) = σ²(24 + 24²/24)
    r = (math.log(1.2) - math.log(1.1)) / 2
    se = math.sqrt(2 * r * r / 12 * 48)
    assert low == pytest.approx(1742.4 * math.exp(-3.078 * se))
    assert high == pytest.approx(1742.4 * math.exp(3.078 * se))


def test_constant_growth_with_two_points_has_no_interval():
    fit = constant_growth(np.array([0.0, 12]), np.log([100.0, 110]))
    point, low, high = (v[0] for v in fit.forecast(np.array([36.0])))
    assert point == pytest.approx(133.1)
    assert math.isnan(low) and math.isnan(high)


def test_log_linear_on_an_exact_exponential_has_a_zero_width_interval():
    t, x = np.array([0.0, 12, 24, 36]), np.log([1000.0, 1100, 1210, 1331])
    point, low, high = (v[0] for v in log_linear(t, x).forecast(np.array([48.0])))
    assert point == pytest.approx(1464.1)
    assert low == pytest.approx(1464.1) and high == pytest.approx(1464.1)


def test_log_linear_interval_by_hand():
    t, x = np.array([0.0, 1, 2]), np.array([0.0, 1.0, 1.5])
    # t̄ = 1, x̄ = 5/6, Sxx = 2, b = (−1·(−5/6) + 1·(2/3))/2 = 0.75, a = 5/6 − 0.75
    a, b = 5 / 6 - 0.75, 0.75
    resid = x - (a + b * t)
    s2 = float(np.sum(resid ** 2))  # n − 2 = 1
    se = math.sqrt(s2 * (1 + 1 / 3 + (4 - 1) ** 2 / 2))
    point, low, high = (v[0] for v in log_linear(t, x).forecast(np.array([4.0])))
    assert point == pytest.approx(math.exp(a + 4 * b))
    assert low == pytest.approx(math.exp(a + 4 * b - t90(1) * se))
    assert high == pytest.approx(math.exp(a + 4 * b + t90(1) * se))


def test_damped_trend_recursion_by_hand():
    t, x = np.array([0.0, 12, 24, 36]), np.array([0.0, 0.1, 0.25, 0.3])
    fit = damped_trend(t, x, alpha=0.5, beta=0.1, phi=0.9)
    # l, b start at 0, 0.1; three updates worked out on paper:
    level, trend = 0.2968695, 0.0809151
    mean, _ = fit.predict(np.array([60.0]))  # two steps ahead
    assert mean[0] == pytest.approx(level + (0.9 + 0.81) * trend)
    errors = [0.01, 0.0731, 0.006261]
    sigma2 = sum(e * e for e in errors) / 1  # n − 4 = 0 → at least 1
    _, se = fit.predict(np.array([60.0]))
    c1 = 0.5 + 0.1 * 0.9  # α + βφ(1 − φ)/(1 − φ)
    assert se[0] == pytest.approx(math.sqrt(sigma2 * (1 + c1 * c1)))


def test_damped_trend_grid_search_picks_the_smallest_error():
    t = np.arange(10) * 3.0
    x = np.log(100 * 1.02 ** np.arange(10))
    fit = damped_trend(t, x)
    assert fit.params["phi"] == 0.98  # the least damping fits steady growth best
    assert fit.forecast(np.array([30.0]))[0][0] == pytest.approx(100 * 1.02 ** 10, rel=1e-3)


def test_seasonal_growth_reproduces_an_exact_monthly_pattern():
    # 25 month ends from 2021-12: 1 % a month, plus 5 % extra in March, −5 % in July
    # (the factors average out over the year only with the mean removed).
    months = np.array([12] + [(k % 12) + 1 for k in range(24)])
    extra = {3: 0.05, 7: -0.05}
    d = np.array([0.01 + extra.get(m, 0.0) for m in months[1:]])
    x = np.concatenate([[math.log(1000)], math.log(1000) + np.cumsum(d)])
    t = np.arange(25.0)
    fit = seasonal_growth(t, x, months)
    assert fit.params["s3"] == pytest.approx(0.05)
    assert fit.params["s7"] == pytest.approx(-0.05)
    # three months on (Jan, Feb, Mar): 3 × 1 % plus March's 5 %
    point, low, high = (v[0] for v in fit.forecast(np.array([27.0])))
    assert point == pytest.approx(math.exp(x[-1] + 0.03 + 0.05))
    assert low == pytest.approx(point) and high == pytest.approx(point)


# -- issue 12 item 4: mutation-testing survivors ----------------------------------------------
# Real month indexes are ~24 000 (12 × year), not 0, 12, 24: the cases above start at 0,
# where t[-1] + t[0] equals t[-1] − t[0] and t[1] + t[0] equals t[1] − t[0].

REAL_T0 = float(12 * 2021 + 12)  # month_index(2021-12-31) = 24264


def test_drift_interval_counts_the_span_not_the_calendar_position():
    # t = 12, 24, 36; y = 100, 130, 140. μ = 40/24 a month; increments 30, 10 against
    # 20 expected: σ² = (10² + 10²)/12 / 1 = 200/12; T = 24, h = 12: var = σ²(12 + 144/24)
    # = 200/12 · 18 = 300; point 140 + 12·40/24 = 160, half width t90(1)·√300 = 53.31
    fit = drift(np.array([12.0, 24, 36]), np.array([100.0, 130, 140]))
    point, low, high = (v[0] for v in fit.forecast(np.array([48.0])))
    assert point == pytest.approx(160)
    assert low == pytest.approx(160 - 3.078 * math.sqrt(300))  # 106.69
    assert high == pytest.approx(160 + 3.078 * math.sqrt(300))  # 213.31
    shifted = drift(np.array([12.0, 24, 36]) + REAL_T0, np.array([100.0, 130, 140]))
    assert [v[0] for v in shifted.forecast(np.array([48.0 + REAL_T0]))] == pytest.approx(
        [point, low, high])


def test_constant_growth_interval_is_the_same_at_real_month_indexes():
    # the first case of this file (1000 → 1100 → 1320), moved to start at end-2021
    t, x = np.array([0.0, 12, 24]) + REAL_T0, np.log([1000.0, 1100, 1320])
    point, low, high = (v[0] for v in constant_growth(t, x).forecast(np.array([48.0 + REAL_T0])))
    r = (math.log(1.2) - math.log(1.1)) / 2
    se = math.sqrt(2 * r * r / 12 * 48)  # σ²(24 + 24²/24), the span is 24 months
    assert point == pytest.approx(1742.4)
    assert (low, high) == (pytest.approx(1742.4 * math.exp(-3.078 * se)),
                           pytest.approx(1742.4 * math.exp(3.078 * se)))


def test_a_count_interval_stops_at_zero_not_at_one():
    # t = 0, 1, 2; y = 4, 2, 4: μ = 0, σ² = ((−2)² + 2²)/1 / 1 = 8; h = 1, T = 2:
    # var = 8(1 + 1/2) = 12; 4 − 3.078·√12 = −6.66 → no count below 0
    point, low, high = (v[0] for v in drift(np.array([0.0, 1, 2]),
                                            np.array([4.0, 2, 4])).forecast(np.array([3.0])))
    assert point == pytest.approx(4)
    assert low == 0.0
    assert high == pytest.approx(4 + 3.078 * math.sqrt(12))  # 14.66


def test_log_linear_residual_variance_divides_by_n_minus_2():
    # t = 0..3, x = 0, 1, 1, 2: t̄ = 1.5, x̄ = 1, Sxx = 5, Sxy = 3, b = 0.6, a = 0.1;
    # residuals −0.1, 0.3, −0.3, 0.1: SSE = 0.2, s² = 0.2/2 = 0.1;
    # at t = 4: se = √(0.1 · (1 + 1/4 + 2.5²/5)) = √0.25 = 0.5, q = t90(2) = 1.886
    fit = log_linear(np.array([0.0, 1, 2, 3]), np.array([0.0, 1, 1, 2]))
    point, low, high = (v[0] for v in fit.forecast(np.array([4.0])))
    assert point == pytest.approx(math.exp(2.5))
    assert low == pytest.approx(math.exp(2.5 - 1.886 * 0.5))
    assert high == pytest.approx(math.exp(2.5 + 1.886 * 0.5))


def _damped_by_hand(x, alpha, beta, phi):
    """The recursion of the docstring, one scalar step at a time (not the grid code)."""
    level, trend, errors = x[0], x[1] - x[0], []
    for xi in x[1:]:
        f = level + phi * trend
        errors.append(xi - f)
        level, trend = f + alpha * errors[-1], phi * trend + beta * errors[-1]
    return level, trend, errors


def test_damped_trend_variance_three_steps_ahead_with_six_points():
    x = [0.0, 0.1, 0.25, 0.3, 0.42, 0.5]
    t = np.arange(6) * 12.0 + REAL_T0  # year ends, at real month indexes
    level, trend, errors = _damped_by_hand(x, 0.5, 0.1, 0.9)
    sigma2 = sum(e * e for e in errors) / (6 - 4)  # n − 4 = 2 degrees of freedom
    # c_j = α + βφ(1 − φʲ)/(1 − φ): c1 = 0.5 + 0.09 = 0.59, c2 = 0.5 + 0.09·1.9 = 0.671
    c1, c2 = 0.59, 0.671
    fit = damped_trend(t, np.array(x), alpha=0.5, beta=0.1, phi=0.9)
    mean, se = fit.predict(np.array([t[-1] + 36]))  # three steps of 12 months
    assert mean[0] == pytest.approx(level + (0.9 + 0.81 + 0.729) * trend)
    assert se[0] == pytest.approx(math.sqrt(sigma2 * (1 + c1 * c1 + c2 * c2)))
    assert fit.q == 1.886  # t90(2)


def _seasonal_14():
    # 14 month ends, December … January: every increment 1 % except the two Januaries,
    # 2 % and 4 % (January's mean 3 %, residuals ∓1 %); 13 increments, 12 means → 1 df
    months = np.array([12] + list(range(1, 13)) + [1])
    d = np.array([0.01] * 13)
    d[0], d[12] = 0.02, 0.04
    x = np.concatenate([[math.log(500)], math.log(500) + np.cumsum(d)])
    return np.arange(14.0) + REAL_T0, x, months


def test_seasonal_with_thirteen_increments_has_an_interval_on_one_degree_of_freedom():
    t, x, months = _seasonal_14()
    fit = seasonal_growth(t, x, months)
    sigma2 = (0.01 ** 2 + 0.01 ** 2) / (13 - 12)  # 0.0002
    assert fit.q == 3.078  # t90(1)
    mean, se = fit.predict(np.array([t[-1] + 1]))  # February: seen once, σ²(1 + 1²/1)
    assert mean[0] == pytest.approx(x[-1] + 0.01)
    assert se[0] == pytest.approx(math.sqrt(sigma2 * 2))  # 0.02
    # 13 months on (February … February): February used twice (seen once), March …
    # December once each (seen once), January once (seen twice):
    # Σ k_c²/n_c = 4/1 + 10 + 1/2 = 14.5 → var = σ²(13 + 14.5); mean 11·1 % + 3 % + 1 %
    mean, se = fit.predict(np.array([t[-1] + 13]))
    assert mean[0] == pytest.approx(x[-1] + 0.15)
    assert se[0] == pytest.approx(math.sqrt(sigma2 * 27.5))
    # at the latest month itself: the latest count, no spread
    mean, se = fit.predict(np.array([t[-1]]))
    assert (mean[0], se[0]) == (pytest.approx(x[-1]), 0.0)


def test_seasonal_with_twelve_increments_has_no_interval():
    t, x, months = _seasonal_14()
    fit = seasonal_growth(t[:13], x[:13], months[:13])  # each month seen once: no scatter
    assert math.isnan(fit.q)
    point, low, high = (v[0] for v in fit.forecast(np.array([t[12] + 1])))
    assert point == pytest.approx(math.exp(x[12] + 0.02))  # the January just seen: 2 %
    assert math.isnan(low) and math.isnan(high)


def test_damped_trend_carries_a_gap_by_hand():
    # year ends 0, 1, 2 and 4 (year 3 has no actual), α = 0.5, β = 0.25, φ = 0.8; l = 0,
    # b = 1 − 0 = 1 a step. Worked on paper:
    #   year 1: f = 0.8,    e = 0.2,    l = 0.9,    b = 0.85
    #   year 2: f = 1.58,   e = 1.42,   l = 2.29,   b = 1.035
    #   year 3 (gap): l = 2.29 + 0.8·1.035 = 3.118, b = 0.828, no update; the state is now
    #           uncertain: P = gg' = [[0.25, 0.125], [0.125, 0.0625]]
    #   year 4: S = P11 + 2φP12 + φ²P22 + 1 = 1.49; gain ((0.49 + α)/S, (0.14 + β)/S) =
    #           (0.99/1.49, 0.39/1.49); f = 3.7804, e = 0.2196,
    #           l = 3.7804 + 0.99·0.2196/1.49, b = 0.6624 + 0.39·0.2196/1.49,
    #           P = [[0.74 − 0.99²/1.49, 0.265 − 0.99·0.39/1.49], [·, 0.1025 − 0.39²/1.49]]
    t, x = np.array([0.0, 12, 24, 48]), np.array([0.0, 1.0, 3.0, 4.0])
    fit = damped_trend(t, x, alpha=0.5, beta=0.25, phi=0.8, step=12.0)
    level, trend = 3.7804 + 0.99 * 0.2196 / 1.49, 0.6624 + 0.39 * 0.2196 / 1.49
    p11, p12, p22 = 0.74 - 0.99 ** 2 / 1.49, 0.265 - 0.99 * 0.39 / 1.49, 0.1025 - 0.39 ** 2 / 1.49
    sigma2 = (0.2 ** 2 + 1.42 ** 2 + 0.2196 ** 2 / 1.49) / 1  # n − 4 = 0 → at least 1
    mean, se = fit.predict(np.array([60.0, 72.0]))
    assert mean[0] == pytest.approx(level + 0.8 * trend)  # 4.50221
    assert mean[1] == pytest.approx(level + 1.44 * trend)  # 4.96293
    # one step: 1 + a'Pa, a = (1, 0.8); two steps: 1 + c1² (0.49) + a'Pa, a = (1, 1.44)
    assert se[0] == pytest.approx(math.sqrt(sigma2 * (1 + p11 + 1.6 * p12 + 0.64 * p22)))
    assert se[1] == pytest.approx(math.sqrt(sigma2 * (1.49 + p11 + 2.88 * p12
                                                      + 1.44 ** 2 * p22)))
    assert fit.params["sigma2"] == pytest.approx(2.088765, rel=1e-6)


def _criterion_by_hand(t, x, alpha, beta, phi, step):
    """−2 log likelihood (up to a constant) of the damped trend with gaps, and Σ e²/S,
    from the plain Kalman filter of tests/kalman_support.py."""
    pos = np.rint((np.asarray(t) - t[0]) / step).astype(int)
    _, _, sse, logs = kalman_by_hand(pos, x, alpha, beta, phi)
    m = len(x) - 1
    return m * math.log(sse / m) + logs, sse


def test_damped_trend_with_gaps_maximises_the_likelihood_over_the_grid():
    # the shape of the national series: three years, a gap, one, two gaps, five (made up)
    years = [0, 1, 2, 4, 7, 8, 9, 10, 11]
    t = np.array(years, dtype=float) * 12
    x = np.log([55, 61, 69, 87, 123, 139, 154, 170, 184.0])
    fit = damped_trend(t, x, step=12.0)
    chosen = (fit.params["alpha"], fit.params["beta"], fit.params["phi"])
    crit = {g: _criterion_by_hand(t, x, *g, 12.0) for g in GRID}
    best = min(crit, key=lambda g: crit[g][0])
    assert chosen == pytest.approx(best)
    assert min(crit, key=lambda g: crit[g][1]) != best  # least squares would choose another
    n = len(x)
    assert fit.params["sigma2"] == pytest.approx(crit[best][1] / (n - 4))


def test_damped_trend_with_gaps_agrees_with_statsmodels_kalman_filter():
    """statsmodels' state-space damped trend, filtered with the same parameters and the
    same known start, gives the same one-step forecasts and error variances."""
    es = pytest.importorskip("statsmodels.tsa.statespace.exponential_smoothing")
    x = np.log(np.array([100, 110, 121, 135, 150, 160, 172, 180.0]))
    pos = np.array([0, 1, 2, 5, 6, 7, 9, 10])  # gaps of two years and of one
    a, b, p = 0.5, 0.2, 0.9
    grid = np.full(pos[-1], np.nan)
    grid[pos[1:] - 1] = x[1:]
    model = es.ExponentialSmoothing(grid, trend=True, damped_trend=True,
                                    initialization_method="known", initial_level=x[0],
                                    initial_trend=(x[1] - x[0]) / (pos[1] - pos[0]))
    done = model.filter([a, b, p])
    kf = done.filter_results
    rows = pos[1:] - 1
    variance = kf.forecasts_error_cov[0, 0][rows] / kf.forecasts_error_cov[0, 0][0]
    fit = damped_trend(pos * 12.0, x, alpha=a, beta=b, phi=p, step=12.0)
    sse = float(np.sum(kf.forecasts_error[0][rows] ** 2 / variance))
    assert fit.params["sigma2"] == pytest.approx(sse / (len(x) - 4))
    # after two years without an actual: 1 + c1² + c2², c1 = α + βφ = 0.68,
    # c2 = α + βφ(1 + φ) = 0.842
    assert variance[2] == pytest.approx(1 + 0.68 ** 2 + 0.842 ** 2)
    assert variance[3] > 1  # the state is still uncertain one actual later
    # the state after the filter: the forecasts one and two years after the last actual
    mean, _ = fit.predict(np.array([pos[-1] * 12.0 + 12, pos[-1] * 12.0 + 24]))
    assert mean == pytest.approx(np.asarray(done.forecast(2)))


def test_damped_trend_between_grid_dates_interpolates_the_new_errors():
    # regular year ends, α = 0.5, β = 0.1, φ = 0.9 (P = 0: the state is known): half a
    # year on, the new errors' variance is half a step's (0.5σ², not σ²); a year and a
    # half on, 1 + c1²/2 with c1 = α + βφ = 0.59
    t, x = np.arange(6) * 12.0, np.array([0.0, 0.1, 0.25, 0.3, 0.42, 0.5])
    fit = damped_trend(t, x, alpha=0.5, beta=0.1, phi=0.9)
    s2 = fit.params["sigma2"]
    _, se = fit.predict(np.array([66.0, 72.0, 78.0, 84.0]))
    assert se ** 2 == pytest.approx([0.5 * s2, s2, (1 + 0.59 ** 2 / 2) * s2,
                                     (1 + 0.59 ** 2) * s2])
