"""Imports point one way: models → loading → compute → render → cli (HOUSE_STYLE).

Every ``import`` of a pucli module, at the top of a file or inside a function, is checked:
a module may import its own layer or a lower one, never a higher one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "pucli"

# Shared plain modules (problems as data, messages, language, exit codes) sit below all.
RANK = {"": 0, "problems": 0, "suggest": 0, "i18n": 0, "messages": 0, "exitcodes": 0,
        "models": 1, "loading": 2, "schemas": 2, "compute": 3, "render": 4, "cli": 5,
        "api": 5, "__main__": 6}
# The package's __init__ is the public facade: it may expose pucli.api (lazily, on first use).
FACADE = "pucli"


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        out.append((".".join(("pucli", *parts)), path))
    return out


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] if node.module != "pucli" else [
                f"pucli.{a.name}" for a in node.names]
            found += [(node.lineno, n) for n in names if n.split(".")[0] == "pucli"]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names
                      if a.name.split(".")[0] == "pucli"]
    return found


MODULES = _modules()


def test_the_api_never_imports_the_cli():
    path = PACKAGE / "api.py"
    assert [n for _, n in _imports(path) if _layer(n) == "cli"] == []


def test_every_layer_is_ranked():
    assert {_layer(m) for m, _ in MODULES} <= set(RANK)


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_imports_point_down(module, path):
    rank = RANK["api"] if module == FACADE else RANK[_layer(module)]
    upward = [f"{path.name}:{line} imports {name}" for line, name in _imports(path)
              if RANK.get(_layer(name), 0) > rank]
    assert upward == []
