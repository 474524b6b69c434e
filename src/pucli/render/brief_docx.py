"""The brief as a Word document (.docx, opens in Word and WPS) in the format of Chinese
official documents (GB/T 9704-2012, see :mod:`pucli.render.docx_official`): real tables
with fitted columns and a header row repeated on every page, the chart as a picture, each
annex (附件) on a new page. Needs python-docx: ``pip install 'pucli[docx]'``."""

from __future__ import annotations

import io
import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from pucli.i18n import is_english, t
from pucli.problems import DataError, Problem
from pucli.render import docx_official as gb
from pucli.render.brief_blocks import (
    Annex,
    Block,
    Bullets,
    Chart,
    Heading,
    Paragraph,
    TableBlock,
)
from pucli.render.clean import clean_blocks, xml_text

CELL_PAD = 2 * 108 + 30  # Word's default cell margins (108 twips a side) and some slack
CHART_WIDTH = 0.8  # of the text width
MIN_TEXT_EMS = 4  # a column of wrapping text is never narrower than four characters


def _docx():
    try:
        import docx
    except ImportError:
        raise DataError([Problem(
            "missing-extra", "writing .docx needs the python-docx package", "--format",
            hint="install it with: pip install 'pucli[docx]'  (or choose --format html)")],
        ) from None
    return docx


def write_docx(blocks: list[Block], chart_png: bytes | None, path: Path) -> None:
    """Write ``blocks`` to ``path`` as .docx (through a temporary file, so a failed write
    leaves an earlier file whole)."""
    docx = _docx()
    doc = docx.Document()
    gb.setup_page(doc)
    gb.setup_styles(doc)
    first = True
    for b in clean_blocks(blocks, xml_text):
        if not is_english() and isinstance(b, (Heading, Paragraph, Bullets, Annex)):
            b = clean_blocks([b], gb.running_dates)[0]  # tables keep ISO dates
        _add(doc, b, chart_png, first)
        first = False
    fd, tmp = tempfile.mkstemp(prefix=".pucli-", suffix=".docx", dir=path.parent or ".")
    os.close(fd)
    try:
        doc.save(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _add(doc: Any, b: Block, chart_png: bytes | None, first: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Twips

    if isinstance(b, Heading):
        if b.level <= 1:
            _title(doc, b.text)
            doc.add_paragraph("")  # §7.3.3: a blank line under the title
        else:
            doc.add_paragraph(b.text, style="GB Heading 1" if b.level == 2 else "GB Heading 2")
    elif isinstance(b, Paragraph):
        _paragraph(doc, b)
    elif isinstance(b, Bullets):
        for item in b.items:  # official documents indent items; they carry no bullet glyph
            doc.add_paragraph(item)
    elif isinstance(b, TableBlock):
        _table(doc, b)
    elif isinstance(b, Annex):
        mark = doc.add_paragraph(style="GB Annex Mark")
        mark.add_run().add_break(WD_BREAK.PAGE)
        mark.add_run(t(f"附件{b.number}", f"Annex {b.number}"))
        _title(doc, b.title)
    elif isinstance(b, Chart) and chart_png:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        gb.first_line_chars(p._p, 0)
        gb.no_grid(p)
        # the chart carries its own title, so no caption line; narrower than the text so
        # that it more often fits under the headline on the first page
        pic = p.add_run().add_picture(io.BytesIO(chart_png),
                                      width=Twips(int(gb.text_width_twips() * CHART_WIDTH)))
        pic._inline.docPr.set("descr", b.alt)


# Endings a long title is broken before, so each line keeps whole words (§7.3.3).
TITLE_ENDINGS = ("工作简报", "终期评估报告", "终期评估")
TITLE_LINE_EMS = 19  # a 二号 line on the 156 mm text width holds 20 characters


def _title(doc: Any, text: str) -> None:
    """The title in 小标宋 二号, centred, a blank line under it; a long title breaks
    before its ending (…实施方案 / 工作简报) rather than mid-word."""
    lines = [text]
    if text_ems(text) > TITLE_LINE_EMS:
        for ending in TITLE_ENDINGS:
            if text.endswith(ending) and len(text) > len(ending):
                lines = [text[: -len(ending)], ending]
                break
    p = doc.add_paragraph(lines[0], style="GB Title")
    for line in lines[1:]:
        run = p.add_run()
        run.add_break()
        run.add_text(line)
    doc.add_paragraph("")


def _paragraph(doc: Any, b: Paragraph) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    lines = b.text.split("\n")
    p = doc.add_paragraph(lines[0])
    for line in lines[1:]:
        run = p.add_run()
        run.add_break()
        run.add_text(line)
    if b.centered:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        gb.first_line_chars(p._p, 0)
    if b.hanging:
        # §7.3.6 附件说明: later lines align with the first annex name
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        ind = p._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:leftChars"), str((2 + b.hanging) * 100))
        ind.set(qn("w:left"), str((2 + b.hanging) * gb.BODY_PT * 20))
        ind.set(qn("w:hangingChars"), str(b.hanging * 100))
        ind.set(qn("w:hanging"), str(b.hanging * gb.BODY_PT * 20))
        for attr in ("w:firstLineChars", "w:firstLine"):
            ind.attrib.pop(qn(attr), None)
        ind.set(qn("w:firstLineChars"), "0")


def text_ems(text: str) -> float:
    """Width of ``text`` in ems of a CJK font: wide characters 1, others ½ (the longest
    line when it has several)."""
    return max((sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in line)
                for line in text.split("\n")), default=0.0)


def _longest_token(text: str) -> float:
    """The widest run that cannot wrap: Latin words, numbers, dates (CJK text wraps
    between any two characters)."""
    widest, run = 0.0, 0.0
    for c in text:
        if c.isspace() or unicodedata.east_asian_width(c) in "WF":
            widest, run = max(widest, run), 0.0
        else:
            run += 0.5
    return max(widest, run)


def _parts(text: str) -> list[str]:
    """A cell that must not wrap, in the pieces it may be set on two lines as: a figure
    and its parenthesis (``+160,002（+1.3%）``)."""
    for mark in ("（", " ("):
        head, sep, tail = text.partition(mark)
        if sep and head:
            return [head, sep.strip() + tail]
    return [text]


def _want_need(table: TableBlock, pt: float, split: bool = False,
               ) -> tuple[list[float], list[float]]:
    """Per column, in twips at ``pt``: the width that wraps nothing, and the narrowest
    that breaks no number, date or word (text columns: at least four characters); with
    ``split``, a figure and its parenthesis may take two lines (:func:`_parts`)."""
    em = pt * 20
    want, need = [], []
    for i, name in enumerate(table.columns):
        cells = [row[i] for row in table.rows]
        data = max((text_ems(c) for c in cells), default=0.0)
        head = text_ems(name)
        head_min = max(_longest_token(name), min(head, 2.0))  # a header may wrap
        want.append(max(data, head) * em + CELL_PAD)
        if table.keeps_whole(i):
            if split:
                data = max((text_ems(x) for c in cells for x in _parts(c)), default=0.0)
            need.append(max(data, head_min) * em + CELL_PAD)
        else:
            token = max([_longest_token(c) for c in cells] + [head_min])
            need.append(max(min(max(data, head), MIN_TEXT_EMS), token) * em + CELL_PAD)
    return want, need


def column_widths(table: TableBlock, total: int, pt: float) -> list[int]:
    """Column widths in twips that fit the content into ``total``: every column as wide
    as its longest cell when that fits; otherwise columns of numbers, dates and codes keep
    their full width and the text columns share the rest, in proportion to what they
    would need, never narrower than four characters or their longest word. When even
    that does not fit, a figure and its parenthesis may take two lines."""
    want, need = _want_need(table, pt)
    if sum(need) > total:  # rather a figure over its parenthesis than a cut number
        want, need = _want_need(table, pt, split=True)
    if sum(want) <= total:
        spare = total - sum(want)
        widths = [w + spare * w / sum(want) for w in want]
    elif sum(need) <= total:
        spare = total - sum(need)
        room = sum(w - m for w, m in zip(want, need, strict=True))
        widths = [m + spare * (w - m) / room for w, m in zip(want, need, strict=True)]
    else:
        widths = [m * total / sum(need) for m in need]
    return [int(w) for w in widths]


def table_font_size(table: TableBlock, total: int) -> float:
    """小四, or 五号 for a table whose numbers and words would not fit at 小四, or whose
    text would wrap much (more than a quarter wider than the page)."""
    want, need = _want_need(table, gb.TABLE_PT)
    fits = sum(need) <= total and sum(want) <= total * 1.25
    return gb.TABLE_PT if fits else gb.SMALL_TABLE_PT


def _table(doc: Any, b: TableBlock) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt

    total = gb.text_width_twips()
    pt = table_font_size(b, total)
    widths = column_widths(b, total, pt)
    table = doc.add_table(rows=1 + len(b.rows), cols=len(b.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_layout(table, widths)
    keep = [b.keeps_whole(i) for i in range(len(b.columns))]
    for r, values in enumerate([b.columns, *b.rows]):
        row = table.rows[r]
        _row_flags(row, header=r == 0)
        for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            if keep[i] and r > 0 and text_ems(text) * pt * 20 + CELL_PAD > widths[i]:
                text = "\n".join(_parts(text))  # too narrow for one line: break before "（"
            _cell(cell, text, widths[i], pt, header=r == 0, right=i in b.numeric and r > 0,
                  nowrap=keep[i] and r > 0)
    # a paragraph after each table keeps two tables apart
    gap = doc.add_paragraph()
    gb.no_grid(gap)
    gap.paragraph_format.line_spacing = Pt(8)


def _fixed_layout(table: Any, widths: list[int]) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Twips

    table.autofit = False  # w:tblLayout fixed: Word keeps the widths given
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(sum(widths)))
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Twips(w)


def _row_flags(row: Any, header: bool) -> None:
    """No row split across pages; the header row repeated at the top of every page."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()  # its children are a choice: any order is valid
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _cell(cell: Any, text: str, width: int, pt: float, *, header: bool, right: bool,
          nowrap: bool) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt, Twips

    cell.width = Twips(width)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if nowrap:
        tc_pr = cell._tc.get_or_add_tcPr()
        tc_pr.insert_element_before(OxmlElement("w:noWrap"), *gb.AFTER_NOWRAP)
    p = cell.paragraphs[0]
    gb.no_grid(p)
    gb.first_line_chars(p._p, 0)
    p.alignment = (WD_ALIGN_PARAGRAPH.CENTER if header else WD_ALIGN_PARAGRAPH.RIGHT
                   if right else WD_ALIGN_PARAGRAPH.LEFT)
    lines = text.split("\n")
    for n, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size = Pt(pt)
        gb.set_fonts(run._r, "heading1" if header else "body")
        if n < len(lines) - 1:
            run.add_break()
