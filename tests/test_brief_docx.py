"""The .docx brief follows GB/T 9704-2012, read back from the document's XML; and, when
LibreOffice is installed, the demo brief as LibreOffice prints it: a body of at most four
A4 pages and no page of a table without the table's header."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pucli import exitcodes

from brief_support import AS_OF, SINCE, make_brief_data

pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
ROOT = Path(__file__).resolve().parent.parent


def twips(mm: float) -> int:  # computed here, independently of the renderer
    return round(mm / 25.4 * 1440)


def xml(path: Path, part: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def val(el, attr: str) -> str | None:
    return el.get(W + attr)


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory) -> Path:
    """The brief of the synthetic data set, written once for the XML tests (the settings
    of conftest's per-test isolation, made here for the module)."""
    from pucli.cli.app import run

    tmp = tmp_path_factory.mktemp("docx")
    data = make_brief_data(tmp / "data")
    out = tmp / "简报.docx"
    with pytest.MonkeyPatch.context() as mp:
        for name in ("PUCLI_DATA", "PUCLI_LANG", "PUCLI_DEBUG"):
            mp.delenv(name, raising=False)
        mp.setenv("MPLBACKEND", "Agg")
        mp.setenv("PUCLI_CACHE_DIR", str(tmp / "cache"))
        code = run(["brief", "--as-of", AS_OF, "--since", SINCE, "--data", str(data),
                    "-o", str(out)])
    assert code == exitcodes.OK
    return out


def test_page_is_a4_with_the_official_margins_and_grid(docx_file):
    sect = xml(docx_file, "word/document.xml").find(".//w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert (int(val(size, "w")), int(val(size, "h"))) == (twips(210), twips(297)) \
        == (11906, 16838)
    mar = sect.find("w:pgMar", NS)
    assert {k: int(val(mar, k)) for k in ("top", "bottom", "left", "right")} == {
        "top": twips(37), "bottom": twips(35), "left": twips(28), "right": twips(26)}
    grid = sect.find("w:docGrid", NS)
    height = twips(297) - twips(37) - twips(35)  # 225 mm of text
    assert val(grid, "type") == "lines" and int(val(grid, "linePitch")) == height // 22
    # 28 characters of 三号 (16 pt) fit the 156 mm line with the Normal style's spacing
    styles = xml(docx_file, "word/styles.xml")
    normal = styles.find(".//w:style[@w:styleId='Normal']", NS)
    spacing = int(val(normal.find(".//w:rPr/w:spacing", NS), "val")) / 20  # points
    width_pt = (twips(210) - twips(28) - twips(26)) / 20
    assert 28 * (16 + spacing) <= width_pt < 29 * (16 + spacing)


def _style(styles, name: str):
    return next(s for s in styles.findall("w:style", NS)
                if val(s.find("w:name", NS), "val") == name)


def test_fonts_sizes_and_heading_levels(docx_file):
    styles = xml(docx_file, "word/styles.xml")
    expected = {"Normal": ("仿宋_GB2312", 32), "GB Title": ("方正小标宋简体", 44),
                "GB Heading 1": ("黑体", 32), "GB Heading 2": ("楷体_GB2312", 32)}
    for name, (font, half_points) in expected.items():
        style = _style(styles, name)
        fonts = style.find("w:rPr/w:rFonts", NS)
        assert val(fonts, "eastAsia") == font, name  # the name Word and WPS use for 汉字
        assert val(fonts, "asciiTheme") is None  # no theme font overriding it
        size = style.find("w:rPr/w:sz", NS)  # the headings inherit 三号 from Normal
        assert int(val(size, "val")) == half_points
    # each font has its stated fallback in the font table
    table = xml(docx_file, "word/fontTable.xml")
    alt = {val(f, "name"): val(f.find("w:altName", NS), "val")
           for f in table.findall("w:font", NS) if f.find("w:altName", NS) is not None}
    assert alt["仿宋_GB2312"] == "仿宋" and alt["方正小标宋简体"] == "宋体"
    assert alt["楷体_GB2312"] == "楷体" and alt["黑体"] == "SimHei"
    # headings: 一、 in the 黑体 style, （一） in the 楷体 style
    body = xml(docx_file, "word/document.xml")
    ids = {val(s, "styleId"): val(s.find("w:name", NS), "val")
           for s in styles.findall("w:style", NS)}
    by_text = {}
    for p in body.iter(W + "p"):
        style = p.find("w:pPr/w:pStyle", NS)
        by_text["".join(p.itertext())] = ids.get(val(style, "val")) if style is not None \
            else "Normal"
    assert by_text["一、总体情况"] == "GB Heading 1"
    assert by_text["（一）各单位逾期情况"] == "GB Heading 2"
    assert by_text["测试方案工作简报"] == "GB Title"


def test_page_numbers_at_the_foot(docx_file):
    settings = xml(docx_file, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    body = xml(docx_file, "word/document.xml")
    refs = {val(r, "type") for r in body.iterfind(".//w:sectPr/w:footerReference", NS)}
    assert refs == {"default", "even"}
    with zipfile.ZipFile(docx_file) as z:
        footers = [n for n in z.namelist() if n.startswith("word/footer")]
    aligns = set()
    for name in footers:
        footer = xml(docx_file, name)
        assert "".join(footer.itertext()) == "—  PAGE 1 —"
        assert footer.find(".//w:instrText", NS).text.strip() == "PAGE"
        aligns.add(val(footer.find(".//w:jc", NS), "val"))
    assert aligns == {"right", "left"}  # odd pages right, even pages left


def test_tables_repeat_their_header_and_fit_their_columns(docx_file):
    body = xml(docx_file, "word/document.xml")
    tables = body.findall(".//w:tbl", NS)
    assert len(tables) == 9
    text_width = twips(210) - twips(28) - twips(26)
    for tbl in tables:
        rows = tbl.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
        assert rows[1].find("w:trPr/w:tblHeader", NS) is None
        assert val(tbl.find("w:tblPr/w:tblLayout", NS), "type") == "fixed"
        cols = [int(val(c, "w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
        assert sum(cols) <= text_width
    # the targets table: the gap "-611（-7.7%）" kept whole, in a column wide enough
    targets = tables[0]
    cols = [int(val(c, "w")) for c in targets.findall("w:tblGrid/w:gridCol", NS)]
    assert len(set(cols)) > 1  # fitted, not equal
    header = ["".join(c.itertext()) for c in targets.findall("w:tr", NS)[0].findall("w:tc", NS)]
    gap = header.index("预计差距")
    cell = targets.findall("w:tr", NS)[1].findall("w:tc", NS)[gap]
    assert "".join(cell.itertext()) == "-611（-7.7%）"
    assert cell.find("w:tcPr/w:noWrap", NS) is not None
    size = int(val(cell.find(".//w:rPr/w:sz", NS), "val")) / 2  # points
    # 6 half-width characters and 2 full-width brackets + 4 half-width: 7 ems
    assert cols[gap] >= 7 * size * 20
    # in the overdue list a date column is as wide as a date; the title column is wider
    overdue = tables[4]
    cols = [int(val(c, "w")) for c in overdue.findall("w:tblGrid/w:gridCol", NS)]
    size = int(val(overdue.find(".//w:tr[2]//w:rPr/w:sz", NS), "val")) / 2
    assert cols[3] >= 5 * size * 20  # "2024-12-31": 10 half-width characters


def test_a_crowded_table_sets_a_figure_and_its_parenthesis_on_two_lines(tmp_path):
    """A provincial count (eight digits) with the SDG column: the columns' figures no
    longer fit on one line each, so the gap is set as its figure over its percentage —
    never cut inside a number."""
    import docx

    from pucli.render.brief_blocks import TableBlock
    from pucli.render.brief_docx import _table

    doc = docx.Document()
    row = ["2025-12-31", "12,000,000", "1,655,172", "12,160,002", "+160,002（+1.3%）",
           "可能完成", "进度正常"]
    _table(doc, TableBlock(["目标日期", "目标值", "距目标还差", "预计值", "预计差距", "评级",
                            "SDG 进度类别"], [row], numeric={1, 2, 3, 4}))
    out = tmp_path / "t.docx"
    doc.save(out)
    tbl = xml(out, "word/document.xml").find(".//w:tbl", NS)
    cols = [int(val(c, "w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    cells = tbl.findall("w:tr", NS)[1].findall("w:tc", NS)
    size = int(val(cells[0].find(".//w:rPr/w:sz", NS), "val")) / 2
    # "+160,002" and "（+1.3%）" each under 4 ems; the whole 8 ems would not fit beside the rest
    runs = [t.text for t in cells[4].findall(".//w:t", NS)]
    assert runs == ["+160,002", "（+1.3%）"] and len(cells[4].findall(".//w:br", NS)) == 1
    for i in (1, 2, 3):  # the eight-digit figures are whole on one line: 5 ems each
        assert cols[i] >= len(row[i]) / 2 * size * 20
    assert sum(cols) <= twips(210) - twips(28) - twips(26)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_prints_a_short_body_and_headers_on_every_table_page(cli, tmp_path):
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from make_demo import make_demo
    finally:
        sys.path.pop(0)
    demo = make_demo(tmp_path / "demo")
    out = tmp_path / "brief.docx"
    code, _, err = cli("brief", "--as-of", "2025-04-15", "--since", "2024-12-15",
                       "--data", demo, "-o", out)
    assert code == exitcodes.OK, err
    profile = (tmp_path / "lo-profile").as_uri()  # its own profile: no clash with others
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                         capture_output=True, timeout=240)
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-2000:]
    text = subprocess.run([PDFTOTEXT, "-layout", str(tmp_path / "brief.pdf"), "-"],
                          capture_output=True, timeout=60, check=True).stdout.decode()
    pages = ["".join(p.split()) for p in text.split("\f") if p.strip()]
    annex = next(i for i, p in enumerate(pages) if p.startswith("附件1"))
    assert annex <= 4, f"the body runs to {annex} pages"
    # every page showing rows of the overdue list (items "进度报送：…") shows its header
    # (the header cells that do not wrap: 逾期天数 is printed on two lines)
    listing = [i for i, p in enumerate(pages) if "进度报送：" in p]
    assert len(listing) > 3  # the list runs over several pages: the check means something
    for i in listing:
        assert all(name in pages[i] for name in ("责任单位", "应完成", "最近报送")), \
            f"page {i + 1} shows the overdue list without its header"
    assert all(f"—{n}—" in p for n, p in enumerate(pages, 1))  # page numbers "— N —"


@pytest.mark.parametrize(("iso", "official"), [
    ("截至 2025-04-15 · 与 2024-12-15 相比", "截至2025年4月15日 · 与2024年12月15日相比"),
    ("规划期 2022-01-01—2025-12-31", "规划期2022年1月1日—2025年12月31日"),
    ("最新实际数：9,440 户（2025-03-31）", "最新实际数：9,440 户（2025年3月31日）"),
    ("as of 2024-02-29", "as of 2024年2月29日"),
    ("2025-13-01、2023-02-29、20250-01-01、2025-04-15-2",  # not dates: as written
     "2025-13-01、2023-02-29、20250-01-01、2025-04-15-2"),
])
def test_running_text_writes_dates_as_official_documents_do(iso, official):
    from pucli.render.docx_official import running_dates

    assert running_dates(iso) == official


def test_the_docx_body_has_chinese_dates_and_its_tables_iso_dates(docx_file):
    body = xml(docx_file, "word/document.xml")
    paragraphs = ["".join(p.itertext()) for p in body.findall("w:body/w:p", NS)]
    assert any("截至2025年4月15日" in p for p in paragraphs), paragraphs[:6]
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", p) for p in paragraphs)
    cells = ["".join(c.itertext()) for c in body.findall(".//w:tbl//w:tc", NS)]
    assert "2022-12-31" in cells  # the targets table keeps ISO dates
