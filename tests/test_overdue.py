"""compute.overdue: which measures, milestones and reports are late, for whom, how long."""

import datetime as dt

from pucli.compute.overdue import any_overdue, late_items, severity_of, sort_items

from tracking_support import entry, make_plan

D = dt.date


def rows(items):
    return [(i.measure, i.unit, i.kind, i.item, i.due, i.days_overdue, i.severity)
            for i in items]


def test_as_of_before_the_plan_began_lists_nothing():
    assert late_items(make_plan(), [], D(2021, 6, 1)) == []
    assert late_items(make_plan(), [], D(2022, 6, 30)) == []  # issued, no period done yet


def test_first_report_is_for_the_first_period_after_issue():
    # Issued 2022-06-17: Q2 2022 had begun already, so the first report is for Q3.
    items = late_items(make_plan(), [], D(2022, 10, 1), due_soon_days=0)
    assert {i.item for i in items} == {"2022Q3"}
    assert {i.days_overdue for i in items} == {1}
    # lead first on each measure: 5 measure × unit pairs
    assert [(i.measure, i.unit) for i in sort_items(items, "measure")] == [
        (1, "县发改局"), (1, "县行政审批局"), (2, "县行政审批局"),
        (3, "县市场监管局"), (3, "县发改局")]


def test_measure_due_today_is_due_soon_not_overdue():
    reported = [entry("2024-01-05", 1, "县发改局"), entry("2024-01-05", 1, "县行政审批局")]
    items = [i for i in late_items(make_plan(), reported, D(2024, 2, 29)) if i.kind == "measure"]
    assert rows(items) == [(1, "县发改局", "measure", "举措一", D(2024, 2, 29), 0, "due_soon"),
                           (1, "县行政审批局", "measure", "举措一", D(2024, 2, 29), 0, "due_soon")]
    assert not any_overdue(items)


def test_measure_due_on_leap_day_is_one_day_late_on_1_march():
    items = [i for i in late_items(make_plan(), [], D(2024, 3, 1)) if i.kind == "measure"]
    assert [(i.unit, i.days_overdue, i.severity) for i in items] == [
        ("县发改局", 1, "overdue"), ("县行政审批局", 1, "overdue")]
    assert any_overdue(items)


def test_extension_moves_the_deadline_and_keeps_the_original():
    items = [i for i in late_items(make_plan(), [], D(2025, 7, 1)) if i.kind == "measure"
             and i.measure == 2]
    (item,) = items
    assert (item.due, item.original_due, item.slipped_days, item.days_overdue) == (
        D(2025, 6, 30), D(2025, 3, 31), 91, 1)
    # before the extended date it is not late, although the original date has passed
    early = late_items(make_plan(), [], D(2025, 4, 30), due_soon_days=0)
    assert not [i for i in early if i.kind == "measure" and i.measure == 2]


def test_milestone_is_listed_for_its_unit_only():
    items = [i for i in late_items(make_plan(), [], D(2025, 1, 2)) if i.kind == "milestone"]
    assert rows(items) == [(2, "县行政审批局", "milestone", "方案印发", D(2024, 12, 31), 2,
                            "overdue")]


def test_severity_thresholds():
    assert severity_of(91, 14, 90) == "long_overdue"
    assert severity_of(90, 14, 90) == "overdue"
    assert severity_of(1, 14, 90) == "overdue"
    assert severity_of(0, 14, 90) == "due_soon"
    assert severity_of(-14, 14, 90) == "due_soon"
    assert severity_of(-15, 14, 90) is None
    plan = make_plan(severity={"due_soon_days": 3, "long_overdue_days": 30})
    items = late_items(plan, [], D(2024, 4, 1))  # measure 1 due 2024-02-29: 32 days
    assert {i.severity for i in items if i.kind == "measure"} == {"long_overdue"}


def test_report_made_in_the_period_is_not_late():
    reported = [entry("2025-01-15", 1, "县发改局"), entry("2024-12-20", 1, "县行政审批局")]
    items = [i for i in late_items(make_plan(), reported, D(2025, 4, 1), due_soon_days=0)
             if i.kind == "report" and i.measure == 1]
    assert rows(items) == [(1, "县行政审批局", "report", "2025Q1", D(2025, 3, 31), 1, "overdue")]
    assert (items[0].last_date, items[0].last_status) == (D(2024, 12, 20), "in_progress")


def test_grace_days_from_the_plan():
    plan = make_plan(reporting={"dispatch": "quarterly", "grace_days": 10})
    soon = late_items(plan, [], D(2025, 4, 10), due_soon_days=0)
    assert {(i.item, i.days_overdue) for i in soon if i.kind == "report"} == {("2024Q4", 90)}
    late = late_items(plan, [], D(2025, 4, 11), due_soon_days=0)
    assert {(i.item, i.due, i.days_overdue) for i in late if i.kind == "report"} == {
        ("2025Q1", D(2025, 4, 10), 1)}


