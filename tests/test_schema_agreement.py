"""pucli validate and the published JSON Schema agree on the documents the fuzzer makes.

Editors (yaml-language-server) and CI (check-jsonschema) read measures.yaml and
targets.yaml as YAML 1.2 and check them with schemas/*.schema.json. pucli reads them
itself. Where the schema can express a rule, both must refuse a document or both accept
it; otherwise an editor shows a file as clean that pucli refuses, or the other way round.

The schema side is what check-jsonschema does: its own YAML 1.2 loader (ruamel, dates kept
as text) and the ``jsonschema`` library's Draft 2020-12 validator with format checks. The
pucli side is the schema step of ``pucli validate`` (parse, then the models), without the
cross-references (unknown units …), which a schema cannot express. Rules no JSON Schema
can state are left out and listed in ``UNEXPRESSIBLE``.

Documents: the fuzzer's YAML mutations (fields dropped, duplicated, retyped, given extreme
values) of the small test plan, the real plan and targets.yaml, seeded; plus the named
cases of issue 12. Synthetic by construction.
"""

from __future__ import annotations

import io
import json
import math
import random
import re
import tempfile
from pathlib import Path

import jsonschema
import pytest

from pucli.loading.plan import load_yaml_model
from pucli.models.plan import Plan
from pucli.models.targets import Targets

from conftest import ROOT
from fuzz_support import BASE_TEXT, REAL_MEASURES, mutate_yaml_tree

check_jsonschema_yaml = pytest.importorskip("check_jsonschema.parsers.yaml")

MODELS = {"measures.yaml": Plan, "targets.yaml": Targets}
SCHEMAS = {"measures.yaml": "measures.schema.json", "targets.yaml": "targets.schema.json"}
SOURCES = {"measures.yaml": [BASE_TEXT["measures.yaml"], REAL_MEASURES],
           "targets.yaml": [BASE_TEXT["targets.yaml"]]}
CASES = 80  # seeded documents per file

# Rules pucli enforces that a JSON Schema cannot state: a document refused by pucli for
# one of these only is not a disagreement.
UNEXPRESSIBLE = (
    "horizon.end is before horizon.start",  # an order between two fields
)

# (file, old text, new text): the examples of issue 12, class 4, and their kin.
NAMED = {
    "section_true": ("measures.yaml", "  section: 1\n", "  section: true\n"),
    "value_quoted": ("targets.yaml", "  value: 6472\n", "  value: '6472'\n"),
    "derived_on": ("targets.yaml", "  derived: true\n", "  derived: on\n"),
    "and_related_yes": ("measures.yaml", "  section: 1\n", "  section: 1\n  and_related: yes\n"),
    "due_epoch": ("measures.yaml", "  due: 2024-02-29\n", "  due: 1735603200\n"),
    "due_week_date": ("measures.yaml", "  due: 2024-02-29\n", "  due: 2022-W52-6\n"),
    "due_basic_date": ("measures.yaml", "  due: 2024-02-29\n", "  due: 20240229\n"),
    "due_quoted_date": ("measures.yaml", "  due: 2024-02-29\n", "  due: '2024-02-29'\n"),
    "id_quoted": ("measures.yaml", "- id: 1\n", "- id: '1'\n"),
    "id_float": ("measures.yaml", "- id: 1\n", "- id: 1.5\n"),
    "id_plus": ("measures.yaml", "- id: 1\n", "- id: +1\n"),
    "id_octal_11": ("measures.yaml", "- id: 1\n", "- id: 01\n"),
    "id_underscore": ("measures.yaml", "- id: 1\n", "- id: 1_0\n"),
    "section_off": ("measures.yaml", "  section: 1\n", "  section: off\n"),
    "value_inf": ("targets.yaml", "  value: 6472\n", "  value: .inf\n"),
    "value_1e400": ("targets.yaml", "  value: 6472\n", "  value: 1e400\n"),
    "value_zero": ("targets.yaml", "  value: 6472\n", "  value: 0\n"),
    "value_negative": ("targets.yaml", "  value: 6472\n", "  value: -1\n"),
    "value_bool": ("targets.yaml", "  value: 6472\n", "  value: true\n"),
    "date_9999": ("targets.yaml", "  date: 2021-12-31\n", "  date: 9999-12-31\n"),
    "date_0001": ("targets.yaml", "  date: 2021-12-31\n", "  date: 0001-01-01\n"),
    "date_impossible": ("targets.yaml", "  date: 2021-12-31\n", "  date: 2021-02-30\n"),
    "date_datetime": ("targets.yaml", "  date: 2021-12-31\n", "  date: 2021-12-31T10:00:00\n"),
    "region_number": ("targets.yaml", "region: 蒲县\n", "region: 12\n"),
    "region_null": ("targets.yaml", "region: 蒲县\n", "region:\n"),
    "unit_zero_width": ("measures.yaml", "- name: 县发改局\n", "- name: \"县发改局\\u200b\"\n"),
    "unit_bidi": ("measures.yaml", "- name: 县发改局\n", "- name: \"\\u202e县发改局\"\n"),
    "title_empty": ("measures.yaml", "  title: 举措一\n", "  title: ''\n"),
    "units_empty": ("measures.yaml", "  - 县发改局\n  - 县行政审批局\n", "  []\n"),
}


