"""YAML text → plain Python data plus the location of every node.

PyYAML's constructors lose line numbers and silently keep the last of two duplicate
keys. We compose the node graph with the C parser (``CSafeLoader``; pure-Python
fallback) and build the data ourselves, which lets us:

* record ``(line, col, width)`` of every value and key, by path, so schema errors can be
  reported at the node that caused them;
* report duplicate keys, unsupported tags (``!!python/object`` …), recursive aliases,
  alias bombs and absurd nesting as located problems instead of exceptions.
"""

from __future__ import annotations

import gc
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pucli.problems import Problem

try:  # the C composer is 5-10x faster on large plans
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]
Loc = tuple[int, int, int]  # 1-based line, 1-based col, width in characters

MAX_DEPTH = 64
_T = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null", "timestamp")}

_constructor = SafeConstructor()

# Plain scalars are typed by the YAML 1.2 core schema, as editors and check-jsonschema
# read the file, not by PyYAML's YAML 1.1 rules: there ``yes``/``no``/``on``/``off`` are
# booleans, ``1_000`` and ``0x1F`` numbers, ``1e400`` text, ``2022-06-17`` a date. Here
# ``yes`` is text (refused where a boolean is expected, with a hint) and a date is text
# that the models read as YYYY-MM-DD — so pucli and the JSON Schema judge the same values.
_CORE_NULL = re.compile(r"(?:~|null|Null|NULL|)")
_CORE_BOOL = {"true": True, "True": True, "TRUE": True,
              "false": False, "False": False, "FALSE": False}
_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_CORE_SPECIAL = {".inf": math.inf, ".Inf": math.inf, ".INF": math.inf,
                 "+.inf": math.inf, "+.Inf": math.inf, "+.INF": math.inf,
                 "-.inf": -math.inf, "-.Inf": -math.inf, "-.INF": -math.inf,
                 ".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan}
# YAML 1.1 words for booleans, to explain why one is refused (see schema.error_to_problem)
YAML11_BOOL_WORDS = frozenset({"y", "yes", "n", "no", "on", "off"})


def core_scalar(text: str) -> Any:
    """A plain scalar's value under the YAML 1.2 core schema."""
    if _CORE_NULL.fullmatch(text):
        return None
    if text in _CORE_BOOL:
        return _CORE_BOOL[text]
    if _CORE_INT.fullmatch(text):
        if text.startswith("0o"):
            return int(text[2:], 8)
        return int(text[2:], 16) if text.startswith("0x") else int(text)
    if text in _CORE_SPECIAL:
        return _CORE_SPECIAL[text]
    if _CORE_FLOAT.fullmatch(text):
        return float(text)
    return text


_CORE = _T + "core"  # the tag given to every plain (untagged, unquoted) scalar


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0] and value != "<<":  # '<<': see mapping()
            return _CORE
        return super().resolve(kind, value, implicit)


