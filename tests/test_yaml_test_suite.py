"""Every invalid document of the YAML test suite, used as measures.yaml, gives a located
error and exit 1 (from ../shared/corpora; skipped when that folder is absent)."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA, YAML_SUITE

DOCS = sorted(YAML_SUITE.glob("*.yaml")) if YAML_SUITE.is_dir() else []


@pytest.mark.skipif(not DOCS, reason="../shared/corpora/yaml-test-suite is not present")
@pytest.mark.parametrize("doc", DOCS, ids=[d.stem for d in DOCS])
def test_invalid_yaml_is_a_located_error(doc, cli, tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    shutil.copy(DATA / "targets.yaml", data / "targets.yaml")
    shutil.copy(doc, data / "measures.yaml")
    r = cli("validate", "--data", data, "--format", "json")
    assert r.code == 1
    import json

    problems = [p for p in json.loads(r.out)["problems"] if p["severity"] == "error"]
    assert problems, "no error reported"
    assert problems[0]["file"].endswith("measures.yaml")
    assert problems[0]["line"] is not None
    assert "Traceback" not in r.err


def test_the_corpus_is_complete_when_present():
    if not YAML_SUITE.is_dir():
        pytest.skip("../shared/corpora/yaml-test-suite is not present")
    assert len(DOCS) == 94
