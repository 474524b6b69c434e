"""Value domains and strict types, tried over every field of a class, not one example.

Each test walks every leaf of one kind (every number, every date, every name) of the real
data files, puts in each hostile value of that kind, and checks that what `validate`
accepts, the commands that compute from it also take (exit 0–3, never a crash), and that
what is refused is refused with a location.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pucli.loading.plan import load_plan, load_targets
from pucli.loading.yamldoc import parse_yaml

from conftest import DATA

BAD_NUMBERS = ["0", "-1", ".inf", ".nan", "1e400", "1e300", "1e-300", "'24'", "true", "yes",
               "1_2"]
BAD_DATES = ["0001-01-01", "9999-12-31", "2022-W52-6", "1735603200", "2023-02-29",
             "'2022-6-7'", "2022-12-31T10:00:00"]
BAD_NAMES = ["'县\u200b发改局'", "'\u202e局改发县'", "'县发改局\u2066'", "'县发\u00ad改局'"]


def _leaves(text: str, kind) -> list[tuple[tuple, tuple[int, int, int]]]:
    """(path, location) of one leaf per field name (list indices folded) whose value
    satisfies ``kind``."""
    doc, problems = parse_yaml(text, "f.yaml")
    assert doc is not None and not problems
    seen, out = set(), []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))
        elif kind(value):
            field = tuple(p for p in path if isinstance(p, str))
            if field not in seen:
                seen.add(field)
                out.append((path, doc.values[path]))

    walk(doc.data, ())
    return out


def _splice(text: str, loc: tuple[int, int, int], new: str) -> str:
    lines = text.splitlines(keepends=True)
    line, col, width = loc
    s = lines[line - 1]
    lines[line - 1] = s[: col - 1] + new + s[col - 1 + width:]
    return "".join(lines)


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_date(v) -> bool:
    if isinstance(v, dt.date):  # as YAML 1.1 reads it
        return True
    return isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[:4].isdigit()


def _check_run(cli, folder, file, *commands) -> tuple[int, str]:
    """The file's own validation (what `validate` runs on it), then, when it passes,
    every command: no crash anywhere."""
    load = load_targets if file == "targets.yaml" else load_plan
    _, problems = load(folder / file, file)
    errors = [p for p in problems if p.is_error]
    if errors:
        assert errors[0].line is not None, errors[0]  # located
        return 1, errors[0].code
    for args in commands:
        r2 = cli(*args, "--data", folder)
        assert r2.code in (0, 1, 2, 3), (args, r2.err)
        assert "internal error" not in r2.err and "Traceback" not in r2.err, (args, r2.err)
    return 0, ""


TARGET_COMMANDS = [("project", "--format", "json"), ("quality",), ("brief", "--format", "md")]
PLAN_COMMANDS = [("overdue",), ("due",)]


@pytest.fixture(autouse=True)
def _shared_cache(monkeypatch, tmp_path_factory):
    """One plan cache for the module: the file a case does not change loads from it."""
    monkeypatch.setenv("PUCLI_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "domains"))


def _leaf_cases(file: str, kind, values: list[str]):
    text = (DATA / file).read_text(encoding="utf-8")
    for path, loc in _leaves(text, kind):
        for value in values:
            yield pytest.param(file, loc, value, id=f"{'.'.join(map(str, path))}={value}")


@pytest.mark.parametrize(("file", "loc", "value"),
                         list(_leaf_cases("targets.yaml", _is_number, BAD_NUMBERS))
                         + list(_leaf_cases("measures.yaml", _is_number, BAD_NUMBERS[:7])))
def test_every_number_field_is_in_its_domain_or_refused(cli, data_dir, file, loc, value):
    """Class 2: no number validate accepts crashes a command that computes with it; a
    quoted number, a boolean and YAML 1.1 spellings are refused, not coerced."""
    path = data_dir / file
    path.write_text(_splice(path.read_text(encoding="utf-8"), loc, value), encoding="utf-8")
    code, problem = _check_run(cli, data_dir, file,
                               *(TARGET_COMMANDS if file == "targets.yaml" else PLAN_COMMANDS))
    if value in ("'24'", "true", "yes", "on", "1_2", ".inf", "-.inf", ".nan", "1e400"):
        assert code == 1, f"{value} was accepted as a number"


@pytest.mark.parametrize(("file", "loc", "value"),
                         list(_leaf_cases("targets.yaml", _is_date, BAD_DATES))
                         + list(_leaf_cases("measures.yaml", _is_date, BAD_DATES)))
def test_every_date_field_is_in_range_or_refused(cli, data_dir, file, loc, value):
    """Class 3: dates are YYYY-MM-DD within the supported range, in every field."""
    path = data_dir / file
    path.write_text(_splice(path.read_text(encoding="utf-8"), loc, value), encoding="utf-8")
    code, problem = _check_run(cli, data_dir, file,
                               *(TARGET_COMMANDS if file == "targets.yaml" else PLAN_COMMANDS))
    assert code == 1, f"{value} was accepted as a date"


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "2022-W52-6", "１２"])
@pytest.mark.parametrize("command", ["overdue", "due", "brief", "project", "quality"])
def test_every_date_option_is_in_range(cli, data_dir, command, value):
    r = cli(command, "--as-of", value, "--data", data_dir)
    assert r.code == 2, r.err
    assert "internal error" not in r.err


@pytest.mark.parametrize("column,value", [
    ("date", "2022-W52-6"), ("date", "20221231"), ("date", "1899-12-31"),
    ("date", "０２０２-12-31"), ("total", "١٢٣"), ("total", "1_000"), ("total", "+5")])
def test_actuals_values_are_strict(cli, data_dir, english, column, value):
    """Class 3/4 in CSV: a value `actuals add` would write verbatim is refused instead."""
    args = {"date": "2022-12-31", "total": "7961"}
    args[column] = value
    before = (data_dir / "actuals.csv").read_bytes()
    r = cli("actuals", "add", args["date"], args["total"], "--data", data_dir)
    assert r.code in (1, 2), r.err
    assert (data_dir / "actuals.csv").read_bytes() == before
    (data_dir / "actuals.csv").write_text(
        f"date,total\n{args['date']},{args['total']}\n", encoding="utf-8")
    r = cli("validate", "--data", data_dir)
    assert r.code == 1, r.err


@pytest.mark.parametrize("measure", ["1_2", "+12", "١٢", "１２", " 12\u200b", "12.0", "0"])
def test_ids_are_plain_ascii_digits(cli, data_dir, measure):
    """Class 4: `int()` reads all of these as 12; a measure number is plain digits."""
    before = (data_dir / "progress.csv").read_bytes()
    r = cli("update", measure, "--unit", "县行政审批局", "--status", "in_progress",
            "--data", data_dir)
    assert r.code == 2, r.err  # a bad argument value (exit codes: i16)
    assert (data_dir / "progress.csv").read_bytes() == before
    r = cli("show", measure, "--data", data_dir)
    assert r.code == 2, r.err
    r = cli("overdue", "--section", measure, "--data", data_dir)
    assert r.code == 2, r.err


def test_ids_in_the_ledger_are_plain_ascii_digits(cli, data_dir):
    (data_dir / "progress.csv").write_text(
        "date,measure,unit,status\n2023-01-05,١٢,县行政审批局,done\n", encoding="utf-8")
    r = cli("validate", "--data", data_dir, "--format", "json")
    codes = [p["code"] for p in json.loads(r.out)["problems"]]
    assert r.code == 1 and "unknown-measure" in codes


@pytest.mark.parametrize("name", BAD_NAMES)
def test_every_name_field_refuses_invisible_characters(cli, data_dir, name):
    """Class 5: a unit name with a zero-width space or a bidi control is refused where it
    is written (registry, alias, a measure's units), not found unequal later."""
    text = (DATA / "measures.yaml").read_text(encoding="utf-8")
    for old, new in (("  - name: 县发改局\n", f"  - name: {name}\n"),
                     ("    aliases: []\n", f"    aliases: [{name}]\n"),
                     ("    units: [县发改局", f"    units: [{name}")):
        assert old in text
        (data_dir / "measures.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
        r = cli("validate", "--data", data_dir, "--format", "json")
        codes = [p["code"] for p in json.loads(r.out)["problems"]]
        assert r.code == 1 and "invalid-name" in codes, (old, codes)


def test_names_are_nfc_normalised(cli, data_dir):
    """A name typed decomposed (NFD) is the same name as its composed form."""
    import unicodedata

    text = (DATA / "measures.yaml").read_text(encoding="utf-8")
    name = "Café Bureau"
    decomposed = unicodedata.normalize("NFD", name)
    text = text.replace("县发改局", decomposed)  # every use, decomposed
    text = text.replace(f"  - name: {decomposed}\n", f"  - name: {name}\n", 1)
    (data_dir / "measures.yaml").write_text(text, encoding="utf-8")
    r = cli("validate", "--data", data_dir, "--format", "json")
    codes = [p["code"] for p in json.loads(r.out)["problems"] if p["severity"] == "error"]
    assert codes == []


def test_invisible_characters_in_the_ledger_are_named(cli, data_dir, english):
    (data_dir / "progress.csv").write_text(
        "date,measure,unit,status\n2023-01-05,12,县行政\u200b审批局,done\n", encoding="utf-8")
    r = cli("validate", "--data", data_dir)
    assert r.code == 1 and "U+200B ZERO WIDTH SPACE" in r.err, r.err


@pytest.mark.parametrize("text,hint", [
    ("and_related: yes", "write true or false"), ("and_related: 'true'", "true or false"),
    ("section: true", "not true"), ("section: '3'", "without quotes"),
    ("section: 3.0", "whole number")])
def test_strict_types_are_refused_with_a_hint(cli, data_dir, english, text, hint):
    plan = (DATA / "measures.yaml").read_text(encoding="utf-8")
    key = text.split(":")[0]
    old = next(line for line in plan.splitlines() if line.startswith(f"    {key}: "))
    (data_dir / "measures.yaml").write_text(plan.replace(old, "    " + text, 1),
                                            encoding="utf-8")
    r = cli("validate", "--data", data_dir)
    assert r.code == 1 and hint in r.err, r.err


@pytest.mark.parametrize("command", ["overdue", "due", "ledger", "measures"])
def test_an_unknown_section_is_an_error_like_an_unknown_unit(cli, data_dir, command):
    """Class 12: `--section 99 --fail` found "nothing late" and exited 0."""
    r = cli(command, "--section", "99", "--data", data_dir,
            *(["--fail"] if command == "overdue" else []))
    assert r.code == 2 and "unknown-section" in r.err, r.err  # a bad option value
