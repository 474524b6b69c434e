"""Validation problems as compiler-style text (with excerpt and caret) or JSON."""

from __future__ import annotations

import json
import unicodedata

from pucli.problems import Problem, Report


def cell_width(text: str) -> int:
    """Terminal cells taken by ``text``: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_problem(p: Problem) -> str:
    """``file:line:col: path: message [code]``, the source line, a caret, a hint."""
    where = f"{p.path}: " if p.path else ""
    label = "warning: " if p.severity == "warning" else ""
    lines = [f"{p.location()}: {label}{where}{p.message} [{p.code}]"]
    if p.excerpt is not None and p.line is not None:
        gutter = f"{p.line:>6} | "
        shown = p.excerpt.replace("\t", " ")
        lines.append(gutter + shown)
        if p.col is not None:
            before = cell_width(shown[: p.col - 1])
            span = shown[p.col - 1: p.col - 1 + p.width] or " "
            lines.append(" " * 7 + "| " + " " * before + "^" * max(cell_width(span), 1))
    if p.hint:
        lines.append(f"  hint: {p.hint}")
    return "\n".join(lines)


def format_report_text(report: Report) -> str:
    """All problems in file order, then a one-line summary."""
    parts = [format_problem(p) for p in report.sorted()]
    parts.append(summary_line(report))
    return "\n".join(parts)


def summary_line(report: Report) -> str:
    e, w = len(report.errors), len(report.warnings)
    if not e and not w:
        return "ok: no problems found"
    return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}"


def format_report_json(report: Report, files: list[str] | None = None) -> str:
    data = {
        "valid": report.valid,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "files": files or [],
        "problems": [p.to_dict() for p in report.sorted()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
