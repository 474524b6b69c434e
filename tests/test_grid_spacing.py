"""compute/periods.py: the grid damped-trend fits on (grid_part), the grid points without an
actual (grid_gaps), a step that is not a whole number of months (is_regular) and t90's
error message. Written to kill mutants that survived mutmut; each expected answer is worked
out by hand in the comment beside it.

All series here are synthetic, made up for the tests: only their dates matter.

grid_part's rule, in the words of the comments: on a grid of one step, the candidate run
goes from some month end to the latest one on that grid; its balance is its actuals minus
its grid points without one (it must not be negative), and it must hold at least half of
the actuals from its start on. The winner has the best balance, then the most actuals, then
the longest step, then the latest last actual. Steps tried: 1, 3, 6, 12 months and the
commonest whole-month gap between consecutive dates.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pucli.compute.periods import grid_gaps, grid_part, is_regular, month_end, t90

D = dt.date
ME = month_end  # ME(2022, 2) is 2022-02-28


def mid(year: int, month: int) -> dt.date:
    """A mid-month reading, about halfway through its month: its gap to a month end is never
    a whole number of months, nor to another 15th unless both months have the same length
    (no test here puts two such 15ths side by side)."""
    return D(year, month, 15)


# ---- t90 and is_regular ---------------------------------------------------------------


def test_t90_says_why_it_refuses_zero_degrees_of_freedom():
    # The message is the whole text, not a fragment of it.
    with pytest.raises(ValueError, match=r"^degrees of freedom must be at least 1$"):
        t90(0)


def test_equal_gaps_that_are_not_whole_months_are_not_a_regular_step():
    # 2023-01-31 → 2023-03-15 is 1 + 15/31 ≈ 1.48 months: one gap (so all gaps are equal),
    # above one month, but not a whole number of months, so there is no regular step.
    assert is_regular([ME(2023, 1), D(2023, 3, 15)]) is None
    # Jan 10, Mar 20, May 30 2023 (all 31-day months): both gaps are 2 + 10/31 months,
    # equal but not whole, so still no step.
    assert is_regular([D(2023, 1, 10), D(2023, 3, 20), D(2023, 5, 30)]) is None


# ---- grid_gaps --------------------------------------------------------------------------


def test_grid_gaps_counts_from_the_first_date():
    # Year ends 2019, 2021, 2022 on a 12-month grid: the one without an actual is 2020,
    # between the first and the second date.
    assert grid_gaps([ME(2019, 12), ME(2021, 12), ME(2022, 12)], 12) == [ME(2020, 12)]
    # Quarter ends Mar and Dec 2023: Jun and Sep are missing.
    assert grid_gaps([ME(2023, 3), ME(2023, 12)], 3) == [ME(2023, 6), ME(2023, 9)]


# ---- grid_part: which steps are tried ----------------------------------------------------


def test_two_year_ends_are_a_yearly_grid_of_two():
    # Dec 2022 and Dec 2023: both on the yearly grid, nothing missing (balance 2).
    assert grid_part([ME(2022, 12), ME(2023, 12)]) == ([0, 1], 12.0)


def test_every_other_month_is_a_two_month_grid_despite_one_longer_gap():
    # Feb, Apr, Jun, Aug, Oct 2022, then Mar 2023: gaps 2, 2, 2, 2, 5, so the commonest
    # gap is 2 (not the longest, 5). The five even months are a full two-month grid
    # (balance 5); Mar 2023 is off it. Monthly: 6 actuals over 14 month ends, no good;
    # quarterly or half-yearly classes hold at most two of them.
    dates = [ME(2022, m) for m in (2, 4, 6, 8, 10)] + [ME(2023, 3)]
    assert grid_part(dates) == ([0, 1, 2, 3, 4], 2.0)


def test_only_whole_month_gaps_decide_the_commonest_gap():
    # Mid-month readings in Jan, Apr, Jul 2021 (gaps 3 + 15/30 − 15/31 and 3 + 15/31 −
    # 15/30: about three months, not whole), then month ends Oct, Dec 2021, Feb 2022
    # (gaps 2, 2; Jul 15 → Oct 31 is 3.5). The commonest whole gap is 2: the three month
    # ends are a full two-month grid (balance 3, all 3 actuals from Oct on). Had the
    # near-three-month gaps counted, 3 would be the commonest and the month ends would
    # only be monthly (3 of 5, balance 1).
    dates = [mid(2021, 1), mid(2021, 4), mid(2021, 7), ME(2021, 10), ME(2021, 12),
             ME(2022, 2)]
    assert grid_part(dates) == ([3, 4, 5], 2.0)


def test_the_commonest_gap_is_one_month_so_no_odd_step_is_tried():
    # Jan, Feb, Oct, Nov 2022: gaps 1, 8, 1, the commonest 1 month. Monthly: the whole run
    # is 4 of 11 and from Feb 3 of 10 (negative); Oct–Nov is 2 of 2 (balance 2).
    # Quarterly: Jan & Oct, Feb & Nov are 2 of 4 each (balance 0). So the latest pair,
    # monthly. (An 8-month step, never the commonest gap, would pair Feb with Oct.)
    dates = [ME(2022, 1), ME(2022, 2), ME(2022, 10), ME(2022, 11)]
    assert grid_part(dates) == ([2, 3], 1.0)


def test_a_missing_month_keeps_a_monthly_series_monthly():
    # Dec 2021, Feb, Mar 2022: gaps 2 and 1 (a tie, so the commonest is 2). Monthly
    # Dec–Mar: 3 actuals, 1 missing (balance 2, 3 actuals). Two-month Dec & Feb and
    # quarterly Dec & Mar also balance 2 but with 2 actuals: monthly wins on actuals.
    assert grid_part([ME(2021, 12), ME(2022, 2), ME(2022, 3)]) == ([0, 1, 2], 1.0)


def test_quarter_ends_with_missing_quarters_stay_quarterly():
    # Dec 2021, Mar, Sep 2022, Mar, Jun, Dec 2023: gaps 3, 6, 6, 3, 6 (commonest 6).
    # Quarterly Dec 2021–Dec 2023: 6 actuals, 3 missing (balance 3, 6 actuals).
    # Half-yearly Mar, Sep 2022, Mar 2023: 3 of 3 (balance 3, but 3 actuals); Dec 2021,
    # Jun, Dec 2023: 3 of 5. So quarterly, all six.
    dates = [ME(2021, 12), ME(2022, 3), ME(2022, 9), ME(2023, 3), ME(2023, 6), ME(2023, 12)]
    assert grid_part(dates) == ([0, 1, 2, 3, 4, 5], 3.0)


def test_half_year_ends_with_missing_half_years_stay_half_yearly():
    # Dec 2021, Jun 2022, Jun 2023, Dec 2023, Dec 2024: gaps 6, 12, 6, 12 (tie, so 12).
    # Half-yearly Dec 2021–Dec 2024: 5 actuals, 2 missing (balance 3). Yearly: Dec 2021,
    # 2023, 2024 is 3 of 4 (balance 2); Jun 2022, 2023 is 2 of 2 (balance 2). Quarterly:
    # 5 of 13. So half-yearly, all five.
    dates = [ME(2021, 12), ME(2022, 6), ME(2023, 6), ME(2023, 12), ME(2024, 12)]
    assert grid_part(dates) == ([0, 1, 2, 3, 4], 6.0)


# ---- grid_part: the balance ----------------------------------------------------------------


def test_two_month_ends_four_months_apart_are_no_grid():
    # Jan 31, Mar 15, May 31 2022: no whole-month gap between consecutive dates. The two
    # month ends are 4 months apart: monthly that is 2 actuals and 3 missing (balance −1);
    # Jan and May are in different quarterly, half-yearly and yearly classes.
    assert grid_part([ME(2022, 1), D(2022, 3, 15), ME(2022, 5)]) is None


def test_as_many_missing_as_present_still_qualifies():
    # Apr 2022 and Apr 2025, a mid-February reading between (so no whole gap): yearly,
    # Apr 2022–Apr 2025 has 2 actuals and 2 missing (2023, 2024): balance 0, allowed, and
    # 2 of the 3 actuals from Apr 2022 on.
    assert grid_part([ME(2022, 4), mid(2024, 2), ME(2025, 4)]) == ([0, 2], 12.0)


# ---- grid_part: half of the actuals from the run's start ------------------------------------


def test_four_quarter_ends_do_not_carry_five_later_mid_month_actuals():
    # Quarter ends of 2021, then mid-month readings Jan–May 2022: the quarterly run holds 4
    # of the 9 actuals from Mar 2021 on, fewer than half. Nothing else has two month ends
    # on one grid with a balance of 0 or more and enough actuals.
    dates = [ME(2021, m) for m in (3, 6, 9, 12)] + [mid(2022, m) for m in range(1, 6)]
    assert grid_part(dates) is None


def test_four_quarter_ends_carry_four_later_mid_month_actuals():
    # As above with readings Jan–Apr 2022: 4 of 8, exactly half, is enough.
    dates = [ME(2021, m) for m in (3, 6, 9, 12)] + [mid(2022, m) for m in range(1, 5)]
    assert grid_part(dates) == ([0, 1, 2, 3], 3.0)


def test_half_is_counted_from_the_run_start_not_the_first_actual():
    # Three mid-month readings (Jan–Mar 2021), then quarter ends Jun 2021–Mar 2022: the
    # quarterly run holds all 4 actuals from Jun 2021 on; the 3 earlier ones do not count.
    dates = [mid(2021, m) for m in (1, 2, 3)] + [ME(2021, m) for m in (6, 9, 12)]
    dates.append(ME(2022, 3))
    assert grid_part(dates) == ([3, 4, 5, 6], 3.0)


# ---- grid_part: the last tie-break ---------------------------------------------------------


def test_of_two_equal_grids_the_one_reaching_the_latest_actual_wins():
    # Dec 2021, Jan, Apr, Jun, Sep, Oct 2022 (gaps 1, 3, 2, 3, 1: commonest 3). Two
    # quarterly grids, each 3 actuals with one quarter missing (balance 2, 3 actuals):
    # Dec, Jun, Sep (Mar missing) and Jan, Apr, Oct (Jul missing). The second reaches the
    # latest date (Oct), so it wins, although its second actual (Apr) comes before the
    # first grid's (Jun). Monthly Dec–Oct (6 of 11) is balance 1; half-yearly and monthly
    # pairs balance 2 with only 2 actuals.
    dates = [ME(2021, 12), ME(2022, 1), ME(2022, 4), ME(2022, 6), ME(2022, 9), ME(2022, 10)]
    assert grid_part(dates) == ([1, 2, 5], 3.0)
