"""Checks across a parsed plan: ids, sections, the unit registry, quotes, deadlines."""

from __future__ import annotations

from collections import Counter

from pucli.loading.yamldoc import YamlDoc
from pucli.models.plan import Plan
from pucli.problems import Problem
from pucli.suggest import did_you_mean


def check_plan(plan: Plan, doc: YamlDoc) -> list[Problem]:
    """Every cross-reference problem in ``plan``, located in ``doc``."""
    out: list[Problem] = []
    out += _check_sections(plan, doc)
    out += _check_registry(plan, doc)
    out += _check_measures(plan, doc)
    return out


def _check_sections(plan: Plan, doc: YamlDoc) -> list[Problem]:
    out = []
    seen: set[int] = set()
    for i, section in enumerate(plan.sections):
        if section.id in seen:
            out.append(doc.problem("duplicate-id", f"section id {section.id} appears twice",
                                   ("sections", i, "id"), hint="give each section its own id"))
        seen.add(section.id)
    parents = {s.id: s.parent for s in plan.sections}
    for i, section in enumerate(plan.sections):
        if section.parent is None:
            continue
        if section.parent not in parents:
            out.append(doc.problem("unknown-section", f"section {section.parent} does not exist",
                                   ("sections", i, "parent"),
                                   hint=f"sections are {', '.join(map(str, sorted(parents)))}"))
            continue
        up, steps = section.parent, 0
        while up is not None and up != section.id and steps <= len(parents):
            up, steps = parents.get(up), steps + 1
        if up == section.id:
            out.append(doc.problem("section-cycle",
                                   f"section {section.id} is nested inside itself",
                                   ("sections", i, "parent"),
                                   hint="parent names the enclosing heading, e.g. 二、 for （一）"))
    return out


def _check_registry(plan: Plan, doc: YamlDoc) -> list[Problem]:
    out = []
    owner: dict[str, str] = {}
    for i, unit in enumerate(plan.units):
        if unit.name in owner:
            out.append(doc.problem("duplicate-unit", f"unit '{unit.name}' is registered twice",
                                   ("units", i, "name"),
                                   hint="keep one entry; put other spellings under 'aliases'"))
            continue
        owner[unit.name] = unit.name
    for i, unit in enumerate(plan.units):
        for j, alias in enumerate(unit.aliases):
            if alias in owner and owner[alias] != unit.name:
                out.append(doc.problem(
                    "duplicate-unit",
                    f"alias '{alias}' of '{unit.name}' already names '{owner[alias]}'",
                    ("units", i, "aliases", j), hint="an alias must name only one unit"))
            owner.setdefault(alias, unit.name)
    used = {u for m in plan.measures if m for u in m.responsible}
    index = plan.unit_index()
    used_names = {index.get(u) for u in used}
    for i, unit in enumerate(plan.units):
        for j, member in enumerate(unit.members):
            if member not in index:
                out.append(doc.problem("unknown-unit", f"unknown unit '{member}'",
                                       ("units", i, "members", j),
                                       hint=did_you_mean(member, index) or
                                       "register each member under units: first"))
            used_names.add(index.get(member))
        if unit.members and unit.kind != "township_group":
            out.append(doc.problem("invalid-value", "only a township_group has members",
                                   ("units", i, "members"),
                                   hint="set kind: township_group, or remove members"))
    for i, unit in enumerate(plan.units):
        if unit.name not in used_names:
            out.append(doc.problem("unused-unit",
                                   f"unit '{unit.name}' is responsible for no measure",
                                   ("units", i, "name"), severity="warning",
                                   hint="remove it, or add it to the measures it serves"))
    return out


