"""`pucli measures`, `pucli show`, `pucli units`: browsing the plan."""

from __future__ import annotations

from typing import Annotated

import typer

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
)
from pucli.problems import DataError, Problem


def measures(
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="Unit name or alias.")] = None,
    section: Annotated[int | None, typer.Option(
        "--section", "-s", parser=ID, help="Only this section of the plan.")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Word in title or text.")]
    = None,
    data: DataOption = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
) -> None:
    """List the plan's measures, filtered by unit, section or a word.

    Example: pucli measures --unit 县行政审批局 --section 2
    """
    from pucli.compute.browse import filter_measures
    from pucli.loading.dataset import open_plan
    from pucli.render.plan_tables import measure_rows, measures_table

    plan = open_plan(data_dir(data))
    check_section(plan, section)
    found = filter_measures(plan, unit, section, search)
    columns, rows = measure_rows(plan, found)
    emit_listing(format, columns, rows, lambda: measures_table(plan, found), output, excel,
                 sheet="举措", headers=headers)


def show(
    measure_id: Annotated[int, typer.Argument(metavar="ID", help="Measure number.", parser=ID)],
    data: DataOption = None,
) -> None:
    """Show one measure in full: text, responsible units, commitments, deadlines.

    Example: pucli show 44
    """
    from pucli.loading.dataset import open_plan
    from pucli.render.console import stdout_console
    from pucli.render.plan_tables import measure_detail

    plan = open_plan(data_dir(data))
    m = plan.measure(measure_id)
    if m is None:
        raise DataError([Problem("unknown-measure", f"no measure {measure_id}", "ID",
                                 hint=f"measures run 1–{len(plan.measures)}")])
    stdout_console().print(measure_detail(plan, m))


def units(
    data: DataOption = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
) -> None:
    """The responsibility matrix: each unit, the measures it leads and supports.

    Example: pucli units --format csv --excel -o units.csv
    """
    from pucli.compute.browse import responsibility_matrix
    from pucli.loading.dataset import open_plan
    from pucli.render.plan_tables import unit_rows, units_table

    plan = open_plan(data_dir(data))
    loads = responsibility_matrix(plan)
    columns, rows = unit_rows(loads)
    emit_listing(format, columns, rows, lambda: units_table(plan, loads), output, excel,
                 sheet="责任单位", headers=headers)
