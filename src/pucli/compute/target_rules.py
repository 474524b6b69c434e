"""Which side of a target counts as meeting it, for the rating and the gap.

A plan states ``at_least`` (达到, 以上: the default), ``at_most`` (控制在…以内) or
``about`` (左右, 稳定在: within ``tolerance`` of the value, both ways). The four-point
rating reads the projection and its 80 % interval against that side:

- at_most mirrors at_least: on track when even the 80 % high stays at or under the target.
- about: on track when the whole interval lies within the band, probable when the
  projection does, at risk when the band and the interval overlap, off track otherwise.

A growth target of a yearly flow ("GDP +6.2 %") is rated the same way on the growth
between two yearly figures (:func:`growth_check`).
"""

from __future__ import annotations

import datetime as dt

from pucli.models.numbers import figure


def meets(direction: str, tolerance: float | None, target: float, value: float) -> bool:
    """Whether ``value`` meets ``target`` read as ``direction``."""
    if direction == "at_most":
        return value <= target
    if direction == "about":
        return abs(value - target) <= (tolerance or 0) + 1e-12
    return value >= target


def sign(direction: str, tolerance: float | None, target: float, value: float) -> str:
    """The relation shown in a rule: ≥/< for at_least, ≤/> for at_most, ≈/≉ for about."""
    ok = meets(direction, tolerance, target, value)
    return {"at_most": ("≤", ">"), "about": ("≈", "≉")}.get(direction, ("≥", "<"))[not ok]


def band(direction: str, tolerance: float | None, target: float) -> tuple[float, float]:
    """The values that meet the target."""
    if direction == "at_most":
        return (float("-inf"), target)
    if direction == "about":
        return (target - (tolerance or 0), target + (tolerance or 0))
    return (target, float("inf"))


def rate(direction: str, tolerance: float | None, target: float, p: float,
         lo: float | None, hi: float | None, fmt=figure) -> tuple[str, str]:
    """(rating, rule) of a projection ``p`` with its 80 % interval (``lo``/``hi`` None: no
    interval) against ``target`` read as ``direction``."""
    what = _what(direction, tolerance, target, fmt)
    inside = meets(direction, tolerance, target, p)
    if lo is None or hi is None:
        return ("probable" if inside else "at risk",
                f"no interval (two actuals): probable if the projection meets the target, at "
                f"risk if not — projection {fmt(p)} {sign(direction, tolerance, target, p)} "
                f"{what}")
    low, high = band(direction, tolerance, target)
    if low <= lo and hi <= high:
        return "on track", f"80 % interval {fmt(lo)} – {fmt(hi)} meets {what}"
    if inside:
        return "probable", (f"projection {fmt(p)} meets {what}; the 80 % interval "
                            f"{fmt(lo)} – {fmt(hi)} does not all")
    if lo <= high and hi >= low:
        return "at risk", (f"projection {fmt(p)} misses {what}; the 80 % interval "
                           f"{fmt(lo)} – {fmt(hi)} reaches it")
    return "off track", f"80 % interval {fmt(lo)} – {fmt(hi)} misses {what}"


def _what(direction: str, tolerance: float | None, target: float, fmt) -> str:
    if direction == "at_most":
        return f"target ≤ {fmt(target)}"
    if direction == "about":
        tol = f"{(tolerance or 0) * 100:.1f} pp" if fmt is pct else fmt(tolerance or 0)
        return f"target {fmt(target)} ± {tol}"
    return f"target ≥ {fmt(target)}"


def year_figures(dates, values, year: int) -> float | None:
    """A flow's figure for ``year``: the row dated that year's 31 December."""
    for d, v in zip(dates, values, strict=True):
        if d == dt.date(year, 12, 31):
            return v
    return None


def pct(rate_: float) -> str:
    return f"{rate_ * 100:+.1f} %"
