"""Date arithmetic of deadlines and reporting periods, at its edges."""

import datetime as dt

import pytest

from pucli.compute.cadence import (
    days_overdue,
    last_due_period,
    next_period,
    period_containing,
    report_due,
)

D = dt.date


@pytest.mark.parametrize(("due", "as_of", "days"), [
    (D(2025, 3, 31), D(2025, 3, 31), 0),      # due today: not yet overdue
    (D(2025, 3, 30), D(2025, 3, 31), 1),      # due yesterday: one day
    (D(2025, 4, 1), D(2025, 3, 31), -1),      # due tomorrow: one day left
    (D(2024, 2, 29), D(2024, 3, 1), 1),       # leap day, then 1 March
    (D(2024, 2, 28), D(2024, 3, 1), 2),       # across the leap day
    (D(2023, 2, 28), D(2023, 3, 1), 1),       # no leap day in 2023
    (D(2024, 2, 29), D(2025, 2, 28), 365),
    (D(2024, 12, 31), D(2025, 1, 1), 1),      # across the year end
])
def test_days_overdue(due, as_of, days):
    assert days_overdue(due, as_of) == days


@pytest.mark.parametrize(("day", "cadence", "start", "end", "label"), [
    (D(2025, 3, 31), "quarterly", D(2025, 1, 1), D(2025, 3, 31), "2025Q1"),
    (D(2025, 4, 1), "quarterly", D(2025, 4, 1), D(2025, 6, 30), "2025Q2"),
    (D(2025, 12, 31), "quarterly", D(2025, 10, 1), D(2025, 12, 31), "2025Q4"),
    (D(2024, 2, 10), "monthly", D(2024, 2, 1), D(2024, 2, 29), "2024-02"),
    (D(2023, 2, 10), "monthly", D(2023, 2, 1), D(2023, 2, 28), "2023-02"),
    (D(2024, 7, 1), "half-yearly", D(2024, 7, 1), D(2024, 12, 31), "2024H2"),
    (D(2024, 6, 30), "yearly", D(2024, 1, 1), D(2024, 12, 31), "2024"),
])
def test_period_containing(day, cadence, start, end, label):
    p = period_containing(day, cadence)
    assert (p.start, p.end, p.label) == (start, end, label)


@pytest.mark.parametrize(("as_of", "grace", "label"), [
    (D(2025, 3, 31), 0, "2024Q4"),   # Q1's report is due today: Q4 is the last one late
    (D(2025, 4, 1), 0, "2025Q1"),    # the day after the quarter end
    (D(2025, 1, 1), 0, "2024Q4"),
    (D(2025, 4, 10), 10, "2024Q4"),  # inside the grace days
    (D(2025, 4, 11), 10, "2025Q1"),
    (D(2024, 3, 1), 0, "2023Q4"),
])
def test_last_due_period(as_of, grace, label):
    p = last_due_period(as_of, "quarterly", grace)
    assert p.label == label
    assert days_overdue(report_due(p, grace), as_of) > 0
    following = next_period(p, "quarterly")
    assert days_overdue(report_due(following, grace), as_of) <= 0


def test_report_due_adds_grace_days():
    q1 = period_containing(D(2024, 2, 1), "quarterly")
    assert report_due(q1, 0) == D(2024, 3, 31)
    assert report_due(q1, 15) == D(2024, 4, 15)
