"""SYNTHETIC monthly series for the quality tests and the docs demo — not observed data.

A series starts at 2021-12-31 with 1,000 entities (200 enterprises, 780 individual
businesses, 20 cooperatives); each month gives new registrations, cancellations, the
change in enterprises, and any change the two flows do not explain (``extra``, added to
individual businesses). Individual businesses take the rest of the net change.
"""

from __future__ import annotations

import calendar
import datetime as dt

START = (1000, 200, 780, 20)

# healthy: steady registrations, enterprises growing faster than the whole
HEALTHY_NEW_2022 = [28, 30, 32, 30, 29, 31, 30, 28, 32, 30, 31, 29]  # sum 360
HEALTHY_CANCELLED = [10, 9, 11, 10, 10, 12, 8, 10, 10, 10, 11, 9]  # sum 120
HEALTHY = ([(n, c, 6, 0) for n, c in zip(HEALTHY_NEW_2022, HEALTHY_CANCELLED, strict=True)]
           + [(n + 3, c, 8, 0) for n, c in zip(HEALTHY_NEW_2022, HEALTHY_CANCELLED,
                                                strict=True)])

# padded: nine ordinary months; a burst of individual-business registrations in the three
# months before the year-end assessment (enterprises stall); most of it cancelled again in
# the next quarter; and in May 2023 five entities the flows do not explain.
PADDED = (
    [(n, c, 3, 0) for n, c in zip([28, 30, 32, 30, 29, 31, 30, 28, 32],
                                  [10, 9, 11, 10, 10, 12, 8, 10, 10], strict=True)]
    + [(230, 10, 0, 0), (250, 10, 0, 0), (240, 10, 0, 0)]
    + [(30, 150, 3, 0), (30, 160, 3, 0), (30, 140, 3, 0)]
    + [(30, 10, 3, 0), (30, 10, 3, 5), (30, 10, 3, 0)]
)


def month_ends(start: dt.date, count: int) -> list[dt.date]:
    out, y, m = [], start.year, start.month
    for _ in range(count):
        m += 1
        if m == 13:
            y, m = y + 1, 1
        out.append(dt.date(y, m, calendar.monthrange(y, m)[1]))
    return out


def actuals_csv(months: list[tuple[int, int, int, int]], note: str = "synthetic",
                metric: bool = False) -> str:
    """actuals.csv text: the start row, then one row per month (with an empty ``metric``
    column when ``metric``, so rows of other metrics can follow)."""
    total, ent, ind, coop = START
    end = "," if metric else ""
    lines = ["date,total,enterprises,individual_businesses,cooperatives,new,cancelled,source"
             + (",metric" if metric else ""),
             f"2021-12-31,{total},{ent},{ind},{coop},,,{note}{end}"]
    for d, (new, cancelled, d_ent, extra) in zip(month_ends(dt.date(2021, 12, 31),
                                                            len(months)), months, strict=True):
        net = new - cancelled + extra
        total, ent, ind = total + net, ent + d_ent, ind + net - d_ent
        lines.append(f"{d},{total},{ent},{ind},{coop},{new},{cancelled},{note}{end}")
    return "\n".join(lines) + "\n"


# the demo's high-tech enterprises, year ends (synthetic)
DEMO_HIGH_TECH = [("2021-12-31", 4), ("2022-06-30", 5), ("2022-12-31", 6), ("2023-06-30", 6)]


def demo_actuals() -> str:
    """examples/quality-demo/actuals.csv: the padded series and a few high-tech counts."""
    return actuals_csv(PADDED, metric=True) + "".join(
        f"{d},{v},,,,,,synthetic,high_tech\n" for d, v in DEMO_HIGH_TECH)


DEMO_TARGETS = """\
# SYNTHETIC demo region for docs/quality.md — not Pu County, not observed data.
region: 示例县
baseline: {date: 2021-12-31, value: 1000}
targets:
  - {date: 2022-12-31, value: 1200}
  - {date: 2025-12-31, value: 2000}
"""
