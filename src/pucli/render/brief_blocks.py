"""The brief worded in the current language, as a list of neutral blocks (headings,
paragraphs, bullet lists, tables, the chart) that the Markdown, HTML and Word renderers
each lay out in a few lines. The wording lives here once, for all three formats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pucli.compute.brief import Brief, Changes, ExtraSection, UnitDebt
from pucli.compute.overdue import LateItem
from pucli.i18n import is_english, t, title_of
from pucli.models.numbers import figure
from pucli.render import labels as lb
from pucli.render.metric_sections import metric_heading
from pucli.render.projection_tables import expected_text, gap_text, target_text

# Numerals for the heading levels of Chinese official documents: 一、 then （一）.
NUMERALS = "一二三四五六七八九十"
# Long-overdue items listed one by one in the body; beyond this the rest are in the annex.
BODY_LONG_OVERDUE = 15
# Units in the body's ranking; the whole ranking is in an annex when there are more.
BODY_UNITS = 12
# Names listed inline in a sentence; a longer list of units goes to an annex.
INLINE_NAMES = 8


@dataclass
class Heading:
    """``level`` 1 is the document's title; 2 and 3 are numbered by :func:`number_headings`
    (一、 / （一） in Chinese, 1. / 1.1 in English) unless ``numbered`` is False."""

    text: str
    level: int = 2
    numbered: bool = True


@dataclass
class Paragraph:
    """Text; ``\\n`` breaks a line. ``hanging``: later lines start this many characters
    in (the list of annexes aligns its names)."""

    text: str
    centered: bool = False
    hanging: int = 0


@dataclass
class Bullets:
    items: list[str]


@dataclass
class TableBlock:
    columns: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # right-aligned columns

    def keeps_whole(self, i: int) -> bool:
        """Column ``i`` must never wrap: numbers, dates, codes (every cell a short token)."""
        return i in self.numeric or all(_TOKEN.fullmatch(row[i] or "-") for row in self.rows)


@dataclass
class Chart:
    alt: str


@dataclass
class Annex:
    """Starts an annex (附件): everything after it up to the next Annex belongs to it.
    Renderers start it on a new page; ``number`` counts from 1."""

    number: int
    title: str


Block = Heading | Paragraph | Bullets | TableBlock | Chart | Annex

_TOKEN = re.compile(r"[-+−]?[\d,.:/%（）()+\-−]{1,24}|\d{4}-\d{2}-\d{2}|\d{4}[QH]\d")


def _cell(v: Any) -> str:
    return "" if v is None else str(v)


def _cn_numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def number_headings(blocks: list[Block]) -> list[Block]:
    """Number level-2 and level-3 headings in order (restarting in each annex):
    一、 and （一） in Chinese, 1. and 1.1 in English. Sections added by other parts of
    pucli are numbered with the rest, so nobody hard-codes a numeral."""
    out: list[Block] = []
    top = sub = 0
    for b in blocks:
        if isinstance(b, Annex):
            top = sub = 0
        elif isinstance(b, Heading) and b.numbered and b.level in (2, 3):
            if b.level == 2:
                top, sub = top + 1, 0
                prefix = t(f"{_cn_numeral(top)}、", f"{top}. ")
            else:
                sub += 1
                prefix = t(f"（{_cn_numeral(sub)}）", f"{max(top, 1)}.{sub} ")
            b = Heading(prefix + b.text, b.level, False)
        out.append(b)
    return out


def with_annexes(body: list[Block], annexes: list[tuple[str, list[Block]]]) -> list[Block]:
    """The body, the list of annexes (附件说明) closing it, then each annex numbered."""
    blocks = number_headings(body)
    if not annexes:
        return blocks
    if is_english():
        blocks.append(Paragraph("Annexes: " + "; ".join(
            f"{n}. {title}" for n, (title, _) in enumerate(annexes, 1))))
    else:
        blocks.append(Paragraph("附件：" + "\n".join(
            f"{n}. {title}" for n, (title, _) in enumerate(annexes, 1)), hanging=3))
    for n, (title, content) in enumerate(annexes, 1):
        blocks.append(Annex(n, title))
        blocks += number_headings(content)
    return blocks


def annex_ref(annexes: list[tuple[str, list[Block]]], title: str, content: list[Block],
              zh: str = "见", en: str = "see") -> str:
    """Add an annex and return the words that point to it: （见附件N）."""
    annexes.append((title, content))
    return t(f"（{zh}附件{len(annexes)}）", f" ({en} annex {len(annexes)})")


def title(brief: Brief) -> str:
    return t(f"{brief.plan.plan.title}工作简报", f"{title_of(brief.plan.plan)}: meeting brief")


def subtitle(brief: Brief) -> str:
    plan = brief.plan.plan
    doc = f"{plan.doc_number} · " if plan.doc_number else ""  # not every plan shows a 文号
    line = t(f"{doc}截至 {brief.as_of}", f"{doc}as of {brief.as_of}")
    if brief.changes:
        line += t(f" · 与 {brief.changes.since} 相比", f" · compared with {brief.changes.since}")
    return line


def brief_blocks(brief: Brief) -> list[Block]:
    """The whole brief, top to bottom: a body read in minutes, then the annexes (附件)
    that hold every itemised list."""
    annexes: list[tuple[str, list[Block]]] = []
    body: list[Block] = [Heading(title(brief), 1), Paragraph(subtitle(brief), centered=True)]
    body += headline_blocks(brief)
    body += _overdue(brief, annexes)
    body += _never(brief, annexes)
    body += _sections(brief)
    if brief.changes:
        body += changes_blocks(brief.changes, annexes)
    body += extra_blocks(brief.extra_sections, annexes)
    body.append(Paragraph(t("由 pucli 生成。评级规则：", "Made by pucli. Rating scale: ")
                          + lb.rating_scale()))
    return with_annexes(body, annexes)


def extra_blocks(extras: list[ExtraSection], annexes: list[tuple[str, list[Block]]],
                 ) -> list[Block]:
    """Sections other parts of pucli add: paragraphs in the body; a table in the body, or
    in an annex when the section says it is an itemised list."""
    out: list[Block] = []
    for extra in extras:
        name = t(extra.title_zh, extra.title_en)
        out.append(Heading(name))
        out += [Paragraph(p) for p in extra.paragraphs]
        if extra.columns:
            table = TableBlock(list(extra.columns), [[_cell(c) for c in row]
                                                     for row in extra.rows])
            if extra.annex:
                out.append(Paragraph(t(f"明细 {len(table.rows)} 项", f"{len(table.rows)} "
                                       "rows in detail") + annex_ref(annexes, name, [table])))
            else:
                out.append(table)
    return out


def headline_blocks(brief: Brief) -> list[Block]:
    """The count against the targets: summary lines, the targets table, the chart."""
    p = brief.projection
    out: list[Block] = [Heading(t("总体情况", "Headline"))]
    items = []
    unit, d = p.unit or "户", p.decimals  # the metric's own unit and decimals
    if p.unit or p.metric != "total":
        zh, en = metric_heading(p)
        items.append(t(f"指标：{zh}", f"Metric: {en}"))
    if p.latest:
        items.append(t(f"最新实际数：{p.latest[1]:,.{d}f} {unit}（{p.latest[0]}）",
                       f"Latest count: {p.latest[1]:,.{d}f} ({p.latest[0]})"))
    else:
        items.append(t("尚无实际数（actuals.csv 为空）", "No actuals recorded yet"))
    levels = [c for c in p.targets if c.measure == "level"]
    if p.required_annual_growth is not None and levels and levels[-1].direction == "at_least":
        final = levels[-1]
        items.append(t(
            f"要在 {final.date} 达到 {figure(final.value)} {unit}，每年还需增长 "
            f"{lb.percent(p.required_annual_growth, 2)}，即每月净增 "
            f"{p.net_new_per_month:,.{d + 1}f} {unit}",
            f"To reach {figure(final.value)} by {final.date}: "
            f"{lb.percent(p.required_annual_growth, 2)} growth a year, "
            f"{p.net_new_per_month:,.{d + 1}f} net new "
            f"{p.unit or 'entities'} a month"))
    rule = lb.rule_text(p.targets[-1], p.decimals) if p.targets else ""
    mark = lb.indicative_mark() if p.targets and p.targets[-1].indicative else ""
    items.append(t(f"评级：{lb.rating_label(p.rating)}{mark}" + (f"（{rule}）" if rule else ""),
                   f"Rating: {p.rating}{mark}" + (f" ({rule})" if rule else "")))
    items.append(t(f"预测方法：{lb.method_label(p.method)}——{lb.method_reason(p.method, p.reason)}",
                   f"Method: {p.method_label} — {p.reason}"))
    out.append(Bullets(items))
    rows = []
    sdg = any(c.cagr for c in p.targets)  # the SDG category, where a target has one
    for c in p.targets:
        rating = lb.rating_label(c.rating) + (lb.indicative_mark() if c.indicative else "")
        extra = [lb.cagr_label(c.cagr.category) if c.cagr else "—"] if sdg else []
        if c.basis == "actual":
            to_go = t("日期已过", "date passed")
        elif p.latest:
            to_go = f"{c.value - p.latest[1]:,.0f}"
        else:
            to_go = ""
        if c.measure != "level" or c.direction != "at_least" or p.decimals:
            to_go = "" if c.basis != "actual" else to_go  # "to go" reads only upward counts
            rows.append([str(c.date), target_text(c, d), to_go, expected_text(c, d),
                         gap_text(c, d), rating, *extra])
            continue
        rows.append([str(c.date), lb.number(c.value), to_go,
                     lb.number(c.expected), _gap(c.gap, c.gap_pct), rating, *extra])
    out.append(TableBlock(
        [t("目标日期", "target date"), t("目标值", "target"), t("距目标还差", "still to go"),
         t("预计值", "expected"), t("预计差距", "expected gap"), t("评级", "rating"),
         *([t("SDG 进度类别", "SDG category")] if sdg else [])],
        rows, numeric={1, 2, 3, 4}))
    if notes := _projection_notes(p):
        out.append(Bullets(notes))
    out.append(Chart(t("规划路径、实际与预测", "Plan path, actuals and projection")))
    return out


def _projection_notes(p) -> list[str]:  # p: pucli.compute.projection.Projection
    """What qualifies the targets table: an indicative rating and why, where the SDG
    category and the rating disagree and why, level shifts and trend breaks."""
    out = []
    for c in p.targets:
        if c.indicative:
            out.append(f"{c.date}：{lb.indicative_text(c)}" if not is_english()
                       else f"{c.date}: {lb.indicative_text(c)}")
        if c.cagr and c.cagr_note:
            out.append(f"{c.date}：{lb.cagr_text(c)}" if not is_english()
                       else f"{c.date}: {lb.cagr_text(c)}")
    out += [lb.shift_text(e, p.decimals) for e in p.shifts]
    out += [lb.break_text(e, p.decimals) for e in p.breaks]
    return out


def _gap(gap: float | None, share: float | None) -> str:
    if gap is None or share is None:
        return ""
    return t(f"{gap:+,.0f}（{share * 100:+.1f}%）", f"{gap:+,.0f} ({share * 100:+.1f} %)")


def _late_rows(items: list[LateItem], unit_column: bool = True,
               repeat_unit: bool = False) -> TableBlock:
    """A table of late items; a unit's name only on its first row unless ``repeat_unit``
    (an annex that runs over pages names the unit on every row)."""
    rows = []
    previous = None
    for i in items:
        title = title_of(i)
        what = lb.kind_label(i.kind) + ("" if i.kind == "measure" else t("：", ": ") + i.item)
        unit = i.unit + (lb.lead_mark() if i.lead else "")
        row = [lb.numbered(i.label, title), what, str(i.due), str(i.days_overdue),
               lb.severity_label(i.severity),
               t("从未报送", "never reported") if i.last_date is None
               else f"{i.last_date} {lb.status_label(i.last_status)}"]
        if unit_column:
            row.insert(0, unit if repeat_unit or i.unit != previous else "")
        rows.append(row)
        previous = i.unit
    columns = [t("举措", "measure"), t("事项", "item"), t("应完成", "due"),
               t("逾期天数", "days late"), t("程度", "severity"), t("最近报送", "last report")]
    if unit_column:
        columns.insert(0, t("责任单位", "unit"))
    return TableBlock(columns, rows, numeric={4 if unit_column else 3})


def _overdue(brief: Brief, annexes: list[tuple[str, list[Block]]]) -> list[Block]:
    out: list[Block] = [Heading(t("逾期情况", "Overdue"))]
    if not brief.overdue:
        return out + [Paragraph(t("没有逾期事项。", "Nothing is overdue."))]
    debts, serious = brief.debts, brief.long_overdue
    limit = brief.plan.plan.severity.long_overdue_days
    ref = annex_ref(annexes, t("逾期事项清单", "Overdue items"),
                    [_late_rows(brief.overdue, repeat_unit=True)])
    listing = len(annexes)
    how_many = (t(f"其中逾期超过 {limit} 天的 {len(serious)} 项", f"{len(serious)} of them "
                  f"more than {limit} days late") if serious else
                t(f"没有逾期超过 {limit} 天的", f"none more than {limit} days late"))
    out.append(Paragraph(t(
        f"{len(debts)} 个单位共 {len(brief.overdue)} 项逾期{ref}，{how_many}。"
        "各单位按所欠事项排列如下。",
        f"{len(brief.overdue)} items overdue at {len(debts)} units{ref}, {how_many}. "
        "Units ranked by what they owe:")))
    if serious:  # two parts: what each unit owes, then the serious cases one by one
        out.append(Heading(t("各单位逾期情况", "What each unit owes"), 3))
    out.append(debt_table(debts, BODY_UNITS))
    if len(debts) > BODY_UNITS:
        ref = annex_ref(annexes, t("各单位逾期情况", "What each unit owes"), [debt_table(debts)])
        out.append(Paragraph(t(f"以上为所欠最多的 {BODY_UNITS} 个单位，全部 {len(debts)} 个单位"
                               f"{ref}。", f"The {BODY_UNITS} units that owe most; all "
                               f"{len(debts)}{ref}.")))
    if not serious:
        return out
    out.append(Heading(t(f"逾期超过 {limit} 天的事项", f"More than {limit} days late"), 3))
    shown = serious[:BODY_LONG_OVERDUE]
    out.append(_late_rows(shown))
    if len(serious) > len(shown):
        out.append(Paragraph(t(f"以上为逾期最久的 {len(shown)} 项，其余 "
                               f"{len(serious) - len(shown)} 项见附件{listing}。",
                               f"The {len(shown)} most late are shown; the other "
                               f"{len(serious) - len(shown)} are in annex {listing}.")))
    return out


def debt_table(debts: list[UnitDebt], limit: int | None = None) -> TableBlock:
    """Units ranked by what they owe: counts by kind, the longest delay. With ``limit``,
    the first ``limit`` units and one row that sums up the others."""
    def row(no: str, unit: str, group: list[UnitDebt]) -> list[str]:
        return [no, unit, str(sum(d.total for d in group)),
                *(str(sum(d.counts[k] for d in group)) for k in ("measure", "milestone",
                                                                  "report")),
                str(max(d.longest for d in group)),
                t("从未报送", "never reported") if all(d.never_reported for d in group)
                else ""]

    shown = debts if limit is None else debts[:limit]
    rows = [row(str(n), d.unit, [d]) for n, d in enumerate(shown, 1)]
    rest = debts[len(shown):]
    if rest:
        rows.append(row("", t(f"其余 {len(rest)} 个单位", f"{len(rest)} other units"), rest))
    return TableBlock([t("序号", "no."), t("责任单位", "unit"), t("合计", "total"),
                       t("举措", "measures"), t("节点", "milestones"), t("报送", "reports"),
                       t("最长逾期（天）", "longest (days)"), t("备注", "note")],
                      rows, numeric={0, 2, 3, 4, 5, 6})


def _never(brief: Brief, annexes: list[tuple[str, list[Block]]]) -> list[Block]:
    out: list[Block] = [Heading(t("尚未报送的单位", "Units that have not reported"))]
    out += _collection(brief, annexes)
    never = brief.never_reported
    if not never:
        return out + [Paragraph(t("所有责任单位都已报送过进度。",
                                  "Every responsible unit has reported at least once."))]
    lead = t(f"{len(never)} 个责任单位从未报送进度", f"{len(never)} responsible unit(s) have "
             "never reported")
    if len(never) <= INLINE_NAMES:
        return out + [Paragraph(lead + t("：", ": ") + t("、", ", ").join(never)
                                + t("。", "."))]
    table = TableBlock([t("序号", "no."), t("责任单位", "unit")],
                       [[str(n), u] for n, u in enumerate(never, 1)], numeric={0})
    ref = annex_ref(annexes, t("从未报送进度的单位", "Units that have never reported"), [table])
    return out + [Paragraph(lead + ref + t("。", "."))]


def _collection(brief: Brief, annexes: list[tuple[str, list[Block]]]) -> list[Block]:
    """The latest round of forms: sent, returned, missing (when forms were sent); a long
    list of names goes to an annex."""
    c = brief.collection
    if c is None:
        return []
    back = [u for u in c.sent if u in c.returned]
    text = t(f"{c.period} 填报表发出 {len(c.sent)} 份，已交回 {len(back)} 份，未交回 "
             f"{len(c.missing)} 份", f"{c.period} forms: {len(c.sent)} sent, {len(back)} "
             f"returned, {len(c.missing)} missing")
    if not c.missing:
        return [Paragraph(text + t("。", "."))]
    if len(c.missing) <= INLINE_NAMES:
        return [Paragraph(text + t("：", ": ") + t("；", "; ").join(c.missing) + t("。", "."))]
    table = TableBlock([t("序号", "no."), t("责任单位", "unit")],
                       [[str(n), u] for n, u in enumerate(c.missing, 1)], numeric={0})
    ref = annex_ref(annexes, t(f"未交回 {c.period} 填报表的单位",
                               f"Units that have not returned the {c.period} form"), [table])
    return [Paragraph(text + ref + t("。", "."))]


def _sections(brief: Brief) -> list[Block]:
    statuses = ("not_started", "in_progress", "done", "blocked", "no_report")
    sections = {s.id: s for s in brief.plan.sections}
    rows = []
    for g in brief.by_section:
        sec = sections.get(int(g.group))
        name = title_of(sec) if sec else g.label
        numeral = brief.plan.numeral(int(g.group))  # as in `measures` and `status`
        rows.append([numeral + name, str(g.total), *(str(g.counts[s]) for s in statuses),
                     f"{g.share_done:.0%}"])
    return [Heading(t("各部分进展", "Status by section")),
            TableBlock([t("部分", "section"), t("事项", "items"),
                        *(lb.status_label(s) for s in statuses), t("完成率", "share done")],
                       rows, numeric=set(range(1, 8)))]


def changes_blocks(c: Changes, annexes: list[tuple[str, list[Block]]]) -> list[Block]:
    detail: list[Block] = []
    if c.new_reports:
        detail.append(Heading(t("新报送", "New reports"), 3))
        detail.append(TableBlock(
            [t("日期", "date"), t("举措", "measure"), t("责任单位", "unit"), t("状态", "status"),
             t("进度", "percent"), t("说明", "note")],
            [[str(e.date), str(e.measure), e.unit, lb.status_label(e.status),
              "" if e.percent is None else f"{e.percent:g}%", e.note] for e in c.new_reports],
            numeric={1, 4}))
    if c.newly_overdue:
        detail.append(Heading(t("新增逾期", "Newly overdue"), 3))
        detail.append(_late_rows(c.newly_overdue, repeat_unit=True))
    if c.resolved:
        detail.append(Heading(t("逾期已解决", "No longer overdue"), 3))
        detail.append(_late_rows(c.resolved, repeat_unit=True))
    if c.newly_done:
        detail.append(Heading(t("新完成", "Newly done"), 3))
        detail.append(TableBlock(
            [t("举措", "measure"), t("责任单位", "unit"), t("日期", "date"), t("说明", "note")],
            [[lb.numbered(r.label, title_of(r)), r.unit + (lb.lead_mark() if r.lead else ""),
              str(r.latest.date) if r.latest else "", r.latest.note if r.latest else ""]
             for r in c.newly_done]))
    ref = annex_ref(annexes, t(f"自 {c.since} 以来的变化明细", f"Changes since {c.since}"),
                    detail, "明细见", "details in") if detail else ""
    return [Heading(t(f"自 {c.since} 以来的变化", f"Changes since {c.since}")),
            Paragraph(t(f"新报送 {len(c.new_reports)} 条，新增逾期 {len(c.newly_overdue)} 项，"
                        f"逾期已解决 {len(c.resolved)} 项，新完成 {len(c.newly_done)} 项{ref}。",
                        f"{len(c.new_reports)} new reports, {len(c.newly_overdue)} newly "
                        f"overdue, {len(c.resolved)} no longer overdue, {len(c.newly_done)} "
                        f"newly done{ref}."))]
