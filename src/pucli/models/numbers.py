"""Figures as a plan writes them: whole numbers with thousands separators, decimals kept.

"失业率控制在4.5%以内" must print 4.5, not 4 or 4.50; a count prints 11,236. Stdlib only.
"""

from __future__ import annotations

import math

MAX_DECIMALS = 4
# Units of things counted one by one: their values are whole numbers.
COUNT_UNITS = frozenset({"户", "家", "个", "人", "件", "项", "座", "所", "名", "套", "辆", "次"})


def decimals_of(x: float) -> int:
    """Decimal places of ``x`` as written (4.5 → 1, 14.25 → 2, 1250.0 → 0), at most 4."""
    if not math.isfinite(x) or x == int(x):
        return 0
    text = f"{x:.{MAX_DECIMALS}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def figure(x: float | None, decimals: int | None = None) -> str:
    """``x`` with thousands separators and its own decimals (or ``decimals``)."""
    if x is None:
        return ""
    if not math.isfinite(x):
        return str(x)
    d = decimals_of(x) if decimals is None else decimals
    return f"{x:,.{d}f}"


def is_count_unit(unit: str | None) -> bool:
    """Whether a metric with display ``unit`` counts whole things (None: market entities)."""
    return unit is None or unit in COUNT_UNITS
