"""Golden validation messages: each tests/cases/<kind>/<case>.yaml next to its
<case>.expected.txt holding exactly what `pucli validate` prints for it.

Regenerate after a deliberate change of wording with UPDATE_GOLDEN=1, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pucli.loading.plan import load_plan, load_targets
from pucli.problems import Report
from pucli.render.problems import format_report_text

CASES = Path(__file__).parent / "cases"
LOADERS = {"plan": load_plan, "targets": load_targets}


def _cases():
    for kind in LOADERS:
        for path in sorted((CASES / kind).glob("*.yaml")):
            if not path.name.startswith("_"):
                yield pytest.param(kind, path, id=f"{kind}/{path.stem}")


@pytest.mark.parametrize(("lang", "suffix"), [("en", ".expected.txt"),
                                             ("zh", ".expected.zh.txt")])
@pytest.mark.parametrize(("kind", "path"), list(_cases()))
def test_golden_message(monkeypatch, lang: str, suffix: str, kind: str, path: Path):
    """Each case's problems, worded in English and in Chinese (the default language)."""
    monkeypatch.setenv("PUCLI_LANG", lang)
    _, problems = LOADERS[kind](path, f"{path.stem}.yaml")
    text = format_report_text(Report(problems)) + "\n"
    expected = path.with_name(path.stem + suffix)
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def test_base_case_is_valid():
    plan, problems = load_plan(CASES / "plan" / "_base.yaml")
    assert plan is not None and problems == []
