"""Day one (issue 11): a new plan folder holds measures.yaml and targets.yaml and nothing
else, or header-only CSVs. Every command answers with what can be said, or a located
error; none reaches exit 70. A targets-only folder is enough for `pucli project`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pucli import exitcodes

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# Every read-only command, with what it needs beyond --data.
COMMANDS = [("validate",), ("validate", "--strict"), ("measures",), ("show", "1"), ("units",),
            ("project",), ("project", "--format", "json"), ("backtest",), ("quality",),
            ("overdue",), ("due",), ("status",), ("ledger",), ("brief",)]


def _folder(tmp_path: Path, csv: str) -> Path:
    folder = tmp_path / f"plan-{csv}"
    folder.mkdir()
    for name in ("measures.yaml", "targets.yaml"):
        shutil.copy(DATA / name, folder / name)
    if csv == "headers":
        (folder / "actuals.csv").write_text("date,total\n", encoding="utf-8")
        (folder / "progress.csv").write_text("date,measure,unit,status\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("csv", "lang"), [("none", "zh"), ("none", "en"), ("headers", "zh")])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_works_on_day_one(cli, tmp_path, monkeypatch, args, csv, lang):
    monkeypatch.setenv("PUCLI_LANG", lang)
    folder = _folder(tmp_path, csv)
    code, out, err = cli(*args, "--data", folder)
    assert code == exitcodes.OK, err
    assert "Traceback" not in err
    assert (out if args[0] != "validate" else err).strip()  # validate reports on stderr


def test_day_one_says_no_counts_yet(cli, tmp_path, chinese):
    folder = _folder(tmp_path, "none")
    _, out, _ = cli("brief", "--data", folder, "--as-of", "2023-06-30")
    assert "尚无实际数" in out
    _, out, _ = cli("brief", "--data", folder)  # after the plan period: the final evaluation
    assert "没有该日的实际数，无法判定" in out
    _, out, _ = cli("quality", "--data", folder)
    assert "尚无实际数" in out


def test_day_one_writes_work(cli, tmp_path):
    folder = _folder(tmp_path, "none")
    code, _, err = cli("actuals", "add", "2022-06-30", "7000", "--data", folder)
    assert code == exitcodes.OK, err
    code, _, err = cli("update", "1", "--unit", "县发改局", "--status", "in_progress",
                       "--date", "2022-06-30", "--data", folder)
    assert code == exitcodes.OK, err
    assert (folder / "actuals.csv").read_text(encoding="utf-8").splitlines()[-1].startswith(
        "2022-06-30,7000")


@pytest.mark.parametrize("args", [("project",), ("project", "--format", "csv"),
                                  ("quality",), ("backtest",), ("validate",)], ids=" ".join)
def test_targets_only_folder(cli, tmp_path, args):
    """No measures.yaml, no baseline: the plan states only where it wants to be."""
    folder = tmp_path / "targets-only"
    folder.mkdir()
    (folder / "targets.yaml").write_text(
        "region: 示例县\ntargets:\n  - {date: 2025-12-31, value: 10000}\n", encoding="utf-8")
    code, out, err = cli(*args, "--data", folder)
    assert code == exitcodes.OK, err
    assert (out if args[0] != "validate" else err).strip()


@pytest.mark.parametrize("args", [("measures",), ("overdue",), ("brief",)], ids=" ".join)
def test_targets_only_folder_needs_the_plan_elsewhere(cli, tmp_path, args):
    """Commands about measures say which file is missing: a located error, exit 1."""
    folder = tmp_path / "targets-only"
    folder.mkdir()
    (folder / "targets.yaml").write_text(
        "region: 示例县\ntargets:\n  - {date: 2025-12-31, value: 10000}\n", encoding="utf-8")
    code, _, err = cli(*args, "--data", folder)
    assert code == exitcodes.INVALID
    assert "measures.yaml" in err and "[missing-file]" in err


@pytest.mark.parametrize("value", ["1", "2.5", "1e400", "-.inf", "x"])
def test_milestones_written_as_a_scalar_is_a_located_error(cli, data_dir, value):
    """Found by the third long fuzz run (seeds 3001018 …): `milestones: 1` reached the
    due-phrase step before the schema and crashed (exit 70)."""
    path = data_dir / "measures.yaml"
    text = path.read_text(encoding="utf-8")
    i = text.index("\n  - id: 2")
    j = text.index("\n", i + 5)
    path.write_text(text[:j] + f"\n    milestones: {value}" + text[j:], encoding="utf-8")
    code, _, err = cli("measures", "--data", data_dir)
    assert code == 1, err
    assert "measures.yaml:" in err and "milestones" in err
