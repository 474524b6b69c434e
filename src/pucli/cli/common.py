"""Options and output helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from pucli.loading.datadir import DataDir, resolve_data_dir
from pucli.problems import DataError, Problem


class ListFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


class Headers(enum.StrEnum):
    words = "words"
    codes = "codes"


HeadersOption = Annotated[Headers | None, typer.Option(
    "--headers", help="Column names: words in the output language (the default for xlsx) "
    "or codes (the default for csv and md; JSON keys are always codes).",
    show_default=False)]

DataOption = Annotated[
    Path | None,
    typer.Option("--data", help="Data folder (default: $PUCLI_DATA, ./data, bundled copy).",
                 show_default=False),
]
FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout "
                 "(required for xlsx).", show_default=False),
]
ExcelOption = Annotated[
    bool, typer.Option("--excel", help="CSV for Excel on Windows: UTF-8 BOM, CRLF line ends "
                 "(csv format only).")
]


def data_dir(option: Path | None) -> DataDir:
    return resolve_data_dir(option)


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value (in the range of :mod:`pucli.models.domain`), or a usage
    problem that says what is wrong."""
    from pucli.models.domain import DomainError
    from pucli.models.domain import parse_date as parse_domain_date

    if value is None:
        return None
    try:
        return parse_domain_date(value)
    except DomainError as exc:
        message = (f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2025-12-31"
                   if exc.kind in ("format", "not-real") else f"{exc.message}; {exc.hint}")
        raise typer.BadParameter(message, param_hint=option) from None


def ascii_int(min: int = 0, max: int | None = None) -> Callable[[Any], int]:
    """A parser (``typer.Option(parser=…)``) of a whole number in ASCII digits, ≥ ``min``
    and, when given, ≤ ``max``.

    click's INT takes whatever :func:`int` takes: ``1_2`` (12), ``+12`` and Arabic-Indic
    ``١٢`` would all name measure 12. A number on the command line is plain digits.
    """

    def integer(value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and _ASCII_DIGITS.fullmatch(value.strip()):
            number = int(value.strip())
        else:
            raise typer.BadParameter(f"'{value}' is not a whole number in plain digits 0-9")
        if number < min:
            raise typer.BadParameter(f"{number} is below {min}")
        if max is not None and number > max:
            raise typer.BadParameter(f"{number} is above {max}")
        return number

    return integer


_ASCII_DIGITS = re.compile(r"[0-9]+")
COUNT = ascii_int(0)
ID = ascii_int(1)


def check_metric(registry: Any, text: str) -> str:
    """The metric ``--metric`` names (a name or Chinese label), or a usage problem."""
    from pucli.models.metrics import resolve_metric
    from pucli.suggest import did_you_mean

    name = resolve_metric(text, registry)
    if name is None:
        raise DataError([Problem("unknown-metric", f"unknown metric '{text}'", "--metric",
                                 hint=did_you_mean(text, list(registry))
                                 or "metrics: " + ", ".join(registry))])
    return name


def check_region(actuals: Any, region: str | None) -> None:
    """A usage problem when ``--region`` names no region of the actuals."""
    if not region or region in actuals.regions():
        return
    from pucli.suggest import did_you_mean

    known = actuals.regions()
    raise DataError([Problem("unknown-region", f"no rows for region '{region}'", "--region",
                             hint=did_you_mean(region, known)
                             or ("regions: " + ", ".join(known) if known
                                 else "actuals.csv has no region column"))])


def check_section(plan: Any, section: int | None) -> None:
    """A usage problem when ``--section`` names no section of the plan."""
    if section is None or any(s.id == section for s in plan.sections):
        return
    ids = [s.id for s in plan.sections]
    raise DataError([Problem("unknown-section", f"section {section} does not exist",
                             "--section",
                             hint=f"sections are {min(ids)}–{max(ids)}" if ids else None)])


# Beyond this many rows, a table piped or written to a file is plain aligned text: rich
# takes seconds to lay out tens of thousands of rows (benchmarks/bench_scale.py).
PLAIN_TABLE_ROWS = 2000


def emit_listing(fmt: ListFormat, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                 table: Callable[[], Any], output: Path | None = None, excel: bool = False,
                 json_data: Any = None, sheet: str = "pucli",
                 headers: Headers | None = None) -> None:
    """Print or write a listing in the chosen format (one code path for every command).

    ``table`` builds the rich rendering; it is called only for the table format.
    ``headers``: column names as words or codes (default: words in xlsx, else codes).
    """
    import sys

    if excel and fmt is not ListFormat.csv:
        _say_not_applied(fmt)
    if fmt is ListFormat.table:
        to_terminal = output is None and sys.stdout.isatty()
        if len(rows) <= PLAIN_TABLE_ROWS or to_terminal:
            _print_table(table(), output)
            return
    from pucli.render import export  # not needed for a table: start-up time

    if fmt is ListFormat.xlsx:
        if output is None:
            raise DataError([Problem("usage", "xlsx output needs a file", "--output",
                                     hint="add -o FILE.xlsx")])
        export.write_xlsx(str(output), {sheet: (columns, rows)},
                          headers=(headers or Headers.words).value)
        done(output)
        return
    if fmt is ListFormat.table:  # too long for rich to lay out quickly
        write_text(export.to_plain(columns, rows), output)
        return
    if headers is Headers.words and fmt is not ListFormat.json:
        from pucli.render.headers import header_words

        columns = header_words(list(columns))
    if fmt is ListFormat.json:
        text = export.to_json(json_data if json_data is not None
                              else export.records(columns, rows)) + "\n"
    elif fmt is ListFormat.csv:
        text = export.to_csv(columns, rows, excel=excel)
    else:
        text = export.to_markdown(columns, rows)
    write_text(text, output)


def _say_not_applied(fmt: ListFormat) -> None:
    from pucli.i18n import t
    from pucli.render.console import stderr_console

    stderr_console().print(t(f"注意：--excel 只用于 csv 格式，对 {fmt.value} 不起作用",
                             f"note: --excel applies to the csv format only; ignored for "
                             f"{fmt.value}"), markup=False, soft_wrap=True)


def _print_table(table: Any, output: Path | None) -> None:
    from pucli.render.fit import fit

    if output is None:
        from pucli.render.console import stdout_console

        stdout_console().print(fit(table))
        return
    from rich.console import Console

    with open(output, "w", encoding="utf-8") as fh:
        Console(file=fh, width=160, no_color=True, markup=False, emoji=False).print(fit(table))
    done(output)


def write_text(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8", newline="")
        done(output)


def done(output: Path) -> None:
    """Say on stderr that ``output`` was written."""
    from pucli.i18n import t
    from pucli.render.console import stderr_console

    stderr_console().print(t(f"已写入 {output}", f"wrote {output}"), markup=False, soft_wrap=True)
