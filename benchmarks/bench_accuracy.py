"""Forecast accuracy of pucli's methods against naive, drift and (when installed)
statsmodels ETS and ARIMA on real published series of market-entity counts.

Each series is a CSV under benchmarks/data/ (``date,total,source``): year-end counts as
published by statistics or market-regulation bureaus, every row citing its source.
From every origin with at least four actuals, each method forecasts the next one and two
year ends. Printed: the mean absolute percentage error (APE) per method and series, pooled
over all series, and the share of actuals inside each method's 80 % interval. ``default``
is the method pucli chooses by itself at each origin (its rule: pucli.compute.choice).

    python benchmarks/bench_accuracy.py [--csv OUT.csv]

statsmodels is not a dependency of pucli: without it its columns are skipped.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pucli.compute.backtest import rolling_forecasts  # noqa: E402
from pucli.compute.choice import choose_method  # noqa: E402
from pucli.models.observations import Series  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
PUCLI = ("naive", "drift", "blend", "constant-growth", "log-linear", "damped-trend")
HORIZONS = (1, 2)
MIN_ORIGIN = 4


def load(path: Path) -> Series:
    rows = [r for r in csv.DictReader(
        line for line in path.open(encoding="utf-8") if not line.startswith("#"))]
    return Series(tuple(dt.date.fromisoformat(r["date"]) for r in rows),
                  tuple(float(r["total"]) for r in rows), path.stem)


def _statsmodels():
    """statsmodels' damped-trend exponential smoothing and ARIMA(1,1,0) with drift, both
    state-space models on log counts: given the year-end grid with NaN where a year has
    no figure, their Kalman filters skip the gaps, and they forecast as many years ahead
    as the next actual lies (the same footing as pucli's methods)."""
    try:
        from statsmodels.tsa.arima.model import ARIMA
        from statsmodels.tsa.statespace.exponential_smoothing import ExponentialSmoothing
    except ImportError:
        return {}

    def ets(y: np.ndarray, h: int) -> tuple[np.ndarray, np.ndarray]:
        fc = ExponentialSmoothing(np.log(y), trend=True, damped_trend=True).fit(
            disp=False).get_forecast(h)
        return np.exp(fc.predicted_mean), np.exp(fc.conf_int(alpha=0.2))

    def arima(y: np.ndarray, h: int) -> tuple[np.ndarray, np.ndarray]:
        fc = ARIMA(np.log(y), order=(1, 1, 0), trend="t").fit().get_forecast(h)
        return np.exp(fc.predicted_mean), np.exp(fc.conf_int(alpha=0.2))

    return {"sm-ets": ets, "sm-arima": arima}


def _on_grid(s: Series, k: int) -> tuple[np.ndarray, list[int]]:
    """The first ``k`` actuals of year-end series ``s`` on a yearly grid (NaN where a year
    has no figure), and how many years after the last of them each later actual lies."""
    years = [d.year for d in s.dates]
    if any((d.month, d.day) != (12, 31) for d in s.dates):
        raise SystemExit(f"{s.name}: the benchmark's series are year ends")
    grid = np.full(years[k - 1] - years[0] + 1, np.nan)
    for yr, v in zip(years[:k], s.values[:k], strict=True):
        grid[yr - years[0]] = v
    return grid, [yr - years[k - 1] for yr in years[k:]]


def run(series_list: list[Series]) -> tuple[dict, dict]:
    """{(series, method): [(origin, horizon, ape, inside or None), …]} over every origin
    with at least four actuals, and {series: the origins every complete method fits}."""
    extra = _statsmodels()
    out: dict[tuple[str, str], list[tuple[int, int, float, bool | None]]] = {}
    common: dict[str, set[int]] = {}
    for s in series_list:
        origins = set(range(MIN_ORIGIN, len(s)))
        complete = set(origins)
        for method in PUCLI:
            forecasts, _, used = rolling_forecasts(s, (method,), max(HORIZONS), MIN_ORIGIN)
            if set(used) != origins:
                complete = complete & set(used)  # a partial method: compared where it fits
            for f in forecasts:
                inside = None if f.low is None else f.low <= f.actual <= f.high
                out.setdefault((s.name, method), []).append(
                    (f.origin, f.horizon, abs(f.point - f.actual) / f.actual * 100, inside))
        for k in sorted(origins):
            method = choose_method(Series(s.dates[:k], s.values[:k]))[0]
            out.setdefault((s.name, "default"), []).extend(
                r for r in out.get((s.name, method), []) if r[0] == k)
        for name, model in extra.items():
            for k in sorted(origins):
                grid, ahead = _on_grid(s, k)
                ahead = ahead[:max(HORIZONS)]
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    point, band = model(grid, ahead[-1])
                for j, years in enumerate(ahead):
                    actual = s.values[k + j]
                    lo, hi = band[years - 1]
                    out.setdefault((s.name, name), []).append(
                        (k, j + 1, abs(point[years - 1] - actual) / actual * 100,
                         bool(lo <= actual <= hi)))
        common[s.name] = origins
    return out, common


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, help="also write the table to this CSV")
    args = ap.parse_args()
    series = [load(p) for p in sorted(DATA.glob("*.csv"))]
    results, origins = run(series)
    methods = ["default", *PUCLI, *sorted({m for _, m in results} - {"default", *PUCLI})]
    names = [s.name for s in series]
    full = {n: len(results[(n, "naive")]) for n in names}

    def ape(n: str, m: str) -> list[float]:
        return [a for _, _, a, _ in results.get((n, m), [])]

    partial = {m for m in methods for n in names if len(ape(n, m)) not in (0, full[n])}
    best = {n: min(np.mean(ape(n, m)) for m in methods if ape(n, m) and m not in partial)
            for n in names}
    header = ["method", *names, "pooled", "worst ratio", "80% coverage"]
    rows = []
    for m in methods:
        per = [np.mean(ape(n, m)) if ape(n, m) else None for n in names]
        pooled = [a for n in names for a in ape(n, m)]
        cover = [c for n in names for *_, c in results.get((n, m), []) if c is not None]
        ratio = max(p / best[n] for p, n in zip(per, names, strict=True) if p is not None)
        rows.append([m + (" *" if m in partial else ""),
                     *(None if p is None else round(p, 2) for p in per),
                     round(float(np.mean(pooled)), 2), round(ratio, 2),
                     f"{np.mean(cover) * 100:.0f} % of {len(cover)}" if cover else "—"])
    print("mean APE (%) per method and series, over every origin with ≥ 4 actuals and "
          "horizons 1–2 (the next two actuals); forecasts per series: "
          + ", ".join(f"{n} {c}" for n, c in full.items()))
    for m in sorted(partial):
        keys = {(n, k, h) for n in names for k, h, *_ in results.get((n, m), [])}
        mine = [a for n in names for k, h, a, _ in results.get((n, m), [])]
        default = [a for n in names for k, h, a, _ in results[(n, "default")]
                   if (n, k, h) in keys]
        print(f"* {m} fits only {len(mine)} of the forecasts (its mean is over those, and it "
              f"is left out of 'worst ratio' bests); on the same forecasts: {m} "
              f"{np.mean(mine):.2f} %, default {np.mean(default):.2f} %")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(str("" if v is None else v).rjust(w) for v, w in zip(r, widths,
                                                                              strict=True)))
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([header, *rows])


if __name__ == "__main__":
    main()
