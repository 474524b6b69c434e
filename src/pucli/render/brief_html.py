"""The brief as one self-contained HTML page: styles inline, the chart a base64 PNG.

Tables size their columns to their content: a column of short cells (dates, numbers,
statuses) never wraps, and inside longer text every date or number is kept whole, so a
printed page never shows "2025-01-" / "15". Printing gives A4 with the table header
repeated on every page.
"""

from __future__ import annotations

import base64
import re
from html import escape

from pucli.i18n import t
from pucli.render.brief_blocks import (
    Annex,
    Block,
    Bullets,
    Chart,
    Heading,
    Paragraph,
    TableBlock,
)

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #444; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; vertical-align: top; }
th { background: #eee; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.nw { white-space: nowrap; } td.text { min-width: 6em; }
img { max-width: 100%; }
figure { margin: 1rem 0; }
.annex-mark { font-weight: bold; margin-bottom: 0; }
.centered { text-align: center; }
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
  table { font-size: 9pt; width: 100%; }
  thead { display: table-header-group; }
  tr, figure, img { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.annex { break-before: page; }
}
"""

# A column whose cells are all at most this many characters never wraps.
SHORT_CELL = 12
# Runs that must not break inside longer text: anything with a digit between spaces or
# CJK ideographs — dates, numbers with signs, commas, percents, "-611（-7.7%）", "2025Q1".
_TOKEN = re.compile(r"[^\s\u3400-\u9fff]*\d[^\s\u3400-\u9fff]*")


def _keep_tokens(text: str) -> str:
    """``text`` escaped, with each date or number wrapped so it never breaks."""
    out, last = [], 0
    for m in _TOKEN.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(f'<span class="nw">{escape(m.group())}</span>')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _short_columns(columns: list[str], rows: list[list[str]]) -> set[int]:
    return {i for i in range(len(columns))
            if all(len(r[i]) <= SHORT_CELL for r in rows if i < len(r))
            and len(columns[i]) <= SHORT_CELL}


def _table(columns: list[str], rows: list[list[str]], numeric: set[int],
           whole: set[int] | None = None) -> str:
    short = _short_columns(columns, rows) | (whole or set())

    def classes(i: int) -> str:
        names = (["num"] if i in numeric else []) + (["nw"] if i in short else ["text"])
        return f' class="{" ".join(names)}"' if names else ""

    nowrap = ' class="nw"'
    head = "".join(f"<th{nowrap if i in short else ''}>{escape(c)}</th>"
                   for i, c in enumerate(columns))
    body = "".join("<tr>" + "".join(f"<td{classes(i)}>{_keep_tokens(c)}</td>"
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(blocks: list[Block], chart_png: bytes | None) -> str:
    """A complete HTML document; nothing outside it is needed to show it."""
    heading = next((b.text for b in blocks if isinstance(b, Heading)), "pucli")
    body: list[str] = []
    in_annex = False
    for b in blocks:
        if isinstance(b, Annex):
            # each annex (附件) its own section, starting a new page in print
            mark = escape(t(f"附件{b.number}", f"Annex {b.number}"))
            body.append(("</section>\n" if in_annex else "")
                        + f'<section class="annex" id="annex-{b.number}">'
                        + f'<p class="annex-mark">{mark}</p><h2>{escape(b.title)}</h2>')
            in_annex = True
        if isinstance(b, Heading):
            body.append(f"<h{b.level}>{escape(b.text)}</h{b.level}>")
        elif isinstance(b, Paragraph):
            cls = ' class="centered"' if b.centered else ""
            body.append(f"<p{cls}>" + "<br>".join(map(_keep_tokens, b.text.split("\n")))
                        + "</p>")
        elif isinstance(b, Bullets):
            body.append("<ul>" + "".join(f"<li>{_keep_tokens(i)}</li>" for i in b.items) + "</ul>")
        elif isinstance(b, TableBlock):
            body.append(_table(b.columns, b.rows, b.numeric,
                               {i for i in range(len(b.columns)) if b.keeps_whole(i)}))
        elif isinstance(b, Chart) and chart_png:
            data = base64.b64encode(chart_png).decode("ascii")
            body.append(f'<figure><img alt="{escape(b.alt)}" src="data:image/png;base64,{data}">'
                        f"<figcaption>{escape(b.alt)}</figcaption></figure>")
    if in_annex:
        body.append("</section>")
    lang = t("zh-CN", "en")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(heading)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
