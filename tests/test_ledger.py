"""compute.ledger: the 台账 rows, the league table and who never reported.

The plans are the small synthetic ones of tracking_support."""

import datetime as dt

from pucli.compute.ledger import ledger_rows, never_reported, status_summary

from tracking_support import entry, make_group_plan, make_plan

D = dt.date


def test_rows_are_measure_by_unit_with_the_latest_report_as_of():
    plan = make_group_plan()
    ledger = [entry("2024-01-10", 5, "县发改局", "in_progress", 30),
              entry("2024-06-01", 5, "县发改局", "done", 100)]
    rows = ledger_rows(plan, ledger, section=2, as_of=D(2024, 3, 1))
    assert [(r.measure, r.unit, r.lead, r.status) for r in rows] == [
        (3, "县市场监管局", True, "no_report"), (3, "县发改局", False, "no_report"),
        (4, "各乡镇", True, "no_report"), (4, "县行政审批局", False, "no_report"),
        (5, "县发改局", True, "in_progress"), (5, "县市场监管局", False, "no_report")]
    five = rows[4]
    assert (five.title, five.title_en, five.label, five.latest.percent) == (
        "举措五", "Measure five", "5.1", 30)


def test_a_unit_filter_keeps_that_units_rows_in_every_measure():
    rows = ledger_rows(make_plan(), [], unit="县行政审批局")
    assert [(r.measure, r.lead) for r in rows] == [(1, False), (2, True)]


def test_the_league_table_counts_every_row():
    plan = make_plan()
    ledger = [entry("2024-01-10", 1, "县发改局", "done"),
              entry("2024-01-10", 3, "县发改局", "done")]
    by_unit = {g.group: g for g in status_summary(plan, ledger_rows(plan, ledger))}
    # 县发改局: measures 1 and 3, both done; 县行政审批局: measures 1 and 2, no report
    assert (by_unit["县发改局"].counts["done"], by_unit["县发改局"].share_done) == (2, 1.0)
    assert by_unit["县行政审批局"].counts["no_report"] == 2
    by_section = status_summary(plan, ledger_rows(plan, ledger), by="section")
    # sections have no numeral in this plan: "1." + title
    assert [(g.label, g.heading, g.total) for g in by_section] == [
        ("第一部分", "1.第一部分", 3), ("第二部分", "2.第二部分", 2)]
    assert [(g.group, g.heading) for g in status_summary(plan, ledger_rows(plan, ledger))
            ][0] == ("县发改局", "")  # units: no section heading


def test_a_group_has_reported_when_a_member_has():
    plan = make_group_plan()
    assert "各乡镇" in never_reported(plan, [entry("2024-01-10", 1, "县发改局")])
    assert "各乡镇" not in never_reported(plan, [entry("2024-01-10", 4, "古县乡")])


def test_a_row_without_a_plan_number_is_labelled_by_the_id():
    assert [r.label for r in ledger_rows(make_plan(), [])][:2] == ["1", "1"]
