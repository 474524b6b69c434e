"""The two consoles: results to stdout, diagnostics to stderr.

rich turns colour off by itself when output is piped or ``NO_COLOR`` is set. Markup and
emoji codes are off: table cells hold text typed by many people (a note reading
"[/b] 完成" or ":fire:" is printed as written, not parsed); pucli styles with ``Text``.
"""

from __future__ import annotations

import sys

from rich.console import Console


def stdout_console() -> Console:
    return Console(highlight=False, markup=False, emoji=False,
                   soft_wrap=not sys.stdout.isatty())


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, markup=False, emoji=False)
