"""The bundled Pu County data: complete, faithful where it can be checked here, and in sync."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pucli.loading.datadir import BUNDLED, resolve_data_dir
from pucli.loading.dataset import open_plan, open_targets

from conftest import DATA, ROOT, SHARED

SOURCE = SHARED / "source" / "puxian-market-entity-doubling-plan-2022.txt"


def test_bundled_copy_matches_data_folder():
    names = sorted(p.name for p in DATA.iterdir() if p.is_file())
    assert names == sorted(p.name for p in BUNDLED.iterdir() if p.is_file())
    for name in names:
        assert (DATA / name).read_bytes() == (BUNDLED / name).read_bytes(), name


def test_plan_has_48_measures_in_9_sections():
    plan = open_plan(resolve_data_dir(DATA))
    assert [m.id for m in plan.measures] == list(range(1, 49))
    assert [s.id for s in plan.sections] == list(range(1, 10))
    assert {m.section for m in plan.measures} == set(range(1, 10))
    assert plan.plan.doc_number == "蒲发〔2022〕11号"
    assert str(plan.plan.issued) == "2022-06-17"
    assert plan.plan.reporting.dispatch == "quarterly"
    assert plan.unit_index()["县农业局"] == "县农业农村局"
    m44 = plan.measure(44)
    assert m44.units == ["县政府办", "县行政审批局"]
    assert "每季度召开例会调度一次" in m44.text


def test_targets_match_the_plan_words():
    t = open_targets(resolve_data_dir(DATA))
    assert (t.baseline.value, t.baseline.derived) == (6472, True)
    assert [(str(p.date), p.value) for p in t.for_metric()] == [("2022-12-31", 7961),
                                                               ("2025-12-31", 11236)]
    plan = open_plan(resolve_data_dir(DATA))
    for point in [t.baseline, *t.targets, *t.rates]:
        assert point.source.quote in plan.plan.goal_text


@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/source is not present")
def test_transcription_matches_the_source_text():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_plan_transcription.py"),
                        "--source", str(SOURCE), "--data", str(DATA / "measures.yaml")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_goal_text_is_in_the_source():
    if not SOURCE.exists():
        pytest.skip("../shared/source is not present")
    plan = open_plan(resolve_data_dir(DATA))
    assert plan.plan.goal_text in SOURCE.read_text(encoding="utf-8")
