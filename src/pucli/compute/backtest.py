"""``pucli backtest``: how each method would have done on the actuals already known.

Rolling origin: for every origin ``k`` (the first ``k`` actuals known), each method that
can fit ``k`` points forecasts the next ``horizon`` actuals. Per method: the number of
forecasts, MAPE (mean |error| / actual, in %) and MASE — its mean absolute error divided
by that of the naive forecast (the last known actual) on the very same forecasts, so
below 1 beats "no change" and above 1 loses to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from pucli.compute.periods import month_index
from pucli.compute.projection import MIN_POINTS, fit_method
from pucli.models.observations import Series
from pucli.problems import DataError

BACKTEST_METHODS = ("constant-growth", "log-linear", "damped-trend", "seasonal")


@dataclass
class Score:
    method: str
    forecasts: int
    mape: float | None  # percent
    mase: float | None
    note: str = ""


def backtest(series: Series, horizon: int = 1, min_train: int = 3,
             progress: Callable[[str], None] | None = None) -> list[Score]:
    """Rolling-origin scores of every method on ``series``; ``progress(method)`` is called
    as each method starts (for a progress display)."""
    n = len(series)
    values = np.array(series.values)
    t = np.array([month_index(d) for d in series.dates])
    scores = []
    for method in BACKTEST_METHODS:
        if progress is not None:
            progress(method)
        errors: list[float] = []
        naive: list[float] = []
        seen: list[float] = []
        note = ""
        start = max(min_train, MIN_POINTS[method])
        for k in range(start, n):
            train = Series(series.dates[:k], series.values[:k])
            try:
                fit = fit_method(method, train)
            except DataError as exc:  # e.g. uneven spacing for damped-trend
                note = exc.problems[0].message
                break
            ahead = slice(k, min(k + horizon, n))
            point, _, _ = fit.forecast(t[ahead])
            errors += list(point - values[ahead])
            naive += list(values[k - 1] - values[ahead])
            seen += list(values[ahead])
        if not errors:
            scores.append(Score(method, 0, None, None,
                                note or f"needs at least {start + 1} actuals"))
            continue
        e, z = np.abs(np.array(errors)), np.abs(np.array(naive))
        mape = float(np.mean(e / np.array(seen)) * 100)
        mase = float(e.mean() / z.mean()) if z.mean() > 0 else None
        scores.append(Score(method, len(errors), mape, mase, note))
    return scores
