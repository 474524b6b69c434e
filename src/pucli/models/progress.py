"""Progress reports (progress.csv, the 台账): one row per report by one unit on one measure.

A named tuple rather than a pydantic model (or a frozen dataclass, three times slower to
build): a ledger of years of reports must load in milliseconds, and every field is checked
(with its file:line) in :mod:`pucli.loading.progress` before an entry is built.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

STATUSES = ("not_started", "in_progress", "done", "blocked")
# The Chinese words pucli itself prints (and an office types in Excel/WPS) for each status.
STATUS_WORDS = {"未开始": "not_started", "推进中": "in_progress", "进行中": "in_progress",
                "已完成": "done", "完成": "done", "受阻": "blocked"}
DONE = "done"

# Column order of progress.csv; the first four are required.
REQUIRED_COLUMNS = ["date", "measure", "unit", "status"]
OPTIONAL_COLUMNS = ["percent", "note", "evidence"]
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


class ProgressEntry(NamedTuple):
    """One report. ``unit`` is the registry name; ``line`` is where it starts in the file."""

    date: dt.date
    measure: int
    unit: str
    status: str
    percent: float | None = None
    note: str = ""
    evidence: str = ""
    line: int = 0

    def sort_key(self) -> tuple[dt.date, int]:
        """Later date wins; on the same date, the row further down the file wins."""
        return (self.date, self.line)

    def as_row(self) -> list[str]:
        """The entry as progress.csv values, in :data:`COLUMNS` order."""
        pct = "" if self.percent is None else f"{self.percent:g}"
        return [self.date.isoformat(), str(self.measure), self.unit, self.status, pct,
                self.note, self.evidence]
