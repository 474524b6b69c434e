"""Size limits: a file over the documented size is refused, before it is read, with a
message that says how big it is and what the limit is — by every command that reads it."""

from __future__ import annotations

import pathlib
import re
import resource
import sys

import pytest

from pucli.loading import textfile

from conftest import ROOT
from hostile import ACTUALS, PROGRESS, SPARSE_SIZE, sparse_file

# The assertions read the English wording (the default language is Chinese).
pytestmark = pytest.mark.usefixtures("english")

UPDATE = ["update", "1", "--unit", "县发改局", "--status", "in_progress", "--date", "2023-10-31"]
ADD = ["actuals", "add", "2026-10-31", "11400"]
READERS = {
    "measures.yaml": [["validate"], ["measures"], ["overdue", "--format", "csv"], UPDATE],
    "targets.yaml": [["validate"], ["project"]],
    "progress.csv": [["validate"], ["overdue", "--format", "csv"], ["status"], ["ledger"],
                     UPDATE],
    "actuals.csv": [["validate"], ["project"], ["backtest"], ADD],
}
LIMIT = {".yaml": "MAX_YAML_BYTES", ".csv": "MAX_CSV_BYTES"}


@pytest.fixture
def folder(data_dir):
    (data_dir / "progress.csv").write_text(PROGRESS, encoding="utf-8")
    (data_dir / "actuals.csv").write_text(ACTUALS, encoding="utf-8")
    return data_dir


def _patch_limit(monkeypatch, name: str, value: int) -> None:
    """Set the limit in textfile and in every module that imported it by name."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("pucli.") and hasattr(module, name):
            monkeypatch.setattr(module, name, value)


def _never_read(monkeypatch, file: str) -> None:
    real = pathlib.Path.read_bytes

    def guarded(self):
        assert self.name != file, f"{file} was read although it is over the limit"
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", guarded)


@pytest.mark.parametrize("file", sorted(READERS))
def test_a_file_over_the_limit_is_refused_by_every_reader(cli, folder, monkeypatch, file):
    size = (folder / file).stat().st_size
    _patch_limit(monkeypatch, LIMIT[pathlib.Path(file).suffix], 1024)
    with open(folder / file, "ab") as fh:  # still valid content, just too much of it
        fh.write((b"# padding\n" if file.endswith(".yaml") else b"\n") * (2048 - size // 10))
    before = (folder / file).read_bytes()
    _never_read(monkeypatch, file)
    for args in READERS[file]:
        r = cli(*args, "--data", folder)
        assert r.code == 1, (args, r.err)
        assert re.search(re.escape(file) + r": file is [\d.]+ KiB; pucli refuses files over "
                         r"1 KiB \[file-too-large\]", r.err), (args, r.err)
        assert "Traceback" not in r.err and "internal error" not in r.err
    with open(folder / file, "rb") as fh:  # the writers appended nothing
        assert fh.read() == before
    assert len(before) > 1024


@pytest.mark.parametrize("file", sorted(READERS))
def test_a_real_200_mb_file_is_refused_without_using_the_memory(cli, folder, file):
    """A sparse file (like `truncate -s 200M`): no disk used, refused by its size alone."""
    sparse_file(folder / file, SPARSE_SIZE)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    for args in READERS[file]:
        r = cli(*args, "--data", folder)
        assert r.code == 1, (args, r.err)
        assert f"{file}: file is 200 MiB; pucli refuses files over " in r.err, r.err
        assert "[file-too-large]" in r.err
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown < 50 * 1024, f"peak memory grew by {grown} KiB: the file was read"


def test_the_limits_are_documented():
    doc = (ROOT / "docs" / "hardening.md").read_text(encoding="utf-8")
    for name in ("MAX_YAML_BYTES", "MAX_CSV_BYTES"):
        mib = getattr(textfile, name) // (1 << 20)
        assert f"`{name}` = {mib} MiB" in doc, name


def test_the_limits_leave_room_for_the_benchmark_scale():
    """5,000 measures are 3.8 MB of YAML; 100,000 reports are 7.6 MB of CSV."""
    assert textfile.MAX_YAML_BYTES >= 4 * 3_800_000
    assert textfile.MAX_CSV_BYTES >= 4 * 7_600_000
