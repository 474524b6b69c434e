"""Metrics beyond the total: the metric column of actuals.csv, goals in targets.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pucli.compute.projection import project_counts
from pucli.loading.actuals import load_actuals
from pucli.loading.plan import load_targets
from pucli.models.metrics import BUILTIN, metric_registry, resolve_metric

from conftest import DATA, MINIMAL_TARGETS, SHARED

TODAY = dt.date(2024, 6, 30)
SOURCE = SHARED / "source" / "puxian-market-entity-doubling-plan-2022.txt"


def _load(tmp_path: Path, text: str):
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    return load_actuals(path, "actuals.csv", TODAY)


def test_metric_rows_by_name_or_chinese_label_are_one_series(tmp_path):
    actuals, problems = _load(tmp_path, "date,total,metric\n2021-12-31,100,\n"
                                        "2021-12-31,10,high_tech\n2022-12-31,13,高新技术企业\n"
                                        "2022-12-31,120,total\n")
    assert problems == []
    assert actuals.series(metric="high_tech").values == (10.0, 13.0)
    assert actuals.series().values == (100.0, 120.0)
    assert actuals.metrics() == ["total", "high_tech"]


def test_a_kind_is_a_series_from_the_total_rows_columns(tmp_path):
    actuals, problems = _load(tmp_path, "date,total,enterprises,individual_businesses\n"
                                        "2021-12-31,100,20,70\n2022-12-31,120,25,\n")
    assert problems == []
    assert actuals.series(metric="enterprises").values == (20.0, 25.0)
    assert actuals.series(metric="individual_businesses").values == (70.0,)
    assert actuals.metrics() == ["total", "enterprises", "individual_businesses"]


def test_metric_problems_are_located(tmp_path):
    _, problems = _load(tmp_path, "date,total,metric,enterprises\n"
                                  "2021-12-31,100,hightech,\n"
                                  "2021-12-31,10,high_tech,3\n"
                                  "2022-12-31,120,,30\n"
                                  "2022-12-31,31,enterprises,\n"
                                  "2022-12-31,14,high_tech,\n2022-12-31,15,high_tech,\n")
    got = [(p.line, p.col, p.code) for p in problems]
    assert got == [(2, 16, "unknown-metric"), (3, 25, "kinds-on-metric"),
                   (7, 1, "duplicate-date"), (5, 12, "metric-mismatch")]
    assert problems[0].hint == "did you mean 'high_tech'?"
    assert problems[2].message == ("a second row for 2022-12-31 of metric high_tech "
                                   "(first on line 6)")
    assert problems[3].message == ("enterprises 31, but the total row of 2022-12-31 (line 4) "
                                   "gives enterprises 30")


def test_a_metric_declared_in_targets_is_known():
    registry = metric_registry([type("M", (), {"name": "dianshang", "label": "电商企业",
                                               "label_en": None, "note": None})()])
    assert resolve_metric("电商企业", registry) == "dianshang"
    assert resolve_metric("", registry) == "total"
    assert resolve_metric("电商", BUILTIN) is None


def _targets(tmp_path: Path, extra: str):
    path = tmp_path / "targets.yaml"
    path.write_text(MINIMAL_TARGETS + extra, encoding="utf-8")
    return load_targets(path, "targets.yaml")


def test_a_relative_goal_gives_no_number_without_a_baseline(tmp_path):
    targets, problems = _targets(tmp_path, "goals:\n  - {metric: high_tech, multiple: 2, "
                                           "by: 2025-12-31}\n")
    assert problems == []
    assert targets.for_metric("high_tech") == []


def test_a_relative_goal_with_baseline_and_date_is_a_derived_target(tmp_path):
    targets, problems = _targets(tmp_path, (
        "baselines:\n  - {metric: high_tech, date: 2021-12-31, value: 12}\n"
        "goals:\n  - {metric: high_tech, multiple: 2, by: 2025-12-31}\n"))
    assert problems == []
    [point] = targets.for_metric("high_tech")
    assert (point.date, point.value, point.derived, point.kind) == (
        dt.date(2025, 12, 31), 24, True, "goal")
    assert point.note == "2 × baseline 12 (2021-12-31)"
    from pucli.models.observations import Series

    p = project_counts(targets, Series((dt.date(2021, 12, 31), dt.date(2022, 12, 31)),
                                       (12.0, 15.0)), metric="high_tech")
    # the default blend by end-2025: the mean of constant net increase (15 + 3 × 3 = 24)
    # and constant growth (12 × 1.25^4 = 29.3): 26.6 ≥ 24
    assert p.targets[0].value == 24
    assert round(p.targets[0].expected, 1) == round((24 + 12 * 1.25 ** 4) / 2, 1) == 26.6
    assert p.rating == "probable"


def test_an_unknown_metric_in_targets_is_located(tmp_path):
    _, problems = _targets(tmp_path, "goals:\n  - {metric: hightech, multiple: 2}\n")
    assert [(p.line, p.code, p.hint) for p in problems] == [
        (6, "unknown-metric", "did you mean 'high_tech'?")]


def test_the_plan_goals_are_quoted_and_carry_no_invented_number():
    targets, problems = load_targets(DATA / "targets.yaml", "targets.yaml")
    assert not [p for p in problems if p.is_error]
    [goal] = targets.goals
    assert (goal.metric, goal.multiple, goal.by) == ("high_tech", 2, None)
    assert goal.source.quote == "滚动实施高新技术企业倍增计划"
    assert {t.metric for t in targets.targets} == {"total"}  # no number for any other metric
    assert targets.baselines == []
    assert {m.name: m.measures for m in targets.metrics} == {
        "enterprises": [], "high_tech": [33], "zhuanjingtexin": [20], "xiaoshenggui": [20],
        "xianshang": [16, 23], "ge_zhuan_qi": [25]}


@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/source is not present")
def test_every_metric_quote_is_in_the_plan():
    targets, _ = load_targets(DATA / "targets.yaml", "targets.yaml")
    text = SOURCE.read_text(encoding="utf-8")
    for item in [*targets.metrics, *targets.goals]:
        assert item.source.quote in text, item
