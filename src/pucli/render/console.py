"""The two consoles: results to stdout, diagnostics to stderr.

rich turns colour off by itself when output is piped or ``NO_COLOR`` is set.
"""

from __future__ import annotations

import sys

from rich.console import Console


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=not sys.stdout.isatty())


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False)
