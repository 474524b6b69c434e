"""The ``pucli`` command: a thin typer layer over the library.

Commands parse options, call the library, render, and return an exit code. Data errors
raised by the library (:class:`DataError`) are printed here, compiler-style, with exit 1;
any other exception is a bug: one line and exit 70, or the traceback under ``--debug``.
"""

from __future__ import annotations

import enum
import os
import sys
from typing import Annotated

import typer

from pucli import __version__, exitcodes, i18n
from pucli.cli import actuals, brief, browse, project, quality, tracking, validate
from pucli.problems import DataError

app = typer.Typer(
    name="pucli",
    help="Turn a county policy plan into data that can be checked, tracked and projected.\n\n"
    + exitcodes.DESCRIPTION,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


class Lang(enum.StrEnum):
    zh = "zh"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pucli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    lang: Annotated[Lang | None, typer.Option(
        "--lang", help="Language of messages and labels: zh (default) or en; also "
        "$PUCLI_LANG.", show_default=False)] = None,
) -> None:
    if lang is not None:
        i18n.set_language(lang.value)
    if debug:
        os.environ["PUCLI_DEBUG"] = "1"


app.command()(validate.validate)
app.command()(validate.schema)
app.command()(validate.recode)
app.command()(browse.measures)
app.command()(browse.show)
app.command()(browse.units)
app.command()(project.project)
app.command()(project.backtest)
app.command()(quality.quality)
app.add_typer(actuals.app)
app.command()(tracking.overdue)
app.command()(tracking.due)
app.command()(tracking.status)
app.command()(tracking.ledger)
app.command()(tracking.update)
app.command()(brief.brief)


def run(argv: list[str] | None = None) -> int:
    """Run pucli on ``argv`` and return the exit code (used by ``main`` and the tests)."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get("PUCLI_DEBUG"))
    i18n.set_language(None)  # each run starts from $PUCLI_LANG (tests run many in-process)
    try:
        return _run(args, debug)
    finally:
        i18n.set_language(None)


def _run(args: list[str], debug: bool) -> int:
    try:
        app(args, prog_name="pucli")  # standalone mode: usage errors print and exit 2
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else exitcodes.INVALID)
    except DataError as exc:
        from pucli.render.problems import format_problem

        for problem in exc.problems:
            typer.echo(format_problem(problem), err=True)
        return exitcodes.INVALID
    except BrokenPipeError:
        return exitcodes.OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the top-level handler: anything else is a bug in pucli
        if debug:
            raise
        typer.echo(i18n.t(f"pucli：内部错误：{type(exc).__name__}: {exc}\n"
                          "  提示：加 --debug 重新运行可看到调用栈，并请报告此问题",
                          f"pucli: internal error: {type(exc).__name__}: {exc}\n"
                          "  hint: rerun with --debug for the traceback, and report it"),
                   err=True)
        return exitcodes.INTERNAL
    return exitcodes.OK


def main() -> None:
    sys.exit(run())
