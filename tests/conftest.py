"""Shared fixtures: every test runs in its own folder with its own copy of the data."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
YAML_SUITE = SHARED / "corpora" / "yaml-test-suite" / "invalid"

MINIMAL_TARGETS = """\
region: Testland
baseline: {date: 2021-12-31, value: 100}
targets:
  - {date: 2025-12-31, value: 200}
"""


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test sees the developer's PUCLI_DATA, working folder or plan cache; charts never
    open windows."""
    monkeypatch.delenv("PUCLI_DATA", raising=False)
    monkeypatch.delenv("PUCLI_DEBUG", raising=False)
    monkeypatch.delenv("PUCLI_LANG", raising=False)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("PUCLI_NO_CACHE", raising=False)
    monkeypatch.setenv("PUCLI_CACHE_DIR", str(tmp_path / "cache"))  # each test starts cold
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


@pytest.fixture
def english(monkeypatch) -> None:
    """Messages and labels in English (the default is Chinese): for tests whose subject is
    the wording of a message, written down in English."""
    monkeypatch.setenv("PUCLI_LANG", "en")


@pytest.fixture
def chinese(monkeypatch) -> None:
    """Chinese explicitly, whatever the default."""
    monkeypatch.setenv("PUCLI_LANG", "zh")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A writable copy of the bundled Pu County data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def datadir(data_dir) -> Path:
    """Alias of ``data_dir``."""
    return data_dir


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A folder with only the minimal targets.yaml another region would write."""
    folder = tmp_path / "region"
    folder.mkdir()
    (folder / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
    return folder


class Result(NamedTuple):
    """Exit code and captured output; unpacks as ``code, out, err`` too."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """Run pucli in-process: ``cli("validate", "--data", d)`` → Result(code, out, err)."""
    from pucli.cli.app import run

    def invoke(*args: object) -> Result:
        capsys.readouterr()
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke
