"""催办 notices: one per unit with overdue or soon-due items, as plain text (to paste into a
message) and as .docx (A4, margins and type sizes after GB/T 9704 for official documents:
a 22 pt title, 16 pt body text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pucli.compute.forms import Reminder
from pucli.compute.overdue import LateItem
from pucli.i18n import t, title_of
from pucli.models.plan import Plan
from pucli.render import labels as lb

TITLE_FONT = "方正小标宋简体"  # GB/T 9704 titles; Word/WPS fall back to 宋体 without it
BODY_FONT = "仿宋"


def _day(d: dt.date) -> str:
    return t(f"{d.year}年{d.month}月{d.day}日", d.isoformat())


def item_line(item: LateItem) -> str:
    """One late item, worded: what, due when, how late."""
    if item.kind == "report":
        what = t(f"举措 {item.measure}「{item.title}」{item.item} 进度报送",
                 f"measure {item.measure} \u201c{title_of(item)}\u201d: the {item.item} report")
        due = t(f"报送时限 {item.due}", f"due {item.due}")
    elif item.kind == "milestone":
        what = t(f"举措 {item.measure} 节点「{item.item}」",
                 f"measure {item.measure}, milestone \u201c{item.item}\u201d")
        due = t(f"时限 {item.due}", f"due {item.due}")
    else:
        what = t(f"举措 {item.measure}「{item.title}」", f"measure {item.measure} "
                 f"\u201c{title_of(item)}\u201d")
        due = t(f"完成时限 {item.due}", f"to be done by {item.due}")
    if item.slipped_days:
        due += t(f"（原定 {item.original_due}）", f" (first {item.original_due})")
    if item.is_overdue:
        late = t(f"已逾期 {item.days_overdue} 天", f"{item.days_overdue} days late")
    else:
        late = t(f"还剩 {-item.days_overdue} 天", f"{-item.days_overdue} days left")
    last = ""
    if item.last_status:
        last = t(f"；上次报送：{lb.status_label(item.last_status)}（{item.last_date}）",
                 f"; last report: {lb.status_label(item.last_status)} ({item.last_date})")
    return t(f"{what}：{due}，{late}{last}。", f"{what}: {due}, {late}{last}.")


def notice_parts(plan: Plan, reminder: Reminder, by: dt.date, sender: str,
                 ) -> tuple[str, list[str], list[str], list[str]]:
    """(title, opening paragraphs, item lines, closing lines) of one notice."""
    info = plan.plan
    doc = t(f"（{info.doc_number}）", f" ({info.doc_number})") if info.doc_number else ""
    n_late, n_soon = len(reminder.overdue), len(reminder.items) - len(reminder.overdue)
    title = t("催办通知", "Reminder")
    opening = [t(f"{reminder.unit}：", f"To {reminder.unit}:"),
               t(f"根据《{info.title}》{doc}的调度安排，截至{_day(reminder.as_of)}，贵单位有 "
                 f"{n_late} 项工作已逾期、{n_soon} 项即将到期：",
                 f"Under \u201c{title_of(info)}\u201d{doc}, as of {_day(reminder.as_of)} "
                 f"your unit has {n_late} item(s) overdue and {n_soon} due soon:")]
    items = [f"{i}. {item_line(item)}" for i, item in enumerate(reminder.items, start=1)]
    closing = [t(f"请于{_day(by)}前报送推进情况（逾期事项请说明原因和完成时间）。",
                 f"Please report progress by {_day(by)} (for overdue items, the reason and "
                 "when they will be done)."),
               sender, _day(reminder.as_of)]
    return title, opening, items, closing


def notice_text(plan: Plan, reminder: Reminder, by: dt.date, sender: str) -> str:
    """The notice as plain text."""
    title, opening, items, closing = notice_parts(plan, reminder, by, sender)
    return "\n\n".join([title, opening[0], "\n".join([opening[1], *items]), closing[0],
                        "\n".join(closing[1:])]) + "\n"


def write_notice_docx(plan: Plan, reminder: Reminder, by: dt.date, sender: str,
                      path: Path) -> None:
    """The notice as .docx on A4 (needs python-docx)."""
    from pucli.render.brief_docx import _docx

    docx = _docx()
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    title, opening, items, closing = notice_parts(plan, reminder, by, sender)
    doc = docx.Document()
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)

    def paragraph(text: str, font: str = BODY_FONT, size: int = 16, align=None,
                  indent: bool = False):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.font.name = font
        run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        return p

    paragraph(title, TITLE_FONT, 22, WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(opening[0])
    paragraph(opening[1], indent=True)
    for line in items:
        paragraph(line, indent=True)
    paragraph(closing[0], indent=True)
    for line in closing[1:]:
        paragraph(line, align=WD_ALIGN_PARAGRAPH.RIGHT)
    doc.save(str(path))
