"""Load measures.yaml and targets.yaml into models, collecting every problem."""

from __future__ import annotations

from pathlib import Path

from pucli.loading.consistency import check_targets
from pucli.loading.crossref import check_plan
from pucli.loading.schema import validate_model
from pucli.loading.textfile import MAX_YAML_BYTES, read_text
from pucli.loading.yamldoc import YamlDoc, parse_yaml
from pucli.models.plan import Plan
from pucli.models.targets import Targets
from pucli.problems import Problem


def load_yaml_model(path: Path, display: str, model):
    """Read, parse and validate one YAML file: ``(model | None, doc | None, problems)``."""
    text, problems = read_text(path, display, MAX_YAML_BYTES)
    if text is None:
        return None, None, problems
    doc, problems = parse_yaml(text, display)
    if doc is None:
        return None, None, problems
    obj, schema_problems = validate_model(doc, model)
    return obj, doc, problems + schema_problems


def load_plan(path: Path, display: str | None = None) -> tuple[Plan | None, list[Problem]]:
    """measures.yaml → :class:`Plan`, with schema and cross-reference problems."""
    plan, doc, problems = load_yaml_model(path, display or str(path), Plan)
    if plan is not None and doc is not None:
        problems += check_plan(plan, doc)
    return plan, problems


def load_targets(path: Path, display: str | None = None) -> tuple[Targets | None, list[Problem]]:
    """targets.yaml → :class:`Targets`, with consistency warnings."""
    targets, doc, problems = load_yaml_model(path, display or str(path), Targets)
    if targets is not None and doc is not None:
        problems += check_targets(targets, doc)
    return targets, problems


__all__ = ["YamlDoc", "load_plan", "load_targets", "load_yaml_model"]
