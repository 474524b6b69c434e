"""The final evaluation (终期评估) worded as blocks, for the same Markdown, HTML and Word
renderers as the meeting brief: a body of conclusions and summary tables, the lists of
every measure, unit and deadline in annexes (附件)."""

from __future__ import annotations

from pucli.compute.evaluation import Deadline, Evaluation, Inconsistency, TargetResult
from pucli.compute.ledger import StatusCount
from pucli.i18n import is_english, t, title_of
from pucli.render import labels as lb
from pucli.render.brief_blocks import (
    BODY_UNITS,
    Block,
    Bullets,
    Chart,
    Heading,
    Paragraph,
    TableBlock,
    annex_ref,
    changes_blocks,
    extra_blocks,
    with_annexes,
)

STATUSES = ("done", "in_progress", "not_started", "blocked", "no_report")
BODY_DEADLINES = 10  # the most-slipped deadlines in the body; all of them in an annex


def evaluation_title(ev: Evaluation) -> str:
    return t(f"{ev.plan.plan.title}终期评估", f"{title_of(ev.plan.plan)}: final evaluation")


def evaluation_blocks(ev: Evaluation) -> list[Block]:
    """The whole evaluation, top to bottom."""
    plan = ev.plan.plan
    annexes: list[tuple[str, list[Block]]] = []
    period = f"{plan.horizon.start}—{plan.horizon.end}"
    doc = f"{plan.doc_number} · " if plan.doc_number else ""  # not every plan shows a 文号
    body: list[Block] = [
        Heading(evaluation_title(ev), 1),
        Paragraph(t(f"{doc}截至 {ev.as_of}\n规划期 {period}",
                    f"{doc}as of {ev.as_of}\nplan period {period}"),
                  centered=True)]
    if ev.before_end:
        body.append(Paragraph(t(
            f"规划期至 {plan.horizon.end} 尚未结束，以下为截至 {ev.as_of} 的评估。",
            f"The plan period runs to {plan.horizon.end}: this evaluates it as of "
            f"{ev.as_of}, before its end.")))
    body += _conclusions(ev)
    body += _targets(ev)
    body += _completion(ev, annexes)
    body += _deadlines(ev, annexes)
    body += _inconsistencies(ev)
    if ev.changes:
        body += changes_blocks(ev.changes, annexes)
    body += extra_blocks(ev.extra_sections, annexes)
    body.append(Paragraph(t("由 pucli 生成。", "Made by pucli.")))
    return with_annexes(body, annexes)


def _share(done: int, total: int) -> str:
    return f"{done / total:.0%}" if total else "—"


def _conclusions(ev: Evaluation) -> list[Block]:
    met = [r for r in ev.targets if r.met]
    judged = [r for r in ev.targets if r.met is not None]
    measures = len(ev.plan.measures)
    pairs = len(ev.finals)
    pairs_done = sum(1 for f in ev.finals if f.row.status == "done")
    slipped = [d for d in ev.deadlines if d.late_days > 0]
    items = [
        t(f"目标：{len(ev.targets)} 个目标中，已判定 {len(judged)} 个，完成 {len(met)} 个"
          + (f"；{len(ev.targets) - len(judged)} 个目标日期没有实际数，无法判定"
             if len(judged) < len(ev.targets) else ""),
          f"Targets: {len(met)} of {len(ev.targets)} met, {len(judged)} could be judged"
          + (f"; no count on the date of {len(ev.targets) - len(judged)}"
             if len(judged) < len(ev.targets) else "")),
        t(f"举措：{measures} 项举措中，牵头单位报告完成 {ev.measures_done} 项"
          f"（{_share(ev.measures_done, measures)}）；{pairs} 个举措×责任单位事项中完成 "
          f"{pairs_done} 个（{_share(pairs_done, pairs)}）",
          f"Measures: {ev.measures_done} of {measures} done by their lead unit "
          f"({_share(ev.measures_done, measures)}); {pairs_done} of {pairs} measure × unit "
          f"items done ({_share(pairs_done, pairs)})"),
        t(f"完成时限：{len(ev.deadlines)} 个时限中 {len(slipped)} 个延误"
          + (f"，最长 {max(d.late_days for d in slipped)} 天" if slipped else ""),
          f"Deadlines: {len(slipped)} of {len(ev.deadlines)} slipped"
          + (f", the longest by {max(d.late_days for d in slipped)} days" if slipped else "")),
    ]
    if ev.inconsistencies:
        items.append(t(f"方案自身有 {len(ev.inconsistencies)} 处数字或日期不一致，见第五部分",
                       f"The plan's own figures or dates disagree in "
                       f"{len(ev.inconsistencies)} place(s): see section 5"))
    return [Heading(t("总体结论", "Conclusions")), Bullets(items)]


def _verdict(r: TargetResult) -> str:
    if r.met is None:
        return t("无法判定", "cannot tell")
    return t("完成", "met") if r.met else t("未完成", "not met")


def _targets(ev: Evaluation) -> list[Block]:
    out: list[Block] = [Heading(t("目标完成情况", "Targets"))]
    rows = []
    for r in ev.targets:
        share = None if r.gap is None else r.gap / r.value
        gap = "" if r.gap is None else t(f"{r.gap:+,.0f}（{share * 100:+.1f}%）",
                                          f"{r.gap:+,.0f} ({share * 100:+.1f} %)")
        planned = lb.percent(r.planned_cagr)
        if r.stated_rate is not None:
            planned += t(f"（方案 {lb.percent(r.stated_rate, 0)}）",
                         f" (plan: {lb.percent(r.stated_rate, 0)})")
        rows.append([str(r.date), lb.number(r.value), lb.number(r.final), gap, _verdict(r),
                     planned, lb.percent(r.achieved_cagr)])
    base = ev.targets[0].baseline if ev.targets else None
    out.append(TableBlock(
        [t("目标日期", "target date"), t("目标值", "target"), t("最终数", "final count"),
         t("差距", "gap"), t("结论", "verdict"), t("规划年均增速", "planned a year"),
         t("实际年均增速", "achieved a year")], rows, numeric={1, 2, 3, 5, 6}))
    if base:
        out.append(Paragraph(t(
            f"年均增速（复合）自基数 {lb.number(base[1])} 户（{base[0]}）起算。",
            f"Growth a year (compound) from the baseline {lb.number(base[1])} ({base[0]}).")))
    for r in ev.targets:
        if r.met is None:
            out.append(Paragraph(_missing(r)))
    out.append(Chart(t("规划路径、实际与预测", "Plan path, actuals and projection")))
    return out


def _missing(r: TargetResult) -> str:
    latest = (t(f"最近的实际数为 {lb.number(r.latest[1])} 户（{r.latest[0]}）",
                f"the latest count is {lb.number(r.latest[1])} ({r.latest[0]})")
              if r.latest else t("此前没有实际数", "no count before it"))
    projected = (t(f"，按预测约 {lb.number(r.projected)} 户", f"; the projection gives about "
                   f"{lb.number(r.projected)}") if r.projected is not None else "")
    return t(f"{r.date} 的目标 {lb.number(r.value)} 户：actuals.csv 没有该日的实际数，无法判定；"
             f"{latest}{projected}。补录该日实际数后重新生成本评估。",
             f"Target {lb.number(r.value)} on {r.date}: actuals.csv has no count for that "
             f"date, so it cannot be judged; {latest}{projected}. Add the count and run the "
             "evaluation again.")


def _status_table(groups: list[StatusCount], first: str, names: list[str]) -> TableBlock:
    rows = [[name, str(g.total), *(str(g.counts[s]) for s in STATUSES), f"{g.share_done:.0%}"]
            for name, g in zip(names, groups, strict=True)]
    return TableBlock([first, t("事项", "items"), *(lb.status_label(s) for s in STATUSES),
                       t("完成率", "share done")], rows, numeric=set(range(1, 8)))


def _completion(ev: Evaluation, annexes: list[tuple[str, list[Block]]]) -> list[Block]:
    sections = {s.id: s for s in ev.plan.sections}
    names = []
    for g in ev.by_section:
        sec = sections.get(int(g.group))
        numeral = f"（{sec.numeral}）" if sec and sec.numeral and not is_english() \
            else f"{g.group}. "
        names.append(numeral + (title_of(sec) if sec else g.label))
    out: list[Block] = [Heading(t("举措完成情况", "Completion")),
                        Heading(t("按部分", "By section"), 3),
                        _status_table(ev.by_section, t("部分", "section"), names),
                        Heading(t("按责任单位", "By unit"), 3)]
    units = ev.by_unit
    out.append(_status_table(units[:BODY_UNITS], t("责任单位", "unit"),
                             [g.label for g in units[:BODY_UNITS]]))
    if len(units) > BODY_UNITS:
        ref = annex_ref(annexes, t("各责任单位完成情况", "Completion by unit"),
                        [_status_table(units, t("责任单位", "unit"), [g.label for g in units])])
        out.append(Paragraph(t(f"以上为完成率最高的 {BODY_UNITS} 个单位，全部 {len(units)} 个单位"
                               f"{ref}。", f"The {BODY_UNITS} units with the highest share "
                               f"done; all {len(units)}{ref}.")))
    rows = [[f"{f.row.measure}. {title_of(f.row)}",
             f.row.unit + (lb.lead_mark() if f.row.lead else ""), lb.status_label(f.row.status),
             str(f.first or ""), str(f.last or ""), str(f.reports)] for f in ev.finals]
    ref = annex_ref(annexes, t("各举措和责任单位最终状态", "Final status of each measure and unit"),
                    [TableBlock([t("举措", "measure"), t("责任单位", "unit"),
                                 t("最终状态", "final status"), t("首次报送", "first report"),
                                 t("最近报送", "last report"), t("报送次数", "reports")],
                                rows, numeric={5})])
    out.append(Paragraph(t(f"每项举措、每个责任单位的最终状态及首次、最近报送日期{ref}。",
                           f"The final status, first and last report of every measure and "
                           f"unit{ref}.")))
    return out


def _deadline_rows(items: list[Deadline]) -> TableBlock:
    rows = []
    for d in items:
        what = lb.kind_label(d.kind) + ("" if d.kind == "measure" else t("：", ": ") + d.item)
        met = str(d.done) if d.done else t("未完成", "open")
        # open deadlines: late until as_of (the 完成日期 column says 未完成)
        late = str(d.late_days) if d.late_days > 0 else t("按期", "on time")
        rows.append([f"{d.measure}. {title_of(d)}", what, d.unit,
                     str(d.original), str(d.due) if d.extended_days else "", met, late])
    return TableBlock([t("举措", "measure"), t("事项", "item"), t("责任单位", "unit"),
                       t("原定时限", "original date"), t("延期至", "extended to"),
                       t("完成日期", "met on"), t("延误天数", "days late")], rows,
                      numeric={6})  # days late: to the day it was met, or to as_of if open


