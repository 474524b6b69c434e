"""Projection methods against values computed by hand on synthetic series.

All series here are synthetic, made up for the tests."""

from __future__ import annotations

import math

import numpy as np
import pytest

from pucli.compute.methods import constant_growth, damped_trend, log_linear, seasonal_growth
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
