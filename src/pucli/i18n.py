"""The language of messages and labels: Chinese (``zh``, the default) or English (``en``).

Chosen by ``pucli --lang zh|en`` (for one run), else ``$PUCLI_LANG``, else Chinese.
Texts are written as pairs at the place they are used — ``t("逾期事项", "Overdue items")`` —
so a reader sees both and neither can be forgotten. Stdlib only: every command imports it.
"""

from __future__ import annotations

import os

LANGUAGES = ("zh", "en")
DEFAULT = "zh"

_override: str | None = None


def normalise(value: str | None) -> str | None:
    """``zh``/``en`` from a language tag such as ``en_US.UTF-8`` or ``zh-CN``; None if neither."""
    if not value:
        return None
    tag = value.strip().lower()[:2]
    return tag if tag in LANGUAGES else None


def set_language(lang: str | None) -> None:
    """Use ``lang`` for the rest of this run (None: back to ``$PUCLI_LANG`` or the default)."""
    global _override
    _override = normalise(lang)


def language() -> str:
    """The language in force: the ``--lang`` choice, else ``$PUCLI_LANG``, else ``zh``."""
    return _override or normalise(os.environ.get("PUCLI_LANG")) or DEFAULT


def is_english() -> bool:
    return language() == "en"


def t(zh: str, en: str) -> str:
    """The text of the pair in the current language."""
    return en if language() == "en" else zh


def title_of(thing: object) -> str:
    """A plan object's title in the current language: ``title_en`` in English when it has
    one (measures, sections, the plan), else its Chinese ``title``."""
    title = str(getattr(thing, "title", ""))
    if language() == "en":
        return getattr(thing, "title_en", None) or title
    return title
