"""Help pages and usage errors in the output language, and ``--lang`` on every command.

typer and click write their help pages and usage errors in English. pucli's own help
texts are written in English in the code (docstrings, ``help=``) and in Chinese in the
catalog (:data:`pucli.messages.HELP`, :data:`pucli.messages.COMMAND_HELP`); click's own
words ("No such option", "Missing argument", "Usage:" …) are matched against the English
templates of :data:`pucli.messages.USAGE`, as problem messages are.

:func:`prepare` walks the built command tree, so a command added to ``COMMANDS`` later is
covered without further work: it gets ``--lang`` and a localized help page, and the test
that every command has help in both languages (tests/test_messages.py) finds any text
the catalog lacks.
"""

from __future__ import annotations

import importlib
import re
import textwrap
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

import typer
import typer.core

from pucli import i18n

LANG_HELP = ("Language of messages, labels and help: zh (default) or en; also $PUCLI_LANG.")


def click_module() -> Any:
    """The click typer uses: its vendored copy (typer ≥ 0.28) or the click package."""
    return getattr(typer.core, "_click", None) or importlib.import_module("click")


def language_in(args: Sequence[str]) -> str | None:
    """The language a ``--lang X`` / ``--lang=X`` anywhere in ``args`` asks for (before a
    ``--``), so that help and usage errors found while parsing are in it already."""
    chosen = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = i18n.normalise(args[i + 1]) or chosen
        elif arg.startswith("--lang="):
            chosen = i18n.normalise(arg.split("=", 1)[1]) or chosen
    return chosen


