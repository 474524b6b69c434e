"""The page of a Chinese official document (GB/T 9704-2012 党政机关公文格式) in python-docx:
A4, the margins, the 22 × 28 line grid, the fonts, the heading styles and the "— 1 —"
page numbers. :mod:`pucli.render.brief_docx` lays the brief out on it.

Font names are the ones county offices install (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312)
and are set as East Asian names (``w:eastAsia``), which is what Word and WPS use for
Chinese text. Where a font is missing, each carries a stated fallback: the font table
lists it as the font's ``w:altName`` (Word substitutes it) and marks the font as a GB2312
(charset 86) face, so any substitute is a Chinese font of the same family class.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

# GB/T 9704-2012 §5.2.1–5.2.2: A4; 版心 156 mm × 225 mm; top margin 37 mm, left 28 mm,
# hence bottom 297 − 37 − 225 = 35 mm and right 210 − 28 − 156 = 26 mm.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
LINES, CHARS = 22, 28  # §5.2.3: 22 lines of 28 characters
TWIPS_PER_MM = 1440 / 25.4

# Sizes in points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5.
TITLE_PT, BODY_PT, FOOTER_PT, TABLE_PT, SMALL_TABLE_PT = 22, 16, 14, 12, 10.5

# role: (font offices use, stated fallback, family class for the font table)
FONTS = {
    "title": ("方正小标宋简体", "宋体", "roman"),  # 小标宋
    "body": ("仿宋_GB2312", "仿宋", "modern"),  # 仿宋
    "heading1": ("黑体", "SimHei", "modern"),  # 一、
    "heading2": ("楷体_GB2312", "楷体", "script"),  # （一）
    "number": ("宋体", "SimSun", "roman"),  # page numbers: 半角宋体
}
LATIN_FONT = "Times New Roman"  # digits and Latin letters


_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_WIDE = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # CJK ideographs and punctuation
_SPACE_AFTER = re.compile(rf"(?<=\d日) (?=[{_WIDE}])")
_SPACE_BEFORE = re.compile(rf"(?<=[{_WIDE}]) (?=\d{{4}}年\d{{1,2}}月\d{{1,2}}日)")


def running_dates(text: str) -> str:
    """Dates in running text as official documents write them (§7.3.5 成文日期 and
    common practice: Arabic numerals, no leading zeros): ``2025-04-15`` → ``2025年4月15日``.
    The space that kept an ISO date apart from Chinese text goes with it. Tables keep
    ISO dates, which are narrower and sort."""
    text = _ISO_DATE.sub(_chinese_date, text)
    return _SPACE_BEFORE.sub("", _SPACE_AFTER.sub("", text))


def _chinese_date(m: re.Match[str]) -> str:
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return m[0]  # not a date (2025-13-99): as written
    return f"{day.year}年{day.month}月{day.day}日"


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def text_width_twips() -> int:
    return twips(PAGE_MM[0]) - twips(MARGINS_MM["left"]) - twips(MARGINS_MM["right"])


def line_pitch() -> int:
    """The line grid's pitch in twips: 22 lines fill the text height."""
    height = twips(PAGE_MM[1]) - twips(MARGINS_MM["top"]) - twips(MARGINS_MM["bottom"])
    return height // LINES


def char_spacing() -> int:
    """Character spacing (twentieths of a point, negative) that puts 28 characters of 三号
    on a 156 mm line.

    Why not Word's character grid (``w:type="linesAndChars"`` with a negative
    ``w:charSpace``)? LibreOffice lays a 16 pt character on such a grid over two cells,
    which halves the characters per line; a line grid with tightened characters gives 28
    a line in Word, WPS and LibreOffice alike."""
    char_pt = text_width_twips() / 20 / CHARS
    return math.floor((char_pt - BODY_PT) * 20)


def set_fonts(element: Any, role: str) -> None:
    """Set the run fonts of ``element`` (a style, a run) to ``role``: the East Asian name
    and Times New Roman for Latin text; theme fonts, which would override them, removed."""
    from docx.oxml.ns import qn

    fonts = _child(element.get_or_add_rPr(), "w:rFonts")
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), FONTS[role][0])


