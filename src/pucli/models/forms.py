"""Reporting forms (填报表): what one unit is asked to report on for one period, and how a
returned form proves it is the one that was sent.

A form's identifying cells (measure number, title, the unit's role, the due date) are
locked in the spreadsheet, and each row carries a code: the measure number and a short
hash of those cells. The form id (a hidden cell; the first line of the CSV variant) names
the plan, the unit and the period and carries a checksum of all row codes. A returned form
whose id does not check out, or whose row codes do not match their cells, was altered.
These are integrity checks against slips (a sorted sheet, an overtyped cell), not security:
anyone with the file can recompute them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

FORM_MAGIC = "PUCLI-FORM/1"

# Cell columns of a form, left to right. The first five identify a row; then what the unit
# reported last (for reference, locked); then the five columns the unit fills in.
IDENTIFYING = ("seq", "measure", "title", "role", "due")
REFERENCE = ("last",)
INPUTS = ("status", "percent", "note", "evidence", "date")
CODE = "code"
COLUMNS = IDENTIFYING + REFERENCE + INPUTS + (CODE,)

# Column headings, (zh, en). A returned form is read by position, whatever the headings.
HEADINGS = {
    "seq": ("序号", "No."), "measure": ("举措编号", "Measure"), "title": ("举措", "Title"),
    "role": ("责任", "Role"), "due": ("完成时限", "Due"),
    "last": ("上次报送", "Last report"), "status": ("状态", "Status"),
    "percent": ("进度(%)", "Percent"), "note": ("进展情况", "Progress"),
    "evidence": ("佐证材料", "Evidence"), "date": ("报送日期", "Report date"),
    "code": ("校验码", "Check code"),
}


@dataclass(frozen=True)
class FormRow:
    """One open measure of the unit, as the form shows it."""

    seq: int
    measure: int
    title: str
    role: str  # 牵头 / 配合 (lead / shared), worded when the form was made
    due: str  # the due date and open milestones as shown; "" when the plan sets none
    last: str = ""  # the unit's latest report, worded

    def identity(self) -> tuple[str, ...]:
        return (str(self.seq), str(self.measure), self.title, self.role, self.due)

    @property
    def code(self) -> str:
        return row_code(self.measure, self.identity())


@dataclass(frozen=True)
class Form:
    """The form sent to one unit for one reporting period."""

    plan_key: str
    plan_title: str
    doc_number: str
    unit: str
    period: str  # label, e.g. 2025Q1
    period_start: dt.date
    period_end: dt.date
    deadline: dt.date  # return by
    issued: dt.date  # the day the form was made (its --as-of)
    rows: list[FormRow] = field(default_factory=list)

    @property
    def form_id(self) -> str:
        return form_id(self.plan_key, self.unit, self.period, self.deadline,
                       [r.code for r in self.rows])


def _digest(*parts: str, size: int = 8) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def plan_key(doc_number: str | None, title: str) -> str:
    """A short key of the plan a form belongs to (its document number and title)."""
    return _digest(doc_number or "", title)


def row_code(measure: int, identity: tuple[str, ...]) -> str:
    """``12-3fa0b1``: the measure number and a hash of the row's identifying cells."""
    return f"{measure}-{_digest(*identity, size=6)}"


def form_id(plan: str, unit: str, period: str, deadline: dt.date, codes: list[str]) -> str:
    """The text of the hidden form-id cell."""
    checksum = _digest(plan, unit, period, deadline.isoformat(), *codes)
    name = unit.replace("%", "%25").replace(";", "%3B")  # ';' separates the fields
    return (f"{FORM_MAGIC};plan={plan};unit={name};period={period};"
            f"deadline={deadline.isoformat()};rows={len(codes)};sum={checksum}")


@dataclass(frozen=True)
class FormId:
    plan: str
    unit: str
    period: str
    deadline: dt.date
    rows: int
    checksum: str
    text: str

    def matches(self, codes: list[str]) -> bool:
        """True when ``codes`` are the row codes this id was made with."""
        return form_id(self.plan, self.unit, self.period, self.deadline, codes) == self.text


def parse_form_id(text: str) -> FormId | None:
    """The fields of a form id, or None when ``text`` is not one."""
    text = text.strip()
    if not text.startswith(FORM_MAGIC + ";"):
        return None
    fields = dict(part.partition("=")[::2] for part in text.split(";")[1:])
    try:
        unit = fields["unit"].replace("%3B", ";").replace("%25", "%")
        return FormId(fields["plan"], unit, fields["period"],
                      dt.date.fromisoformat(fields["deadline"]), int(fields["rows"]),
                      fields["sum"], text)
    except (KeyError, ValueError):
        return None
