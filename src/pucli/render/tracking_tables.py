"""Tables for tracking: the overdue list, the ledger (台账) and the status league table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.table import Table

from pucli.compute.ledger import NO_REPORT, LedgerRow, StatusCount
from pucli.compute.overdue import LateItem
from pucli.models.progress import STATUSES

SEVERITY_LABELS = {"due_soon": "即将到期", "overdue": "逾期", "long_overdue": "严重逾期"}
SEVERITY_STYLES = {"due_soon": "yellow", "overdue": "red", "long_overdue": "bold red"}
KIND_LABELS = {"measure": "举措完成", "milestone": "节点", "report": "进度报送"}
STATUS_LABELS = {"not_started": "未开始", "in_progress": "推进中", "done": "已完成",
                 "blocked": "受阻", NO_REPORT: "未报送"}

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
               title: str = "逾期事项") -> Table:
    """The list read out at the meeting: grouped by unit (or measure), most late first."""
    overdue = sum(i.is_overdue for i in items)
    table = Table(title=f"{title} — 截至 {as_of}：{overdue} 项逾期，"
                        f"{len(items) - overdue} 项即将到期", title_justify="left")
    first = "责任单位" if by == "unit" else "举措"
    table.add_column(first)
    table.add_column("举措" if by == "unit" else "责任单位")
    table.add_column("事项")
    table.add_column("应完成")
    table.add_column("逾期天数", justify="right")
    table.add_column("程度")
    table.add_column("最近报送")
    for n, i in enumerate(items):
        key = i.unit if by == "unit" else i.measure
        nxt = items[n + 1] if n + 1 < len(items) else None
        new_group = n == 0 or key != (items[n - 1].unit if by == "unit" else items[n - 1].measure)
        measure = f"{i.measure}. {i.title}"
        unit = i.unit + ("（牵头）" if i.lead else "")
        group_cell, other = (unit, measure) if by == "unit" else (measure, unit)
        what = KIND_LABELS[i.kind] + ("" if i.kind == "measure" else f"：{i.item}")
        due = str(i.due)
        if i.slipped_days:
            due += f"（原 {i.original_due}，延 {i.slipped_days} 天）"
        days = str(i.days_overdue) if i.is_overdue else f"还剩 {-i.days_overdue} 天"
        last = "从未报送"
        if i.last_date:
            last = f"{i.last_date} {STATUS_LABELS.get(i.last_status or '', i.last_status)}"
            if i.last_percent is not None:
                last += f" {i.last_percent:g}%"
        nxt_key = None if nxt is None else (nxt.unit if by == "unit" else nxt.measure)
        table.add_row(group_cell if new_group else "", other, what, due, days,
                      f"[{SEVERITY_STYLES[i.severity]}]{SEVERITY_LABELS[i.severity]}[/]",
                      last, end_section=nxt is not None and nxt_key != key)
    return table


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


def ledger_table(rows: list[LedgerRow]) -> Table:
    reported = sum(r.latest is not None for r in rows)
    table = Table(title=f"台账 — {len(rows)} 项（举措 × 责任单位），{reported} 项有报送",
                  title_justify="left")
    for name, justify in (("#", "right"), ("举措", "left"), ("责任单位", "left"),
                          ("状态", "left"), ("进度", "right"), ("日期", "left"),
                          ("说明", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for n, r in enumerate(rows):
        e = r.latest
        first = n == 0 or rows[n - 1].measure != r.measure
        table.add_row(str(r.measure) if first else "", r.title if first else "",
                      r.unit + ("（牵头）" if r.lead else ""),
                      STATUS_LABELS.get(r.status, r.status),
                      "" if e is None or e.percent is None else f"{e.percent:g}%",
                      str(e.date) if e else "", e.note if e else "")
    return table


STATUS_COLUMNS = ["group", "label", "total", *STATUSES, NO_REPORT, "share_done"]


def status_rows_out(groups: list[StatusCount]) -> tuple[list[str], list[list[Any]]]:
    rows = [[g.group, g.label, g.total, *(g.counts[s] for s in (*STATUSES, NO_REPORT)),
             round(g.share_done, 4)] for g in groups]
    return STATUS_COLUMNS, rows


def status_table(groups: list[StatusCount], by: str, never: list[str]) -> Table:
    caption = ("从未报送的单位：" + "、".join(never)) if never else "所有责任单位都已报送过"
    table = Table(title=f"进度汇总（按{'部分' if by == 'section' else '责任单位'}）",
                  title_justify="left", caption=caption, caption_justify="left")
    table.add_column("部分" if by == "section" else "责任单位")
    table.add_column("事项", justify="right")
    for s in (*STATUSES, NO_REPORT):
        table.add_column(STATUS_LABELS[s], justify="right")
    table.add_column("完成率", justify="right")
    for g in groups:
        label = f"({g.group}) {g.label}" if by == "section" else g.label
        table.add_row(label, str(g.total), *(str(g.counts[s]) for s in (*STATUSES, NO_REPORT)),
                      f"{g.share_done:.0%}")
    return table
