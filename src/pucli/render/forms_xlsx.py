"""Reporting forms as .xlsx (one per unit, or one sheet per unit) and as CSV.

Layout of a form sheet (rows 1–4 the header, :data:`HEADER_ROW` the column headings, one
row per open item below): the identifying columns and the last report are grey and
locked; status (a dropdown), percent (0–100), progress, evidence and report date are
open. The sheet is protected *without a password*: the lock stops slips (a sorted sheet,
a cell typed over), not people, and an office that must correct a form can unprotect it
(审阅 → 撤销工作表保护) — pucli then still sees any changed identifying cell by its check
code. The hidden column L holds the form id (L1) and each row's check code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pucli.compute.forms import FormDraft
from pucli.i18n import is_english, t, title_of
from pucli.models.forms import COLUMNS, HEADINGS, Form, FormRow, plan_key
from pucli.models.plan import Plan
from pucli.render import labels as lb
from pucli.render.problems import cell_width

HEADER_ROW = 5  # column headings; the header above, the items below
STATUS_CHOICES = ("未开始", "推进中", "已完成", "受阻")
_WIDTH_CAP = {"title": 36, "due": 28, "last": 22, "note": 36, "evidence": 22}
_MIN_WIDTH = {"status": 10, "percent": 9, "note": 30, "evidence": 18, "date": 13}
_GREY = "EDEDED"


def word_form(plan: Plan, draft: FormDraft) -> Form:
    """The draft worded in the current language, with its check codes."""
    rows = []
    for seq, item in enumerate(draft.items, start=1):
        due = []
        if item.due is not None:
            due.append(str(item.due) if item.due == item.original_due else
                       t(f"{item.due}（原定 {item.original_due}）",
                         f"{item.due} (first {item.original_due})"))
        due += [t(f"节点：{ms.title} {ms.effective_due}", f"milestone: {ms.title} "
                  f"{ms.effective_due}") for ms in item.milestones]
        last = ""
        if item.latest is not None:
            pct = "" if item.latest.percent is None else f" {item.latest.percent:g}%"
            last = t(f"{lb.status_label(item.latest.status)}{pct}（{item.latest.date}）",
                     f"{lb.status_label(item.latest.status)}{pct} ({item.latest.date})")
        title = (item.title_en or item.title) if is_english() else item.title
        rows.append(FormRow(seq, item.measure, title, t("牵头", "lead") if item.lead
                            else t("配合", "shared"), t("；", "; ").join(due), last))
    info = plan.plan
    return Form(plan_key(info.doc_number, info.title), title_of(info), info.doc_number or "",
                draft.unit, draft.period.label, draft.period.start, draft.period.end,
                draft.deadline, draft.as_of, rows)


def instructions() -> str:
    return t("填写说明：1. 每行填写状态（下拉选择：未开始、推进中、已完成、受阻）、进度（0–100 的"
             "数字）、进展情况、佐证材料（文号、链接等）和报送日期（如 2025-03-25；不填按报送"
             "截止日或收回当天计）。2. 灰色列已锁定，请勿改动；锁定不设密码，只为防止误改。"
             "3. 本期没有进展的事项可以留空。4. 填好后按原文件名、原格式发回。",
             "How to fill in: 1. For each item give the status (pick from the list), the "
             "percent done (a number 0–100), what was done, the evidence (document number, "
             "link …) and the report date (e.g. 2025-03-25; if left empty, the return deadline "
             "or the day it is collected). 2. Grey columns are locked: do not change them; "
             "the lock has no password, it only prevents slips. 3. Leave an item empty if "
             "nothing happened this period. 4. Send the file back under its name and format.")


def header_lines(form: Form) -> list[str]:
    """The title and the line under it (plan, unit, period, deadline)."""
    doc = f"{form.doc_number}    " if form.doc_number else ""
    return [t(f"{form.plan_title} 推进情况填报表", f"{form.plan_title}: progress report form"),
            t(f"{doc}填报单位：{form.unit}    报送期：{form.period}（{form.period_start} 至 "
              f"{form.period_end}）    报送截止：{form.deadline}",
              f"{doc}Unit: {form.unit}    Period: {form.period} ({form.period_start} to "
              f"{form.period_end})    Return by: {form.deadline}")]


def headings() -> list[str]:
    return [t(*HEADINGS[c]) for c in COLUMNS]


def row_cells(row: FormRow) -> list[object]:
    return [row.seq, row.measure, row.title, row.role, row.due, row.last,
            None, None, None, None, None, row.code]


def write_forms_xlsx(path: Path, forms: Sequence[Form]) -> None:
    """One workbook, one sheet per form (sheet name = the unit's name)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for form in forms:
        _sheet(wb, form)
    wb.save(path)


def _sheet(wb, form: Form) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(sheet_title(form.unit, wb.sheetnames))
    last_col = get_column_letter(len(COLUMNS) - 1)  # K: the code column L is hidden
    title, line = header_lines(form)
    for r, (text, font, height) in enumerate(
            ((title, Font(bold=True, size=14), 24), (line, Font(size=10), 18),
             (instructions(), Font(size=9), 54)), start=1):
        ws.cell(r, 1, text).font = font
        ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="center",
                                            horizontal="center" if r == 1 else "left")
        ws.merge_cells(f"A{r}:{last_col}{r}")
        ws.row_dimensions[r].height = height
    code_col = len(COLUMNS)
    ws.cell(1, code_col, form.form_id)
    grey = PatternFill("solid", fgColor=_GREY)
    for c, name in enumerate(headings(), start=1):
        cell = ws.cell(HEADER_ROW, c, name)
        cell.font = Font(bold=True)
        cell.fill = grey
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _border()
    styles = _styles(wb)
    kinds = ["locked"] * len(COLUMNS)
    for name in ("status", "percent", "note", "evidence", "date"):
        kinds[COLUMNS.index(name)] = {"percent": "percent", "date": "date"}.get(name, "input")
    for i, row in enumerate(form.rows):
        r = HEADER_ROW + 1 + i
        for c, value in enumerate(row_cells(row), start=1):
            cell = ws.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the plan's text starts with
            cell.style = styles[kinds[c - 1]]  # one named style: far cheaper than four
    if form.rows:
        _validations(ws, DataValidation, HEADER_ROW + 1, HEADER_ROW + len(form.rows))
    _widths(ws, form)
    ws.column_dimensions[get_column_letter(code_col)].hidden = True
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:{last_col}{max(HEADER_ROW + len(form.rows), HEADER_ROW)}"
    ws.protection.sheet = True  # no password: see the module docstring
    ws.protection.formatColumns = ws.protection.formatRows = False  # widths may change


