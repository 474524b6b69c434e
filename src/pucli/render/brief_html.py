"""The brief as one self-contained HTML page: styles inline, the chart a base64 PNG."""

from __future__ import annotations

import base64
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
img { max-width: 100%; }
.annex-mark { font-weight: bold; margin-bottom: 0; }
.centered { text-align: center; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               section.annex { break-before: page; } }
"""


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
            body.append(f"<p{cls}>" + "<br>".join(map(escape, b.text.split("\n"))) + "</p>")
        elif isinstance(b, Bullets):
            body.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + "</ul>")
        elif isinstance(b, TableBlock):
            head = "".join(f"<th>{escape(c)}</th>" for c in b.columns)
            rows = "".join(
                "<tr>" + "".join(f'<td class="num">{escape(c)}</td>' if i in b.numeric
                                 else f"<td>{escape(c)}</td>" for i, c in enumerate(row))
                + "</tr>" for row in b.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
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
