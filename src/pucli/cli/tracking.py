"""`pucli update`, `overdue`, `due`, `status`, `ledger`: tracking progress against the plan."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated

import typer

from pucli import exitcodes
from pucli.cli.common import (
    ID,
    DataOption,
    ExcelOption,
    FormatOption,
    HeadersOption,
    ListFormat,
    OutputOption,
    check_section,
    data_dir,
    emit_listing,
    parse_date,
)

UnitOption = Annotated[str | None, typer.Option("--unit", "-u", help="Unit name or alias.")]
SectionOption = Annotated[int | None, typer.Option("--section", "-s", parser=ID,
                                                   help="Only this section of the plan.")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="Compute as on this date, YYYY-MM-DD (default: today); later reports "
    "are ignored.", show_default=False)]


class GroupBy(enum.StrEnum):
    unit = "unit"
    measure = "measure"


class SummaryBy(enum.StrEnum):
    unit = "unit"
    section = "section"


def update(
    measure: Annotated[str, typer.Argument(metavar="MEASURE", help="Measure number.")],
    unit: Annotated[str, typer.Option("--unit", "-u", help="Reporting unit (name or alias).")],
    status: Annotated[str, typer.Option(
        "--status", help="not_started, in_progress, done or blocked.")],
    percent: Annotated[str | None, typer.Option("--percent", help="Percent done, 0–100.")] = None,
    note: Annotated[str, typer.Option("--note", help="What was done; any text.")] = "",
    evidence: Annotated[str, typer.Option("--evidence", help="Document number, link …")] = "",
    date: Annotated[str | None, typer.Option("--date", help="Report date, YYYY-MM-DD "
                                             "(default: today).", show_default=False)] = None,
    data: DataOption = None,
) -> None:
    """Append one progress report to progress.csv, after checking it against the plan.

    Nothing is written when anything is wrong. Safe when several people run it at once.

    Example: pucli update 12 --unit 县行政审批局 --status in_progress --percent 60 --note "完成初稿"
    """
    from pucli.compute.browse import resolve_unit
    from pucli.i18n import t
    from pucli.loading.dataset import open_plan
    from pucli.loading.progress import append_progress
    from pucli.render.console import stderr_console
    from pucli.render.labels import status_label

    folder = data_dir(data)
    plan = open_plan(folder)
    today = dt.date.today()
    day = parse_date(date, "--date") or today
    values = {"date": day.isoformat(), "measure": measure.strip(),
              "unit": resolve_unit(plan, unit.strip()), "status": status.strip(),
              "percent": (percent or "").strip(), "note": note, "evidence": evidence}
    warnings: list = []
    entry = append_progress(folder, plan, values, today, warnings)
    if warnings:
        from pucli.render.problems import format_problem

        for problem in warnings:
            typer.echo(format_problem(problem), err=True)
    pct = "" if entry.percent is None else f" {entry.percent:g}%"
    stderr_console().print(t(f"已记录：{entry.date} 举措 {entry.measure} {entry.unit} "
                             f"{status_label(entry.status)}{pct} → "
                             f"{folder.display('progress.csv')}",
                             f"recorded: {entry.date} measure {entry.measure} {entry.unit} "
                             f"{entry.status}{pct} → {folder.display('progress.csv')}"),
                           markup=False, soft_wrap=True)


def _tracking_data(data, as_of: str | None):
    from pucli.loading.dataset import open_plan
    from pucli.loading.progress import open_progress

    folder = data_dir(data)
    plan = open_plan(folder)
    today = dt.date.today()
    day = parse_date(as_of, "--as-of") or today
    return plan, open_progress(folder, plan, today), day


def _late(data, as_of, unit, section, soon_days=None, one_report_per_unit=True):
    from pucli.compute.browse import resolve_unit
    from pucli.compute.overdue import late_items

    plan, entries, day = _tracking_data(data, as_of)
    check_section(plan, section)
    wanted = resolve_unit(plan, unit) if unit else None
    return plan, day, late_items(plan, entries, day, due_soon_days=soon_days, unit=wanted,
                                 section=section, one_report_per_unit=one_report_per_unit)


def overdue(
    as_of: AsOfOption = None,
    unit: UnitOption = None,
    section: SectionOption = None,
    by: Annotated[GroupBy, typer.Option("--by", help="Group rows by unit or measure.")]
    = GroupBy.unit,
    fail: Annotated[bool, typer.Option("--fail", help="Exit 3 when anything is overdue.")]
    = False,
    data: DataOption = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
) -> None:
    """Who is late, with what, by how long: measures, milestones and progress reports.

    Lists items overdue and due soon (thresholds in measures.yaml, plan.severity), grouped
    by unit, most late first. A measure whose lead unit reported it done is never listed.

    Example: pucli overdue --as-of 2025-04-15 --by unit --fail
    """
    from pucli.compute.overdue import any_overdue, sort_items
    from pucli.render.tracking_tables import late_rows, late_table

    _plan, day, items = _late(data, as_of, unit, section)
    items = sort_items(items, by.value)
    columns, rows = late_rows(items)
    emit_listing(format, columns, rows, lambda: late_table(items, day, by.value), output, excel,
                 sheet="逾期事项", headers=headers)
    if fail and any_overdue(items):
        raise typer.Exit(exitcodes.OVERDUE)


def _parse_within(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", text)
    if not match:
        raise typer.BadParameter(f"'{text}' is not a span; write days or weeks, e.g. 14d or 2w",
                                 param_hint="--within")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


def due(
    within: Annotated[str, typer.Option("--within", help="Span ahead: 14d, 2w, 30.")] = "14d",
    as_of: AsOfOption = None,
    unit: UnitOption = None,
    section: SectionOption = None,
    data: DataOption = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
) -> None:
    """What falls due soon (not yet overdue): deadlines and reports within a span.

    Example: pucli due --within 14d --unit 县行政审批局
    """
    from pucli.compute.overdue import sort_items
    from pucli.render.tracking_tables import late_rows, late_table

    days = _parse_within(within)
    _plan, day, items = _late(data, as_of, unit, section, soon_days=days,
                             one_report_per_unit=False)
    items = sort_items((i for i in items if not i.is_overdue), "unit")
    columns, rows = late_rows(items)
    from pucli.i18n import t

    emit_listing(format, columns, rows,
                 lambda: late_table(items, day, "unit",
                                    t(f"{days} 天内到期", f"Due within {days} days")),
                 output, excel, sheet="即将到期", headers=headers)


def status(
    by: Annotated[SummaryBy, typer.Option("--by", help="Count per unit or per section.")]
    = SummaryBy.unit,
    as_of: AsOfOption = None,
    data: DataOption = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
) -> None:
    """Counts by latest status, share done, and the units that never reported.

    Counts one per measure × responsible unit; per unit it is a league table, best first.

    Example: pucli status --by section
    """
    from pucli.compute.ledger import ledger_rows, never_reported, status_summary
    from pucli.render.export import records
    from pucli.render.tracking_tables import status_rows_out, status_table

    plan, entries, day = _tracking_data(data, as_of)
    entries = [e for e in entries if e.date <= day]
    groups = status_summary(plan, ledger_rows(plan, entries), by.value)
    never = never_reported(plan, entries)
    columns, rows = status_rows_out(groups)
    emit_listing(format, columns, rows, lambda: status_table(groups, by.value, never), output,
                 excel,
                 json_data={"as_of": day.isoformat(), "by": by.value,
                            "groups": records(columns, rows), "never_reported": never},
                 sheet="进度汇总", headers=headers)


def ledger(
    unit: UnitOption = None,
    section: SectionOption = None,
    as_of: AsOfOption = None,
    data: DataOption = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
) -> None:
    """The 台账: one row per measure and responsible unit with its latest report.

    Example: pucli ledger --format xlsx -o 台账.xlsx
    """
    from pucli.compute.browse import resolve_unit
    from pucli.compute.ledger import ledger_rows
    from pucli.render.tracking_tables import ledger_rows_out, ledger_table

    plan, entries, day = _tracking_data(data, as_of)
    check_section(plan, section)
    wanted = resolve_unit(plan, unit) if unit else None
    rows = ledger_rows(plan, entries, unit=wanted, section=section, as_of=day)
    columns, out = ledger_rows_out(rows)
    emit_listing(format, columns, out, lambda: ledger_table(rows), output, excel, sheet="台账",
                 headers=headers)