def test_half_yearly_dispatch():
    plan = make_plan(reporting={"dispatch": "half-yearly"})
    items = late_items(plan, [], D(2025, 7, 1), due_soon_days=0)
    assert {i.item for i in items if i.kind == "report"} == {"2025H1"}


def test_measure_done_by_its_lead_is_never_listed():
    done = [entry("2024-01-10", 1, "县发改局", "done", 100)]
    items = late_items(make_plan(), done, D(2025, 4, 1))
    assert not [i for i in items if i.measure == 1]


def test_unit_done_with_its_part_is_not_chased():
    done = [entry("2024-01-10", 1, "县行政审批局", "done")]
    items = [i for i in late_items(make_plan(), done, D(2024, 3, 1)) if i.measure == 1]
    assert {i.unit for i in items} == {"县发改局"}


def test_latest_report_wins_and_later_reports_are_ignored_as_of():
    ledger = [entry("2024-01-10", 1, "县发改局", "done", line=2),
              entry("2024-02-01", 1, "县发改局", "in_progress", line=3),  # reopened
              entry("2024-05-01", 1, "县发改局", "done", line=4)]
    on_march = late_items(make_plan(), ledger, D(2024, 3, 1))
    assert (1, "县发改局", "measure") in {(i.measure, i.unit, i.kind) for i in on_march}
    assert not [i for i in late_items(make_plan(), ledger, D(2024, 5, 2)) if i.measure == 1]


def test_same_day_reports_later_line_wins():
    ledger = [entry("2024-01-10", 1, "县发改局", "in_progress", line=3),
              entry("2024-01-10", 1, "县发改局", "done", line=2)]
    items = late_items(make_plan(), ledger, D(2024, 3, 1))
    # line 3 is the later report, so the measure is not done; the 2023Q4 report was made
    assert [(i.kind, i.last_status) for i in items if (i.measure, i.unit) == (1, "县发改局")] == [
        ("measure", "in_progress")]


def test_due_soon_report_is_collapsed_when_already_overdue():
    plan = make_plan()
    as_of = D(2025, 3, 25)  # 2024Q4 overdue, 2025Q1 due in 6 days
    collapsed = late_items(plan, [], as_of, unit="县市场监管局")
    assert [(i.item, i.severity) for i in collapsed] == [("2024Q4", "overdue")]
    both = late_items(plan, [], as_of, unit="县市场监管局", one_report_per_unit=False)
    assert sorted((i.item, i.severity) for i in both) == [("2024Q4", "overdue"),
                                                           ("2025Q1", "due_soon")]


def test_no_reports_after_the_horizon_but_the_last_one_stays_due():
    items = late_items(make_plan(), [], D(2026, 1, 2), due_soon_days=0)
    assert {i.item for i in items if i.kind == "report"} == {"2025Q4"}
    # 2026Q1 lies outside the plan; the final 2025Q4 report is still chased, 92 days on
    items = late_items(make_plan(), [], D(2026, 4, 2), due_soon_days=0)
    reports = [i for i in items if i.kind == "report"]
    assert {i.item for i in reports} == {"2025Q4"}
    assert {i.days_overdue for i in reports} == {92}
    # once made, it is no longer listed
    made = [entry("2026-02-01", 1, "县发改局")]
    items = late_items(make_plan(), made, D(2026, 4, 2), due_soon_days=0)
    assert (1, "县发改局") not in {(i.measure, i.unit) for i in items if i.kind == "report"}


def test_filters_and_grouping():
    plan = make_plan()
    items = late_items(plan, [entry("2025-01-20", 3, "县市场监管局")], D(2025, 4, 1),
                       due_soon_days=0)
    assert {i.unit for i in late_items(plan, [], D(2025, 4, 1), unit="县发改局")} == {"县发改局"}
    assert {i.measure for i in late_items(plan, [], D(2025, 4, 1), section=2)} == {3}
    by_unit = sort_items(items, "unit")
    # the unit with the most-late item first; inside it, most late first
    assert [(i.unit, i.kind, i.measure, i.days_overdue) for i in by_unit] == [
        ("县发改局", "measure", 1, 397),
        ("县发改局", "report", 1, 1),
        ("县发改局", "report", 3, 1),
        ("县行政审批局", "measure", 1, 397),
        ("县行政审批局", "milestone", 2, 91),
        ("县行政审批局", "report", 1, 1),
        ("县行政审批局", "report", 2, 1),
    ]
