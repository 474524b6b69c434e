"""Text made safe for one output format, in one place per format.

Notes and sources are typed by people and pasted from Word: a vertical tab (Word's manual
line break), a form feed or another control character is valid in a CSV cell but not in
the XML inside .xlsx and .docx files (openpyxl and python-docx raise on it), and ``<script>``
in a note is HTML to a Markdown viewer. Every exporter passes its text through the
cleaner of its format, once, here.
"""

from __future__ import annotations

import dataclasses
import html
import re
from typing import Any

# XML 1.0 allows tab, newline and carriage return among the C0 controls; nothing else
# below U+0020, no surrogates and not U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n"}  # Word's manual line break; a page break


def xml_text(text: str) -> str:
    """``text`` as XML can hold it: line-break controls become newlines, other characters
    XML forbids become U+FFFD (visible, so nothing is silently lost)."""
    if not _XML_ILLEGAL.search(text):
        return text
    return _XML_ILLEGAL.sub(lambda m: _LINE_BREAKS.get(m.group(), "\ufffd"), text)


def markdown_text(text: str) -> str:
    """``text`` as Markdown shows it literally: ``<``, ``>`` and ``&`` escaped, so a note
    holding ``<script>`` is text, not HTML, in any Markdown viewer."""
    return xml_text(html.escape(text, quote=False))


def clean_blocks(blocks: list[Any], clean: Any) -> list[Any]:
    """Document blocks (dataclasses of text, lists of text, tables) with every string
    passed through ``clean``."""
    return [_clean(b, clean) for b in blocks]


def _clean(value: Any, clean: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean(v, clean) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean(v, clean) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _clean(getattr(value, f.name), clean)
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value
