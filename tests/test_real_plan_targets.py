"""Targets as real plans state them (issue 11): at most, about, a yearly flow, a flow's
growth, decimals as written, a unit per metric — rated, shown and briefed accordingly.

The known answers are worked out by hand from tests/cases/real_targets (synthetic figures):
unemployment 4.6 % at end-2023 against "≤ 4.5" is off track by +0.1; grain 23.4 万吨
against "23 ± 0.5" is on track; GDP 315 after 300 is +5.0 %, against "6.2 % ± 0.5 pp" off
track by −1.2 pp. Golden files hold the whole output in both languages: regenerate with
UPDATE_GOLDEN=1 after a deliberate change, then review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pucli.compute import target_rules as tr

CASE = Path(__file__).parent / "cases" / "real_targets"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lishan-2023"


def _golden(name: str, text: str) -> None:
    path = CASE / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def _targets(projections):
    return {p["metric"]: p["targets"] for p in projections}


def test_each_direction_is_rated_with_its_known_answer(cli):
    r = cli("project", "--data", CASE, "--as-of", "2024-12-31", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    got = _targets(data["projections"])
    assert [p["metric"] for p in data["projections"]] == ["total", "unemployment_rate",
                                                           "grain", "gdp"]
    assert {p["metric"]: p["unit"] for p in data["projections"]} == {
        "total": "户", "unemployment_rate": "%", "grain": "万吨", "gdp": "亿元"}
    first = got["unemployment_rate"][0]
    assert (first["value"], first["direction"], first["expected"], first["basis"],
            first["rating"]) == (4.5, "at_most", 4.6, "actual", "off track")
    assert first["gap"] == pytest.approx(0.1)
    grain = got["grain"][0]
    assert (grain["expected"], grain["basis"], grain["rating"]) == (23.4, "actual", "on track")
    gdp = got["gdp"][0]
    assert (gdp["measure"], gdp["basis"], gdp["rating"]) == ("growth", "actual", "off track")
    assert gdp["expected"] == pytest.approx(0.05) and gdp["gap"] == pytest.approx(-0.012)


def test_a_flow_is_never_interpolated_between_years(cli, tmp_path):
    """A stock's end-2023 level is read between its end-2022 and end-2024 counts; a
    flow's 2023 figure is not, so without its own row the target is projected."""
    folder = tmp_path / "f"
    shutil.copytree(CASE, folder)
    lines = (folder / "actuals.csv").read_text(encoding="utf-8").splitlines()
    kept = [x for x in lines if not x.startswith("2023-12-31,23.4")]
    kept.append("2024-12-31,23.8,grain,synthetic: test figures")
    (folder / "actuals.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    r = cli("project", "--data", folder, "--metric", "grain", "--as-of", "2024-12-31",
            "--format", "json")
    target = json.loads(r.out)["targets"][0]
    assert target["basis"] == "projection"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_project_golden(cli, lang):
    r = cli("--lang", lang, "project", "--data", CASE, "--as-of", "2024-12-31")
    assert r.code == 0, r.err
    assert "4.5" in r.out and "23.4" in r.out  # decimals as written, never rounded away
    _golden(f"project.{lang}.txt", r.out)


@pytest.mark.parametrize(("lang", "as_of", "name"), [
    ("zh", "2023-09-30", "brief"), ("en", "2023-09-30", "brief"),
    ("zh", "2024-12-31", "final")])  # after the horizon: the final evaluation (终期评估)
def test_brief_has_a_section_per_metric_golden(cli, tmp_path, lang, as_of, name):
    folder = tmp_path / "plan"
    shutil.copytree(CASE, folder)
    shutil.copy(EXAMPLE / "measures.yaml", folder / "measures.yaml")
    r = cli("--lang", lang, "brief", "--data", folder, "--as-of", as_of)
    assert r.code == 0, r.err
    heads = [x for x in r.out.splitlines() if x.startswith("## ") and ("指标：" in x or
                                                                   "Metric: " in x)]
    assert len(heads) == 3  # the headline covers the total; one section each for the others
    assert ("城镇登记失业率（%，不超过目标）" if lang == "zh"
            else "registered urban unemployment rate (%, at most the target)") in heads[0]
    _golden(f"{name}.{lang}.md", r.out)


@pytest.mark.parametrize(("direction", "p", "lo", "hi", "rating"), [
    ("at_most", 4.1, 3.9, 4.3, "on track"), ("at_most", 4.4, 4.2, 4.7, "probable"),
    ("at_most", 4.6, 4.3, 4.9, "at risk"), ("at_most", 5.0, 4.8, 5.2, "off track"),
    ("about", 23.0, 22.6, 23.4, "on track"), ("about", 23.2, 22.0, 24.0, "probable"),
    ("about", 24.0, 23.2, 24.8, "at risk"), ("about", 25.0, 24.0, 26.0, "off track"),
    ("at_least", 4.6, 4.5, 4.7, "on track"), ("at_least", 4.4, 4.3, 4.6, "at risk")])
def test_rating_rules_by_direction(direction, p, lo, hi, rating):
    target = 4.5 if direction != "about" else 23.0
    tolerance = 0.5 if direction == "about" else None
    assert tr.rate(direction, tolerance, target, p, lo, hi)[0] == rating


def test_no_interval_rates_probable_or_at_risk_on_the_right_side():
    assert tr.rate("at_most", None, 4.5, 4.4, None, None)[0] == "probable"
    assert tr.rate("at_most", None, 4.5, 4.6, None, None)[0] == "at risk"


def test_the_second_real_example_validates_and_projects_each_metric(cli):
    assert cli("validate", "--data", EXAMPLE, "--strict").code == 0
    r = cli("project", "--data", EXAMPLE, "--format", "json")
    assert r.code == 0, r.err
    metrics = [p["metric"] for p in json.loads(r.out)["projections"]]
    assert metrics == ["gdp", "industrial_value_added", "fixed_asset_investment",
                       "retail_sales", "budget_revenue"]


def test_each_region_is_rated_against_its_own_target(cli):
    """甲镇 grows 500 → 560 → 640: any trend method puts end-2024 above 700 (+9 % a year
    at the slowest, 640 × 1.09 ≈ 698 is the edge; the observed pace is +13 %) with an
    interval reaching below it, so its 700 is probable; 乙镇 500 → 520 → 540 reaches about
    561 by end-2024, nowhere near 800: off track."""
    folder = Path(__file__).parent / "cases" / "regional_targets"
    r = cli("project", "--data", folder, "--format", "json")
    assert r.code == 0, r.err
    rated = {(x["region"], x["target"], x["rating"]) for x in json.loads(r.out)["regions"]
             if x["target"] is not None}
    assert rated == {("甲镇", 700, "probable"), ("乙镇", 800, "off track")}
    assert cli("validate", "--data", folder, "--strict").code == 0  # 700 + 800 = 1,500
