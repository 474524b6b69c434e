"""compute/choice.py: the rule that picks the default method, and fitting a named one.

All series here are synthetic, made up for the tests."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from pucli.compute.choice import choose_method, fit_method, grid_note
from pucli.compute.methods import damped_trend
from pucli.compute.periods import month_end, month_index
from pucli.models.observations import Series
from pucli.problems import DataError


def D(y: int, m: int = 12, d: int = 31) -> dt.date:
    return dt.date(y, m, d)


def month_ends(n: int, start: int = 2020) -> tuple[dt.date, ...]:
    return tuple(month_end(start + k // 12, k % 12 + 1) for k in range(n))


def quarter_ends(n: int) -> tuple[dt.date, ...]:
    return tuple(month_end(2015 + k // 4, 3 * (k % 4) + 3) for k in range(n))


def test_no_actuals_and_one_actual_give_the_plan_path():
    assert choose_method(Series((), ())) == (
        "plan", "no actuals recorded: the projection can only be the plan path")
    method, why = choose_method(Series((D(2022),), (100.0,)))
    assert method == "plan" and why.startswith("one data point (2022-12-31)")


def test_seasonal_needs_both_month_ends_and_twenty_five_of_them():
    assert choose_method(Series(month_ends(25), (100.0,) * 25))[0] == "seasonal"
    # fewer month ends, or quarter ends: damped-trend from four on one spacing, else blend
    assert choose_method(Series(month_ends(24), (100.0,) * 24))[0] == "damped-trend"
    assert choose_method(Series(month_ends(4), (100.0, 101, 102, 103)))[0] == "damped-trend"
    assert choose_method(Series(month_ends(3), (100.0, 101, 102)))[0] == "blend"
    assert choose_method(Series(quarter_ends(25), (100.0,) * 25))[0] == "damped-trend"


def test_only_two_actuals_say_there_is_no_interval():
    _, two = choose_method(Series((D(2021), D(2022)), (100.0, 110)))
    _, three = choose_method(Series((D(2021), D(2022), D(2023)), (100.0, 110, 120)))
    assert two.startswith("2 actuals: ") and two.endswith(" (no interval: that needs three)")
    assert three.startswith("3 actuals: ") and "no interval" not in three


def test_too_few_actuals_name_the_methods_that_fit():
    with pytest.raises(DataError) as caught:
        fit_method("seasonal", Series((D(2021), D(2022), D(2023)), (100.0, 110, 120)))
    (problem,) = caught.value.problems
    assert problem.message == "method 'seasonal' needs at least 13 actuals; there are 3"
    # MIN_POINTS ≤ 3, without the plan path (0): log-linear needs exactly 3
    assert problem.hint == "use one of --method naive, drift, blend, constant-growth, log-linear"
    with pytest.raises(DataError) as caught:
        fit_method("naive", Series((D(2021),), (100.0,)))
    assert caught.value.problems[0].message.endswith("there is 1")


def test_a_count_of_one_is_a_count_growth_rates_work_on():
    # 1 → 4 in a year: × 4 a year, so 16 a year later
    fit = fit_method("constant-growth", Series((D(2020), D(2021)), (1.0, 4.0)))
    assert fit.forecast(np.array([month_index(D(2022))]))[0][0] == pytest.approx(16)


def test_seasonal_is_fitted_on_month_ends_and_refused_on_quarter_ends():
    # 25 month ends growing exactly 1 % a month: every calendar month's factor is 1 %,
    # so twelve months after the latest the count is 1.01¹² times the latest
    values = tuple(100 * 1.01 ** k for k in range(25))
    s = Series(month_ends(25), values)
    point = fit_method("seasonal", s).forecast(np.array([month_index(s.dates[-1]) + 12]))[0]
    assert point[0] == pytest.approx(values[-1] * 1.01 ** 12)
    with pytest.raises(DataError) as caught:
        fit_method("seasonal", Series(quarter_ends(13), values[:13]))
    assert caught.value.problems[0].message == "seasonal needs consecutive month ends"


YEARS = tuple(D(2012 + k) for k in range(8))
COUNTS = tuple(1000 * 1.1 ** k * (1 + 0.02 * (-1) ** k) for k in range(8))


def test_damped_trend_on_a_regular_series_is_the_plain_fit():
    at = np.array([month_index(D(2022))])
    mine = fit_method("damped-trend", Series(YEARS, COUNTS)).forecast(at)
    plain = damped_trend(np.array([month_index(d) for d in YEARS]),
                         np.log(np.array(COUNTS))).forecast(at)
    assert [v[0] for v in mine] == pytest.approx([v[0] for v in plain])


def test_damped_trend_refuses_too_few_regular_actuals():
    # gaps of 3.x months: no two dates a whole number of months apart
    odd = Series((D(2021, 1, 10), D(2021, 4, 20), D(2021, 7, 31), D(2021, 11, 5)),
                 (100.0, 110, 120, 130))
    # three year ends, then two off-grid dates: the regular run is three long
    short = Series(YEARS[:3] + (D(2015, 3, 31), D(2015, 5, 31)), COUNTS[:5])
    for s in (odd, short):
        with pytest.raises(DataError) as caught:
            fit_method("damped-trend", s)
        assert caught.value.problems[0].message.startswith("damped-trend needs at least 4")


def test_the_note_names_what_damped_trend_leaves_out(english):
    assert grid_note(Series(YEARS, COUNTS)) is None
    middle = Series(YEARS[:5] + (D(2017, 3, 31),) + YEARS[5:], COUNTS[:5] + (1700.0,)
                    + COUNTS[5:])
    assert grid_note(middle) == ("damped-trend is fitted on the 8 actuals on a 12-month spacing; "
                                 "left out of the fit (off that spacing): 2017-03-31")
    last = Series(YEARS + (D(2020, 3, 31),), COUNTS + (2000.0,))
    assert grid_note(last) == ("damped-trend is fitted on the 8 actuals on a 12-month spacing; "
                               "left out of the fit (off that spacing): 2020-03-31; the "
                               "latest actual still sets the level")
    assert not math.isnan(fit_method("damped-trend", last).forecast(
        np.array([month_index(D(2021))]))[0][0])


def test_year_ends_with_missing_years_are_one_grid_for_damped_trend(english):
    # 2012–2014, 2016, 2019–2023: no figure for 2015, 2017, 2018 (as the national series)
    years = (2012, 2013, 2014, 2016, 2019, 2020, 2021, 2022, 2023)
    s = Series(tuple(D(y) for y in years), tuple(100 * 1.1 ** (y - 2012) for y in years))
    method, why = choose_method(s)
    assert method == "damped-trend" and why.startswith("9 actuals every 12 months")
    assert grid_note(s) == ("damped-trend is fitted on the 9 actuals on a 12-month spacing; 3 "
                            "dates without an actual (2015-12-31, 2017-12-31, 2018-12-31) are "
                            "carried over by the model without an update")
    # steady 10 % growth with gaps: carried over, the trend stays on course
    at = np.array([month_index(D(2024))])
    assert fit_method(method, s).forecast(at)[0][0] == pytest.approx(100 * 1.1 ** 12, rel=0.01)


def test_three_on_the_grid_are_too_few_whatever_else_there_is():
    # three year ends and two quarter ends: five actuals, three on the yearly grid; the
    # quarterly grid has five with an actual and four without
    s = Series((D(2020), D(2021, 3, 31), D(2021), D(2022, 9, 30), D(2022)),
               (100.0, 103, 110, 118, 121))
    method, why = choose_method(s)
    assert method == "blend" and why.startswith("5 actuals: too few on one spacing for "
                                                "damped-trend (it needs 4 month, quarter")


def test_the_gap_list_is_cut_after_six(english):
    one = Series(tuple(D(y) for y in (2000, 2001, 2002, 2004)), (100.0, 110, 120, 140))
    assert "; 1 date without an actual (2003-12-31) is carried over" in grid_note(one)
    # 2000–2007 and 2015: nine year ends with an actual, seven without
    years = (*range(2000, 2008), 2015)
    s = Series(tuple(D(y) for y in years), tuple(100.0 + y - 2000 for y in years))
    assert "7 dates without an actual (2008-12-31, 2009-12-31, 2010-12-31, 2011-12-31, " \
           "2012-12-31, 2013-12-31, …)" in grid_note(s)


def test_the_grid_is_the_spacing_most_actuals_fill():
    from pucli.compute.periods import grid_part

    # December and November month ends, 2018-12 to 2022-12: the year ends are the grid (a
    # monthly grid would have 40 months without an actual, an 11-month one is no spacing)
    dec_nov = sorted([D(y) for y in range(2018, 2023)] + [D(y, 11, 30) for y in range(2019, 2023)])
    assert grid_part(dec_nov) == ([0, 2, 4, 6, 8], 12.0)
    # ten year ends and a June: the June stays off the yearly grid (a half-year grid would
    # have nine halves without an actual)
    june = [D(y) for y in range(2012, 2022)] + [D(2022, 6, 30)]
    assert grid_part(june) == (list(range(10)), 12.0)
    # month ends with two months missing stay monthly, gaps and all
    months = [month_end(2020 + k // 12, k % 12 + 1) for k in range(14) if k not in (4, 7)]
    assert grid_part(months) == (list(range(12)), 1.0)
    # no month end at all: no grid, and the default is blend (this raised ValueError)
    first = tuple(dt.date(y, 7, 1) for y in range(2020, 2026))
    assert grid_part(first) is None
    assert choose_method(Series(first, (100.0, 110, 121, 133, 146, 161)))[0] == "blend"


def test_a_dense_recent_run_is_the_grid_and_early_month_ends_do_not_carry_the_rest(english):
    from pucli.compute.periods import grid_part

    # census-like: 1990, 1995 … 2010, then every year 2015–2024 (found in review: the
    # sparse start made the whole yearly grid mostly missing, so no damped-trend)
    years = (1990, 1995, 2000, 2005, 2010, *range(2015, 2025))
    census = Series(tuple(D(y) for y in years), tuple(100.0 + k for k in range(len(years))))
    assert grid_part(census.dates) == (list(range(5, 15)), 12.0)
    assert choose_method(census)[0] == "damped-trend"
    assert grid_note(census) == ("damped-trend is fitted on the 10 actuals on a 12-month "
                                 "spacing; left out of the fit (off that spacing): "
                                 "1990-12-31, 1995-12-31, 2000-12-31, 2005-12-31, 2010-12-31")
    # four quarter ends, then 24 actuals on the 15th: the quarter ends cannot carry them
    quarters = tuple(month_end(2019, m) for m in (3, 6, 9, 12))
    mid = tuple(dt.date(2020 + k // 12, k % 12 + 1, 15) for k in range(24))
    s = Series(quarters + mid, tuple(100.0 + k for k in range(28)))
    assert grid_part(s.dates) is None and choose_method(s)[0] == "blend"


def test_the_left_out_list_is_cut_after_six(english):
    # seven mid-month actuals between year ends 2015–2022: all off the yearly grid
    ends = tuple(D(y) for y in range(2015, 2023))
    mid = tuple(dt.date(y, 6, 15) for y in range(2016, 2023))
    s = Series(tuple(sorted(ends + mid)), tuple(100.0 + k for k in range(15)))
    assert grid_note(s).endswith("left out of the fit (off that spacing): 2016-06-15, "
                                 "2017-06-15, 2018-06-15, 2019-06-15, 2020-06-15, "
                                 "2021-06-15, … (7)")
