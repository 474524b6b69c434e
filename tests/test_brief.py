"""The brief as data: headline, overdue by unit, silent units, sections, changes.

On the synthetic data set of ``brief_support`` (see there); expected values by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from pucli.compute.brief import ExtraSection, build_brief, rank_debts
from pucli.compute.overdue import LateItem
from pucli.compute.projection import project_counts
from pucli.loading.actuals import open_actuals
from pucli.loading.datadir import DataDir
from pucli.loading.dataset import open_plan, open_targets
from pucli.loading.progress import open_progress
from pucli.render.brief_blocks import (
    Annex,
    Bullets,
    Chart,
    Heading,
    Paragraph,
    TableBlock,
    brief_blocks,
    debt_table,
)

from brief_support import make_brief_data
from tracking_support import entry, make_plan

AS_OF, SINCE = dt.date(2025, 4, 15), dt.date(2024, 12, 15)


@pytest.fixture
def brief(tmp_path):
    folder = DataDir(make_brief_data(tmp_path / "data"), "--data")
    plan = open_plan(folder)
    projection = project_counts(open_targets(folder), open_actuals(folder).whole(as_of=AS_OF),
                                AS_OF)
    entries = open_progress(folder, plan, dt.date(2025, 6, 1))
    return build_brief(plan, projection, entries, AS_OF, SINCE)


def test_headline_is_the_projection(brief):
    assert brief.projection.latest == (dt.date(2025, 3, 31), 9440.0)
    # 9440 → 11236 in 9 months: (11236 / 9440) ** (12 / 9) − 1
    assert brief.projection.required_annual_growth == pytest.approx(
        (11236 / 9440) ** (12 / 9) - 1)


def test_overdue_grouped_by_unit_most_late_first(brief):
    groups = [(unit, [(i.measure, i.kind, i.item, i.days_overdue) for i in items])
              for unit, items in brief.overdue_units]
    assert groups == [
        # milestone 方案印发 due 2024-12-31: 105 days late on 2025-04-15
        ("县行政审批局", [(2, "milestone", "方案印发", 105)]),
        # 2025Q1 report due 2025-03-31, measure 3: neither of its units ever reported
        ("县发改局", [(3, "report", "2025Q1", 15)]),
        ("县市场监管局", [(3, "report", "2025Q1", 15)]),
    ]


def test_units_that_never_reported_and_sections(brief):
    assert brief.never_reported == ["县市场监管局"]
    counts = [(g.group, g.total, g.counts["done"], g.counts["blocked"], g.counts["no_report"])
              for g in brief.by_section]
    # section 1: measure 1 × 2 units (发改局 done, 审批局 none) + measure 2 (审批局 blocked)
    assert counts == [("1", 3, 1, 1, 1), ("2", 2, 0, 0, 2)]


def test_changes_since(brief):
    c = brief.changes
    assert [(str(e.date), e.measure) for e in c.new_reports] == [
        ("2024-12-20", 1), ("2024-12-28", 2), ("2025-02-10", 1), ("2025-03-05", 2)]
    # the milestone fell due on 2024-12-31, after the earlier brief
    assert [(i.measure, i.item) for i in c.newly_overdue] == [(2, "方案印发")]
    # measure 3's report was late then and is late now: not "new"
    assert all(i.measure != 3 for i in c.newly_overdue)
    assert [(r.measure, r.unit) for r in c.newly_done] == [(1, "县发改局")]
    # measure 1 is done (its lead reported done), so everything about it is resolved;
    # 县行政审批局 reported on measure 2 on 2024-12-28, clearing its 2024Q3 report
    assert sorted((i.measure, i.unit, i.kind) for i in c.resolved) == [
        (1, "县发改局", "measure"), (1, "县发改局", "report"),
        (1, "县行政审批局", "measure"), (1, "县行政审批局", "report"),
        (2, "县行政审批局", "report")]


def test_no_since_no_changes(tmp_path):
    folder = DataDir(make_brief_data(tmp_path / "data"), "--data")
    plan = open_plan(folder)
    p = project_counts(open_targets(folder), open_actuals(folder).whole())
    b = build_brief(plan, p, open_progress(folder, plan, dt.date(2025, 6, 1)), AS_OF)
    assert b.changes is None
    assert not any(isinstance(x, Heading) and "变化" in x.text for x in brief_blocks(b))


def test_blocks_in_chinese_by_default(brief):
    blocks = brief_blocks(brief)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings[:8] == ["测试方案工作简报", "一、总体情况", "二、逾期情况",
                            "（一）各单位逾期情况", "（二）逾期超过 90 天的事项",
                            "三、尚未报送的单位", "四、各部分进展", "五、自 2024-12-15 以来的变化"]
    assert sum(isinstance(b, Chart) for b in blocks) == 1
    bullets = next(b for b in blocks if isinstance(b, Bullets))
    assert bullets.items[0] == "最新实际数：9,440 户（2025-03-31）"
    targets = next(b for b in blocks if isinstance(b, TableBlock))
    assert targets.rows[0][2] == "日期已过" and targets.rows[1][2] == "1,796"  # 11236 − 9440


def test_blocks_in_english(brief, english):
    headings = [b.text for b in brief_blocks(brief) if isinstance(b, Heading)]
    assert headings[1:4] == ["1. Headline", "2. Overdue", "2.1 What each unit owes"]


def test_extra_sections_are_rendered_as_given(brief):
    brief.extra_sections.append(ExtraSection("质量", "Quality", ["一段话"], ["a", "b"],
                                             [[1, None]]))
    blocks = brief_blocks(brief)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "六、质量")
    assert blocks[at + 2] == TableBlock(["a", "b"], [["1", ""]])


def test_an_itemised_extra_section_goes_to_an_annex(brief):
    brief.extra_sections.append(ExtraSection("清单", "List", [], ["a"], [[1], [2]], annex=True))
    blocks = brief_blocks(brief)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "六、清单")
    assert blocks[at + 1] == Paragraph("明细 2 项（见附件3）")
    annex = blocks.index(Annex(3, "清单"))
    assert blocks[annex + 1] == TableBlock(["a"], [["1"], ["2"]])


def test_body_then_annexes_with_every_itemised_list(brief):
    """The body has counts and the serious cases; the annexes (附件) hold the lists."""
    blocks = brief_blocks(brief)
    first = next(i for i, b in enumerate(blocks) if isinstance(b, Annex))
    body, annexes = blocks[:first], blocks[first:]
    assert [b for b in annexes if isinstance(b, Annex)] == [
        Annex(1, "逾期事项清单"), Annex(2, "自 2024-12-15 以来的变化明细")]
    assert body[-1] == Paragraph("附件：1. 逾期事项清单\n2. 自 2024-12-15 以来的变化明细",
                                 hanging=3)
    # the full overdue list (3 items) only in annex 1, a unit named on every row
    full = annexes[1]
    assert isinstance(full, TableBlock) and [r[0] for r in full.rows] == [
        "县行政审批局（牵头）", "县发改局", "县市场监管局（牵头）"]
    # the body: ranking by unit, the one long-overdue item (105 > 90 days), change counts
    tables = [b for b in body if isinstance(b, TableBlock)]
    assert [len(t.rows) for t in tables] == [2, 3, 1, 2]  # targets, units, serious, sections
    assert tables[2].rows[0][3] == "2024-12-31" and tables[2].rows[0][4] == "105"
    assert Paragraph("新报送 4 条，新增逾期 1 项，逾期已解决 5 项，新完成 1 项"
                     "（明细见附件2）。") in body
    # the change details are tables of the annex, under numbered headings
    assert [b.text for b in annexes if isinstance(b, Heading)] == [
        "（一）新报送", "（二）新增逾期", "（三）逾期已解决", "（四）新完成"]


def test_units_ranked_by_what_they_owe(brief):
    debts = brief.debts
    # 县行政审批局: the 105-day milestone (long overdue) ranks it first
    assert [(d.unit, d.total, d.counts, d.longest, d.long_overdue, d.never_reported)
            for d in debts] == [
        ("县行政审批局", 1, {"measure": 0, "milestone": 1, "report": 0}, 105, 1, False),
        ("县发改局", 1, {"measure": 0, "milestone": 0, "report": 1}, 15, 0, False),
        ("县市场监管局", 1, {"measure": 0, "milestone": 0, "report": 1}, 15, 0, True)]


def test_ranking_order_and_the_rest_row(brief):
    items = brief.overdue
    a, b = items[1], items[2]  # two 15-day reports
    more = [replace(a, unit="乙"), replace(a, unit="乙", kind="measure"),
            replace(b, unit="甲", days_overdue=40)]
    debts = rank_debts(items + more, ["县市场监管局"])
    # long-overdue first, then most items (乙: 2), then the longest delay (甲: 40)
    assert [d.unit for d in debts] == ["县行政审批局", "乙", "甲", "县发改局", "县市场监管局"]
    table = debt_table(debts, 3)
    assert table.rows[-1] == ["", "其余 2 个单位", "2", "0", "0", "2", "15", ""]
    assert len(debt_table(debts).rows) == 5


def test_the_headline_marks_an_indicative_rating_and_gives_the_sdg_category(tmp_path):
    # Two actuals: the rating is indicative (no scatter to measure) and the SDG category
    # stands beside it.
    folder = DataDir(make_brief_data(tmp_path / "data"), "--data")
    (tmp_path / "data" / "actuals.csv").write_text(
        "date,total\n2021-12-31,6472\n2022-12-31,7100\n", encoding="utf-8")
    plan, as_of = open_plan(folder), dt.date(2023, 3, 31)
    p = project_counts(open_targets(folder), open_actuals(folder).whole(as_of=as_of), as_of)
    blocks = brief_blocks(build_brief(plan, p, [], as_of, None))
    table = next(b for b in blocks if isinstance(b, TableBlock))
    assert table.columns[-1] == "SDG 进度类别"
    final = table.rows[-1]
    assert final[-2].endswith("（仅供参考）")
    # 6472 → 7100 in a year: 9.70 %; required 6472 → 11236 in four years: 14.79 %;
    # ratio 66 % → acceleration needed
    assert final[-1] == "需加快"
    bullets = [b for b in blocks if isinstance(b, Bullets)]
    assert "评级：" in bullets[0].items[2] and "（仅供参考）" in bullets[0].items[2]
    assert any("仅供参考：实际数少于三个" in i for i in bullets[1].items)


def test_the_headline_names_a_trend_break(tmp_path):
    folder = DataDir(make_brief_data(tmp_path / "data"), "--data")
    rows = [(dt.date(2012 + k, 12, 31), 1000 * 1.1 ** min(k, 5) * 1.02 ** max(k - 5, 0))
            for k in range(10)]
    (tmp_path / "data" / "actuals.csv").write_text(
        "date,total\n" + "".join(f"{d},{round(v)}\n" for d, v in rows), encoding="utf-8")
    plan, as_of = open_plan(folder), dt.date(2022, 1, 31)
    p = project_counts(open_targets(folder), open_actuals(folder).whole(as_of=as_of), as_of)
    blocks = brief_blocks(build_brief(plan, p, [], as_of, None))
    notes = [i for b in blocks if isinstance(b, Bullets) for i in b.items]
    assert any(i.startswith("趋势转折：自 2017-12-31 起年均增速由 10.0% 放缓至 2.0%")
               for i in notes), notes


# -- issue 12 item 4: survivors of mutation testing (compute/brief.py) --------------------------

def test_the_brief_reads_the_ledger_as_of_its_day_and_compares_with_since():
    plan, as_of, since = make_plan(), dt.date(2025, 7, 1), dt.date(2025, 4, 1)
    ledger = [entry("2025-04-01", 2, "县行政审批局"),  # on ``since``: not new
              entry("2025-07-01", 3, "县市场监管局"),  # on ``as_of``: new, and counts
              entry("2025-07-02", 1, "县发改局", "done")]  # after ``as_of``: ignored
    brief = build_brief(plan, None, ledger, as_of, since)
    assert "县市场监管局" not in brief.never_reported
    assert "县发改局" in brief.never_reported
    assert sum(g.counts["done"] for g in brief.by_section) == 0
    assert [(e.measure, e.unit) for e in brief.changes.new_reports] == [(3, "县市场监管局")]
    # late on 2025Q1's report then on 2025Q2's: still the same debt, neither new nor
    # resolved; only 县市场监管局's report on measure 3 (made on ``as_of``) is resolved
    assert not [i for i in brief.changes.newly_overdue if i.kind == "report"]
    assert [(i.measure, i.unit) for i in brief.changes.resolved if i.kind == "report"] == [
        (3, "县市场监管局")]


def test_a_units_debt_counts_every_item_of_a_kind():
    items = [LateItem(m, "x", 1, "A", True, "report", f"2025Q{m}", dt.date(2025, 1, 1),
                      dt.date(2025, 1, 1), 10 * m, "overdue", None, None, None)
             for m in (1, 2)]
    (debt,) = rank_debts(items)
    assert (debt.counts["report"], debt.total, debt.longest) == (2, 2, 20)
