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

from dataclasses import dataclass
from typing import Annotated, Any, dataclass_transform

from annotated_types import MinLen

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


@record
class Acknowledgement:
    """A warning the data file keeps on purpose: ``code`` at ``at`` (the path a warning
    names, e.g. ``rates[0].value``), and ``reason`` why it stands (e.g. the plan's own two
    figures). Validation shows that warning as a note, so ``--strict`` can pass."""

    code: Annotated[str, MinLen(1)]
    at: Annotated[str, MinLen(1)]
    reason: Annotated[str, MinLen(1)]
