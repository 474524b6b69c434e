"""``pucli backtest``: how each method would have done on the actuals already known.

Rolling origin: at origin ``k`` the first ``k`` actuals are known and every method
forecasts the next ``horizon`` actuals. Every method is scored on the **same** origins and
horizons: the origins at which all the methods that fit this kind of series can fit
(a method that cannot fit it at all, e.g. seasonal on year ends, is listed with the reason
and no score). Per method and horizon ``h`` (errors ``e = forecast − actual``):

* ``mape`` — mean of ``|e| / actual``, in percent;
* ``mase`` — mean of ``|e| / s_k`` where ``s_k`` is the in-sample mean absolute one-step
  change of the ``k`` known actuals (Hyndman & Koehler 2006): below 1, the errors are
  smaller than the series' typical step;
* ``rel_mae`` — the method's mean ``|e|`` divided by that of the naive "no change"
  forecast on the very same points: below 1 beats naive;
* ``coverage`` — the share of actuals inside the method's 80 % interval (None without
  intervals); near 0.8 when the intervals are honest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from pucli.compute.choice import fit_method
from pucli.compute.periods import month_index
from pucli.models.observations import Series
from pucli.problems import DataError

BACKTEST_METHODS = ("naive", "drift", "blend", "constant-growth", "log-linear",
                    "damped-trend", "seasonal")


@dataclass(frozen=True)
class Forecast:
    """One forecast of one method from one origin."""

    method: str
    origin: int  # actuals known
    horizon: int  # steps ahead (1 = the next actual)
    actual: float
    point: float
    low: float | None
    high: float | None
    scale: float  # in-sample mean absolute one-step change at this origin (for MASE)


@dataclass
class Score:
    method: str
    horizon: int
    forecasts: int
    mape: float | None  # percent
    mase: float | None
    rel_mae: float | None
    coverage: float | None  # share of actuals inside the 80 % interval
    note: str = ""


def rolling_forecasts(series: Series, methods: Sequence[str] = BACKTEST_METHODS,
                      horizon: int = 1, min_train: int = 3,
                      progress: Callable[[str], None] | None = None,
                      ) -> tuple[list[Forecast], dict[str, str], list[int]]:
    """Every method's forecasts from the common origins; notes for the methods left out;
    the origins used."""
    n = len(series)
    values = np.array(series.values, dtype=float)
    t = np.array([month_index(d) for d in series.dates])
    fits: dict[str, dict[int, object]] = {}
    notes: dict[str, str] = {}
    origins = range(min_train, n)
    for method in methods:
        if progress is not None:
            progress(method)
        fits[method] = {}
        last_error = f"needs at least {min_train + 1} actuals"
        for k in origins:
            try:
                fits[method][k] = fit_method(method, Series(series.dates[:k], series.values[:k]))
            except DataError as exc:
                last_error = exc.problems[0].message
        if n - 1 not in fits[method]:  # cannot fit this series at all: no score
            notes[method] = last_error
            del fits[method]
    common = sorted(set.intersection(*(set(f) for f in fits.values()))) if fits else []
    out = []
    for k in common:
        steps = np.abs(np.diff(values[:k]))
        scale = float(steps.mean()) if len(steps) else float("nan")
        ahead = range(k, min(k + horizon, n))
        for method, by_origin in fits.items():
            point, low, high = by_origin[k].forecast(t[list(ahead)])  # type: ignore[attr-defined]
            for j, i in enumerate(ahead):
                out.append(Forecast(method, k, i - k + 1, float(values[i]), float(point[j]),
                                    None if np.isnan(low[j]) else float(low[j]),
                                    None if np.isnan(high[j]) else float(high[j]), scale))
    return out, notes, common


def score(forecasts: list[Forecast], method: str, horizon: int) -> Score:
    """The scores of ``method`` at ``horizon`` (see the module docstring)."""
    mine = [f for f in forecasts if f.method == method and f.horizon == horizon]
    if not mine:
        return Score(method, horizon, 0, None, None, None, None)
    naive = {(f.origin, f.horizon): f for f in forecasts if f.method == "naive"}
    err = np.array([abs(f.point - f.actual) for f in mine])
    actual = np.array([abs(f.actual) for f in mine])
    mape = float(np.mean(err / actual) * 100) if np.all(actual > 0) else None
    scales = np.array([f.scale for f in mine])
    mase = float(np.mean(err / scales)) if np.all(scales > 0) else None
    rel = None
    if all((f.origin, f.horizon) in naive for f in mine):
        base = np.array([abs(naive[(f.origin, f.horizon)].point - f.actual) for f in mine])
        rel = float(err.mean() / base.mean()) if base.mean() > 0 else None
    inside = [f.low <= f.actual <= f.high for f in mine
              if f.low is not None and f.high is not None]
    coverage = float(np.mean(inside)) if inside and len(inside) == len(mine) else None
    return Score(method, horizon, len(mine), mape, mase, rel, coverage)


def backtest(series: Series, horizon: int = 1, min_train: int = 3,
             progress: Callable[[str], None] | None = None,
             methods: Sequence[str] = BACKTEST_METHODS) -> list[Score]:
    """Rolling-origin scores of every method, per horizon 1 … ``horizon``, all on the same
    origins; ``progress(method)`` is called as each method starts."""
    forecasts, notes, origins = rolling_forecasts(series, methods, horizon, min_train,
                                                  progress)
    out = []
    for method in methods:
        if method in notes:
            out.append(Score(method, 1, 0, None, None, None, None, notes[method]))
            continue
        for h in range(1, horizon + 1):
            s = score(forecasts, method, h)
            if s.forecasts == 0:
                s.note = (f"needs at least {min_train + h} actuals" if not origins else
                          f"no actual {h} steps after any origin")
            out.append(s)
    return out
