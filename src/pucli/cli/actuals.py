"""`pucli actuals add` and `pucli actuals import`: recording observed counts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pucli import exitcodes
from pucli.cli.common import COUNT, DataOption, check_metric, data_dir

app = typer.Typer(name="actuals", help="Record observed counts in actuals.csv.",
                  no_args_is_help=True, rich_markup_mode=None)

CountOption = Annotated[int | None, typer.Option(
    parser=COUNT, show_default=False,
    help="Count of this kind of market entity (the three kinds make up the total).")]
MetricOption = Annotated[str | None, typer.Option(
    "--metric", help="The metric counted (default: total), by name or Chinese label.",
    show_default=False)]


@app.command("add")
def add(
    date: Annotated[str, typer.Argument(metavar="DATE", help="Period end, YYYY-MM-DD.")],
    total: Annotated[str, typer.Argument(metavar="TOTAL", help="The count at DATE: of all "
                                         "market entities, or of --metric.")],
    enterprises: CountOption = None,
    individual_businesses: CountOption = None,
    cooperatives: CountOption = None,
    new: Annotated[int | None, typer.Option(
        parser=COUNT, help="Registrations since the previous row.",
        show_default=False)] = None,
    cancelled: Annotated[int | None, typer.Option(
        parser=COUNT, help="Deregistrations since the previous row.",
        show_default=False)] = None,
    region: Annotated[str | None, typer.Option(help="Sub-region (blank: the whole).")] = None,
    source: Annotated[str | None, typer.Option(help="Where the figure comes from.")] = None,
    metric: MetricOption = None,
    data: DataOption = None,
) -> None:
    """Append one observed count to actuals.csv (checked first, then appended).

    Without --metric the count is the total of market entities; with it, the count of
    that metric (e.g. --metric high_tech, or its Chinese label 高新技术企业).

    Example: pucli actuals add 2022-12-31 1250 --source "县市场监管局 2022年报"
    """
    from pucli.i18n import t
    from pucli.loading.actuals_write import Origin, append_actuals
    from pucli.render.problems import format_problem

    values = {"date": date, "total": total, "enterprises": enterprises,
              "individual_businesses": individual_businesses, "cooperatives": cooperatives,
              "new": new, "cancelled": cancelled, "region": region, "source": source,
              "metric": metric}
    record = {k: "" if v is None else str(v) for k, v in values.items()}
    folder = data_dir(data)
    if metric:
        from pucli.loading.actuals import folder_metrics

        check_metric(folder_metrics(folder), metric)
    options = {k: "DATE" if k == "date" else "TOTAL" if k == "total"
               else "--" + k.replace("_", "-") for k in values}
    result = append_actuals(folder, [record],
                            [Origin(folder.display("actuals.csv"), options=options)])
    for problem in result.warnings:
        typer.echo(format_problem(problem), err=True)
    _say_normalised(result)
    if result.rejected:
        for _origin, problems in result.rejected:
            for problem in problems:
                typer.echo(format_problem(problem), err=True)
        typer.echo(t("未写入：改正数值后重新运行", "not written: fix the value and run the "
                     "command again"), err=True)
        raise typer.Exit(exitcodes.INVALID)
    written = result.written[0]
    date, total = written["date"], written["total"]
    what = f" ({written['metric'] or metric})" if metric else ""
    typer.echo(t(f"已把 {date} {total}{what} 写入 {folder.display('actuals.csv')}",
                 f"added {date} {total}{what} to {folder.display('actuals.csv')}"), err=True)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A CSV or .xlsx export.",
                                         exists=False)],
    map_: Annotated[list[str] | None, typer.Option(
        "--map", "-m", help="SOURCE=COLUMN: which export column holds which actuals column "
        "(repeat). Columns already named date, total, … need no mapping.")] = None,
    sheet: Annotated[str | None, typer.Option(help="Worksheet (default: the first).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check only, write nothing.")]
    = False,
    metric: MetricOption = None,
    data: DataOption = None,
) -> None:
    """Import rows from a registration-statistics export (CSV or .xlsx).

    Every row is checked like `pucli validate` checks actuals.csv; good rows are appended
    in one write, every rejected row is reported with its reason. Exit 1 if any row was
    rejected. --metric gives the metric of every row (unless a column is mapped to metric).

    Example: pucli actuals import 登记统计.xlsx --map 统计截止日=date --map 市场主体总数=total
    """
    from pucli.i18n import t
    from pucli.loading.actuals_import import parse_mapping, read_source
    from pucli.loading.actuals_write import append_actuals, check_actuals_records
    from pucli.render.problems import format_problem
    from pucli.render.progress import spinner

    folder = data_dir(data)
    if metric:
        from pucli.loading.actuals import folder_metrics

        check_metric(folder_metrics(folder), metric)
    with spinner(t(f"读取 {file.name}", f"reading {file.name}")):
        source = read_source(file, parse_mapping(map_ or []), sheet, metric)
    if source.ignored:
        typer.echo(t("忽略的列：", "ignored columns: ") + ", ".join(source.ignored), err=True)
    run = check_actuals_records if dry_run else append_actuals
    with spinner(t(f"检查 {len(source.records)} 行", f"checking {len(source.records)} rows")):
        result = run(folder, source.records, source.origins)
    for problem in result.warnings:
        typer.echo(format_problem(problem), err=True)
    _say_normalised(result)
    for _origin, problems in result.rejected:
        for problem in problems:
            typer.echo(format_problem(problem), err=True)
    where, n, bad = folder.display("actuals.csv"), len(result.written), len(result.rejected)
    if dry_run:
        typer.echo(t(f"将导入 {n} 行到 {where}；拒绝 {bad} 行",
                     f"would import {n} row(s) into {where}; rejected {bad}"), err=True)
    else:
        typer.echo(t(f"已导入 {n} 行到 {where}；拒绝 {bad} 行",
                     f"imported {n} row(s) into {where}; rejected {bad}"), err=True)
    raise typer.Exit(exitcodes.INVALID if result.rejected else exitcodes.OK)


SHOWN_NORMALISED = 5


def _say_normalised(result) -> None:  # type: ignore[no-untyped-def]
    """Tell the user which values were written in another (canonical) form than given."""
    from pucli.i18n import t

    for origin, column, given, value in result.normalised[:SHOWN_NORMALISED]:
        if origin.options is not None:
            where = origin.options.get(column, column)
        else:
            where = t(f"{origin.file} 第 {origin.line} 行 {column}",
                      f"{origin.file} row {origin.line} {column}")
        typer.echo(t(f"规范写法：{where} '{given}' → {value}",
                     f"normalised: {where} '{given}' → {value}"), err=True)
    more = len(result.normalised) - SHOWN_NORMALISED
    if more > 0:
        typer.echo(t(f"……另有 {more} 个值按同样方式规范", f"… and {more} more value(s) "
                     "normalised the same way"), err=True)