def _deadlines(ev: Evaluation, annexes: list[tuple[str, list[Block]]]) -> list[Block]:
    out: list[Block] = [Heading(t("完成时限执行情况", "Deadlines"))]
    if not ev.deadlines:
        return out + [Paragraph(t("方案没有为举措规定完成时限。",
                                  "The plan sets no deadline for its measures."))]
    slipped = sorted((d for d in ev.deadlines if d.late_days > 0),
                     key=lambda d: (-d.late_days, d.measure))
    on_time = len(ev.deadlines) - len(slipped)
    extended = sum(1 for d in ev.deadlines if d.extended_days)
    open_ = sum(1 for d in slipped if d.is_open)
    ref = annex_ref(annexes, t("完成时限执行明细", "Every deadline"),
                    [_deadline_rows(sorted(ev.deadlines, key=lambda d: (d.measure, d.original)))])
    out.append(Paragraph(t(
        f"方案共规定 {len(ev.deadlines)} 个完成时限{ref}：按期完成 {on_time} 个，延误 "
        f"{len(slipped)} 个（其中至今未完成 {open_} 个），办理过延期的 {extended} 个。"
        "延误天数自原定时限起算。",
        f"The plan sets {len(ev.deadlines)} deadlines{ref}: {on_time} met on time, "
        f"{len(slipped)} late ({open_} still open); {extended} were extended. Days late "
        "count from the original date.")))
    if slipped:
        out.append(_deadline_rows(slipped[:BODY_DEADLINES]))
    return out


def _inconsistencies(ev: Evaluation) -> list[Block]:
    out: list[Block] = [Heading(t("方案自身需要说明的问题", "What in the plan itself disagrees"))]
    if not ev.inconsistencies:
        return out + [Paragraph(t("未发现方案的数字或日期之间不一致。",
                                  "The plan's figures and dates agree with each other."))]
    return out + [Bullets([inconsistency_text(i) for i in ev.inconsistencies])]


def inconsistency_text(i: Inconsistency) -> str:
    n = i.numbers
    num, pct = lb.number, lb.percent
    if i.code == "rate-path":
        return t(
            f"方案的“{n['rate_name']}” {pct(n['rate'], 0)} 与目标不一致：从 {num(n['start'])} 户"
            f"（{n['start_date']}）按每年 {pct(n['rate'], 0)} 增长，到 {n['date']} 为 "
            f"{num(n['implied'])} 户，而目标是 {num(n['value'])} 户；从 {num(n['start'])} 户达到"
            f"目标只需每年 {pct(n['needed'])}。本评估以目标值为准，同时列出两种年均增速。",
            f"The plan's rate '{n['rate_name']}' of {pct(n['rate'], 0)} does not match its "
            f"targets: {num(n['start'])} ({n['start_date']}) growing {pct(n['rate'], 0)} a "
            f"year reaches {num(n['implied'])} by {n['date']}, not {num(n['value'])}; from "
            f"{num(n['start'])} the target takes {pct(n['needed'])} a year. This evaluation "
            "judges against the target value and shows both rates.")
    if i.code == "growth":
        return t(f"{num(n['start'])} 户（{n['start_date']}）增长 {pct(n['growth'], 0)} 为 "
                 f"{num(n['implied'])} 户，而方案写的是 {num(n['value'])} 户（{n['date']}）。",
                 f"{num(n['start'])} ({n['start_date']}) plus {pct(n['growth'], 0)} is "
                 f"{num(n['implied'])}, but the plan says {num(n['value'])} ({n['date']}).")
    if i.code == "increase":
        return t(f"{num(n['start'])} 户加增量 {num(n['increase'])} 户不等于方案写的 "
                 f"{num(n['value'])} 户（{n['date']}）。",
                 f"{num(n['start'])} plus the stated increase {num(n['increase'])} is not "
                 f"the plan's {num(n['value'])} ({n['date']}).")
    if i.code == "goal-without-number":
        quote = f"“{n['quote']}”" if n.get("quote") else n["metric"]
        return t(f"{quote}：方案没有给出起点数或完成日期，无法换算为目标值，不能评估是否完成。",
                 f"{quote}: the plan gives no starting count or date, so no target value "
                 "follows and completion cannot be judged.")
    return t(f"举措 {n['measure']} 的完成时限 {n['due']} 不在规划期 {n['start']}—{n['end']} 内。",
             f"Measure {n['measure']}'s deadline {n['due']} lies outside the plan period "
             f"{n['start']}–{n['end']}.")
