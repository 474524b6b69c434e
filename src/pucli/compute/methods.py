"""Projection methods: most on the log of the counts (growth is multiplicative).

Each method fits a series given as months ``t`` (see :mod:`pucli.compute.periods`) and
log counts ``x``, and forecasts the log count at later months with a standard error.
Points are ``exp(mean)`` (the median of the forecast), 80 % intervals
``exp(mean ± q·se)`` with ``q`` from Student's t on the residual degrees of freedom.
:func:`drift` and :func:`naive` work on the counts themselves (``scale="count"``):
points ``mean``, intervals ``mean ± q·se``.
Only numpy: no statsmodels, every formula is written out here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from pucli.compute.periods import t90


@dataclass(frozen=True)
class Fit:
    """A fitted method: ``predict(t)`` gives log means and standard errors (NaN = none)."""

    method: str
    predict: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
    q: float = math.nan  # the quantile for 80 % intervals (NaN when there is no interval)
    params: dict[str, float] | None = None
    scale: str = "log"  # "log": predict() gives log counts; "count": counts
    parts: tuple[Fit, ...] = ()  # a blend: the average of these fits' forecasts

    def forecast(self, t: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Point, low and high in counts at months ``t``."""
        if self.parts:
            each = [f.forecast(t) for f in self.parts]
            return tuple(np.mean([e[i] for e in each], axis=0) for i in range(3))  # type: ignore[return-value]
        mean, se = self.predict(np.asarray(t, dtype=float))
        if self.scale == "count":
            return mean, np.maximum(mean - self.q * se, 0.0), mean + self.q * se
        return np.exp(mean), np.exp(mean - self.q * se), np.exp(mean + self.q * se)


def _walk(t: np.ndarray, z: np.ndarray, with_drift: bool = True) -> tuple[float, float, float]:
    """Drift ``μ`` a month, variance ``σ²`` a month and the 80 % quantile of a random walk.

    ``μ = (z_n − z_1)/(t_n − t_1)`` (0 without drift); increments ``d_i`` over ``Δ_i``
    months give ``σ² = Σ (d_i − μΔ_i)²/Δ_i / (n − 1 − k)``, ``k`` = 1 with drift, else 0.
    """
    n = len(t)
    mu = float((z[-1] - z[0]) / (t[-1] - t[0])) if with_drift else 0.0
    df = n - 1 - (1 if with_drift else 0)
    if df < 1:
        return mu, math.nan, math.nan
    d, dt_ = np.diff(z), np.diff(t)
    return mu, float(np.sum((d - mu * dt_) ** 2 / dt_) / df), t90(df)


