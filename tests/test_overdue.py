"""compute.overdue: which measures, milestones and reports are late, for whom, how long."""

import datetime as dt

from pucli.compute.overdue import (
    LateItem,
    any_overdue,
    late_items,
    latest_reports,
    responsible_units,
    severity_of,
    sort_items,
)

from tracking_support import entry, make_group_plan, make_plan

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


# -- issue 12 item 4: survivors of mutation testing --------------------------------------------

def test_a_member_reports_for_its_township_group():
    plan = make_group_plan()
    # 城关镇 (a member of 各乡镇, measure 4's lead) says done: the measure is done
    done = [entry("2024-01-10", 4, "城关镇", "done")]
    assert not [i for i in late_items(plan, done, D(2024, 3, 1)) if i.measure == 4]
    # a later report of the other member reopens it: the group's latest is 古县乡's
    reopened = done + [entry("2024-02-01", 4, "古县乡", "in_progress", 40)]
    items = [i for i in late_items(plan, reopened, D(2024, 3, 1))
             if (i.measure, i.unit, i.kind) == (4, "各乡镇", "measure")]
    assert [(i.last_date, i.last_status, i.last_percent, i.section) for i in items] == [
        (D(2024, 2, 1), "in_progress", 40, 2)]


def test_units_written_by_an_alias_are_the_registry_units():
    plan = make_group_plan()
    five = plan.measures[4]
    assert responsible_units(plan, five) == ["县发改局", "县市场监管局"]
    items = [i for i in late_items(plan, [], D(2024, 10, 1))
             if i.measure == 5 and i.kind == "milestone"]
    # 中期评估 is the alias's (extended to 2024-09-30: 1 day late); 全员培训 has no unit,
    # so it is every responsible unit's, the lead (县发改局) first
    assert sorted((i.item, i.unit, i.lead, i.due, i.original_due) for i in items) == [
        ("中期评估", "县发改局", True, D(2024, 9, 30), D(2024, 6, 30)),
        ("全员培训", "县发改局", True, D(2024, 6, 30), D(2024, 6, 30)),
        ("全员培训", "县市场监管局", False, D(2024, 6, 30), D(2024, 6, 30))]
    assert {(i.label, i.title_en) for i in items} == {("5.1", "Measure five")}
    # before the extended date only 全员培训 is late
    early = late_items(plan, [], D(2024, 7, 1), due_soon_days=0)
    assert {i.item for i in early if i.measure == 5 and i.kind == "milestone"} == {"全员培训"}


def test_a_report_dated_as_of_counts_and_later_ones_are_skipped_in_any_order():
    ledger = [entry("2024-05-01", 1, "县发改局", "done", line=2),  # after as_of: skipped
              entry("2024-03-01", 1, "县发改局", "in_progress", line=3)]
    latest = latest_reports(ledger, D(2024, 3, 1))
    assert latest[(1, "县发改局")].status == "in_progress"
    # equal date and line (entries made in memory): the later one in the list wins
    same = [entry("2024-01-10", 1, "县发改局"), entry("2024-01-10", 1, "县发改局", "done")]
    assert latest_reports(same)[(1, "县发改局")].status == "done"


def test_an_explicit_due_soon_window_overrides_the_plans():
    # measure 1 is due 2024-02-29, 9 days after 2024-02-20: due soon in the plan's
    # default window (14 days), not in a window of 0 days
    plan = make_plan()
    assert plan.plan.severity.due_soon_days == 14
    default = late_items(plan, [], D(2024, 2, 20))
    assert {(i.kind, i.days_overdue) for i in default if i.measure == 1} >= {("measure", -9)}
    assert not [i for i in late_items(plan, [], D(2024, 2, 20), due_soon_days=0)
                if i.kind == "measure"]


def test_section_and_unit_filters_keep_the_later_measures_and_units():
    plan = make_plan()
    in_two = late_items(plan, [], D(2024, 3, 1), section=2)
    assert {i.measure for i in in_two} == {3}
    # 县行政审批局 is measure 1's second unit and measure 2's only one
    mine = late_items(plan, [], D(2024, 3, 1), unit="县行政审批局")
    assert {(i.measure, i.kind) for i in mine} == {(1, "measure"), (1, "report"),
                                                   (2, "report")}


def test_a_report_on_the_first_day_of_the_period_counts_for_it():
    on_first_day = [entry("2025-01-01", 1, "县行政审批局")]
    items = late_items(make_plan(), on_first_day, D(2025, 4, 1), due_soon_days=0,
                       unit="县行政审批局")
    assert not [i for i in items if i.kind == "report" and i.measure == 1]


def test_a_period_starting_on_the_issue_date_is_reported_on():
    # issued on 2022-07-01, the first day of 2022Q3: Q3 is the first period
    items = late_items(make_plan(issued=D(2022, 7, 1)), [], D(2022, 10, 1), due_soon_days=0)
    assert {i.item for i in items if i.kind == "report"} == {"2022Q3"}


def test_a_period_starting_on_the_horizons_last_day_is_reported_on():
    plan = make_plan(horizon={"start": D(2022, 1, 1), "end": D(2025, 10, 1)})
    items = late_items(plan, [], D(2026, 1, 2), due_soon_days=0)
    assert {i.item for i in items if i.kind == "report"} == {"2025Q4"}


def _late(unit, days, measure=1):
    return LateItem(measure, "x", 1, unit, True, "measure", "x", D(2024, 1, 1),
                    D(2024, 1, 1), days, "overdue", None, None, None)


def test_the_group_with_the_latest_item_comes_first():
    # A's worst is 100 days (listed before its 5-day item), B's 50: A first
    items = [_late("A", 100), _late("A", 5, 2), _late("B", 50, 3)]
    assert [(i.unit, i.days_overdue) for i in sort_items(items)] == [
        ("A", 100), ("A", 5), ("B", 50)]


def test_a_measure_done_hides_only_itself_and_is_labelled_by_its_id():
    done = [entry("2024-01-10", 1, "县发改局", "done", 100)]
    items = late_items(make_plan(), done, D(2025, 7, 1))
    assert 1 not in {i.measure for i in items}
    assert {(i.measure, i.kind) for i in items} >= {(2, "measure"), (2, "milestone")}
    assert {i.label for i in items if i.measure == 2} == {"2"}  # no number: the id
