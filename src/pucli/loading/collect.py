"""Returned forms (.xlsx as Excel, WPS or LibreOffice save it, or the CSV variant) into the
ledger.

Each form is checked whole first — it carries a form id of this plan and period, for a
registered unit, with the rows it was sent with — then row by row, with the checks of
``pucli update`` (:class:`~pucli.loading.progress.EntryChecker`) after reading what people
type: Chinese status words, ``60%`` or a percent-formatted cell, full-width digits, dates
as date cells or as text (``2025/3/25``, ``2025年3月25日``). A row whose inputs are all
empty is skipped. The accepted rows of one form are appended in one write under the
ledger's lock (:func:`~pucli.loading.progress.append_entries`): all of them, or — unless
``partial`` — none when any row was refused. Rows the ledger already holds are skipped,
so collecting a form twice adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pucli.loading.actuals_import import _text, normalise_date, open_workbook
from pucli.loading.collection import Event, append_events
from pucli.loading.datadir import DataDir
from pucli.loading.progress import EntryChecker, Issue, append_entries
from pucli.loading.textfile import MAX_CSV_BYTES, read_text
from pucli.models.forms import (
    COLUMNS,
    IDENTIFYING,
    INPUTS,
    FormId,
    parse_form_id,
    plan_key,
    row_code,
)
from pucli.models.plan import Plan
from pucli.models.progress import STATUS_WORDS, STATUSES, ProgressEntry
from pucli.problems import DataError, Problem

MAX_ROWS = 20_000  # a form has a row per open measure: thousands on the largest plans
HEADER_ROW = 5  # of an .xlsx form (render.forms_xlsx.HEADER_ROW); a CSV form: line 2
CHOICES = "未开始、推进中、已完成、受阻"
_ENGLISH_STATUS = {s.replace("_", " "): s for s in STATUSES}


@dataclass
class ReturnedForm:
    """One form as read from a file: where it is, its id, and its rows' cells."""

    display: str  # file name, or file[sheet] for a workbook of several forms
    form_id: FormId | None
    rows: list[tuple[int, dict[str, object]]]  # (line, column name → cell value)
    id_text: str = ""


