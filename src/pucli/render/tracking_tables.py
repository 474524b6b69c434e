"""Tables for tracking: the overdue list, the ledger (台账) and the status league table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.table import Table
from rich.text import Text

from pucli.compute.ledger import NO_REPORT, LedgerRow, StatusCount
from pucli.compute.overdue import LateItem
from pucli.i18n import t, title_of
from pucli.models.progress import STATUSES
from pucli.render.fit import FittedTable
from pucli.render.labels import (
    kind_label,
    lead_mark,
    numbered,
    severity_label,
    status_label,
)

SEVERITY_STYLES = {"due_soon": "yellow", "overdue": "red", "long_overdue": "bold red"}
# Text columns fold (wrap inside the cell, nothing cut off); dates and numbers never wrap,
# so the tables stay readable at 80 columns.
FOLD = {"overflow": "fold"}
KEEP = {"no_wrap": True}

LATE_COLUMNS = ["measure", "title", "unit", "lead", "kind", "item", "due", "original_due",
                "slipped_days", "days_overdue", "severity", "last_report", "last_status",
                "last_percent"]


def late_rows(items: list[LateItem]) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows of the overdue list (csv, md, xlsx; JSON objects use the same keys)."""
    rows = [[i.measure, i.title, i.unit, i.lead, i.kind, i.item, i.due, i.original_due,
             i.slipped_days, i.days_overdue, i.severity, i.last_date, i.last_status,
             i.last_percent] for i in items]
    return LATE_COLUMNS, rows


def late_table(items: list[LateItem], as_of: dt.date, by: str = "unit",
               title: str | None = None) -> FittedTable:
    """The list read out at the meeting: grouped by unit (or measure), most late first."""
    overdue = sum(i.is_overdue for i in items)
    title = title or t("逾期事项", "Overdue")
    table = Table(title=t(f"{title} — 截至 {as_of}：{overdue} 项逾期，"
                          f"{len(items) - overdue} 项即将到期",
                          f"{title} — as of {as_of}: {overdue} overdue, "
                          f"{len(items) - overdue} due soon"), title_justify="left")
    unit_h, measure_h = t("责任单位", "unit"), t("举措", "measure")
    table.add_column(unit_h if by == "unit" else measure_h, **FOLD)
    table.add_column(measure_h if by == "unit" else unit_h, **FOLD)
    table.add_column(t("事项", "item"), **FOLD)
    table.add_column(t("应完成", "due"), min_width=10, **FOLD)  # a date is never split
    # the heading says what its values are: days late, days left, or some of each
    late_h = (t("逾期", "late") if overdue == len(items) else t("剩余", "left") if not overdue
              else t("逾期/剩余", "late/left"))
    table.add_column(late_h, justify="right", **KEEP)
    table.add_column(t("程度", "severity"), **KEEP)
    table.add_column(t("最近报送", "last report"), **FOLD)
    for n, i in enumerate(items):
        key = i.unit if by == "unit" else i.measure
        nxt = items[n + 1] if n + 1 < len(items) else None
        new_group = n == 0 or key != (items[n - 1].unit if by == "unit" else items[n - 1].measure)
        measure = numbered(i.label, title_of(i))
        unit = i.unit + (lead_mark() if i.lead else "")
        group_cell, other = (unit, measure) if by == "unit" else (measure, unit)
        # a space, not a colon: a narrow cell wraps there rather than inside "2025Q1"
        what = kind_label(i.kind) + ("" if i.kind == "measure" else " " + i.item)
        due = str(i.due)
        if i.slipped_days:
            due += t(f"（原 {i.original_due}，延 {i.slipped_days} 天）",
                     f" (was {i.original_due}, +{i.slipped_days} days)")
        days = (str(i.days_overdue) if i.is_overdue
                else t(f"{-i.days_overdue} 天", f"{-i.days_overdue} days") if not overdue
                else t(f"还剩 {-i.days_overdue} 天", f"{-i.days_overdue} days left"))
        last = t("从未报送", "never")
        if i.last_date:
            last = f"{i.last_date} {status_label(i.last_status)}"
            if i.last_percent is not None:
                last += f" {i.last_percent:g}%"
        nxt_key = None if nxt is None else (nxt.unit if by == "unit" else nxt.measure)
        table.add_row(group_cell if new_group else "", other, what, due, days,
                      Text(severity_label(i.severity), style=SEVERITY_STYLES[i.severity]),
                      last, end_section=nxt is not None and nxt_key != key)
    return FittedTable(table, fill_down=(0,))


