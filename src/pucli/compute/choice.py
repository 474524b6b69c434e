"""Which projection method, and fitting it to a series.

The default is chosen by a fixed rule (:data:`DEFAULT_RULE`, printed with every
projection); ``benchmarks/bench_accuracy.py`` measures it against every other method on
real published series (docs/project.md has the table).
"""

from __future__ import annotations

import numpy as np

from pucli.compute.methods import (
    Fit,
    blend,
    constant_growth,
    damped_trend,
    drift,
    log_linear,
    naive,
    seasonal_growth,
)
from pucli.compute.periods import grid_gaps, grid_part, is_regular, month_index
from pucli.i18n import t as tr
from pucli.models.observations import Series
from pucli.problems import DataError, Problem

METHODS = {
    "plan": "plan path (no trend: fewer than two actuals)",
    "naive": "no change from the latest actual",
    "drift": "constant net increase (the average change a month, carried on)",
    "blend": "average of constant net increase and constant growth",
    "constant-growth": "constant growth at the observed rate",
    "log-linear": "log-linear trend",
    "damped-trend": "damped-trend exponential smoothing",
    "seasonal": "monthly growth with seasonal adjustment",
}
MIN_POINTS = {"plan": 0, "naive": 2, "drift": 2, "blend": 2, "constant-growth": 2, "log-linear": 3,
              "damped-trend": 4, "seasonal": 13}
LOG_METHODS = ("blend", "constant-growth", "log-linear", "damped-trend", "seasonal")
DEFAULT = "damped-trend"  # the benchmark's choice wherever it fits
DEFAULT_RULE = ("default rule: 0–1 actuals → plan path; a count of zero → drift; 25+ "
                "consecutive month ends → seasonal; 4+ actuals on one spacing (year, quarter or "
                "month ends; no more dates missing than present) → damped-trend (the lowest pooled "
                "error on the real series of benchmarks/bench_accuracy.py, see "
                "docs/project.md); otherwise blend")


def choose_method(series: Series) -> tuple[str, str]:
    """The default method for ``series`` and why it was chosen (see :data:`DEFAULT_RULE`)."""
    n = len(series)
    if n == 0:
        return "plan", "no actuals recorded: the projection can only be the plan path"
    if n == 1:
        return "plan", (f"one data point ({series.dates[0]}): a trend needs at least two, so "
                        "there is no trend and the projection can only be the plan path")
    zero = next((d for d, v in zip(series.dates, series.values, strict=True) if v <= 0), None)
    if zero is not None:
        return "drift", (f"the actual of {zero} is zero: growth rates are undefined, so the "
                         "constant net increase, which works on the counts themselves")
    if is_regular(series.dates) == 1 and n >= 25:
        return "seasonal", (f"{n} consecutive month ends (two years or more): monthly growth "
                            "with a factor per calendar month, so a strong month is not "
                            "mistaken for a trend")
    part = grid_part(series.dates)
    if part is not None and len(part[0]) >= MIN_POINTS[DEFAULT]:
        every = "every month" if part[1] == 1 else f"every {part[1]:g} months"
        return DEFAULT, (f"{len(part[0])} actuals {every}: damped-trend "
                         "lets the recent growth rate fade instead of carrying it on for "
                         "years, and had the lowest pooled error on the real series of the "
                         "accuracy benchmark")
    why = (f"{n} actuals: too few on one spacing for damped-trend (it needs "
           f"{MIN_POINTS[DEFAULT]} month, quarter or year ends, with no more dates missing "
           "than present), so the average of the constant net increase and the constant "
           "growth rate from the first actual to the latest")
    if n == 2:
        why += " (no interval: that needs three)"
    return "blend", why


