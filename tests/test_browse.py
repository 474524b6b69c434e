"""compute.browse: unit names resolved, measures filtered, the responsibility matrix.

The plan is the small synthetic one of tracking_support, with a township group."""

import pytest

from pucli.compute.browse import filter_measures, resolve_unit, responsibility_matrix
from pucli.problems import DataError

from tracking_support import make_group_plan


def test_an_invisible_character_in_a_unit_name_is_named():
    with pytest.raises(DataError) as caught:
        resolve_unit(make_group_plan(), "县发改局\u200b", "--unit")
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("invalid-name", "--unit")
    assert "invisible character" in problem.message and problem.hint.startswith("retype")


def test_a_fragment_of_two_units_names_both():
    # 乡 is in 各乡镇 and 古县乡 (not in 城关镇)
    with pytest.raises(DataError) as caught:
        resolve_unit(make_group_plan(), "乡")
    assert caught.value.problems[0].hint == "matches several units: 古县乡, 各乡镇"


def test_filters_read_aliases_and_ignore_case():
    plan = make_group_plan()
    # measure 5 names 发改局, an alias of 县发改局
    assert [m.id for m in filter_measures(plan, unit="县发改局")] == [1, 3, 5]
    assert [m.id for m in filter_measures(plan, search="FIVE")] == [5]


def test_the_matrix_puts_the_most_leads_first_then_the_most_measures():
    rows = responsibility_matrix(make_group_plan())
    # leads: 县发改局 1, 5 (alias); supports 3. 县行政审批局 leads 2, supports 1, 4.
    # 县市场监管局 leads 3, supports 5. 各乡镇 leads 4. The townships: nothing.
    assert [(r.name, r.kind, r.leads, r.supports) for r in rows] == [
        ("县发改局", "county_department", [1, 5], [3]),
        ("县行政审批局", "county_department", [2], [1, 4]),
        ("县市场监管局", "county_department", [3], [5]),
        ("各乡镇", "township_group", [4], []),
        ("古县乡", "township", [], []),
        ("城关镇", "township", [], [])]


def test_a_search_reads_only_the_texts_a_measure_has():
    # measures 1–4 have no English title: "xx" is in none of their texts
    assert filter_measures(make_group_plan(), search="xx") == []
