"""The HTML brief prints: A4, the table header on every page, dates and numbers whole."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from pucli.render.brief_blocks import Heading, Paragraph, TableBlock
from pucli.render.brief_html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
COLUMNS = ["责任单位", "举措", "事项", "应完成", "逾期天数", "程度", "最近报送"]
LONG_TITLE = "鼓励民营企业参与基础设施建设运营并完善相关配套政策措施"


def _rows(n: int) -> list[list[str]]:
    return [[f"县第{k}局", f"{k}. {LONG_TITLE}", "进度报送：2025Q1", f"2025-01-{k % 28 + 1:02d}",
             f"{1000 + k:,}", "逾期", f"2024-12-{k % 28 + 1:02d} 推进中"] for k in range(n)]


class Cells(HTMLParser):
    """(tag, class, text) of every th/td and span of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[tuple[str, str, str]] = []
        self.spans: list[tuple[str, str]] = []
        self._open: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("th", "td", "span"):
            self._open.append([tag, dict(attrs).get("class") or "", ""])

    def handle_endtag(self, tag):
        if tag in ("th", "td", "span") and self._open:
            kind, cls, text = self._open.pop()
            if self._open:
                self._open[-1][2] += text
            (self.spans.append((cls, text)) if kind == "span"
             else self.cells.append((kind, cls, text)))

    def handle_data(self, data):
        if self._open:
            self._open[-1][2] += data


def _page(rows: int = 3) -> str:
    return render_html([Heading("简报", 1), Paragraph("差距 -611（-7.7%），截至 2025-04-15"),
                        TableBlock(COLUMNS, _rows(rows), numeric={4})], None)


def test_short_columns_never_wrap_and_long_text_may():
    parsed = Cells()
    parsed.feed(_page())
    classes = {text: cls for _kind, cls, text in parsed.cells}
    assert "nw" in classes["应完成"].split() and "nw" in classes["程度"].split()
    assert "nw" in classes["2025-01-01"].split() and "nw" in classes["逾期"].split()
    assert classes["1,000"].split() == ["num", "nw"]
    assert "nw" not in classes[f"0. {LONG_TITLE}"].split()


def test_dates_and_numbers_inside_text_are_kept_whole():
    parsed = Cells()
    parsed.feed(_page())
    kept = {text for cls, text in parsed.spans if cls == "nw"}
    assert {"2025-04-15", "-611（-7.7%），", "2024-12-01"} <= kept
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in kept)  # ideographs may break


def test_print_stylesheet_gives_a4_and_repeats_the_header():
    html = _page()
    assert re.search(r"@page\s*{\s*size:\s*A4", html)
    assert "thead { display: table-header-group; }" in html
    assert "<thead><tr><th" in html


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None,
                    reason="needs chromium and pdftotext (poppler-utils)")
def test_printed_by_chromium_every_page_has_the_header_and_whole_dates(tmp_path):
    page = tmp_path / "brief.html"
    page.write_text(_page(rows=120), encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                          f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                         capture_output=True, timeout=120)
    assert run.returncode == 0 and pdf.exists(), run.stderr.decode(errors="replace")[-2000:]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert size and abs(float(size[1]) - 595.3) < 2 and abs(float(size[2]) - 841.9) < 2
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 3
    for p in pages:
        assert all(c in p for c in ("责任单位", "应完成", "逾期天数", "最近报送")), p[:400]
    dates = re.findall(r"2025-01-\d\d", text)
    assert len(dates) == 120  # each due date printed whole, none split across lines
    assert not re.search(r"2025-01-\s*$", text, re.M)