def fit_method(method: str, series: Series) -> Fit:
    """Fit ``method`` to ``series``; DataError when it needs more or different data."""
    n = len(series)
    if n < MIN_POINTS[method]:
        raise _usage(f"method '{method}' needs at least {MIN_POINTS[method]} actuals; "
                     f"there {'is' if n == 1 else 'are'} {n}", "use one of --method "
                     + ", ".join(m for m, k in MIN_POINTS.items() if 0 < k <= n))
    t = np.array([month_index(d) for d in series.dates])
    y = np.array(series.values, dtype=float)
    if method == "drift":
        return drift(t, y)
    if method == "naive":
        return naive(t, y)
    zero = next((d for d, v in zip(series.dates, series.values, strict=True) if v <= 0), None)
    if zero is not None:
        raise _usage(f"method '{method}' works on growth rates, which need counts above "
                     f"zero; the actual of {zero} is {series.values[series.dates.index(zero)]:g}",
                     "use --method drift (constant net increase), which works with zeros")
    if method == "blend":
        return blend(t, y)
    x = np.log(y)
    if method == "constant-growth":
        return constant_growth(t, x)
    if method == "log-linear":
        return log_linear(t, x)
    if method == "damped-trend":
        return _on_grid(series, t, x)
    if is_regular(series.dates) != 1:
        raise _usage("seasonal needs consecutive month ends", "use --method drift")
    return seasonal_growth(t, x, np.array([d.month for d in series.dates]))


def grid_note(series: Series) -> str | None:
    """What damped-trend carries over or leaves out of a series, in words (None if
    nothing): grid points without an actual, and actuals off the grid."""
    part = grid_part(series.dates)
    if part is None:
        return None
    on, step = set(part[0]), part[1]
    gaps = grid_gaps([series.dates[i] for i in part[0]], step)
    left = [str(d) for i, d in enumerate(series.dates) if i not in on]
    if not gaps and not left:
        return None
    zh, en = ("月", "monthly") if step == 1 else (f" {step:g} 个月的间隔", f"{step:g}-month")
    said = [tr(f"damped-trend 按{zh}拟合 {len(on)} 个实际数",
               f"damped-trend is fitted on the {len(on)} actuals on a {en} spacing")]
    if gaps:
        shown = ", ".join(str(d) for d in gaps[:6]) + (", …" if len(gaps) > 6 else "")
        one = len(gaps) == 1
        said.append(tr(f"缺 {len(gaps)} 期（{shown}），模型按趋势延续、不作更新",
                       f"{len(gaps)} {'date' if one else 'dates'} without an actual "
                       f"({shown}) {'is' if one else 'are'} carried over by the model "
                       "without an update"))
    if left:
        shown = ", ".join(left[:6]) + (f", … ({len(left)})" if len(left) > 6 else "")
        said.append(tr(f"不在这一间隔上、未参与拟合：{shown}",
                       f"left out of the fit (off that spacing): {shown}"))
        if len(series) - 1 not in on:
            said.append(tr("最新实际数仍决定预测起点", "the latest actual still sets the level"))
    return tr("；", "; ").join(said)


def _on_grid(series: Series, t: np.ndarray, x: np.ndarray) -> Fit:
    """Damped trend on the actuals on the grid (gaps carried over); a later actual off the
    grid shifts the level."""
    part = grid_part(series.dates)
    if part is None or len(part[0]) < MIN_POINTS["damped-trend"]:
        raise _usage("damped-trend needs at least "
                     f"{MIN_POINTS['damped-trend']} actuals on one spacing (month, quarter "
                     "or year ends; no more dates missing than present)", "use --method drift")
    idx = part[0]
    fit = damped_trend(t[idx], x[idx], step=part[1])
    if idx[-1] == len(t) - 1:
        return fit
    offset = float(x[-1] - fit.predict(np.array([t[-1]]))[0][0])
    inner = fit.predict

    def predict(tt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        mean, se = inner(tt)
        return mean + offset, se

    return Fit(fit.method, predict, fit.q, {**(fit.params or {}), "level_offset": offset})


def _usage(message: str, hint: str) -> DataError:
    return DataError([Problem("method", message, "--method", hint=hint)])
