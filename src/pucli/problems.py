"""Validation problems as data.

Every check in pucli reports :class:`Problem` objects instead of raising or printing,
so that one run can report everything that is wrong, as text for people and as JSON
for editors and CI. Codes are stable slugs: tests, docs and users may rely on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# "note": a warning the data file acknowledges (``acknowledge:``), shown but not counted.
Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or suspicious) in one data file.

    ``line`` and ``col`` are 1-based, as editors show them; ``None`` when the problem
    concerns the file as a whole (missing, unreadable, empty). ``message`` is English;
    ``params`` (optional) names the values in it, so :mod:`pucli.messages` can word it
    in Chinese without reading them back out of the English.
    """

    code: str
    message: str
    file: str
    line: int | None = None
    col: int | None = None
    path: str = ""
    hint: str | None = None
    severity: Severity = "error"
    excerpt: str | None = None
    width: int = 1
    params: Mapping[str, Any] | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def location(self) -> str:
        """``file:line:col`` as far as it is known."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data.pop("width")
        data.pop("params")
        return data


@dataclass
class Report:
    """All problems found in one run, errors and warnings together."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "note"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        """Problems in file order: by file, then line, then column."""
        return sorted(
            self.problems,
            key=lambda p: (p.file, p.line if p.line is not None else -1, p.col or 0),
        )


class DataError(Exception):
    """Raised by library entry points when data cannot be used at all.

    Carries the problems so the CLI can print them exactly like ``pucli validate``.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = problems[0] if problems else None
        super().__init__(
            f"{first.location()}: {first.message}" if first else "invalid data"
        )

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:
        # Rebuilt from its problems, not from its one-line text: an error raised in a
        # worker process must unpickle in the parent, or a process pool waits forever.
        return (type(self), (self.problems,))
