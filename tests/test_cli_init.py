"""`pucli init DIR`: templates that validate, and a folder every command can use."""

from __future__ import annotations

from pucli import exitcodes


def test_init_writes_templates_that_validate_strictly(cli, tmp_path):
    folder = tmp_path / "new-plan"
    r = cli("init", folder)
    assert r.code == exitcodes.OK, r.err
    assert sorted(p.name for p in folder.iterdir()) == [
        "actuals.csv", "measures.yaml", "progress.csv", "targets.yaml"]
    assert (folder / "actuals.csv").read_text(encoding="utf-8") == "date,total\n"
    r = cli("validate", "--data", folder, "--strict")
    assert r.code == exitcodes.OK, r.err
    for args in (("measures",), ("project",), ("brief",), ("overdue",), ("quality",)):
        assert cli(*args, "--data", folder).code == exitcodes.OK, args


def test_init_never_overwrites(cli, tmp_path, english):
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "targets.yaml").write_text("mine\n", encoding="utf-8")
    r = cli("init", folder)
    assert r.code == exitcodes.INVALID
    assert "targets.yaml: file exists; pucli init never overwrites [file-exists]" in r.err
    assert (folder / "targets.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (folder / "measures.yaml").exists()  # nothing written when anything exists


def test_init_refuses_a_file_for_a_folder(cli, tmp_path, english):
    path = tmp_path / "file"
    path.write_text("", encoding="utf-8")
    r = cli("init", path)
    assert r.code == exitcodes.INVALID and "is a file, not a folder" in r.err


def test_templates_name_no_real_place(cli, tmp_path):
    """The templates are examples to replace, marked 示例, with no bundled region in them."""
    cli("init", tmp_path / "p")
    for name in ("measures.yaml", "targets.yaml"):
        text = (tmp_path / "p" / name).read_text(encoding="utf-8")
        assert "示例" in text and "蒲县" not in text


def test_a_plan_without_doc_number_or_baseline_gets_a_final_evaluation(cli, tmp_path, chinese):
    """After its period a plan gets the final evaluation (终期评估): with no 文号 and no
    baseline it says what it can, and never prints "None"."""
    folder = tmp_path / "p"
    cli("init", folder)
    r = cli("brief", "--data", folder, "--as-of", "2026-01-31")
    assert r.code == 0, r.err
    assert "终期评估" in r.out and "None" not in r.out