def walk(command: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every command of the tree with its path (``""`` for pucli itself, ``"actuals add"``)."""
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, f"{path} {name}".strip())


def prepare(root: Any) -> Any:
    """Give every command of the tree ``--lang`` and localized help and usage."""
    typer.core._ = _typer_words  # type: ignore[attr-defined]
    for path, command in walk(root):
        if path and not any("--lang" in getattr(p, "opts", ()) for p in command.params):
            command.params.append(_lang_option())
        _localize(command, path)
    return root


def _set_language(ctx: Any, param: Any, value: str | None) -> None:
    if value is None:
        return
    if i18n.normalise(value) != value.strip().lower():
        raise click_module().exceptions.BadParameter(
            f"'{value}' is not one of 'zh', 'en'.", ctx=ctx, param=param)
    i18n.set_language(value)


def _lang_option() -> Any:
    return typer.core.TyperOption(param_decls=["--lang"], metavar="<zh|en>", is_eager=True,
                                  expose_value=False, callback=_set_language, help=LANG_HELP)


# -- help pages --------------------------------------------------------------------------

def _localize(command: Any, path: str) -> None:
    """Word ``command``'s help page, usage line and summary in the output language.

    Bound to the instance (typer's classes cannot be swapped for subclasses: their
    layout differs), each calling the class's own method."""
    cls = type(command)
    command.pucli_path = path

    def get_help(ctx: Any) -> str:
        _wrap_by_cells(click_module())
        if i18n.is_english():
            return cls.get_help(command, ctx)
        _to_chinese(command)
        return _page_zh(cls.get_help(command, ctx))

    def get_usage(ctx: Any) -> str:
        usage = cls.get_usage(command, ctx)
        return usage if i18n.is_english() else _page_zh(usage)

    def get_short_help_str(limit: int = 45) -> str:
        from pucli.messages import COMMAND_HELP

        text = None if i18n.is_english() else COMMAND_HELP.get(path)
        if not text:
            return cls.get_short_help_str(command, limit)
        return re.split(r"[。\n]", text, maxsplit=1)[0]

    command.get_help = get_help
    command.get_usage = get_usage
    command.get_short_help_str = get_short_help_str


def _to_chinese(command: Any) -> None:
    """Put the catalog's Chinese into ``command``'s help and its options' help (once)."""
    from pucli.messages import COMMAND_HELP, help_zh

    if getattr(command, "pucli_chinese", False):
        return
    command.pucli_chinese = True
    if command.pucli_path in COMMAND_HELP:
        command.help = COMMAND_HELP[command.pucli_path]
    for param in command.params:
        if getattr(param, "help", None):
            param.help = help_zh(param.help)


def _page_zh(text: str) -> str:
    """click's fixed words on a help page or usage line in Chinese."""
    from pucli.messages import HELP_PAGE

    for zh, en in HELP_PAGE:
        text = text.replace(en, zh)
    text = re.sub(r"^(选项|参数|命令):$", r"\1：", text, flags=re.MULTILINE)
    return re.sub(r"\[default: ([^\]]*)\]", r"[默认：\1]", text)


def _typer_words(message: str) -> str:
    """typer's own gettext: the words it puts beside options (``default: …``) and its
    section headings, before click wraps the lines."""
    if i18n.is_english():
        return message
    from pucli.messages import HELP_PAGE

    return next((zh for zh, en in HELP_PAGE if en == message), message)


# -- usage errors ------------------------------------------------------------------------

def show_usage_error(exc: Any) -> int:
    """Print a click usage error in the output language; its exit code (2)."""
    clk = click_module()
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        typer.echo(ctx.get_help(), err=True)
        return exc.exit_code
    text = ""
    if ctx is not None:
        text = ctx.get_usage() + "\n"
        if ctx.command.get_help_option(ctx) is not None:
            hint = f"{ctx.command_path} {ctx.help_option_names[0]}"
            text += i18n.t(f"试试 '{hint}' 查看帮助。", f"Try '{hint}' for help.") + "\n"
        text += "\n"
    text += i18n.t("错误：", "Error: ") + usage_message(exc, clk)
    typer.echo(text, err=True)
    return exc.exit_code


def usage_message(exc: Any, clk: Any) -> str:
    """The error's message in the output language, with a did-you-mean for a value that
    is not one of an option's choices."""
    message = exc.format_message()
    suggestion = _choice_suggestion(exc, clk)
    if i18n.is_english():
        return f"{message} {suggestion[0].upper()}{suggestion[1:]}" if suggestion else message
    from pucli.messages import hint_zh, usage_zh

    return usage_zh(message) + (hint_zh(suggestion) if suggestion else "")


def _choice_suggestion(exc: Any, clk: Any) -> str | None:
    if not isinstance(exc, clk.exceptions.BadParameter):
        return None
    choices = getattr(getattr(exc.param, "type", None), "choices", None)
    match = re.match(r"""(['"])(.*)\1 is not one of""", exc.message or "")
    if not choices or not match:
        return None
    from pucli.suggest import did_you_mean

    names = [str(getattr(c, "value", c)) for c in choices]
    return did_you_mean(match.group(2), names)


# -- wrapping text by terminal cells -----------------------------------------------------

def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap_by_cells(clk: Any) -> None:
    """Make click wrap help text by terminal cells, breaking between CJK characters
    (click counts characters and breaks only at spaces: a Chinese line ran twice the
    width of the terminal)."""
    module = importlib.import_module(clk.__name__ + "._textwrap")
    if getattr(module.TextWrapper, "pucli_cells", False):
        return
    module.TextWrapper = type("TextWrapper", (_CellWrapper, module.TextWrapper),
                              {"pucli_cells": True})


_CLOSING = set("，。；：、）」』》！？")


class _CellWrapper(textwrap.TextWrapper):
    def _split(self, text: str) -> list[str]:
        chunks: list[str] = []
        for chunk in super()._split(text):
            if _cells(chunk) == len(chunk):
                chunks.append(chunk)
            else:  # a CJK character is a chunk of its own: lines may break between them
                chunks.extend(re.findall(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|"
                                         r"[^\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+", chunk))
        # closing punctuation never starts a line: it stays with what it closes
        merged: list[str] = []
        for chunk in chunks:
            if merged and chunk in _CLOSING:
                merged[-1] += chunk
            else:
                merged.append(chunk)
        return merged

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        lines: list[str] = []
        chunks.reverse()
        while chunks:
            line: list[str] = []
            indent = self.subsequent_indent if lines else self.initial_indent
            width = max(self.width - len(indent), 1)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            used = 0
            while chunks:
                size = _cells(chunks[-1])
                if used + size <= width:
                    line.append(chunks.pop())
                    used += size
                elif not line:  # a chunk wider than the line: cut it
                    piece, rest = _cut(chunks[-1], width)
                    line.append(piece)
                    chunks[-1] = rest
                    break
                else:
                    break
            if self.drop_whitespace and line and line[-1].strip() == "":
                del line[-1]
            if line:
                lines.append(indent + "".join(line))
        return lines


def _cut(text: str, width: int) -> tuple[str, str]:
    used = 0
    for i, ch in enumerate(text):
        used += _cells(ch)
        if used > width:
            return text[: max(i, 1)], text[max(i, 1):]
    return text, ""