def constant_growth(t: np.ndarray, x: np.ndarray) -> Fit:
    """Growth at the observed average rate from the first to the last point.

    A random walk with drift on the log counts (:func:`_walk`): a forecast ``h`` months
    ahead is ``x_n + μh`` with variance ``σ²(h + h²/T)`` (the walk plus the uncertainty
    of μ, T = t_n − t_1).
    """
    mu, sigma2, q = _walk(t, x)
    span, last_t, last_x = t[-1] - t[0], t[-1], x[-1]

    def predict(tt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        h = tt - last_t
        return last_x + mu * h, np.sqrt(sigma2 * (h + h * h / span))

    return Fit("constant-growth", predict, q, {"monthly_log_growth": mu, "sigma2": sigma2})


def drift(t: np.ndarray, y: np.ndarray) -> Fit:
    """Constant net increase: the average change a month from the first count to the last.

    The same random walk with drift as :func:`constant_growth`, on the counts ``y``:
    ``y_n + μh``, variance ``σ²(h + h²/T)``. Works with zero counts.
    """
    mu, sigma2, q = _walk(t, y)
    span, last_t, last_y = t[-1] - t[0], t[-1], y[-1]

    def predict(tt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        h = tt - last_t
        return last_y + mu * h, np.sqrt(sigma2 * (h + h * h / span))

    return Fit("drift", predict, q, {"monthly_net_increase": mu, "sigma2": sigma2},
               scale="count")


def blend(t: np.ndarray, y: np.ndarray) -> Fit:
    """The average of :func:`drift` (constant net increase) and :func:`constant_growth`
    (constant growth rate): points, lows and highs are each the mean of the two.

    Counts that grow by a steady number a year and counts that grow by a steady rate are
    the two simple stories a registry follows; the benchmark on real series
    (benchmarks/bench_accuracy.py) found each badly wrong on some series and their average
    close to the best on all. Averaging the bounds treats the two errors as moving together
    (they come from the same actuals), which keeps the interval honest, not narrower.
    """
    parts = (drift(t, y), constant_growth(t, np.log(y)))
    return Fit("blend", parts[0].predict, parts[0].q, {"parts": 2.0}, "count", parts)


def naive(t: np.ndarray, y: np.ndarray) -> Fit:
    """No change: the last count, with the spread of a random walk without drift,
    ``σ²h``, ``σ² = Σ d_i²/Δ_i / (n − 1)`` (the benchmark every method must beat)."""
    _, sigma2, q = _walk(t, y, with_drift=False)
    last_t, last_y = t[-1], y[-1]

    def predict(tt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        h = tt - last_t
        return np.full(np.shape(tt), float(last_y)), np.sqrt(sigma2 * h)

    return Fit("naive", predict, q, {"sigma2": sigma2}, scale="count")


def log_linear(t: np.ndarray, x: np.ndarray) -> Fit:
    """Least-squares line through the log counts: ``x = a + b·t``.

    Prediction variance ``s²(1 + 1/n + (t₀ − t̄)²/Sxx)``, ``s² = SSE/(n − 2)``.
    """
    n = len(t)
    tm, xm = t.mean(), x.mean()
    sxx = float(np.sum((t - tm) ** 2))
    b = float(np.sum((t - tm) * (x - xm)) / sxx)
    a = float(xm - b * tm)
    s2 = float(np.sum((x - a - b * t) ** 2) / (n - 2))

    def predict(tt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return a + b * tt, np.sqrt(s2 * (1 + 1 / n + (tt - tm) ** 2 / sxx))

    return Fit("log-linear", predict, t90(n - 2), {"a": a, "b": b, "s2": s2})


_ALPHAS = np.round(np.arange(0.05, 0.96, 0.05), 2)
_BETA_SHARES = np.array([0.0, 0.1, 0.25, 0.5, 1.0])
_PHIS = np.array([0.8, 0.85, 0.9, 0.95, 0.98])


def damped_trend(t: np.ndarray, x: np.ndarray, alpha: float | None = None,
                 beta: float | None = None, phi: float | None = None,
                 step: float | None = None) -> Fit:
    """Additive damped-trend exponential smoothing (Gardner & McKenzie) on a grid.

    The points ``t`` lie on a grid of ``step`` months (default: the smallest gap); a grid
    point without an actual is a gap. The model, one step at a time, in the innovations
    state-space form (Hyndman, Koehler, Ord & Snyder 2008)::

        x_t = l + φb + ε_t;   l ← l + φb + αε_t;   b ← φb + βε_t

    started at ``l = x₁``, ``b = (x₂ − x₁)/k₂`` (``k₂`` steps). With no gap this is the
    usual error-correction recursion. Across a gap :func:`_filter` runs the Kalman filter:
    the state moves on without an update and becomes uncertain (covariance ``σ²P``), so the
    next actual's error has variance ``σ²S``, ``S = w'Pw + 1``, ``w = (1, φ)``, and it
    corrects the state by the gain ``(FPw + g)/S`` (``g = (α, β)``) rather than by α, β.

    α, β ≤ α and φ maximise the Gaussian likelihood over a grid: they minimise
    ``m·log(Σe²/S / m) + Σ log S`` over the ``m`` errors (with no gap every ``S = 1`` and this
    is least squares). ``k`` steps ahead: ``l + (φ + … + φᵏ)b``, variance
    ``σ²(1 + Σ_{j<k} c_j² + a'Pa)``, ``c_j = α + βφ(1 − φʲ)/(1 − φ)``,
    ``a = (1, φ + … + φᵏ)``, ``σ² = Σ(e²/S)/(n − 4)``; between whole steps (a target date
    between grid dates) the first part is linear in ``k`` (:func:`_steps_noise`).
    """
    if step is None:
        step = float(np.min(np.diff(t)))
    given = [v is not None for v in (alpha, beta, phi)]
    if any(given) and not all(given):  # a partial call would silently search them all
        raise ValueError("give alpha, beta and phi together, or none of them")
    if not all(given):
        grid = [(a, a * s, p) for a in _ALPHAS for s in _BETA_SHARES for p in _PHIS]
        al, be, ph = (np.array(v) for v in zip(*grid, strict=True))
    else:
        al, be, ph = np.array([alpha]), np.array([beta]), np.array([phi])
    pos = np.rint((t - t[0]) / step).astype(int)
    state, sse, logs = _filter(x, pos, al, be, ph)
    m = len(x) - 1
    best = int(np.argmin(m * np.log(np.maximum(sse, 1e-300) / m) + logs))  # first of ties
    a, b_, p = float(al[best]), float(be[best]), float(ph[best])
    lv, tr, p11, p12, p22 = (float(v[best]) for v in state)
    df = max(len(x) - 4, 1)
    sigma2 = float(sse[best]) / df
    last_t = float(t[-1])

    def predict(tt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        k = (tt - last_t) / step
        reach = p * (1 - p ** k) / (1 - p)  # φ + … + φᵏ
        mean = lv + reach * tr
        noise = np.array([_steps_noise(float(kk), a, b_, p)
                          for kk in np.atleast_1d(k)]).reshape(np.shape(mean))
        own = p11 + 2 * reach * p12 + reach * reach * p22  # a'Pa: the state's uncertainty
        return mean, np.sqrt(sigma2 * (noise + own))

    return Fit("damped-trend", predict, t90(df),
               {"alpha": a, "beta": b_, "phi": p, "sigma2": sigma2, "step": step})


def _steps_noise(k: float, a: float, b: float, p: float) -> float:
    """The new errors' share of the variance ``k`` steps ahead, in units of σ²:
    ``V(k) = 1 + Σ_{j<k} c_j²`` for whole ``k`` ≥ 1, ``V(0) = 0``, and linear between whole
    steps (a target date between two grid dates)."""
    def whole(m: int) -> float:
        return 0.0 if m <= 0 else 1 + sum((a + b * p * (1 - p ** j) / (1 - p)) ** 2
                                          for j in range(1, m))
    low = math.floor(k)
    return whole(low) + (k - low) * (whole(low + 1) - whole(low)) if k > low else whole(low)


def _filter(x: np.ndarray, pos: np.ndarray, al: np.ndarray, be: np.ndarray,
            ph: np.ndarray) -> tuple[tuple[np.ndarray, ...], np.ndarray, np.ndarray]:
    """The Kalman filter of the damped trend for every (α, β, φ) at once.

    State ``(l, b)``, transition ``F = [[1, φ], [0, φ]]``, noise loading ``g = (α, β)``,
    ``x_t = w'(l, b) + ε_t`` with ``w = (1, φ)``; ``P`` (in units of σ²) is 0 at the start
    (the state is taken as known) and stays 0 while no actual is missing. Returns the
    final state and covariance ``(l, b, P₁₁, P₁₂, P₂₂)``, ``Σ e²/S`` and ``Σ log S``.
    """
    level = np.full(al.shape, x[0])
    trend = np.full(al.shape, (x[1] - x[0]) / (pos[1] - pos[0]))
    p11, p12, p22 = np.zeros(al.shape), np.zeros(al.shape), np.zeros(al.shape)
    sse, logs = np.zeros(al.shape), np.zeros(al.shape)
    for xi, k in zip(x[1:], np.diff(pos), strict=True):
        for _ in range(int(k) - 1):  # a grid point without an actual: move on, no update
            level, trend = level + ph * trend, ph * trend
            p11, p12, p22 = (p11 + 2 * ph * p12 + ph * ph * p22 + al * al,
                             ph * p12 + ph * ph * p22 + al * be, ph * ph * p22 + be * be)
        s = p11 + 2 * ph * p12 + ph * ph * p22 + 1  # w'Pw + 1
        k1 = (p11 + 2 * ph * p12 + ph * ph * p22 + al) / s  # (FPw + g)/S
        k2 = (ph * p12 + ph * ph * p22 + be) / s
        f = level + ph * trend
        e = xi - f
        sse += e * e / s
        logs += np.log(s)
        level, trend = f + k1 * e, ph * trend + k2 * e
        p11, p12, p22 = (p11 + 2 * ph * p12 + ph * ph * p22 + al * al - k1 * k1 * s,
                         ph * p12 + ph * ph * p22 + al * be - k1 * k2 * s,
                         ph * ph * p22 + be * be - k2 * k2 * s)
    return (level, trend, p11, p12, p22), sse, logs


def seasonal_growth(t: np.ndarray, x: np.ndarray, months: np.ndarray) -> Fit:
    """Monthly growth with a factor per calendar month (consecutive month ends, n ≥ 13).

    ``d_i = x_i − x_{i−1}`` is the growth in the month of point ``i``; ``m_c`` is the mean
    of the ``n_c`` increments of calendar month ``c``, ``μ`` the mean of the twelve and
    ``s_c = m_c − μ`` (they sum to 0). ``k`` months ahead: ``x_n + Σ m_c`` over the months
    passed. The error is the walk's ``k`` new increments plus the error of every estimated
    ``m_c`` used (variance ``σ²/n_c`` each, used ``k_c`` times), so the variance is
    ``σ²(k + Σ_c k_c²/n_c)``, with ``σ² = Σ (d − m_c)²/(N − 12)`` over the ``N`` increments
    (no interval when N ≤ 12: each month seen once leaves no scatter to measure).
    """
    d = np.diff(x)
    m = months[1:]
    counts = np.array([int(np.sum(m == k)) for k in range(1, 13)])
    means = np.array([d[m == k].mean() for k in range(1, 13)])
    mu = float(means.mean())
    season = means - mu
    resid = d - means[m - 1]
    big_n = len(d)
    if big_n > 12:
        sigma2, q = float(np.sum(resid ** 2) / (big_n - 12)), t90(big_n - 12)
    else:
        sigma2, q = math.nan, math.nan
    last_t, last_x, last_m = float(t[-1]), float(x[-1]), int(months[-1])

    def one(k: int) -> tuple[float, float]:
        used = [(last_m + j - 1) % 12 for j in range(1, k + 1)]  # calendar months (0-based)
        uses = np.bincount(used, minlength=12) if used else np.zeros(12)
        var = sigma2 * (k + float(np.sum(uses ** 2 / counts)))
        return last_x + float(sum(means[c] for c in used)), math.sqrt(var) if k else 0.0

    def predict(tt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        ks = np.rint(np.atleast_1d(tt) - last_t).astype(int)
        out = np.array([one(int(k)) for k in ks]).reshape(-1, 2)
        return out[:, 0].reshape(np.shape(tt)), out[:, 1].reshape(np.shape(tt))

    return Fit("seasonal", predict, q, {"monthly_log_growth": mu, "sigma2": sigma2,
                                         **{f"s{k}": float(season[k - 1]) for k in range(1, 13)}})
