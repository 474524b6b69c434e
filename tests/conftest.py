"""Shared fixtures: an isolated data folder per test, and the CLI runner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

MINIMAL_TARGETS = """\
region: Testland
baseline: {date: 2021-12-31, value: 100}
targets:
  - {date: 2025-12-31, value: 200}
"""


@pytest.fixture
def datadir(tmp_path: Path) -> Path:
    """A copy of the project's data folder (measures, targets, actuals)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A folder with only the minimal targets.yaml another region would write."""
    folder = tmp_path / "region"
    folder.mkdir()
    (folder / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
    return folder


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """Run pucli in-process; returns (exit code, stdout, stderr)."""
    from pucli.cli.app import run

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")

    def invoke(*args: str) -> tuple[int, str, str]:
        code = run(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke
