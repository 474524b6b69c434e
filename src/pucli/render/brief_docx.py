"""The brief as a Word document (.docx, opens in Word and WPS): real tables, the chart as
a picture. Needs python-docx: ``pip install 'pucli[docx]'``."""

from __future__ import annotations

import io
from pathlib import Path

from pucli.problems import DataError, Problem
from pucli.render.brief_blocks import Block, Bullets, Chart, Heading, Paragraph, TableBlock

EAST_ASIAN_FONT = "宋体"  # SimSun: present on every Chinese Windows; WPS maps it too


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
    """Write ``blocks`` to ``path`` as .docx."""
    docx = _docx()
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    for b in blocks:
        if isinstance(b, Heading):
            doc.add_heading(b.text, level=min(b.level, 3) if b.level > 1 else 0)
        elif isinstance(b, Paragraph):
            doc.add_paragraph(b.text)
        elif isinstance(b, Bullets):
            for item in b.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(b, TableBlock):
            table = doc.add_table(rows=1, cols=len(b.columns))
            table.style = "Table Grid"
            for cell, name in zip(table.rows[0].cells, b.columns, strict=True):
                cell.text = name
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in b.rows:
                cells = table.add_row().cells
                for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
                    cell.text = text
                    if i in b.numeric:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif isinstance(b, Chart) and chart_png:
            doc.add_picture(io.BytesIO(chart_png), width=Cm(16))
            doc.add_paragraph(b.alt).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.save(str(path))
