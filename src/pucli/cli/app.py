"""The ``pucli`` command: a thin typer layer over the library.

Commands parse options, call the library, render, and return an exit code. Data errors
raised by the library (:class:`DataError`) are printed here, compiler-style, with exit 1;
any other exception is a bug: one line and exit 70, or the traceback under ``--debug``.
"""

from __future__ import annotations

import enum
import importlib
import os
import sys
from typing import Annotated

import typer

from pucli import __version__, exitcodes, i18n
from pucli.cli import localize
from pucli.problems import DataError

HELP = ("Turn a county policy plan into data that can be checked, tracked and projected.\n\n"
        + exitcodes.DESCRIPTION)

# Every command: name → (module in pucli.cli, function). A sub-app's function is None and
# the module's ``app`` is added. Listed in the order `pucli --help` shows them.
COMMANDS: dict[str, tuple[str, str | None]] = {
    "init": ("init", "init"),
    "validate": ("validate", "validate"),
    "schema": ("validate", "schema"),
    "recode": ("validate", "recode"),
    "measures": ("browse", "measures"),
    "show": ("browse", "show"),
    "units": ("browse", "units"),
    "project": ("project", "project"),
    "backtest": ("project", "backtest"),
    "quality": ("quality", "quality"),
    "actuals": ("actuals", None),
    "overdue": ("tracking", "overdue"),
    "due": ("tracking", "due"),
    "status": ("tracking", "status"),
    "ledger": ("tracking", "ledger"),
    "update": ("tracking", "update"),
    "forms": ("forms", "forms"),
    "collect": ("forms", "collect"),
    "remind": ("forms", "remind"),
    "brief": ("brief", "brief"),
}
# Options of the root callback, and those of them that take a value.
_ROOT_OPTIONS = {"--version", "--debug", "--lang"}
_ROOT_VALUED = {"--lang"}


class Lang(enum.StrEnum):
    zh = "zh"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pucli {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    lang: Annotated[Lang | None, typer.Option(
        "--lang", help=localize.LANG_HELP, show_default=False)] = None,
) -> None:
    if lang is not None:
        i18n.set_language(lang.value)
    if debug:
        os.environ["PUCLI_DEBUG"] = "1"


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with just ``only`` when that names one.

    Building a command means importing its module and turning its signature into click
    parameters; doing that for all sixteen on every run was a tenth of `pucli overdue`'s
    start-up. `pucli --help` and a mistyped command still get the full list.
    """
    app = typer.Typer(name="pucli", help=HELP, no_args_is_help=True,
                      pretty_exceptions_enable=False,
                      context_settings={"help_option_names": ["-h", "--help"]},
                      rich_markup_mode=None)
    app.callback()(_root)
    for name, (module_name, attr) in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"pucli.cli.{module_name}")
        if attr is None:
            app.add_typer(module.app)
        else:
            app.command(name)(getattr(module, attr))
    return app


def command_named(args: list[str]) -> str | None:
    """The command ``args`` invoke, when that is clear before parsing; else None.

    Root options may come first (``--lang en overdue``); a help flag before the command,
    or anything unrecognised, means the whole app is needed. (``--lang`` after the
    command is the command's own option: every command has one.)
    """
    i = 0
    while i < len(args):
        arg = args[i]
        option = arg.split("=", 1)[0]
        if option in _ROOT_OPTIONS:
            i += 2 if option in _ROOT_VALUED and "=" not in arg else 1
            continue
        return arg if arg in COMMANDS else None
    return None


def run(argv: list[str] | None = None) -> int:
    """Run pucli on ``argv`` and return the exit code (used by ``main`` and the tests)."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get("PUCLI_DEBUG"))
    # each run starts from $PUCLI_LANG (tests run many in-process); a --lang anywhere on
    # the line applies from the start, so help and usage errors are in it too
    i18n.set_language(localize.language_in(args))
    try:
        return _run(args, debug)
    finally:
        i18n.set_language(None)


def _run(args: list[str], debug: bool) -> int:
    clk = localize.click_module()
    try:
        command = localize.prepare(typer.main.get_command(build_app(command_named(args))))
        code = command.main(args, prog_name="pucli", standalone_mode=False)
        return code if isinstance(code, int) else exitcodes.OK
    except clk.exceptions.ClickException as exc:  # usage errors, in the output language
        if isinstance(exc, clk.exceptions.UsageError):
            return localize.show_usage_error(exc)
        exc.show()
        return exc.exit_code
    except typer.Abort:
        typer.echo(i18n.t("已中止。", "Aborted."), err=True)
        return exitcodes.INVALID
    except SystemExit as exc:
        code = exc.code
        if code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            # typer met a reader that went away (`pucli ledger | head`): it wraps stdout
            # so nothing more is written and exits 1, which here means "invalid data"
            return exitcodes.OK
        return code if isinstance(code, int) else (0 if code is None else exitcodes.INVALID)
    except DataError as exc:
        from pucli.render.problems import format_problems

        typer.echo(format_problems(exc.problems), err=True)
        return exitcodes.of_problems(exc.problems)
    except BrokenPipeError:
        return exitcodes.OK
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # the machine, not pucli: a folder that is not there, a full disk
        if debug:
            raise
        where = f" {exc.filename}" if exc.filename else ""
        reason = exc.strerror or str(exc)
        typer.echo(i18n.t(f"pucli：文件操作失败{where}：{reason}\n"
                          "  提示：检查文件夹是否存在、是否有写入权限，以及磁盘空间",
                          f"pucli: a file operation failed{where}: {reason}\n"
                          "  hint: check that the folder exists, that you may write there, "
                          "and the free disk space"), err=True)
        return exitcodes.INVALID
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
    prepare_streams()
    code = run([_utf8_arg(a) for a in sys.argv[1:]])
    sys.exit(finish_output(code))


def _utf8_arg(arg: str) -> str:
    """An argument as UTF-8 text: in an ASCII locale Python decodes ``县发改局`` into
    undecodable escapes, which would then be "an unknown unit"."""
    try:
        return os.fsencode(arg).decode("utf-8")
    except UnicodeDecodeError:
        return arg


def prepare_streams() -> None:
    """Standard streams pucli can always write to.

    A stream the shell closed (``pucli … >&-``) writes to /dev/null, as a closed stream
    does for click itself, instead of failing on ``None``. A stream whose encoding cannot
    write Chinese (an ASCII locale, ``LC_ALL=C`` with UTF-8 mode off) writes UTF-8
    instead, as Python's own UTF-8 mode does for the C locale: the bytes stay correct,
    where an ASCII stream would fail on the first 字.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
            continue
        try:
            "蒲—".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8", errors="backslashreplace")


def finish_output(code: int) -> int:
    """Flush what is still buffered and return the exit code: a reader that went away is
    no error; a full disk is (the output is incomplete, so say so). Either way standard
    output then points at /dev/null, so the interpreter's own flush at exit cannot fail
    again with a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away; a closed stream
            _silence(stream)
        except OSError as exc:  # a full disk, a closed descriptor
            _silence(stream)
            _say_on_stderr(f"pucli: could not write the output: {exc.strerror or exc}\n")
            code = code or exitcodes.INVALID
    return code


def _silence(stream) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        pass


def _say_on_stderr(text: str) -> None:
    try:
        os.write(2, text.encode("utf-8", "replace"))
    except OSError:
        pass
