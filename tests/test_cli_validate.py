"""`pucli validate`: exit codes, text on stderr, JSON equal to the library's report."""

from __future__ import annotations

import json

from pucli.loading.datadir import resolve_data_dir
from pucli.loading.dataset import validate_data


def test_bundled_data_is_valid_with_the_two_paths_warning(cli, data_dir):
    r = cli("validate", "--data", data_dir)
    assert r.code == 0
    assert "inconsistent-targets" in r.err
    assert "12,108" in r.err and "11,236" in r.err
    assert r.out == ""


def test_strict_passes_on_the_bundled_data_once_its_warning_is_acknowledged(cli, data_dir):
    r = cli("--lang", "en", "validate", "--data", data_dir, "--strict")
    assert r.code == 0, r.err
    assert "note: rates[0].value" in r.err and "0 errors, 0 warnings, 1 acknowledged note" in r.err


def test_strict_fails_on_warnings(cli, data_dir):
    """Without its acknowledgement the plan's own two-paths warning fails --strict, and the
    acknowledgement left behind when the warning goes away is itself a warning."""
    path = data_dir / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("\nacknowledge:")] + "\n", encoding="utf-8")
    assert cli("validate", "--data", data_dir, "--strict").code == 1
    path.write_text(text.replace("at: rates[0].value", "at: rates[0].start"), encoding="utf-8")
    r = cli("--lang", "en", "validate", "--data", data_dir, "--strict")
    assert r.code == 1 and "[stale-acknowledgement]" in r.err
    assert "0 errors, 2 warnings" in r.err


def test_json_is_the_library_report(cli, data_dir):
    r = cli("validate", "--data", data_dir, "--format", "json")
    assert r.code == 0
    data = json.loads(r.out)
    report = validate_data(resolve_data_dir(data_dir))
    assert data["problems"] == [p.to_dict() for p in report.sorted()]
    assert data["valid"] is True and data["warnings"] == len(report.warnings)


def test_unknown_unit_is_located_with_did_you_mean(english, cli, data_dir):
    path = data_dir / "measures.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("units: [县教科局, 县工信局]", "units: [县教科局, 县工信委]"),
                    encoding="utf-8")
    r = cli("validate", "--data", data_dir)
    assert r.code == 1
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "units: [县教科局, 县工信局]" in s)
    assert f"measures.yaml:{line}:" in r.err
    assert "unknown unit '县工信委' [unknown-unit]" in r.err
    assert "did you mean '县工信局'?" in r.err
    assert "Traceback" not in r.err


def test_every_problem_in_every_file_in_one_run(cli, data_dir):
    (data_dir / "targets.yaml").write_text("region: x\nbaseline: {date: 2021-12-31, value: 1}\n"
                                           "targets: []\n", encoding="utf-8")
    (data_dir / "measures.yaml").write_text("plan: [\n", encoding="utf-8")
    r = cli("validate", "--data", data_dir, "-f", "json")
    files = {p["file"].rsplit("/", 1)[-1] for p in json.loads(r.out)["problems"]}
    assert r.code == 1
    assert files == {"measures.yaml", "targets.yaml"}


def test_missing_folder(english, cli, tmp_path):
    r = cli("validate", "--data", tmp_path / "nope")
    assert r.code == 1 and "data folder not found" in r.err


def test_data_precedence(cli, data_dir, monkeypatch, tmp_path):
    (data_dir / "targets.yaml").write_text("", encoding="utf-8")
    monkeypatch.setenv("PUCLI_DATA", str(data_dir))
    assert cli("validate").code == 1  # PUCLI_DATA beats the bundled copy
    assert resolve_data_dir(None).origin == "PUCLI_DATA"
    monkeypatch.delenv("PUCLI_DATA")
    assert resolve_data_dir(None).origin == "bundled"  # cwd has no ./data
    assert cli("validate").code == 0


def test_usage_error_exits_2(cli):
    r = cli("validate", "--format", "xml")
    assert r.code == 2


def test_version(cli):
    r = cli("--version")
    assert r.code == 0 and r.out.startswith("pucli ")


def test_the_shipped_ci_sample_passes_on_the_shipped_data(cli, data_dir):
    """examples/ci/github-actions.yml runs exactly these pucli commands; on the shipped
    data (a copy of data/) each must exit 0."""
    import re
    from pathlib import Path

    workflow = (Path(__file__).resolve().parent.parent / "examples" / "ci"
                / "github-actions.yml").read_text(encoding="utf-8")
    commands = re.findall(r"- run: pucli (.+)", workflow)
    assert commands, "the sample runs pucli"
    for command in commands:
        args = [str(data_dir) if a == "data" else a for a in command.split()]
        r = cli(*args)
        assert r.code == 0, (command, r.err)


def test_every_example_folder_validates(cli):
    from conftest import ROOT

    folders = [p.parent for p in (ROOT / "examples").rglob("*.yaml")
               if p.name in ("targets.yaml", "measures.yaml")]
    assert folders  # examples/quality-demo at least
    for folder in set(folders):
        code, _, err = cli("validate", "--data", folder)
        assert code == 0, (folder, err)


def test_a_targets_only_folder_is_explained_not_refused(cli):
    from conftest import ROOT

    code, _, err = cli("validate", "--data", ROOT / "examples" / "quality-demo")
    assert code == 0 and "只有目标和实际数（没有 measures.yaml）" in err
    code, _, err = cli("--lang", "en", "validate", "--data", ROOT / "examples" / "quality-demo")
    assert code == 0 and "targets and counts only (no measures.yaml)" in err
