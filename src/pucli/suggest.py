"""Did-you-mean suggestions for names that are not known (units, columns, keys, measures)."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """``"did you mean 'x'?"`` for the closest choice, or ``None``."""
    import difflib  # only on the error path: every command loads this module

    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.5)
    return f"did you mean '{matches[0]}'?" if matches else None
