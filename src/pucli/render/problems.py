"""Validation problems as compiler-style text (with excerpt and caret) or JSON.

Text is worded in the current language (:mod:`pucli.i18n`): Chinese through the catalog
in :mod:`pucli.messages`, English as stored. JSON always carries the stable English.
"""

from __future__ import annotations

import json
import re
import unicodedata

from pucli.i18n import is_english, t
from pucli.problems import Problem, Report


def cell_width(text: str) -> int:
    """Terminal cells taken by ``text``: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def message_text(p: Problem) -> str:
    """The problem's message in the current language."""
    if is_english():
        return p.message
    from pucli.messages import message_zh

    return message_zh(p.code, p.message, p.params)


def hint_text(hint: str) -> str:
    if is_english():
        return hint
    from pucli.messages import hint_zh

    return hint_zh(hint)


def _path_text(path: str) -> str:
    if is_english():
        return path
    match = re.fullmatch(r"row (\d+), (\w+) column", path)  # a returned form's cell
    if match:
        from pucli.models.forms import HEADINGS

        name = HEADINGS.get(match.group(2), (match.group(2),))[0].split("(")[0]
        return f"第 {match.group(1)} 行 {name}列"
    return re.sub(r"^row (\d+)", r"第 \1 行", path)


def format_problem(p: Problem) -> str:
    """``file:line:col: path: message [code]``, the source line, a caret, a hint."""
    where = f"{_path_text(p.path)}: " if p.path else ""
    label = {"warning": t("警告：", "warning: "), "note": t("注：", "note: ")}.get(p.severity, "")
    lines = [f"{p.location()}: {label}{where}{message_text(p)} [{p.code}]"]
    if p.excerpt is not None and p.line is not None:
        gutter = f"{p.line:>6} | "
        shown, col = clip_excerpt(p.excerpt.replace("\t", " "), p.col)
        lines.append(gutter + shown)
        if col is not None:
            before = cell_width(shown[: col - 1])
            span = shown[col - 1: col - 1 + min(p.width, EXCERPT_CHARS)] or " "
            lines.append(" " * 7 + "| " + " " * before + "^" * max(cell_width(span), 1))
    if p.hint:
        lines.append(t("  提示：", "  hint: ") + hint_text(p.hint))
    return "\n".join(lines)


def format_report_text(report: Report, limit: int | None = None) -> str:
    """The problems in file order (at most ``limit``, errors first: see
    :func:`format_problems`), then a one-line summary of all of them."""
    parts = [format_problems(report.sorted(), limit), summary_line(report)]
    return "\n".join(part for part in parts if part)


# At most this many problems are printed as text: a plan with a problem in every one of
# 5,000 measures printed 10,000 excerpts. Every one is still counted, and listed by JSON.
MAX_SHOWN = 200
# An excerpt longer than this is shown as a window around the column: a one-line JSON
# plan repeated its whole (megabyte) line under every problem.
EXCERPT_CHARS = 160


def format_problems(problems: list[Problem], limit: int | None = None) -> str:
    """Problems as text, at most ``limit`` (default :data:`MAX_SHOWN`): errors before
    warnings when some must be left out, shown in the order given, then a line saying
    how many more there are."""
    limit = MAX_SHOWN if limit is None else limit
    shown = problems
    if len(problems) > limit:
        chosen = set(map(id, sorted(problems, key=lambda p: not p.is_error)[:limit]))
        shown = [p for p in problems if id(p) in chosen]
    parts = [format_problem(p) for p in shown]
    if len(shown) < len(problems):
        more, total = len(problems) - len(shown), len(problems)
        parts.append(t(f"……另有 {more} 个问题未列出（共 {total} 个）；"
                       "`pucli validate --format json` 列出全部",
                       f"… and {more} more of {total} problems not shown; "
                       "`pucli validate --format json` lists them all"))
    return "\n".join(parts)


def clip_excerpt(text: str, col: int | None) -> tuple[str, int | None]:
    """At most :data:`EXCERPT_CHARS` of ``text`` around ``col``; the column within it."""
    if len(text) <= EXCERPT_CHARS:
        return text, col
    start = max(0, min((col or 1) - 1 - EXCERPT_CHARS // 3, len(text) - EXCERPT_CHARS))
    clipped = text[start:start + EXCERPT_CHARS]
    if start > 0:
        clipped = "…" + clipped[1:]
    if start + EXCERPT_CHARS < len(text):
        clipped = clipped[:-1] + "…"
    return clipped, None if col is None else col - start


def summary_line(report: Report) -> str:
    e, w, n = len(report.errors), len(report.warnings), len(report.notes)
    if not e and not w and not n:
        return t("没有发现问题", "ok: no problems found")
    if not is_english():
        return f"{e} 个错误，{w} 个警告" + (f"，{n} 条已确认的注" if n else "")
    return (f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}"
            + (f", {n} acknowledged note{'s' * (n != 1)}" if n else ""))


def format_report_json(report: Report, files: list[str] | None = None) -> str:
    data = {
        "valid": report.valid,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "notes": len(report.notes),
        "files": files or [],
        "problems": [_json_problem(p) for p in report.sorted()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _json_problem(p: Problem) -> dict[str, object]:
    data = p.to_dict()
    if isinstance(data.get("excerpt"), str):
        data["excerpt"] = clip_excerpt(data["excerpt"], p.col)[0]  # type: ignore[arg-type]
    return data
