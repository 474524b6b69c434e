"""`pucli validate` and `pucli schema`."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from pucli import exitcodes
from pucli.cli.common import DataOption, data_dir


class ReportFormat(enum.StrEnum):
    text = "text"
    json = "json"


def validate(
    data: DataOption = None,
    format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="text for people, json for editors and CI.")] = ReportFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Check every data file: schema, cross-references, consistency of the numbers.

    Reports every problem in every file, compiler-style (file:line:col), then exits
    0 when clean, 1 when anything is invalid (or any warning, with --strict).

    Example: pucli validate --data data --strict
    """
    from pucli.loading.dataset import is_targets_only, validate_data
    from pucli.render.problems import format_report_json, format_report_text

    folder = data_dir(data)
    report = validate_data(folder)
    if format is ReportFormat.json:
        typer.echo(format_report_json(report, [str(folder.path)]))
    else:
        from pucli.render.console import stderr_console

        if report.problems:
            typer.echo(format_report_text(report), err=True)
        else:
            from pucli.i18n import t

            stderr_console().print(t(f"通过：{folder.path}（{folder.origin}）— 没有发现问题",
                                     f"ok: {folder.path} ({folder.origin}) — no problems found"),
                                   markup=False, soft_wrap=True)
        if is_targets_only(folder):
            from pucli.i18n import t
            from pucli.render.console import stderr_console

            stderr_console().print(t(
                f"{folder.path} 只有目标和实际数（没有 measures.yaml）：已检查 targets.yaml 和"
                " actuals.csv。project、backtest 和 quality 可用；overdue、status 等跟踪命令"
                "需要方案的 measures.yaml。",
                f"{folder.path} holds targets and counts only (no measures.yaml): "
                "targets.yaml and actuals.csv were checked. project, backtest and quality "
                "work on it; overdue, status and the other tracking commands need the plan's "
                "measures.yaml."), markup=False, soft_wrap=True)
    failed = not report.valid or (strict and report.warnings)
    raise typer.Exit(exitcodes.INVALID if failed else exitcodes.OK)


def schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write into.")]
    = Path("schemas"),
) -> None:
    """Write JSON Schema files for measures.yaml and targets.yaml (for editors and CI).

    Example: pucli schema -o schemas
    """
    from pucli.i18n import t
    from pucli.schemas import write_schemas

    for path in write_schemas(output):
        typer.echo(t(f"已写入 {path}", f"wrote {path}"), err=True)


def recode(
    file: Annotated[Path, typer.Argument(metavar="FILE",
                                         help="The data file to convert to UTF-8.")],
    source: Annotated[str | None, typer.Option("--from", help="Its encoding (default: "
                                               "detect GBK/GB18030, UTF-16, UTF-32).")] = None,
) -> None:
    """Convert a data file saved as GBK (Excel/WPS on Chinese Windows) or UTF-16 to UTF-8.

    The file is replaced atomically. CSV files get a UTF-8 BOM so Excel still reads them.

    Example: pucli recode data/progress.csv
    """
    from pucli.loading.recode import recode_file

    encoding = recode_file(file, source)
    typer.echo(f"{file}: {encoding} → utf-8", err=True)
