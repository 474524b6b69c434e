"""docs/new-plan.md is followed as written: its two files validate strictly, and the
commands it shows answer as it says (issue 11)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "new-plan.md"


def _files() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    return dict(re.findall(r"<!-- file: (\S+) -->\n```yaml\n(.*?)```", text, re.DOTALL))


@pytest.fixture
def folder(tmp_path) -> Path:
    out = tmp_path / "my-plan"
    out.mkdir()
    for name, text in _files().items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def test_the_doc_holds_both_files():
    assert sorted(_files()) == ["measures.yaml", "targets.yaml"]


def test_readme_links_the_walk_through():
    assert "docs/new-plan.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_init_then_the_files_validate_strictly(cli, folder):
    r = cli("validate", "--data", folder, "--strict")
    assert r.code == 0, r.err


def test_show_prints_the_plans_own_words(cli, folder, chinese):
    r = cli("show", "5", "--data", folder)
    assert r.code == 0, r.err
    assert "2023-06-30（2023年6月底前）" in r.out
    assert "区财政局，区税务局（牵头），各街道" in r.out and "分管副区长" in r.out
    assert "部分  （一）深化放管服改革" in r.out


def test_measures_show_the_plan_numbers_and_headings(cli, folder, chinese):
    r = cli("measures", "--data", folder, "--format", "csv")
    rows = r.out.splitlines()
    assert rows[0].startswith("id,number,section")
    assert rows[2].startswith("5,5,3,落实减税降费政策")
    r = cli("status", "--by", "section", "--data", folder)
    assert "（一）深化放管服改革" in r.out and "一、经济社会发展的主要预期目标" in r.out


def test_project_covers_every_metric_with_a_target(cli, folder):
    r = cli("project", "--data", folder, "--format", "json")
    assert r.code == 0, r.err
    got = {p["metric"]: (p["unit"], [t["direction"] for t in p["targets"]])
           for p in json.loads(r.out)["projections"]}
    assert got == {"total": ("户", ["at_least"]),
                   "unemployment_rate": ("%", ["at_most"]),
                   "grain": ("万吨", ["about"]), "gdp": ("亿元", ["about"])}


def test_the_acknowledgement_shown_turns_a_warning_into_a_note(cli, folder, english):
    targets = folder / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace("value: 69576", "value: 60000")
    targets.write_text(text, encoding="utf-8")
    r = cli("validate", "--data", folder, "--strict")
    assert r.code == 1 and "[regions-do-not-add-up]" in r.err
    at = re.search(r"warning: (\S+): the regional", r.err)[1]
    targets.write_text(text + f"acknowledge:\n  - code: regions-do-not-add-up\n    at: {at}\n"
                       "    reason: 方案只分解了一部分\n", encoding="utf-8")
    r = cli("validate", "--data", folder, "--strict")
    assert r.code == 0 and "1 acknowledged note" in r.err


def test_a_member_reports_for_its_township_group(cli, folder):
    r = cli("update", "5", "--unit", "甲街道", "--status", "in_progress", "--date",
            "2023-05-10", "--data", folder)
    assert r.code == 0, r.err
    r = cli("ledger", "--data", folder, "--format", "json", "--as-of", "2023-05-31")
    rows = [x for x in json.loads(r.out) if x["measure"] == 5 and x["unit"] == "各街道"]
    assert rows and rows[0]["status"] == "in_progress"
    r = cli("status", "--data", folder, "--format", "json")
    assert "各街道" not in json.loads(r.out)["never_reported"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", [("show", "5"), ("show", "7"), ("show", "8"), ("measures",),
                                  ("units",), ("status", "--by", "section"),
                                  ("overdue", "--as-of", "2023-07-15")], ids=" ".join)
def test_golden_views_of_the_plans_own_forms(cli, folder, lang, args):
    """Numbers, nested numerals, lead units, leaders, unit kinds and deadline words, as
    every view prints them, in both languages."""
    r = cli("--lang", lang, *args, "--data", folder)
    assert r.code == 0, r.err
    path = ROOT / "tests" / "cases" / "new_plan" / f"{'_'.join(args)}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(r.out, encoding="utf-8")
    assert r.out == path.read_text(encoding="utf-8")


def test_the_plans_own_number_is_shown_wherever_the_measure_is(cli, folder, chinese):
    """A number written with its punctuation ("（五）") is printed as written, with no id."""
    path = folder / "measures.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('number: "5"', 'number: （五）'),
                    encoding="utf-8")
    r = cli("ledger", "--data", folder)
    assert "│ （五）" in r.out  # the ledger's own number column
    for args in (("show", "5"), ("overdue", "--as-of", "2023-07-15"),
                 ("brief", "--as-of", "2023-07-15")):
        r = cli(*args, "--data", folder)
        assert r.code == 0, r.err
        assert "（五）落实减税降费政策" in r.out, args
        assert "5. 落实减税降费政策" not in r.out, args
