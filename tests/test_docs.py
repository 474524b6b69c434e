"""Every command has help with an example and is documented (sqlite-utils' test_docs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from pucli.cli.app import build_app

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[tuple[str, Any]]:
    """(name, click command) for every command, sub-commands as "group sub"."""
    root = typer.main.get_command(build_app())
    out = []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        if hasattr(cmd, "commands"):  # a group (typer vendors its own click)
            out += [(f"{name} {sub}", c) for sub, c in cmd.commands.items()]
        else:
            out.append((name, cmd))
    return sorted(out)


COMMANDS = _commands()


def test_the_command_list_is_complete():
    names = [n for n, _ in COMMANDS]
    assert {"brief", "overdue", "ledger", "project", "actuals add", "validate"} <= set(names)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_help_has_an_example(name, command):
    assert "Example: pucli " + name in (command.help or "")


def _documentation() -> str:
    # README.md, plus the section files under docs/ that are merged into it.
    parts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in parts if p.exists())


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS])
def test_command_is_documented(name):
    assert f"pucli {name}" in _documentation()


def test_help_runs_for_every_command(cli):
    for name, _ in COMMANDS:
        result = cli(*name.split(), "--help")
        assert result.code == 0, name
        assert "Example:" in result.out, name
