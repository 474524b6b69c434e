"""What every data-file model is: a frozen dataclass that pydantic validates.

The models are standard-library dataclasses, not pydantic ``BaseModel`` classes. Defining
``BaseModel`` classes imports most of pydantic and builds each class, 25 ms on every run;
a command whose plan comes from the cache (:mod:`pucli.loading.cache`) never validates
anything and only needs the classes. pydantic validates these dataclasses just as well
(:mod:`pucli.loading.schema`, with the config set here) and writes their JSON Schema.

Constraints are ``Annotated`` metadata from ``annotated_types`` (which pydantic reads),
plus :class:`Pattern` for a regular expression.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, dataclass_transform

from annotated_types import Ge, Le, MinLen

from pucli.models.domain import MAX_COUNT, MAX_ID

# pydantic's config for every model: a key the model does not declare is an error.
CONFIG = {"extra": "forbid"}


@dataclass_transform(frozen_default=True, kw_only_default=True)
def record(cls: type) -> Any:
    """A data-file model: immutable, built from keywords, unknown keys refused."""
    cls.__pydantic_config__ = CONFIG  # type: ignore[attr-defined]
    return dataclass(frozen=True, kw_only=True)(cls)


@dataclass(frozen=True)
class Pattern:
    """``Annotated[str, Pattern(r"...")]``: the text must match (applied by pydantic)."""

    regex: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["pattern"] = self.regex
        return schema


SNAKE_CASE = Pattern(r"^[a-z][a-z0-9_]*$")


class _Strict:
    """Metadata: the number or boolean must be one in the file, not text or another type.

    pydantic's default ("lax") mode turns ``'24'`` into 24, ``true`` into 1 and
    ``1735603200`` into a date; a plan file is written by hand, so each of those is a
    mistake to report, not to guess at. Floats must also be finite (no ``.inf``/``.nan``).
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        if schema.get("type") in ("int", "float", "bool"):
            schema["strict"] = True
        if schema.get("type") == "float":
            schema["allow_inf_nan"] = False
        return schema


STRICT = _Strict()


class _Checked:
    """Metadata: run ``check`` (a :mod:`pucli.models.domain` function) on the value first;
    its :class:`~pucli.models.domain.DomainError` becomes a located validation error."""

    def __init__(self, check: Any, error_type: str, accept: tuple[type, ...] = (),
                 json: dict[str, Any] | None = None):
        self.check, self.error_type, self.accept, self.json = check, error_type, accept, json

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import PydanticCustomError, core_schema

        check, error_type, accept = self.check, self.error_type, self.accept

        def run(value: Any) -> Any:
            if not isinstance(value, str) and not isinstance(value, accept):
                return value  # the inner schema reports the wrong type
            try:
                return check(value)
            except ValueError as exc:
                text = getattr(exc, "message", str(exc))
                raise PydanticCustomError(error_type, text.replace("{", "(").replace("}", ")"),
                                          {"hint": getattr(exc, "hint", None)}) from None

        inner = handler(source)
        if inner.get("type") == "date":
            inner["strict"] = True  # lax mode reads a number as a Unix timestamp
        return core_schema.no_info_before_validator_function(run, inner)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        out = handler(schema)
        out.update(self.json or {})
        return out


def _date_value(value: Any) -> Any:
    from pucli.models.domain import check_date, parse_date

    return parse_date(value) if isinstance(value, str) else check_date(value)


def _due_value(value: Any) -> Any:
    from pucli.models.domain import check_date, parse_due

    return parse_due(value) if isinstance(value, str) else check_date(value)


def _name_value(value: str) -> str:
    from pucli.models.domain import check_name

    return check_name(value)


# Annotated types every model uses for its numbers, dates and names (see
# :mod:`pucli.models.domain` for the domains themselves).
# The pattern says in the JSON Schema what parse_date checks: YYYY-MM-DD in 1900–2199.
DATE_CHECK = _Checked(_date_value, "date_invalid", (dt.date,),
                      json={"pattern": "^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$"})
DUE_CHECK = _Checked(_due_value, "date_invalid", (dt.date,))


def _name_check() -> _Checked:
    from pucli.models.domain import NAME_PATTERN

    return _Checked(_name_value, "name_invalid", json={"pattern": NAME_PATTERN})


NAME_CHECK = _name_check()

Int = Annotated[int, STRICT]
Float = Annotated[float, STRICT]
Bool = Annotated[bool, STRICT]
Date = Annotated[dt.date, DATE_CHECK]
DueDate = Annotated[dt.date, DUE_CHECK]  # also a plan phrase (domain.DUE_PHRASE_PARSERS)
Name = Annotated[str, NAME_CHECK]
Id = Annotated[int, STRICT, Ge(1), Le(MAX_ID)]  # a measure or section number
# A count a plan grows from or to: zero is a level (a new kind of firm; i14's projections
# grow it by net increase), a negative or non-finite one is not.
Level = Annotated[float, STRICT, Ge(0), Le(MAX_COUNT)]


@record
class Acknowledgement:
    """A warning the data file keeps on purpose: ``code`` at ``at`` (the path a warning
    names, e.g. ``rates[0].value``), and ``reason`` why it stands (e.g. the plan's own two
    figures). Validation shows that warning as a note, so ``--strict`` can pass."""

    code: Annotated[str, MinLen(1)]
    at: Annotated[str, MinLen(1)]
    reason: Annotated[str, MinLen(1)]
