"""JSON Schema of the YAML data files, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pucli.models.plan import Plan
from pucli.models.targets import Targets

SCHEMAS = {"measures.schema.json": Plan, "targets.schema.json": Targets}


def schema_text(model) -> str:
    from pydantic import TypeAdapter

    data = TypeAdapter(model).json_schema()
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
