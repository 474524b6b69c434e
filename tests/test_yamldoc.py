"""Loading layer, YAML text → data with locations, and hostile documents."""

from __future__ import annotations

from pucli.loading.yamldoc import format_path, parse_yaml


def test_locations_are_one_based_and_cover_keys_and_values():
    doc, problems = parse_yaml("a:\n  b: [x, 县发改局]\n", "f.yaml")
    assert problems == []
    assert doc.data == {"a": {"b": ["x", "县发改局"]}}
    assert doc.values[("a", "b", 1)] == (2, 10, 4)
    assert doc.keys[("a", "b")] == (2, 3, 1)
    # unknown paths fall back to the nearest known ancestor
    assert doc.locate(("a", "b", 7)) == doc.values[("a", "b")]


def test_format_path():
    assert format_path(("measures", 7, "units", 0)) == "measures[7].units[0]"
    assert format_path(()) == ""


def test_duplicate_keys_are_reported_and_first_kept():
    doc, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert doc.data == {"a": 1, "b": 2}
    (p,) = problems
    assert (p.code, p.line, p.col) == ("duplicate-key", 3, 1)
    assert "first on line 1" in p.message


def test_plain_scalars_follow_the_yaml_1_2_core_schema():
    """As editors and check-jsonschema read the file: YAML 1.1's yes/on are text, a date
    is text (the models read YYYY-MM-DD), 1e400 is a float, 1_000 and 0b1 are text."""
    text = ("a: yes\nb: on\nc: 2024-02-29\nd: 1e400\ne: 1_000\nf: 017\ng: 0x1F\n"
            "h: 0o17\ni: .nan\nj: ~\nk: true\nl: '5'\nm: 0b1\nn: 1:20\no: .5\n")
    doc, problems = parse_yaml(text, "f.yaml")
    assert problems == []
    d = doc.data
    assert (d["a"], d["b"], d["c"], d["e"], d["m"], d["n"]) == (
        "yes", "on", "2024-02-29", "1_000", "0b1", "1:20")
    assert (d["d"], d["f"], d["g"], d["h"], d["j"], d["k"], d["l"], d["o"]) == (
        float("inf"), 17, 31, 15, None, True, "5", 0.5)
    assert d["i"] != d["i"]  # nan


def test_alias_bomb_is_stopped():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    doc, problems = parse_yaml("\n".join(lines) + "\n", "f.yaml")
    assert doc is None
    assert problems[0].code == "alias-bomb"
    assert problems[0].line is not None


def test_plain_aliases_are_fine():
    doc, problems = parse_yaml("a: &u [x, y]\nb: *u\n", "f.yaml")
    assert problems == [] and doc.data == {"a": ["x", "y"], "b": ["x", "y"]}


def test_deep_nesting_is_refused():
    doc, problems = parse_yaml("a: " + "[" * 200 + "]" * 200 + "\n", "f.yaml")
    assert doc is None
    assert problems[0].code in {"too-deep", "yaml-syntax"}


def test_block_nesting_beyond_limit_is_refused():
    text = "".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "v\n"
    doc, problems = parse_yaml(text, "f.yaml")
    assert doc is None and problems[0].code == "too-deep"
    assert problems[0].line is not None


def test_merge_keys_and_custom_tags_are_refused():
    _, problems = parse_yaml("a: &a {x: 1}\nb:\n  <<: *a\n", "f.yaml")
    assert problems[0].code == "unsupported-tag"
    _, problems = parse_yaml("a: !custom 1\n", "f.yaml")
    assert problems[0].code == "unsupported-tag"
    _, problems = parse_yaml("a: !!binary aGVsbG8=\n", "f.yaml")
    assert problems[0].code == "unsupported-tag"


def test_several_documents_are_refused():
    _, problems = parse_yaml("a: 1\n---\nb: 2\n", "f.yaml")
    assert (problems[0].code, problems[0].line) == ("multiple-documents", 3)


def test_syntax_error_has_location_and_excerpt():
    _, problems = parse_yaml("a: [1, 2\nb: 3\n", "f.yaml")
    p = problems[0]
    assert p.code == "yaml-syntax" and p.line is not None and p.excerpt is not None


def test_full_width_colon_is_pointed_at_with_its_fix():
    _, problems = parse_yaml("a:\n  due：2025-04-20\n  b: 1\n", "f.yaml")
    p = problems[0]
    assert (p.code, p.line, p.col) == ("yaml-syntax", 2, 6)
    assert "full-width colon" in p.hint
