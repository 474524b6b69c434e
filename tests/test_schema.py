"""The committed JSON Schemas are regenerated from the models; a stale one fails here."""

from __future__ import annotations

from pucli.schemas import SCHEMAS, schema_text

from conftest import ROOT


def test_committed_schemas_are_current():
    for name, model in SCHEMAS.items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == schema_text(model), f"schemas/{name} is stale: run `pucli schema`"


def test_data_files_point_editors_at_the_schemas():
    for name in ("measures", "targets"):
        first = (ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"


def test_schema_command_writes_both(cli, tmp_path):
    r = cli("schema", "-o", tmp_path / "s")
    assert r.code == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(SCHEMAS)
