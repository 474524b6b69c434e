"""The domains of pucli's values, decided in one place: numbers, dates, ids and names.

Every reader (YAML models, CSV ledgers, command-line options) takes its limits from here,
so a value one path accepts is never one another path crashes on:

* dates are ``YYYY-MM-DD`` in ASCII digits, between :data:`DATE_MIN` and :data:`DATE_MAX`
  (a year of 9999 or 0001 leaves no room for the arithmetic of a report: a horizon, a
  quarter later, a year ago). ISO week dates (``2022-W52-6``) and compact dates
  (``20221231``), which :meth:`datetime.date.fromisoformat` also accepts, are refused;
* ids (measures, sections) are plain ASCII digits: ``1_2``, ``+12`` and ``١٢`` are
  what :func:`int` accepts, not what a person means;
* counts and levels are finite, at most :data:`MAX_COUNT`; growth is bounded so that
  compounding two allowed levels never overflows a float;
* names are NFC-normalised and hold no invisible or bidirectional-control character: a
  zero-width space makes two names look equal and compare different.

Pure functions, no I/O; pydantic-facing types built on these live in :mod:`pucli.models.base`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable

DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
MAX_COUNT = 10**15 - 1  # exact as a float; no region has that many of anything
MAX_ID = 999_999
MAX_MULTIPLE = 1000.0  # a goal of "×1000" is already beyond any plan
# A stated growth rate is a fraction per year: 0.15 for 15 %. Above 1000 % a year, or at
# −100 % and below, compounding means nothing (and overflows).
MIN_RATE, MAX_RATE = -1.0, 10.0



def annual_rate(start: float, end: float, years: float) -> float:
    """The yearly growth rate taking ``start`` to ``end`` in ``years`` (> 0), computed in
    logs so that no pair of allowed levels overflows: ``inf`` when beyond float range
    (and from a level of zero to any other)."""
    if start <= 0 or end <= 0:
        return 0.0 if end == start else (math.inf if end > start else -1.0)
    exponent = (math.log(end) - math.log(start)) / years
    return math.expm1(exponent) if exponent < 700 else math.inf


def compound(value: float, rate: float, years: float) -> float:
    """``value × (1 + rate) ** years`` without OverflowError (``inf`` beyond range)."""
    if value <= 0 or rate <= -1:
        return value * (1 + rate) ** years if rate > -1 else 0.0
    exponent = math.log(value) + math.log1p(rate) * years
    return math.exp(exponent) if exponent < 700 else math.inf


DATE_HINT = "write dates as YYYY-MM-DD, e.g. 2025-12-31"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ID = re.compile(r"[0-9]+")

# Plan phrases a due date may be given as on purpose (e.g. "2023年6月底前"), registered
# by the module that reads them: each parser returns the date, or None when the text is
# not its kind of phrase. Used by :func:`parse_due`, never by :func:`parse_date`.
DUE_PHRASE_PARSERS: list[Callable[[str], dt.date | None]] = []


class DomainError(ValueError):
    """A value outside its domain; ``hint`` says how to write it."""

    def __init__(self, message: str, hint: str | None = None, kind: str = "invalid"):
        super().__init__(message)
        self.message, self.hint, self.kind = message, hint, kind

    def __reduce__(self) -> tuple[type, tuple[str, str | None, str]]:
        return (type(self), (self.message, self.hint, self.kind))


def check_date(d: dt.date) -> dt.date:
    """``d`` when it lies in the supported range, else :class:`DomainError`."""
    if isinstance(d, dt.datetime):
        raise DomainError(f"'{d.isoformat()}' has a time of day; a date has none", DATE_HINT)
    if not DATE_MIN <= d <= DATE_MAX:
        raise DomainError(f"date {d.isoformat()} is outside {DATE_MIN.year}–{DATE_MAX.year}",
                          "check the year", kind="range")
    return d


def parse_date(text: str) -> dt.date:
    """``YYYY-MM-DD`` (ASCII digits, a real calendar day, in range) → date."""
    if not _ISO_DATE.fullmatch(text):
        raise DomainError(f"'{text}' is not a date in the form YYYY-MM-DD", DATE_HINT,
                          kind="format")
    try:
        d = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DomainError(f"'{text}' is not a real date ({exc})", "write dates as YYYY-MM-DD "
                          "with a day that exists", kind="not-real") from None
    return check_date(d)


def parse_due(text: str) -> dt.date:
    """A due date: ``YYYY-MM-DD``, or a plan phrase a registered parser reads."""
    if _ISO_DATE.fullmatch(text):
        return parse_date(text)
    for parser in DUE_PHRASE_PARSERS:
        d = parser(text)
        if d is not None:
            return check_date(d)
    return parse_date(text)  # raises, with the format message


def parse_id(text: str) -> int:
    """A measure or section number: plain ASCII digits, 1 to :data:`MAX_ID`."""
    if not _ID.fullmatch(text):
        raise DomainError(f"'{text}' is not a number", "write the number in plain digits "
                          "0-9, e.g. 12", kind="format")
    value = int(text)
    if not 1 <= value <= MAX_ID:
        raise DomainError(f"{value} is not a valid number here", f"numbers run from 1 to "
                          f"{MAX_ID}", kind="range")
    return value


# Characters that are invisible or reorder text: controls (Cc), format characters (Cf:
# zero-width space/joiners, bidi embeddings and isolates, the BOM, soft hyphen), line and
# paragraph separators, private-use and unassigned code points, and the Hangul fillers.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Zl", "Zp"})
_INVISIBLE_EXTRA = frozenset("\u115f\u1160\u3164\uffa0")
# The same set as a JSON Schema pattern (for editors and check-jsonschema): the common
# invisible characters; the code above checks every one.
NAME_PATTERN = ("^[^\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e"
                "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0]*$")


def invisible_char(text: str) -> tuple[int, str] | None:
    """Position and character of the first invisible character in ``text``, if any."""
    for i, ch in enumerate(text):
        if ch in _INVISIBLE_EXTRA or unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
            return i, ch
    return None


def describe_char(ch: str) -> str:
    """``U+200B ZERO WIDTH SPACE``."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


def check_name(text: str) -> str:
    """``text`` NFC-normalised, or :class:`DomainError` when it holds an invisible
    character (the check every name — unit, alias, region, metric label — gets)."""
    found = invisible_char(text)
    if found is not None:
        pos, ch = found
        raise DomainError(f"'{text}' contains an invisible character ({describe_char(ch)}) "
                          f"at position {pos + 1}", "retype the name; text pasted from Word "
                          "or a web page can carry invisible characters", kind="invisible")
    return unicodedata.normalize("NFC", text)
