"""Hostile data files: each gives exit 1, names the file (and the line where there is
one), and never a traceback — for `validate` and for every command that reads the file."""

from __future__ import annotations

import json
import re

import pytest

from hostile import MEASURES_CASES, TARGETS_CASES

# Commands that read measures.yaml / targets.yaml (extended as commands land).
READERS = {
    "measures.yaml": [["validate"], ["measures"], ["units"], ["show", "1"]],
    "targets.yaml": [["validate"]],
}
# Whole-file faults have no line to point at: a byte-order mark, an empty file.
NO_LINE = {"utf16_bom", "utf32", "utf16", "empty", "whitespace_only", "bom_only"}


def _cases():
    for name, build in MEASURES_CASES.items():
        yield pytest.param("measures.yaml", name, build, id=f"measures-{name}")
    for name, build in TARGETS_CASES.items():
        yield pytest.param("targets.yaml", name, build, id=f"targets-{name}")


@pytest.mark.parametrize(("file", "name", "build"), list(_cases()))
def test_hostile_file_is_refused_with_location(cli, data_dir, file, name, build):
    (data_dir / file).write_bytes(build())
    r = cli("validate", "--data", data_dir, "--format", "json")
    assert r.code == 1, r.out
    errors = [p for p in json.loads(r.out)["problems"] if p["severity"] == "error"]
    assert errors and errors[0]["file"].endswith(file)
    if name not in NO_LINE:
        assert errors[0]["line"] is not None, errors[0]
    for args in READERS[file]:
        r = cli(*args, "--data", data_dir)
        assert r.code == 1, (args, r.err)
        assert "Traceback" not in r.err and "internal error" not in r.err
        assert re.search(re.escape(file) + r"(:\d+)?", r.err), r.err


def test_corpus_size():
    assert len(MEASURES_CASES) + len(TARGETS_CASES) >= 55


@pytest.mark.parametrize("file", ["measures.yaml", "targets.yaml"])
def test_missing_file_is_named(english, cli, data_dir, file):
    (data_dir / file).unlink()
    for args in READERS[file]:
        r = cli(*args, "--data", data_dir)
        assert r.code == 1
        assert f"{file}: file not found [missing-file]" in r.err
