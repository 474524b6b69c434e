"""Load measures.yaml and targets.yaml into models, collecting every problem."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from pucli.loading.acknowledge import apply_acknowledgements
from pucli.loading.consistency import check_targets
from pucli.loading.crossref import check_plan
from pucli.loading.due_phrases import resolve_due_phrases
from pucli.loading.schema import validate, validate_model
from pucli.loading.textfile import MAX_YAML_BYTES, read_text
from pucli.loading.yamldoc import YamlDoc, parse_yaml
from pucli.models.plan import Measure, Plan, Section, Unit
from pucli.models.targets import Targets
from pucli.problems import Problem


def load_yaml_model(path: Path, display: str, model, prepare=None):
    """Read, parse and validate one YAML file: ``(model | None, doc | None, problems)``.
    ``prepare(data, doc)`` may rewrite the parsed data before the schema, with problems."""
    text, problems = read_text(path, display, MAX_YAML_BYTES)
    if text is None:
        return None, None, problems
    doc, problems = parse_yaml(text, display)
    if doc is None:
        return None, None, problems
    if prepare is not None:
        problems = problems + prepare(doc.data, doc)
    obj, schema_problems = validate_model(doc, model)
    return obj, doc, problems + schema_problems


def load_plan(path: Path, display: str | None = None) -> tuple[Plan | None, list[Problem]]:
    """measures.yaml → :class:`Plan`, with schema and cross-reference problems.

    When some entries fail the schema, the others are still cross-checked, so one run
    reports an unknown unit in measure 3 alongside a typo in measure 7.
    """
    plan, doc, problems = load_yaml_model(path, display or str(path), Plan,
                                          resolve_due_phrases)
    if plan is not None and doc is not None:
        problems += check_plan(plan, doc)
        problems = apply_acknowledgements(problems, plan.acknowledge, doc)
    elif doc is not None and isinstance(doc.data, dict):
        partial = _partial_plan(doc.data)
        if partial is not None:
            seen = {(p.line, p.col, p.code) for p in problems}
            problems += [p for p in check_plan(partial, doc)
                         if (p.line, p.col, p.code) not in seen and p.code != "unused-unit"]
    return plan, problems


def _partial_plan(data: dict) -> Plan | None:
    """A plan built from the entries that pass the schema; failed entries become None."""

    def each(key: str, model: type) -> list:
        items = data.get(key)
        if not isinstance(items, list):
            return []
        out = []
        for item in items:
            try:
                out.append(validate(model, item))
            except ValidationError:
                out.append(None)
        return out

    sections = each("sections", Section)
    units = each("units", Unit)
    measures = each("measures", Measure)
    if not measures or not any(measures):
        return None
    # not validated: ``plan`` is missing, and the failed entries are None on purpose
    return Plan(plan=None, sections=[s for s in sections if s],  # type: ignore[arg-type]
                units=[u for u in units if u], measures=measures)


def load_targets(path: Path, display: str | None = None) -> tuple[Targets | None, list[Problem]]:
    """targets.yaml → :class:`Targets`, with consistency warnings."""
    targets, doc, problems = load_yaml_model(path, display or str(path), Targets)
    if targets is not None and doc is not None:
        problems += check_targets(targets, doc)
        problems = apply_acknowledgements(problems, targets.acknowledge, doc)
    return targets, problems


__all__ = ["YamlDoc", "load_plan", "load_targets", "load_yaml_model"]
