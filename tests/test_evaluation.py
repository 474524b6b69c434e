"""The final evaluation as data, on the synthetic data set of ``brief_support`` (see
there) evaluated on 2026-03-31, after the plan's end; expected values by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from pucli.compute.evaluation import build_evaluation, cagr, plan_inconsistencies
from pucli.compute.projection import project_counts
from pucli.loading.actuals import open_actuals
from pucli.loading.datadir import BUNDLED, DataDir
from pucli.loading.dataset import open_plan, open_targets
from pucli.loading.progress import open_progress
from pucli.loading.schema import validate
from pucli.models.plan import Plan
from pucli.render.brief_blocks import Annex, Heading, TableBlock
from pucli.render.brief_final import evaluation_blocks

from brief_support import make_brief_data
from tracking_support import PLAN, make_plan

AS_OF = dt.date(2026, 3, 31)


def evaluate(folder, extra_actuals: str = ""):
    if extra_actuals:
        with open(folder / "actuals.csv", "a", encoding="utf-8") as fh:
            fh.write(extra_actuals)
    data = DataDir(folder, "--data")
    plan, targets = open_plan(data), open_targets(data)
    series = open_actuals(data).whole(as_of=AS_OF)
    projection = project_counts(targets, series, AS_OF)
    return build_evaluation(plan, targets, series, projection,
                            open_progress(data, plan, AS_OF), AS_OF)


@pytest.fixture
def ev(tmp_path):
    return evaluate(make_brief_data(tmp_path / "data"))


def test_cagr_known_values():
    assert cagr(100, 121, 2) == pytest.approx(0.10)  # 100 × 1.1² = 121
    assert cagr(6472, 7961, 1) == pytest.approx(1489 / 6472)
    assert cagr(0, 5, 1) is None and cagr(5, 6, 0) is None


def test_targets_met_or_not_with_growth_achieved_and_planned(ev):
    t2022, t2025 = ev.targets
    # 2022: the count on 2022-12-31 is 7,350 < 7,961; baseline 6,472 on 2021-12-31
    assert (t2022.final, t2022.met, t2022.gap) == (7350, False, 7350 - 7961)
    assert t2022.planned_cagr == pytest.approx(7961 / 6472 - 1)  # 23.0 %
    assert t2022.achieved_cagr == pytest.approx(7350 / 6472 - 1)  # 13.6 %
    # 2025: no count on 2025-12-31 (the series stops at 2025-03-31): cannot be judged
    assert (t2025.final, t2025.met, t2025.achieved_cagr) == (None, None, None)
    assert t2025.latest == (dt.date(2025, 3, 31), 9440)
    assert t2025.projected is not None and t2025.projected > 9440
    assert t2025.stated_rate == 0.15  # 十四五年均增长率, ending 2025-12-31
    assert t2025.planned_cagr == pytest.approx((11236 / 6472) ** (1 / 4) - 1)  # 14.8 %


def test_a_final_count_on_the_date_is_judged(tmp_path):
    ev = evaluate(make_brief_data(tmp_path / "data"), "2025-12-31,11500,synthetic\n")
    final = ev.targets[-1]
    assert (final.final, final.met, final.projected) == (11500, True, None)
    assert final.achieved_cagr == pytest.approx((11500 / 6472) ** (1 / 4) - 1)  # 15.4 %


def test_deadlines_and_how_long_they_slipped(ev):
    got = {(d.measure, d.kind): (d.original, d.due, d.done, d.late_days, d.is_open)
           for d in ev.deadlines}
    assert got == {
        # done by its lead 县发改局 on 2025-02-10: 2024-02-29 + 347 days
        (1, "measure"): (dt.date(2024, 2, 29), dt.date(2024, 2, 29), dt.date(2025, 2, 10),
                         347, False),
        # extended to 2025-06-30 and still open: 2025-03-31 → 2026-03-31 is 365 days
        (2, "measure"): (dt.date(2025, 3, 31), dt.date(2025, 6, 30), None, 365, True),
        # milestone 方案印发, open: 2024-12-31 → 2026-03-31 is 455 days
        (2, "milestone"): (dt.date(2024, 12, 31), dt.date(2024, 12, 31), None, 455, True),
    }
    assert next(d for d in ev.deadlines if d.kind == "measure" and d.measure == 2
                ).extended_days == 91


def test_final_status_first_and_last_report(ev):
    got = [(f.row.measure, f.row.unit, f.row.status, f.first, f.last, f.reports)
           for f in ev.finals]
    assert got == [
        (1, "县发改局", "done", dt.date(2024, 12, 20), dt.date(2025, 2, 10), 2),
        (1, "县行政审批局", "no_report", None, None, 0),
        (2, "县行政审批局", "blocked", dt.date(2024, 12, 28), dt.date(2025, 3, 5), 2),
        (3, "县市场监管局", "no_report", None, None, 0),
        (3, "县发改局", "no_report", None, None, 0)]
    assert ev.measures_done == 1
    assert [(g.group, g.total, g.counts["done"]) for g in ev.by_section] == [
        ("1", 3, 1), ("2", 2, 0)]
    # by unit: 县发改局 1 done of 2 first
    assert (ev.by_unit[0].group, ev.by_unit[0].total, ev.by_unit[0].share_done) == (
        "县发改局", 2, 0.5)


def test_the_plans_own_inconsistencies(ev):
    codes = [(i.code, i.numbers.get("start")) for i in ev.inconsistencies]
    # 7,961 × 1.15³ = 12,108 ≠ 11,236; from 6,472 the 15 % path (11,320) is within 1 %
    assert codes == [("rate-path", 7961), ("goal-without-number", None)]
    rate = ev.inconsistencies[0].numbers
    assert rate["implied"] == pytest.approx(7961 * 1.15 ** 3)
    assert rate["needed"] == pytest.approx((11236 / 7961) ** (1 / 3) - 1)  # 12.2 %


def test_a_deadline_outside_the_plan_period_is_mentioned():
    measures = [dict(m) for m in PLAN["measures"]]
    measures[2] = {**measures[2], "due": dt.date(2026, 6, 30)}  # the plan ends 2025-12-31
    plan = validate(Plan, {**PLAN, "measures": measures})
    assert make_plan().measures[2].due is None
    found = [i for i in plan_inconsistencies(plan, open_targets(DataDir(BUNDLED, "--data")))
             if i.code == "due-outside-period"]
    assert [(i.numbers["measure"], i.numbers["due"]) for i in found] == [
        (3, dt.date(2026, 6, 30))]


def test_blocks_body_and_annexes(ev):
    blocks = evaluation_blocks(ev)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings[:3] == ["测试方案终期评估", "一、总体结论", "二、目标完成情况"]
    assert "五、方案自身需要说明的问题" in headings
    annexes = [b.title for b in blocks if isinstance(b, Annex)]
    assert annexes == ["各举措和责任单位最终状态", "完成时限执行明细"]
    targets = next(b for b in blocks if isinstance(b, TableBlock))
    assert targets.rows[0][:5] == ["2022-12-31", "7,961", "7,350", "-611（-7.7%）", "未完成"]
    assert targets.rows[1][4] == "无法判定" and targets.rows[1][5] == "14.8%（方案 15%）"