@dataclass
class FormResult:
    """What collecting one form did."""

    display: str
    unit: str | None
    accepted: list[ProgressEntry] = field(default_factory=list)
    appended: list[ProgressEntry] = field(default_factory=list)
    skipped: list[ProgressEntry] = field(default_factory=list)  # already in the ledger
    empty_rows: int = 0
    refused_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    refused: bool = False  # nothing of this form was taken

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def form_files(paths: list[Path]) -> list[Path]:
    """The files to collect: each file named, and the .xlsx/.csv files of each folder
    (sorted; Excel's ~$ lock files left out)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.is_file()
                          and f.suffix.lower() in (".xlsx", ".csv")
                          and not f.name.startswith(("~$", ".~lock")))
        else:
            out.append(p)
    return out


def read_forms(path: Path) -> list[ReturnedForm]:
    """The forms in one file (a workbook may hold one per sheet)."""
    display = path.name
    if not path.exists():
        raise DataError([Problem("missing-file", "file not found", str(path))])
    if not path.is_file():  # a FIFO or a device would block the reader
        raise DataError([Problem("unreadable-file", "cannot read file: not a regular file",
                                 str(path), hint="check that this is the right file")])
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, display)
    return [_read_csv(path, display)]


def _read_xlsx(path: Path, display: str) -> list[ReturnedForm]:
    wb = open_workbook(path, display)
    forms = []
    code_col = len(COLUMNS)
    for ws in wb.worksheets:
        id_text = ""
        rows = []
        # a sheet whose used range claims a million rows is read up to what a form can hold
        for r, cells in enumerate(ws.iter_rows(max_row=MAX_ROWS, max_col=code_col), start=1):
            if r == 1 and len(cells) == code_col:
                id_text = _text(cells[-1].value)
            if r <= HEADER_ROW:
                continue
            values: dict[str, object] = {}
            for name, cell in zip(COLUMNS, cells, strict=False):
                value = cell.value
                if name == "percent" and isinstance(value, (int, float)) \
                        and "%" in (cell.number_format or ""):
                    value = f"{value * 100:.6g}"  # a cell formatted as percent holds 0.6
                values[name] = value
            if any(_text(v) for v in values.values()):
                rows.append((r, values))
        where = display if len(wb.worksheets) == 1 else f"{display}[{ws.title}]"
        forms.append(ReturnedForm(where, parse_form_id(id_text), rows, id_text))
    wb.close()
    if len(forms) > 1:  # sheets a unit added (notes, a copy) are not forms: leave them
        forms = [f for f in forms if f.form_id is not None] or forms[:1]
    return forms


def _read_csv(path: Path, display: str) -> ReturnedForm:
    text, problems = read_text(path, display, MAX_CSV_BYTES, gbk=True)
    if text is None:
        raise DataError(problems)
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    try:
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError([Problem("csv-syntax", f"malformed CSV: {exc}", display, start,
                                 hint="check the quotes on this row")]) from None
    id_text = records[0][1][0].strip() if records and records[0][1] else ""
    rows = []
    for line, record in records[2:]:
        values = {name: (record[i] if i < len(record) else "") for i, name in
                  enumerate(COLUMNS)}
        if any(v.strip() for v in record):
            rows.append((line, dict(values)))
    return ReturnedForm(display, parse_form_id(id_text), rows, id_text)


def _clean(value: object) -> str:
    """A cell as text: full-width digits, letters and signs (６０％) made plain, invisible
    characters (zero-width spaces, a BOM pasted from elsewhere) dropped."""
    text = unicodedata.normalize("NFKC", _text(value))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


def _status(text: str) -> str:
    word = text.replace(" ", "").replace("\u3000", "")
    if word in STATUS_WORDS:
        return STATUS_WORDS[word]
    return _ENGLISH_STATUS.get(text.lower().strip(), text.lower().strip())


def _date(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return normalise_date(value)
    return normalise_date(_clean(value))


class FormChecker:
    """Checks returned forms against one plan, period and day."""

    def __init__(self, plan: Plan, period: str, period_start: dt.date, deadline: dt.date,
                 today: dt.date):
        self.plan, self.period, self.today = plan, period, today
        self.period_start, self.deadline = period_start, deadline
        self.key = plan_key(plan.plan.doc_number, plan.plan.title)
        self.entries = EntryChecker(plan, today)
        self.measures = {m.id: m for m in plan.measures}

    def check(self, form: ReturnedForm) -> FormResult:
        """The form's accepted entries and every problem; ``refused`` when nothing of it
        can be taken (it is not a form of this plan and period, or its rows were changed)."""
        result = FormResult(form.display, form.form_id.unit if form.form_id else None)
        whole = self._whole(form)
        if whole:
            result.problems, result.refused = whole, True
            return result
        for line, cells in form.rows:
            self._row(form, line, cells, result)
        return result

    def _whole(self, form: ReturnedForm) -> list[Problem]:
        fid, where = form.form_id, form.display
        if fid is None:
            return [Problem("not-a-form", "no pucli form id in this file", where,
                            hint="collect the forms made by `pucli forms`, returned as they "
                                 "were sent (the id is in the hidden column L)")]
        if fid.plan != self.key:
            return [Problem("form-other-plan", "the form belongs to another plan", where,
                            hint="collect it with --data pointing at the plan it was made for")]
        if fid.period != self.period:
            return [Problem("form-other-period",
                            f"the form is for {fid.period}, not {self.period}", where,
                            hint=f"collect it with --period {fid.period}")]
        if fid.unit not in self.plan.unit_index():
            return [Problem("unknown-unit", f"unknown unit '{fid.unit}'", where,
                            hint="see `pucli units` for the registry")]
        codes = [_text(cells.get("code")) for _line, cells in form.rows
                 if _text(cells.get("code"))]
        if not fid.matches(codes):
            return [Problem("form-altered", f"the form was sent with {fid.rows} rows; rows "
                            "were added, removed or moved", where,
                            hint="fill in the form as sent: ask for a new form with "
                                 "`pucli forms --unit` if it was damaged")]
        return []

    def _row(self, form: ReturnedForm, line: int, cells: dict[str, object],
             result: FormResult) -> None:
        assert form.form_id is not None
        code = _text(cells.get("code"))
        identity = tuple(_text(cells.get(c)) for c in IDENTIFYING)
        measure_text = code.split("-")[0]
        inputs = {c: cells.get(c) for c in INPUTS}
        problems: list[Problem] = []
        if not code:  # typed below the table, or into a row inserted in it
            if any(_clean(v) for v in inputs.values()):
                result.problems.append(self._at(form, line, None, Issue(
                    "measure", "not-on-form", "this row is not one of the form's items",
                    "report on the items listed; an item missing from the form is added to "
                    "the plan first")))
                result.refused_rows += 1
            return
        if row_code(int(measure_text) if measure_text.isdigit() else 0,
                                identity) != code:
            column = "measure" if identity[1] != measure_text else None
            measure = self.measures.get(int(measure_text)) if measure_text.isdigit() else None
            if column is None and measure is not None and identity[2] not in (
                    measure.title, measure.title_en):
                column = "title"
            problems.append(self._at(form, line, column, Issue(
                column or "measure", "identity-changed",
                "an identifying cell of this row was changed",
                "identifying cells are locked: restore the row as sent, or ask for a new form "
                "with `pucli forms --unit`")))
        if not any(_clean(v) for v in inputs.values()):
            result.empty_rows += 1
            if problems:
                result.problems += problems
                result.refused_rows += 1
            return
        values = {"measure": measure_text, "unit": form.form_id.unit,
                  "note": _text(inputs["note"]), "evidence": _text(inputs["evidence"]),
                  "percent": _clean(inputs["percent"]).removesuffix("%").strip()}
        status_text = _clean(inputs["status"])
        date_text = _date(inputs["date"]) if _clean(inputs["date"]) else ""
        values["date"] = date_text or min(self.today, self.deadline).isoformat()
        if not status_text:
            problems.append(self._at(form, line, "status", Issue(
                "status", "missing-status", "the row is filled in but has no status",
                "pick a status from the list: " + CHOICES)))
            values["status"] = "in_progress"  # checked below for the other columns only
        else:
            values["status"] = _status(status_text)
            if values["status"] not in STATUSES:
                problems.append(self._at(form, line, "status", Issue(
                    "status", "unknown-status", f"'{status_text}' is not one of the choices",
                    "pick a status from the list: " + CHOICES)))
                values["status"] = "in_progress"
        entry, issues = self.entries.check(values, line)
        problems += [self._at(form, line, i.column, i) for i in issues]
        if entry is not None and entry.date < self.period_start:
            problems.append(self._at(form, line, "date", Issue(
                "date", "date-before-period",
                f"report dated {entry.date}, before the period {self.period} began "
                f"({self.period_start})", "check the year and month of the report date")))
        result.problems += problems
        if any(p.is_error for p in problems) or entry is None:
            result.refused_rows += 1
        else:
            result.accepted.append(entry)

    def _at(self, form: ReturnedForm, line: int, column: str | None, issue: Issue) -> Problem:
        path = f"row {line}" + (f", {column} column" if column else "")
        return Problem(issue.code, issue.message, form.display, line, None, path, issue.hint,
                       issue.severity)  # type: ignore[arg-type]


def collect_form(datadir: DataDir, plan: Plan, checker: FormChecker, form: ReturnedForm,
                 partial: bool, dry_run: bool, file_name: str) -> FormResult:
    """Check one form and append what it may add (see the module docstring)."""
    result = checker.check(form)
    if result.refused or (result.errors and not partial):
        result.refused = True
        return result
    # the ledger is checked as on the real today: --as-of only dates the collection
    result.appended, result.skipped = append_entries(
        datadir, plan, result.accepted, dt.date.today(), checker.period_start, dry_run)
    filled = result.accepted or result.refused_rows
    if not dry_run and result.unit is not None and filled:  # an empty form reports nothing
        append_events(datadir, [Event(checker.period, result.unit, "returned",
                                      checker.today, file_name, form.id_text)])
    return result
