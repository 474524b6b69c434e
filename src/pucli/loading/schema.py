"""Validate parsed YAML against a model; pydantic's errors → located :class:`Problem` objects.

The models are frozen dataclasses (see :mod:`pucli.models.base`); pydantic validates them
through a ``TypeAdapter``, built on first use, so only a run that really validates a file
pays for building it.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from pucli.loading.yamldoc import YAML11_BOOL_WORDS, Path_, YamlDoc
from pucli.problems import Problem
from pucli.suggest import did_you_mean

M = TypeVar("M")

_CHINESE_DIGITS = set("零〇一二三四五六七八九十百千万亿两")


@cache
def _adapter(model: type) -> TypeAdapter:
    return TypeAdapter(model)


def validate(model: type[M], data: Any) -> M:
    """``data`` (parsed YAML) as a ``model``; raises pydantic's ``ValidationError``."""
    return _adapter(model).validate_python(data)


def validate_model(doc: YamlDoc, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate ``doc.data`` against ``model``; every error located in the YAML source."""
    if not isinstance(doc.data, dict):
        kind = type(doc.data).__name__ if doc.data is not None else "nothing"
        kind = {"list": "a list", "str": "a plain text value", "int": "a number"}.get(kind, kind)
        return None, [doc.problem("wrong-type", f"expected a mapping of keys at the top, "
                                  f"found {kind}", (), hint="see the README for this file's form")]
    try:
        return validate(model, doc.data), []
    except ValidationError as exc:
        return None, [error_to_problem(doc, model, err) for err in exc.errors()]


def error_to_problem(doc: YamlDoc, model: type, err: Any) -> Problem:
    loc: Path_ = ()
    for part in err["loc"]:  # drop union tags, but not a field named like one ('date')
        if not _is_union_tag(part) or part in _fields_at(model, loc):
            loc += (part,)
    kind = err["type"]
    value = err.get("input")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        field = loc[-1]
        allowed = sorted(_fields_at(model, loc[:-1]))
        hint = did_you_mean(str(field), allowed) or (
            "allowed here: " + ", ".join(allowed) if allowed else None)
        return doc.problem("unknown-field", f"unknown field '{field}'", loc, hint=hint, key=True)
    if kind == "missing":
        return doc.problem("missing-field", f"missing required field '{loc[-1]}'", loc[:-1],
                           hint=f"add '{loc[-1]}:' to this entry")
    message = err["msg"]
    if kind.startswith("value_error"):
        message = message.removeprefix("Value error, ")
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",")]
        hint = did_you_mean(str(value), [c for c in choices if c]) or f"use one of {expected}"
        return doc.problem("invalid-value", f"'{value}' is not allowed: {message}", loc, hint=hint)
    code, hint = "wrong-type", None
    ctx_hint = (err.get("ctx") or {}).get("hint")
    if kind == "name_invalid":
        return doc.problem("invalid-name", message, loc, hint=ctx_hint)
    if kind == "date_invalid":
        return doc.problem("invalid-date", message, loc, hint=ctx_hint)
    if kind.startswith(("date_", "datetime_")):
        code, hint = "invalid-date", "write dates as YYYY-MM-DD, e.g. 2025-12-31"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            hint = "write the date as YYYY-MM-DD, not as a number of seconds or days"
    elif kind.startswith(("int_", "float_", "decimal_")) or kind in ("greater_than_equal",
                                                                     "less_than_equal",
                                                                     "greater_than", "less_than",
                                                                     "finite_number"):
        code = "invalid-number"
        if isinstance(value, str) and _CHINESE_DIGITS & set(value):
            hint = "write numbers with Arabic digits (11236, not 一万一千二百三十六)"
        elif isinstance(value, str) and value.strip().endswith("%"):
            hint = "write rates as fractions: 0.15 for 15 %"
        elif isinstance(value, str) and "," in value:
            hint = "drop the thousands separators (11236, not 11,236)"
        elif kind.startswith(("greater", "less")):
            code = "out-of-range"
        elif kind == "finite_number":
            code, hint = "out-of-range", "write a finite number (not .inf or .nan)"
        elif isinstance(value, str):
            hint = _quoted_number_hint(value)
        elif isinstance(value, bool):
            hint = f"write a number here, not {'true' if value else 'false'}"
        elif isinstance(value, float) and kind.startswith("int_"):
            hint = "write a whole number, without a decimal point"
    elif kind == "bool_type":
        if isinstance(value, str) and value.lower() in YAML11_BOOL_WORDS:
            hint = (f"write true or false: YAML 1.2 (editors, check-jsonschema) reads "
                    f"'{value}' as text, not as a yes/no")
        else:
            hint = "write true or false"
    elif kind in ("string_type", "list_type", "dict_type", "dataclass_type",
                  "dataclass_args_type"):
        want = {"string_type": "text", "list_type": "a list"}.get(kind, "a mapping")
        if want == "a mapping":  # pydantic names the model class, which means nothing here
            message = "Input should be a mapping"
        hint = f"this must be {want}"
    elif kind in ("too_short", "string_too_short"):
        code = "empty-value"
    elif kind == "string_pattern_mismatch":
        code, hint = "invalid-value", "use lower-case letters, digits and underscores"
    elif kind.startswith("value_error"):
        code = "invalid-value"
    shown = "" if isinstance(value, (dict, list)) else f" (got {value!r})"
    return doc.problem(code, f"{message}{shown}", loc, hint=hint)


def _quoted_number_hint(value: str) -> str:
    try:
        float(value)
    except ValueError:
        return "write a number, e.g. 1250 or 0.15"
    return f"write the number without quotes ({value.strip()}, not '{value}')"


def _is_union_tag(part: Any) -> bool:
    # pydantic inserts the union member name (e.g. 'date', 'function-after[...]') in loc.
    return isinstance(part, str) and ("[" in part or part in {"date", "datetime", "float", "int",
                                                              "str", "none", "list", "dict"})


def _fields_at(model: type, path: Path_) -> set[str]:
    """Field names of the model found by walking ``path`` from ``model``."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        cls = _model_in(current)
        hints = _field_types(cls) if cls else {}
        if part not in hints:
            return set()
        current = _unwrap_list(hints[part])
    cls = _model_in(current)
    return set(_field_types(cls)) if cls else set()


@cache
def _field_types(cls: type) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in typing.get_type_hints(cls).items() if k in names}


def _unwrap_list(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (list, tuple, set):
        return typing.get_args(tp)[0]
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            inner = _unwrap_list(arg)
            if _model_in(inner):
                return inner
    return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def _model_in(tp: Any) -> type | None:
    if _is_model(tp):
        return tp
    for arg in typing.get_args(tp):
        if _is_model(arg):
            return arg
    return None
