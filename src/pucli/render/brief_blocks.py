"""The brief worded in the current language, as a list of neutral blocks (headings,
paragraphs, bullet lists, tables, the chart) that the Markdown, HTML and Word renderers
each lay out in a few lines. The wording lives here once, for all three formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pucli.compute.brief import Brief, Changes
from pucli.compute.overdue import LateItem
from pucli.i18n import t, title_of
from pucli.models.numbers import figure
from pucli.render import labels as lb
from pucli.render.metric_sections import metric_heading
from pucli.render.projection_tables import expected_text, gap_text, target_text


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Paragraph:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class TableBlock:
    columns: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # right-aligned columns


@dataclass
class Chart:
    alt: str


Block = Heading | Paragraph | Bullets | TableBlock | Chart


def _cell(v: Any) -> str:
    return "" if v is None else str(v)


def title(brief: Brief) -> str:
    return t(f"{brief.plan.plan.title}工作简报", f"{title_of(brief.plan.plan)}: meeting brief")


def brief_blocks(brief: Brief) -> list[Block]:
    """The whole brief, top to bottom."""
    plan = brief.plan.plan
    out: list[Block] = [Heading(title(brief), 1)]
    doc = f"{plan.doc_number} · " if plan.doc_number else ""  # not every plan shows a 文号
    line = t(f"{doc}截至 {brief.as_of}", f"{doc}as of {brief.as_of}")
    if brief.changes:
        line += t(f" · 与 {brief.changes.since} 相比", f" · compared with {brief.changes.since}")
    out.append(Paragraph(line))
    out += _headline(brief)
    out += _overdue(brief)
    out += _never(brief)
    out += _sections(brief)
    if brief.changes:
        out += _changes(brief.changes)
    for extra in brief.extra_sections:
        out.append(Heading(t(extra.title_zh, extra.title_en)))
        out += [Paragraph(p) for p in extra.paragraphs]
        if extra.columns:
            out.append(TableBlock(list(extra.columns),
                                  [[_cell(c) for c in row] for row in extra.rows]))
    out.append(Paragraph(t("由 pucli 生成。评级规则：", "Made by pucli. Rating scale: ")
                         + lb.rating_scale()))
    return out


def _headline(brief: Brief) -> list[Block]:
    p = brief.projection
    out: list[Block] = [Heading(t("一、总体情况", "1. Headline"))]
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
    items.append(t(f"评级：{lb.rating_label(p.rating)}" + (f"（{rule}）" if rule else ""),
                   f"Rating: {p.rating}" + (f" ({rule})" if rule else "")))
    items.append(t(f"预测方法：{lb.method_label(p.method)}——{lb.method_reason(p.method, p.reason)}",
                   f"Method: {p.method_label} — {p.reason}"))
    out.append(Bullets(items))
    rows = []
    for c in p.targets:
        if c.basis == "actual":
            to_go = t("日期已过", "date passed")
        elif p.latest:
            to_go = f"{c.value - p.latest[1]:,.0f}"
        else:
            to_go = ""
        if c.measure != "level" or c.direction != "at_least" or p.decimals:
            to_go = "" if c.basis != "actual" else to_go  # "to go" reads only upward counts
            rows.append([str(c.date), target_text(c, d), to_go, expected_text(c, d),
                         gap_text(c, d), lb.rating_label(c.rating)])
            continue
        rows.append([str(c.date), lb.number(c.value), to_go,
                     lb.number(c.expected), _gap(c.gap, c.gap_pct), lb.rating_label(c.rating)])
    out.append(TableBlock(
        [t("目标日期", "target date"), t("目标值", "target"), t("距目标还差", "still to go"),
         t("预计值", "expected"), t("预计差距", "expected gap"), t("评级", "rating")],
        rows, numeric={1, 2, 3, 4}))
    out.append(Chart(t("规划路径、实际与预测", "Plan path, actuals and projection")))
    return out


def _gap(gap: float | None, share: float | None) -> str:
    if gap is None or share is None:
        return ""
    return t(f"{gap:+,.0f}（{share * 100:+.1f}%）", f"{gap:+,.0f} ({share * 100:+.1f} %)")


def _late_rows(items: list[LateItem], unit_column: bool = True) -> TableBlock:
    rows = []
    previous = None
    for i in items:
        title = title_of(i)
        what = lb.kind_label(i.kind) + ("" if i.kind == "measure" else t("：", ": ") + i.item)
        unit = i.unit + (lb.lead_mark() if i.lead else "")
        row = [f"{i.measure}. {title}", what, str(i.due), str(i.days_overdue),
               lb.severity_label(i.severity),
               "" if i.last_date is None else f"{i.last_date} {lb.status_label(i.last_status)}"]
        if unit_column:
            row.insert(0, unit if i.unit != previous else "")
        rows.append(row)
        previous = i.unit
    columns = [t("举措", "measure"), t("事项", "item"), t("应完成", "due"),
               t("逾期天数", "days late"), t("程度", "severity"), t("最近报送", "last report")]
    if unit_column:
        columns.insert(0, t("责任单位", "unit"))
    return TableBlock(columns, rows, numeric={4 if unit_column else 3})


def _overdue(brief: Brief) -> list[Block]:
    out: list[Block] = [Heading(t("二、逾期事项（按责任单位）", "2. Overdue, by unit"))]
    if not brief.overdue:
        return out + [Paragraph(t("没有逾期事项。", "Nothing is overdue."))]
    groups = brief.overdue_units
    out.append(Paragraph(t(f"{len(groups)} 个单位共 {len(brief.overdue)} 项逾期：",
                           f"{len(brief.overdue)} items overdue at {len(groups)} units:")))
    out.append(Bullets([t(f"{unit}：{len(items)} 项，最长逾期 {items[0].days_overdue} 天",
                          f"{unit}: {len(items)}, the longest {items[0].days_overdue} days late")
                        for unit, items in groups]))
    out.append(_late_rows(brief.overdue))
    return out


def _never(brief: Brief) -> list[Block]:
    out: list[Block] = [Heading(t("三、尚未报送的单位", "3. Units that have not reported"))]
    if not brief.never_reported:
        return out + [Paragraph(t("所有责任单位都已报送过进度。",
                                  "Every responsible unit has reported at least once."))]
    return out + [Paragraph(t(f"{len(brief.never_reported)} 个责任单位从未报送进度：",
                              f"{len(brief.never_reported)} responsible unit(s) have never "
                              "reported: ") + t("、", ", ").join(brief.never_reported))]


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
    return [Heading(t("四、各部分进展", "4. Status by section")),
            TableBlock([t("部分", "section"), t("事项", "items"),
                        *(lb.status_label(s) for s in statuses), t("完成率", "share done")],
                       rows, numeric=set(range(1, 8)))]


def _changes(c: Changes) -> list[Block]:
    out: list[Block] = [
        Heading(t(f"五、自 {c.since} 以来的变化", f"5. Changes since {c.since}")),
        Bullets([t(f"新报送 {len(c.new_reports)} 条", f"{len(c.new_reports)} new reports"),
                 t(f"新增逾期 {len(c.newly_overdue)} 项", f"{len(c.newly_overdue)} newly overdue"),
                 t(f"逾期已解决 {len(c.resolved)} 项", f"{len(c.resolved)} no longer overdue"),
                 t(f"新完成 {len(c.newly_done)} 项", f"{len(c.newly_done)} newly done")])]
    if c.new_reports:
        out.append(Heading(t("新报送", "New reports"), 3))
        out.append(TableBlock(
            [t("日期", "date"), t("举措", "measure"), t("责任单位", "unit"), t("状态", "status"),
             t("进度", "percent"), t("说明", "note")],
            [[str(e.date), str(e.measure), e.unit, lb.status_label(e.status),
              "" if e.percent is None else f"{e.percent:g}%", e.note] for e in c.new_reports],
            numeric={1, 4}))
    if c.newly_overdue:
        out.append(Heading(t("新增逾期", "Newly overdue"), 3))
        out.append(_late_rows(c.newly_overdue))
    if c.resolved:
        out.append(Heading(t("逾期已解决", "No longer overdue"), 3))
        out.append(_late_rows(c.resolved))
    if c.newly_done:
        out.append(Heading(t("新完成", "Newly done"), 3))
        out.append(TableBlock(
            [t("举措", "measure"), t("责任单位", "unit"), t("日期", "date"), t("说明", "note")],
            [[f"{r.measure}. {title_of(r)}", r.unit + (lb.lead_mark() if r.lead else ""),
              str(r.latest.date) if r.latest else "", r.latest.note if r.latest else ""]
             for r in c.newly_done]))
    return out