# Children that must come after a given one (the OOXML schema orders them, and Word
# refuses a file whose elements are out of order).
_AFTER = {
    "w:snapToGrid": ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                     "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                     "w:sectPr", "w:pPrChange"),
    "w:rFonts": ("w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
                 "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
                 "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w",
                 "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                 "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em",
                 "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:noWrap": ("w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
                 "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange"),
    "w:docGrid": ("w:printerSettings", "w:sectPrChange"),
}
AFTER_NOWRAP = _AFTER["w:noWrap"]
_AFTER["w:spacing"] = _AFTER["w:rFonts"][_AFTER["w:rFonts"].index("w:w"):]
_AFTER["w:sz"] = _AFTER["w:rFonts"][_AFTER["w:rFonts"].index("w:szCs"):]
_AFTER["w:szCs"] = _AFTER["w:rFonts"][_AFTER["w:rFonts"].index("w:highlight"):]
_AFTER["w:lang"] = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER["w:rPrDefault"] = ("w:pPrDefault",)
_AFTER["w:rPr"] = ()  # last in a w:rPrDefault
_AFTER["w:pPr"] = ()


def _child(parent: Any, tag: str) -> Any:
    """``parent``'s ``tag`` child, added in its schema place when missing."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert_element_before(found, *_AFTER.get(tag, ())) \
            if hasattr(parent, "insert_element_before") else parent.append(found)
    return found


def setup_page(doc: Any) -> None:
    """A4, the margins and the line grid on every section; even/odd page numbers."""
    from docx.oxml.ns import qn
    from docx.shared import Mm, Twips

    for section in doc.sections:
        section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        section.top_margin = Twips(twips(MARGINS_MM["top"]))
        section.bottom_margin = Twips(twips(MARGINS_MM["bottom"]))
        section.left_margin = Twips(twips(MARGINS_MM["left"]))
        section.right_margin = Twips(twips(MARGINS_MM["right"]))
        # §7.5: the page number sits about 7 mm below the text: its line starts there
        section.footer_distance = Mm(MARGINS_MM["bottom"] - 7 - 6)
        section.header_distance = Mm(15)
        docgrid = _child(section._sectPr, "w:docGrid")
        docgrid.set(qn("w:type"), "lines")
        docgrid.set(qn("w:linePitch"), str(line_pitch()))
        docgrid.attrib.pop(qn("w:charSpace"), None)
        _page_numbers(doc, section)


def _page_numbers(doc: Any, section: Any) -> None:
    """§7.5: "— 1 —" in 四号 半角宋体, odd pages at the right and even pages at the left,
    each one character in from the edge of the text."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = align
        fmt = p.paragraph_format
        fmt.right_indent = Pt(FOOTER_PT) if align == WD_ALIGN_PARAGRAPH.RIGHT else None
        fmt.left_indent = Pt(FOOTER_PT) if align == WD_ALIGN_PARAGRAPH.LEFT else None
        no_grid(p)
        _run(p, "— ")
        _page_field(p)
        _run(p, " —")


def _run(p: Any, text: str) -> Any:
    from docx.shared import Pt

    run = p.add_run(text)
    run.font.size = Pt(FOOTER_PT)
    set_fonts(run._r, "number")
    return run


def _page_field(p: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        run = _run(p, "")
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def no_grid(paragraph: Any) -> None:
    """Take a paragraph off the document grid (tables, footers, pictures), so that it is
    as tall as its own font rather than one 29-point grid line per line."""
    from docx.oxml.ns import qn

    _child(paragraph._p.get_or_add_pPr(), "w:snapToGrid").set(qn("w:val"), "0")


def setup_styles(doc: Any) -> None:
    """Normal (仿宋 三号, justified, two-character indent), the title, the two heading
    levels and the annex mark, with fonts in the font table and Chinese as the East
    Asian language."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    _defaults(_child(doc.styles.element, "w:docDefaults"))
    normal = doc.styles["Normal"]
    set_fonts(normal.element, "body")
    normal.font.size = Pt(BODY_PT)
    _child(normal.element.get_or_add_rPr(), "w:spacing").set(qn("w:val"), str(char_spacing()))
    lang = _child(normal.element.get_or_add_rPr(), "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    pf = normal.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.widow_control = False  # a grid document counts lines; Chinese text has no widows
    first_line_chars(normal.element, 2)

    def style(name: str, role: str, size: float, outline: int | None = None) -> Any:
        s = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = normal
        s.font.size = Pt(size)
        set_fonts(s.element, role)
        s.paragraph_format.keep_with_next = True
        if outline is not None:
            s.element.get_or_add_pPr().get_or_add_outlineLvl().set(qn("w:val"), str(outline))
        return s

    title = style("GB Title", "title", TITLE_PT, 0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    first_line_chars(title.element, 0)
    style("GB Heading 1", "heading1", BODY_PT, 1)
    style("GB Heading 2", "heading2", BODY_PT, 2)
    mark = style("GB Annex Mark", "heading1", BODY_PT)
    first_line_chars(mark.element, 0)
    _font_table(doc)


def _defaults(defaults: Any) -> None:
    """Document defaults: body fonts at 三号 (the character grid is measured against this
    size), Chinese as the East Asian language, single lines (one grid line each)."""
    from docx.oxml.ns import qn

    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(_Holder(rpr), "body")
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(BODY_PT * 2))
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = _child(_child(_child(defaults, "w:pPrDefault"), "w:pPr"), "w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


class _Holder:
    """Lets :func:`set_fonts` work on a bare ``w:rPr`` (the document defaults)."""

    def __init__(self, rpr: Any) -> None:
        self._rpr = rpr

    def get_or_add_rPr(self) -> Any:
        return self._rpr


def first_line_chars(element: Any, chars: int) -> None:
    """First-line indent in characters (w:firstLineChars, hundredths of a character),
    with the same distance in twips for readers that ignore the character unit."""
    from docx.oxml.ns import qn

    ind = element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(chars * BODY_PT * 20))


def _font_table(doc: Any) -> None:
    """Declare every font with its fallback (w:altName) and GB2312 charset in
    word/fontTable.xml, so a machine without 仿宋_GB2312 uses 仿宋, not a Latin font."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    part = doc.part.part_related_by(RT.FONT_TABLE)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    fonts = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        for name, alt, family in FONTS.values())
    root = parse_xml(part.blob)
    for el in parse_xml(f"<w:fonts {ns}>{fonts}</w:fonts>"):
        root.append(el)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)