def _check_measures(plan: Plan, doc: YamlDoc) -> list[Problem]:
    out = []
    index = plan.unit_index()
    sections = {s.id for s in plan.sections}
    ids = Counter(m.id for m in plan.measures if m)
    for i, m in enumerate(plan.measures):
        if m is None:  # failed the schema; already reported
            continue
        base = ("measures", i)
        # ids need not run 1..n (a partial transcription leaves gaps); each is used once
        if ids[m.id] > 1:
            out.append(doc.problem("duplicate-id", f"measure id {m.id} appears {ids[m.id]} times",
                                   base + ("id",), hint="give each measure its own id; the "
                                   "plan's own numbering goes in 'number'"))
        if m.section not in sections:
            out.append(doc.problem("unknown-section", f"section {m.section} does not exist",
                                   base + ("section",),
                                   hint=f"sections are {', '.join(map(str, sorted(sections)))}"))
        seen: set[str] = set()
        named = [(("lead", j), name) for j, name in enumerate(m.lead)]
        named += [(("units", j), name) for j, name in enumerate(m.units) if name not in m.lead]
        for where, name in named:
            path = base + where
            canonical = index.get(name)
            if canonical is None:
                out.append(doc.problem("unknown-unit", f"unknown unit '{name}'", path,
                                       hint=did_you_mean(name, index) or
                                       "add it to the 'units' registry first"))
                continue
            if canonical in seen:
                out.append(doc.problem("duplicate-unit",
                                       f"unit '{name}' is listed twice for this measure", path,
                                       hint="list each responsible unit once"))
            elif canonical != name:
                out.append(doc.problem("alias-used",
                                       f"'{name}' is an alias of '{canonical}'", path,
                                       severity="warning", hint=f"write '{canonical}'"))
            seen.add(canonical)
        for j, c in enumerate(m.commitments):
            if c.quote not in m.text:
                out.append(doc.problem("quote-not-in-text",
                                       "commitment quote is not found in the measure's text",
                                       base + ("commitments", j, "quote"),
                                       hint="quote the plan's words exactly, as in 'text'"))
            if c.value is not None and c.value_max is not None and c.value_max < c.value:
                out.append(doc.problem("out-of-range", "value_max is below value",
                                       base + ("commitments", j, "value_max")))
        out += _check_deadlines(plan, doc, i, index, seen)
    return out


def _check_deadlines(plan: Plan, doc: YamlDoc, i: int, index: dict[str, str],
                     responsible: set[str]) -> list[Problem]:
    out = []
    m = plan.measures[i]
    base = ("measures", i)
    if m.extensions and m.due is None:
        out.append(doc.problem("extension-without-due",
                               "extensions given but the measure has no original 'due'",
                               base + ("extensions",),
                               hint="keep the original deadline in 'due'; extensions move it"))
    checks = [(base, m.due, m.extensions)]
    for k, ms in enumerate(m.milestones):
        path = base + ("milestones", k)
        checks.append((path, ms.due, ms.extensions))
        if ms.unit is not None:
            canonical = index.get(ms.unit)
            if canonical is None:
                out.append(doc.problem("unknown-unit", f"unknown unit '{ms.unit}'",
                                       path + ("unit",), hint=did_you_mean(ms.unit, index)))
            elif canonical not in responsible:
                out.append(doc.problem("unit-not-responsible",
                                       f"'{ms.unit}' is not responsible for measure {m.id}",
                                       path + ("unit",),
                                       hint="choose one of: " + ", ".join(m.responsible)))
    issued = plan.plan.issued if plan.plan else None
    for path, due, extensions in checks:
        if issued and due is not None and due < issued:
            out.append(doc.problem("due-before-plan",
                                   f"due {due} is before the plan was issued ({issued})",
                                   path + ("due",), severity="warning"))
        previous = due
        for k, ext in enumerate(extensions):
            if previous is not None and ext.due <= previous:
                out.append(doc.problem(
                    "extension-not-later",
                    f"extension to {ext.due} does not move the deadline later than {previous}",
                    path + ("extensions", k, "due"),
                    hint="list extensions oldest first, each later than the one before"))
            previous = ext.due
    return out