def _border():
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="999999")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def _styles(wb) -> dict[str, str]:
    """Named styles of the item cells (added to the workbook once)."""
    from openpyxl.styles import Alignment, NamedStyle, PatternFill, Protection

    names = {"locked": "pucli-locked", "input": "pucli-input", "percent": "pucli-percent",
             "date": "pucli-date"}
    if names["locked"] in wb.named_styles:
        return names
    for kind, name in names.items():
        style = NamedStyle(name)
        style.alignment = Alignment(wrap_text=True, vertical="top")
        style.border = _border()
        if kind == "locked":
            style.fill = PatternFill("solid", fgColor=_GREY)
        else:
            style.protection = Protection(locked=False)
        style.number_format = {"percent": "0", "date": "yyyy-mm-dd"}.get(kind, "General")
        wb.add_named_style(style)
    return names


def _validations(ws, DataValidation, first: int, last: int) -> None:
    from openpyxl.utils import get_column_letter

    def col(name: str) -> str:
        letter = get_column_letter(COLUMNS.index(name) + 1)
        return f"{letter}{first}:{letter}{last}"

    status = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"',
                            allow_blank=True, showErrorMessage=True)
    status.errorTitle = t("状态", "Status")
    status.error = t("请从下拉列表选择：", "Pick one of: ") + "、".join(STATUS_CHOICES)
    percent = DataValidation(type="decimal", operator="between", formula1="0",
                             formula2="100", allow_blank=True, showErrorMessage=True)
    percent.errorTitle = t("进度", "Percent")
    percent.error = t("进度填 0 到 100 之间的数字，例如 60", "A number from 0 to 100, e.g. 60")
    status.add(col("status"))
    percent.add(col("percent"))
    ws.add_data_validation(status)
    ws.add_data_validation(percent)


def _widths(ws, form: Form) -> None:
    from openpyxl.utils import get_column_letter

    cells = [headings()] + [[str(v) for v in row_cells(r)] for r in form.rows]
    for i, name in enumerate(COLUMNS[:-1]):
        width = max(cell_width(str(row[i])) for row in cells if row[i] != "None")
        width = min(max(width + 2, _MIN_WIDTH.get(name, 6)), _WIDTH_CAP.get(name, 60))
        ws.column_dimensions[get_column_letter(i + 1)].width = width


def sheet_title(unit: str, taken: Sequence[str]) -> str:
    """An Excel sheet name for ``unit``: 31 characters, none of : \\ / ? * [ ], unique."""
    base = "".join("_" if ch in ":\\/?*[]" else ch for ch in unit)[:31] or "form"
    name, n = base, 2
    while name in taken:
        name = f"{base[:28]}({n})"
        n += 1
    return name


def file_stem(unit: str) -> str:
    """A file name for ``unit``'s form: the unit's name, without path separators."""
    stem = "".join("_" if ch in '/\\:*?"<>|\0' or ord(ch) < 32 else ch for ch in unit)
    return stem.strip(". ") or "form"


def form_csv(form: Form) -> str:
    """The form as CSV: the form id on the first line, the headings, one row per item.

    Written with a UTF-8 byte-order mark and CRLF line ends, so that Excel/WPS on Windows
    open it with the Chinese intact.
    """
    from pucli.loading.csvfile import format_row
    from pucli.render.export import to_csv

    body = to_csv(headings(), [row_cells(r) for r in form.rows], excel=True)
    first = format_row([form.form_id]).replace("\n", "\r\n")
    return "\ufeff" + first + body.removeprefix("\ufeff")
