"""The brief as Markdown; the chart is a PNG written next to it and linked."""

from __future__ import annotations

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
from pucli.render.clean import clean_blocks, markdown_text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(blocks: list[Block], chart_file: str | None) -> str:
    """Markdown text; ``chart_file`` is the chart's path relative to the .md (None: no chart)."""
    out: list[str] = []
    for b in clean_blocks(blocks, markdown_text):
        if isinstance(b, Heading):
            out.append("#" * b.level + " " + b.text)
        elif isinstance(b, Paragraph):
            out.append(b.text.replace("\n", "  \n"))
        elif isinstance(b, Annex):
            out.append("---")
            out.append(t(f"## 附件{b.number}　{b.title}", f"## Annex {b.number}: {b.title}"))
        elif isinstance(b, Bullets):
            out.append("\n".join(f"- {item}" for item in b.items))
        elif isinstance(b, TableBlock):
            align = ["---:" if i in b.numeric else "---" for i in range(len(b.columns))]
            lines = ["| " + " | ".join(map(_cell, b.columns)) + " |",
                     "|" + "|".join(align) + "|"]
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in b.rows]
            out.append("\n".join(lines))
        elif isinstance(b, Chart) and chart_file:
            out.append(f"![{b.alt}]({chart_file})")
    return "\n\n".join(out) + "\n"