@dataclass
class YamlDoc:
    """Parsed YAML data with locations: ``values[path]`` and ``keys[path]``."""

    data: Any
    text: str
    file: str
    values: dict[Path_, Loc] = field(default_factory=dict)
    keys: dict[Path_, Loc] = field(default_factory=dict)

    def locate(self, path: Path_, key: bool = False) -> Loc | None:
        """Location of ``path``; falls back to the nearest ancestor that has one."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]

    def line_text(self, line: int) -> str:
        # The line index is built once: splitting the text for every problem made
        # validating a large plan with a problem in every entry quadratic.
        lines = self.__dict__.get("_lines")
        if lines is None:
            lines = self.__dict__["_lines"] = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def problem(self, code: str, message: str, path: Path_, *, hint: str | None = None,
                severity: str = "error", key: bool = False) -> Problem:
        """A problem located at ``path`` in this document, with its source line."""
        loc = self.locate(path, key=key)
        line = col = None
        width = 1
        excerpt = None
        if loc:
            line, col, width = loc
            excerpt = self.line_text(line)
        return Problem(code, message, self.file, line, col, format_path(path), hint,
                       severity, excerpt, width)  # type: ignore[arg-type]


def format_path(path: Path_) -> str:
    """``("measures", 7, "units", 0)`` → ``measures[7].units[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Abort(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem)
        self.problem = problem


class _Builder:
    def __init__(self, doc: YamlDoc, budget: int):
        self.doc = doc
        self.budget = budget
        self.active: set[int] = set()
        self.problems: list[Problem] = []

    def loc(self, node: Node) -> Loc:
        start, end = node.start_mark, node.end_mark
        width = end.column - start.column if end.line == start.line else 1
        return (start.line + 1, start.column + 1, max(width, 1))

    def fail(self, code: str, message: str, node: Node, path: Path_, hint: str | None = None):
        line, col, width = self.loc(node)
        raise _Abort(Problem(code, message, self.doc.file, line, col, format_path(path), hint,
                             "error", self.doc.line_text(line), width))

    def build(self, node: Node, path: Path_, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            self.fail("alias-bomb", "document expands to far more nodes than it contains "
                      "(an alias bomb?)", node, path, "remove the nested aliases (*name)")
        if depth > MAX_DEPTH:
            self.fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", node, path,
                      "plan files need only a few levels of nesting")
        self.doc.values[path] = self.loc(node)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if id(node) in self.active:
            self.fail("recursive-alias", "alias refers to a node that contains it", node, path,
                      "an alias (*name) cannot point at its own anchor's parent")
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                if node.tag != _T + "seq":
                    self.bad_tag(node, path)
                return [self.build(child, path + (i,), depth + 1)
                        for i, child in enumerate(node.value)]
            if isinstance(node, MappingNode):
                if node.tag != _T + "map":
                    self.bad_tag(node, path)
                return self.mapping(node, path, depth)
        finally:
            self.active.discard(id(node))
        self.fail("yaml-syntax", "unknown node type", node, path)  # pragma: no cover

    def mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail("complex-key", "a mapping key must be a plain value", key_node, path,
                          "write keys as plain words")
            if key_node.tag == _T + "merge":
                self.fail("unsupported-tag", "merge keys ('<<') are not supported", key_node,
                          path, "write the keys out in full")
            key = self.scalar(key_node, path)
            if not isinstance(key, (str, int)):
                key = str(key)
            child = path + (key,)
            if key in first_seen:
                line, col, width = self.loc(key_node)
                self.problems.append(Problem(
                    "duplicate-key",
                    f"duplicate key '{key}' (first on line {first_seen[key]}); "
                    "YAML would silently keep only the last one",
                    self.doc.file, line, col, format_path(child),
                    "merge the two entries, or rename one of them", "error",
                    self.doc.line_text(line), width))
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.doc.keys[child] = self.loc(key_node)
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        if node.tag == _CORE:
            return core_scalar(node.value)
        if node.tag not in _SCALAR_TAGS:
            self.bad_tag(node, path)
        try:
            return _constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError) as exc:
            if node.tag == _T + "timestamp":
                self.fail("invalid-date", f"'{node.value}' is not a real date ({exc})", node,
                          path, "write dates as YYYY-MM-DD with a day that exists")
            self.fail("invalid-value", f"cannot read '{node.value}': {exc}", node, path)

    def bad_tag(self, node: Node, path: Path_) -> None:
        self.fail("unsupported-tag", f"tag '{node.tag}' is not allowed in pucli data files",
                  node, path, "remove the tag; plan files hold plain text, numbers and dates")


def parse_yaml(text: str, file: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML text into a :class:`YamlDoc`, or return located problems."""
    doc = YamlDoc(None, text, file)
    # The node graph is large and acyclic in practice; pausing the cyclic garbage collector
    # while it is built saves ~0.4 s on a 5,000-measure plan (benchmarks/bench_scale.py).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, file, doc)
    finally:
        if gc_was_enabled:
            gc.enable()


def _parse(text: str, file: str, doc: YamlDoc) -> tuple[YamlDoc | None, list[Problem]]:
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, doc)]
    except yaml.YAMLError as exc:  # reader errors carry no mark of this type
        return None, [Problem("yaml-syntax", str(exc).splitlines()[0], file)]
    except RecursionError:
        return None, [Problem("too-deep", f"nesting deeper than {MAX_DEPTH} levels", file,
                              hint="plan files need only a few levels of nesting")]
    if not nodes or nodes[0] is None:
        return None, [Problem("empty-file", "file holds no YAML document", file,
                              hint="see the README for the minimal form of this file")]
    if len(nodes) > 1:
        line = nodes[1].start_mark.line + 1
        return None, [Problem("multiple-documents", "file holds more than one YAML document",
                              file, line, 1, hint="remove the '---' separator and what follows",
                              excerpt=doc.line_text(line))]
    builder = _Builder(doc, budget=4 * len(text) + 10_000)
    try:
        doc.data = builder.build(nodes[0], (), 0)
    except _Abort as abort:
        return None, builder.problems + [abort.problem]
    except RecursionError:
        return None, [Problem("too-deep", f"nesting deeper than {MAX_DEPTH} levels", file)]
    return doc, builder.problems


def _syntax_problem(exc: yaml.MarkedYAMLError, doc: YamlDoc) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    line = col = None
    excerpt = None
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
        excerpt = doc.line_text(line)
    hint = "check indentation and quoting near this point"
    if "\t" in (excerpt or "") or "'\\t'" in problem:
        hint = "YAML indents with spaces, never tabs: replace the tab with spaces"
    elif line and ("：" in (excerpt or "") or "：" in doc.line_text(line - 1)):
        # libyaml notices only on the next line; point at the colon itself
        if "：" not in (excerpt or ""):
            line -= 1
            excerpt = doc.line_text(line)
        col = excerpt.index("：") + 1
        hint = "a full-width colon '：' (Chinese input) is not a YAML colon: type ': '"
    elif "found undefined alias" in problem:
        hint = "define the anchor (&name) before using the alias (*name)"
    elif "mapping values are not allowed" in problem:
        hint = "quote a value that contains ': ', or fix the indentation"
    if exc.context and exc.problem:
        problem = f"{problem} ({exc.context})"
    return Problem("yaml-syntax", problem, doc.file, line, col, "", hint, "error", excerpt)
