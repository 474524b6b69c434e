"""The SDG progress category beside pucli's rating: the CAGR-ratio method.

Eurostat's and Statistics Canada's SDG progress assessments, as implemented in Open SDG
(``progress_calculation``), compare the observed compound annual growth rate with the one
required to reach the target on time, both measured from the baseline:

* observed ``CAGR_o = (x_latest / x_base)^(1/(t_latest − t_base)) − 1``
* required ``CAGR_r = (target / x_base)^(1/(t_target − t_base)) − 1`` (t in years)
* ratio ``CAGR_o / CAGR_r``: ≥ 0.95 on track; 0.60–0.95 acceleration needed;
  0–0.60 limited progress; < 0 deterioration. A target already reached is "achieved".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pucli.compute.periods import month_index

CATEGORIES = ("achieved", "on track", "acceleration needed", "limited progress",
              "deterioration")
THRESHOLDS = ((0.95, "on track"), (0.60, "acceleration needed"), (0.0, "limited progress"))


@dataclass(frozen=True)
class CagrProgress:
    observed: float  # CAGR_o, a year
    required: float  # CAGR_r, a year
    ratio: float | None  # None when the target requires no growth (CAGR_r = 0)
    category: str


def cagr_category(base: tuple[dt.date, float], latest: tuple[dt.date, float],
                  target: tuple[dt.date, float]) -> CagrProgress | None:
    """The category for a target of growth, or None when it cannot be computed (no time
    since the baseline, counts not above zero, a target date not after the baseline)."""
    (d0, x0), (d1, x1), (d2, x2) = base, latest, target
    years_obs = (month_index(d1) - month_index(d0)) / 12
    years_req = (month_index(d2) - month_index(d0)) / 12
    if years_obs <= 0 or years_req <= 0 or min(x0, x1, x2) <= 0:
        return None
    observed = (x1 / x0) ** (1 / years_obs) - 1
    required = (x2 / x0) ** (1 / years_req) - 1
    if x1 >= x2 and required > 0:
        return CagrProgress(observed, required, observed / required, "achieved")
    if required <= 0:
        return CagrProgress(observed, required, None,
                            "on track" if x1 >= x2 else "deterioration")
    ratio = observed / required
    category = next((name for low, name in THRESHOLDS if ratio >= low), "deterioration")
    return CagrProgress(observed, required, ratio, category)


_COURSE = {"on track": True, "probable": True, "at risk": False, "off track": False,
           "achieved": True, "acceleration needed": False, "limited progress": False,
           "deterioration": False}


def disagreement(rating: str, progress: CagrProgress, projected_cagr: float | None) -> str:
    """Why pucli's rating and the CAGR category differ ("" when they agree)."""
    mine, theirs = _COURSE.get(rating), _COURSE.get(progress.category)
    if mine is None or theirs is None or mine == theirs:
        return ""
    pace = ("" if projected_cagr is None else
            f"; the projection's pace from the latest actual to the target date is "
            f"{projected_cagr * 100:.2f} % a year")
    if mine:
        return (f"the two differ: the CAGR ratio takes the average pace since the baseline "
                f"({progress.observed * 100:.2f} % a year) against the "
                f"{progress.required * 100:.2f} % required over the whole period; pucli "
                f"projects the recent trend forward{pace}, which reaches the target")
    return (f"the two differ: the CAGR ratio credits the average pace since the baseline "
            f"({progress.observed * 100:.2f} % a year, ≥ 95 % of the "
            f"{progress.required * 100:.2f} % required); pucli projects the recent trend "
            f"forward{pace}, which falls short")