LEDGER_COLUMNS = ["measure", "title", "unit", "lead", "status", "percent", "note", "date",
                  "evidence"]


def ledger_rows_out(rows: list[LedgerRow]) -> tuple[list[str], list[list[Any]]]:
    out = []
    for r in rows:
        e = r.latest
        out.append([r.measure, r.title, r.unit, r.lead, r.status,
                    e.percent if e else None, e.note if e else None,
                    e.date if e else None, e.evidence if e else None])
    return LEDGER_COLUMNS, out


def ledger_table(rows: list[LedgerRow]) -> FittedTable:
    reported = sum(r.latest is not None for r in rows)
    table = Table(title=t(f"台账 — {len(rows)} 项（举措 × 责任单位），{reported} 项有报送",
                          f"Ledger — {len(rows)} rows (measure × unit), {reported} reported"),
                  title_justify="left")
    table.add_column("#", justify="right", **KEEP)
    table.add_column(t("举措", "measure"), **FOLD)
    table.add_column(t("责任单位", "unit"), **FOLD)
    table.add_column(t("状态", "status"), **KEEP)
    table.add_column(t("进度", "%"), justify="right", **KEEP)
    table.add_column(t("日期", "date"), **KEEP)
    table.add_column(t("说明", "note"), **FOLD)
    for n, r in enumerate(rows):
        e = r.latest
        first = n == 0 or rows[n - 1].measure != r.measure
        table.add_row(r.label if first else "", title_of(r) if first else "",
                      r.unit + (lead_mark() if r.lead else ""),
                      status_label(r.status),
                      "" if e is None or e.percent is None else f"{e.percent:g}%",
                      str(e.date) if e else "", e.note if e else "")
    return FittedTable(table, fill_down=(0, 1))


STATUS_COLUMNS = ["group", "label", "total", *STATUSES, NO_REPORT, "share_done"]


def status_rows_out(groups: list[StatusCount]) -> tuple[list[str], list[list[Any]]]:
    rows = [[g.group, g.label, g.total, *(g.counts[s] for s in (*STATUSES, NO_REPORT)),
             round(g.share_done, 4)] for g in groups]
    return STATUS_COLUMNS, rows


def status_table(groups: list[StatusCount], by: str, never: list[str]) -> Table:
    caption = (t("从未报送的单位：", "never reported: ") + t("、", ", ").join(never)) if never \
        else t("所有责任单位都已报送过", "every responsible unit has reported")
    by_section = by == "section"
    table = Table(title=t(f"进度汇总（按{'部分' if by_section else '责任单位'}）",
                          f"Status by {'section' if by_section else 'unit'}"),
                  title_justify="left", caption=caption, caption_justify="left")
    table.add_column(t("部分", "section") if by_section else t("责任单位", "unit"), **FOLD)
    table.add_column(t("事项", "items"), justify="right", **KEEP)
    for s in (*STATUSES, NO_REPORT):
        table.add_column(status_label(s), justify="right", **KEEP)
    table.add_column(t("完成率", "done %"), justify="right", **KEEP)
    for g in groups:
        label = (g.heading or g.label) if by_section else g.label  # numeral as the plan
        table.add_row(label, str(g.total), *(str(g.counts[s]) for s in (*STATUSES, NO_REPORT)),
                      f"{g.share_done:.0%}")
    return table
