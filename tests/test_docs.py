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
        assert "示例：pucli " + name in result.out, name
        result = cli(*name.split(), "--help", "--lang", "en")
        assert "Example: pucli " + name in result.out, name


def quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return block.splitlines()


def test_the_quick_start_needs_no_active_venv_and_ci_runs_it_verbatim():
    install, test = quick_start()
    # PEP 668: nothing is installed into the system's Python, and nothing relies on an
    # activated shell: the venv's own programs are called by path
    assert install.startswith("python3 -m venv .venv && .venv/bin/python -m pip install ")
    assert install.endswith("&& .venv/bin/pucli project")
    assert test.startswith(".venv/bin/pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "/^## Quick start/" in ci and 'bash -c "${lines[0]}"' in ci
    assert 'bash -c "${lines[1]}"' in ci and '"$code" -eq 5' in ci
