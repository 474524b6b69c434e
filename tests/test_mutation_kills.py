"""Tests written to kill mutants that survived mutmut (docs/hardening.md, "Mutation
testing"). Each checks a known, non-zero answer worked out by hand (shown beside it), not
one computed by the code under test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pucli.compute.cadence import (
    Period,
    last_due_period,
    period_containing,
    report_due,
)
from pucli.compute.periods import (
    Z90,
    is_regular,
    month_end,
    month_ends,
    month_index,
    spacing,
    t90,
)

D = dt.date

# ---- compute/cadence.py ---------------------------------------------------------------


def test_a_report_is_due_on_the_last_day_of_its_period_by_default():
    q3 = Period(D(2024, 7, 1), D(2024, 9, 30), "2024Q3")
    assert report_due(q3) == D(2024, 9, 30)
    assert report_due(q3, 15) == D(2024, 10, 15)


def test_the_last_due_period_by_default_has_no_grace_days():
    # On 2024-10-01 the third quarter's report (due 2024-09-30, end of day) is late.
    assert last_due_period(D(2024, 10, 1), "quarterly").label == "2024Q3"
    # On 2024-09-30 it is not yet: the last one due is the second quarter.
    assert last_due_period(D(2024, 9, 30), "quarterly").label == "2024Q2"
    # Ten grace days move the boundary to 2024-10-11.
    assert last_due_period(D(2024, 10, 10), "quarterly", 10).label == "2024Q2"
    assert last_due_period(D(2024, 10, 11), "quarterly", 10).label == "2024Q3"


def test_period_labels():
    assert period_containing(D(2024, 11, 5), "quarterly").label == "2024Q4"
    assert period_containing(D(2024, 8, 5), "half-yearly").label == "2024H2"
    assert period_containing(D(2024, 2, 29), "monthly") == Period(D(2024, 2, 1), D(2024, 2, 29),
                                                                   "2024-02")


# ---- compute/periods.py ---------------------------------------------------------------


def test_t90_reads_the_table_and_steps_down_conservatively():
    # Student's t, upper 10 % points (any statistics table): df 1 → 3.078, 30 → 1.310.
    assert t90(1) == 3.078
    assert t90(30) == 1.310
    # Between rows, the row below (more conservative): df 35 → the df-30 value.
    assert t90(35) == 1.310
    assert t90(120) == 1.289
    assert t90(121) == Z90 == 1.2816
    with pytest.raises(ValueError):
        t90(0)


def test_month_index_counts_months_from_year_zero():
    # 2021-12-31: 12 · 2021 + 12 − 1 + 31/31 = 24264
    assert month_index(D(2021, 12, 31)) == 24264.0
    # 2024-02-15 (a leap February of 29 days): 12 · 2024 + 1 + 15/29
    assert month_index(D(2024, 2, 15)) == pytest.approx(24289 + 15 / 29, abs=1e-12)
    # The plan's span, end-2021 to end-2025, is exactly 48 months.
    assert month_index(D(2025, 12, 31)) - month_index(D(2021, 12, 31)) == 48


def test_month_end_and_month_ends():
    assert month_end(2024, 2) == D(2024, 2, 29)
    assert month_end(2023, 2) == D(2023, 2, 28)
    assert month_end(2023, 12) == D(2023, 12, 31)
    # after the start, up to and including the end; across a year boundary
    assert month_ends(D(2023, 11, 30), D(2024, 2, 29)) == [
        D(2023, 12, 31), D(2024, 1, 31), D(2024, 2, 29)]
    # a start inside a month: its own month end counts
    assert month_ends(D(2024, 1, 15), D(2024, 2, 1)) == [D(2024, 1, 31)]
    assert month_ends(D(2024, 1, 31), D(2024, 1, 31)) == []


def test_spacing_and_regular_steps():
    quarters = [D(2023, 3, 31), D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]
    assert spacing(quarters) == [3.0, 3.0, 3.0]
    assert is_regular(quarters) == 3.0
    years = [D(2021, 12, 31), D(2022, 12, 31), D(2023, 12, 31)]
    assert is_regular(years) == 12.0
    assert is_regular([D(2023, 3, 31), D(2023, 6, 30), D(2023, 12, 31)]) is None  # 3, 6
    assert is_regular([D(2023, 1, 31)]) is None
    assert is_regular([D(2023, 1, 15), D(2023, 1, 31)]) is None  # half a month
    assert is_regular([D(2023, 1, 31), D(2023, 2, 28), D(2023, 3, 15)]) is None