def _schema(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schemas" / SCHEMAS[name]).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft202012Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


VALIDATORS = {name: _schema(name) for name in MODELS}
LOAD_YAML_12 = check_jsonschema_yaml.impl2loader(
    check_jsonschema_yaml.construct_yaml_implementation(),
    check_jsonschema_yaml.construct_yaml_implementation(pure=True))


def _finite(node: object) -> bool:
    if isinstance(node, float):
        return math.isfinite(node)
    if isinstance(node, dict):
        return all(_finite(v) for v in node.values())
    if isinstance(node, list):
        return all(_finite(v) for v in node)
    return True


def _whole_float(node: object) -> bool:
    """Whether ``node`` holds a float with no fractional part (``1.0``, ``2e3``)."""
    if isinstance(node, float):
        return math.isfinite(node) and node.is_integer()
    if isinstance(node, dict):
        return any(_whole_float(v) for v in node.values())
    if isinstance(node, list):
        return any(_whole_float(v) for v in node)
    return False


# A plain scalar of digits with underscores: text in the YAML 1.2 core schema (pucli,
# yaml-language-server), but a number to ruamel, check-jsonschema's loader (a YAML 1.1
# habit it keeps in 1.2 mode). The two schema readers disagree, so the case says nothing.
UNDERSCORE_NUMBER = re.compile(r"(?m)(?::|^\s*-)\s+[-+]?[0-9][0-9_]*_[0-9_]*\s*$")


def verdicts(name: str, text: str) -> tuple[str, str, str]:
    """(schema verdict, pucli verdict, detail); a verdict is 'accept', 'refuse' or 'n/a'
    (a non-finite number, which JSON and so a JSON Schema cannot state, or a number with
    underscores, which YAML 1.2 readers read differently). A document the YAML 1.2 loader
    cannot read counts as refused on the schema side."""
    if UNDERSCORE_NUMBER.search(text):
        return "n/a", "n/a", "digits with underscores: ruamel reads a number, YAML 1.2 text"
    try:
        data = LOAD_YAML_12(io.BytesIO(text.encode("utf-8")))
    except Exception as exc:  # ruamel's errors share no base class worth naming here
        # a key written twice, an undefined alias …: an editor shows an error too
        data, errors, unreadable = None, [], f"YAML 1.2 cannot read it: {type(exc).__name__}"
    else:
        errors = sorted(VALIDATORS[name].iter_errors(data), key=lambda e: list(e.path))
        unreadable = ""
    schema = "refuse" if errors or unreadable else "accept"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        _, _, problems = load_yaml_model(path, name, MODELS[name])
    refused = [p for p in problems if p.is_error
               and not any(u in p.message for u in UNEXPRESSIBLE)]
    pucli = "refuse" if refused else "accept"
    if not _finite(data) and schema == "accept":
        schema = pucli = "n/a"
    elif schema == "accept" and refused and _whole_float(data) and all(
            "integer" in p.message for p in refused):
        # 1.0 where an integer is expected: pucli refuses it (an id is written in plain
        # digits); JSON's data model cannot tell 1.0 from 1, so no JSON Schema can
        return "n/a", "n/a", "a whole number with a decimal point: " + refused[0].path
    detail = (f"schema: {errors[0].json_path}: {errors[0].message[:200]}" if errors
              else f"schema: {unreadable or 'valid'}") + "; pucli: " + (
        f"{refused[0].path}: {refused[0].message[:200]}" if refused else "valid")
    return schema, pucli, detail


def _seeded(name: str, seed: int) -> str:
    rng = random.Random(seed)
    notes: list[str] = []
    # the real plan one time in eight: it is 15 times the size of the small one
    source = SOURCES[name][-1] if rng.random() < 0.125 else SOURCES[name][0]
    return mutate_yaml_tree(rng, source, notes, name)


# Disagreements still waiting for a fix at the root, with the reason (none at present:
# issue 12's strict types made the two agree on every case here).
KNOWN: dict[str, str] = {}


def _check(key: str, name: str, text: str) -> None:
    schema, pucli, detail = verdicts(name, text)
    if key in KNOWN and schema != pucli:
        pytest.xfail(KNOWN[key])
    assert schema == pucli, f"{key}: the schema says {schema}, pucli says {pucli}: {detail}"


@pytest.mark.parametrize("key", sorted(NAMED))
def test_named_cases_agree(key):
    name, old, new = NAMED[key]
    base = BASE_TEXT[name]
    assert old in base, old
    _check(key, name, base.replace(old, new, 1))


@pytest.mark.parametrize("name", sorted(MODELS))
def test_seeded_mutations_agree(name):
    disagreements = []
    for seed in range(CASES):
        key = f"{name}:{seed}"
        schema, pucli, detail = verdicts(name, _seeded(name, seed))
        if schema != pucli and key not in KNOWN:
            disagreements.append(
                f"{key}: the schema says {schema}, pucli says {pucli}: {detail}")
    assert not disagreements, f"{len(disagreements)} of {CASES}:\n" + "\n".join(disagreements)


def test_digits_with_underscores_are_text_to_pucli():
    """The case the two schema readers split on: pucli follows YAML 1.2 (text, so not an
    id), as editors do; check-jsonschema's ruamel would read 10."""
    text = BASE_TEXT["measures.yaml"].replace("- id: 1\n", "- id: 1_0\n", 1)
    assert verdicts("measures.yaml", text)[0] == "n/a"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "measures.yaml"
        path.write_text(text, encoding="utf-8")
        _, _, problems = load_yaml_model(path, "measures.yaml", Plan)
    assert any(p.is_error and "sections[0].id" in p.path for p in problems)


@pytest.mark.parametrize(("old", "new"), [("  section: 1\n", "  section: 1.0\n"),
                                         ("- id: 1\n", "- id: 1.0\n"),
                                         ("- id: 1\n", "- id: 1e0\n")])
def test_a_whole_number_with_a_decimal_point_is_refused_by_pucli(old, new):
    """JSON Schema's ``integer`` accepts 1.0 (JSON cannot tell it from 1), so the case
    says nothing about agreement; pucli refuses it, located, with the fix."""
    text = BASE_TEXT["measures.yaml"].replace(old, new, 1)
    assert verdicts("measures.yaml", text)[:2] == ("n/a", "n/a")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "measures.yaml"
        path.write_text(text, encoding="utf-8")
        _, _, problems = load_yaml_model(path, "measures.yaml", Plan)
    (problem,) = [p for p in problems if p.is_error]
    assert problem.line and problem.hint


def test_both_sides_refuse_and_accept_something():
    """The comparison is not vacuous: the corpus has documents each side accepts and
    refuses, and the unmutated files are accepted by both."""
    for name in MODELS:
        for text in SOURCES[name]:
            assert verdicts(name, text)[:2] == ("accept", "accept")
        seen = {verdicts(name, _seeded(name, s))[0] for s in range(12)}
        seen |= {verdicts(name, BASE_TEXT[name].replace(old, new, 1))[0]
                 for file, old, new in NAMED.values() if file == name}
        assert {"accept", "refuse"} <= seen, seen
