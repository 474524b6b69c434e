"""The Python API for notebooks: ``pucli.open(path)`` and its pandas DataFrames.

Each method returns the rows the matching CLI command writes with ``--format csv/json/xlsx``
(the very same render functions build them) as a DataFrame with fixed dtypes
(:data:`DTYPES`): dates ``datetime64[ns]``, counts ``Int64`` (missing = ``<NA>``), the
metric and region ``category``, text ``string``. docs/python-api.md lists every column.

pandas is imported here only, when a method is called; ``import pucli`` stays light.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# The dtype of every column the frames can have (by name).
DTYPES: dict[str, str] = {
    # dates
    "date": "datetime64[ns]", "due": "datetime64[ns]", "original_due": "datetime64[ns]",
    "last_report": "datetime64[ns]",
    # categories
    "metric": "category", "region": "category",
    # counts and whole numbers
    **{c: "Int64" for c in (
        "plan", "plan_rate", "actual", "projection", "low", "high", "gap", "total",
        "enterprises", "individual_businesses", "cooperatives", "new", "cancelled",
        "measure", "slipped_days", "days_overdue", "horizon", "forecasts", "not_started",
        "in_progress", "done", "blocked", "no_report")},
    # shares and scores
    **{c: "float64" for c in ("gap_pct", "mape_pct", "mase", "rel_mae", "coverage80",
                              "share_done", "percent", "last_percent")},
    "lead": "boolean",
}


def frame(columns: Sequence[str], rows: Sequence[Sequence[Any]] | Sequence[dict[str, Any]],
          **constant: Any) -> pd.DataFrame:
    """A DataFrame of ``rows`` (lists, or records as in the JSON) with the dtypes of
    :data:`DTYPES` (other columns: ``string``). Also reads back the CLI's CSV/JSON/xlsx: every
    value may be a string, "" meaning missing. ``constant`` adds columns first (``metric``)."""
    import pandas as pd

    records = [dict(zip(columns, r, strict=True)) if not isinstance(r, dict) else r
               for r in rows]
    df = pd.DataFrame.from_records(records, columns=list(columns))
    for name, value in reversed(list(constant.items())):
        df.insert(0, name, [value] * len(df))
    if "year" in df.columns:  # yearly projections: a year stands for its year end
        when = [f"{v}-12-31" if str(v).isdigit() else v for v in df.pop("year")]
        df.insert(df.columns.get_loc("region") + 1 if "region" in df.columns else 0,
                  "date", when)
    return df.apply(lambda col: _typed(col, DTYPES.get(str(col.name), "string")))


def _typed(col: pd.Series, dtype: str) -> pd.Series:
    import pandas as pd

    col = col.replace({"": None})
    if dtype.startswith("datetime"):
        return pd.to_datetime(col.astype("string"), errors="raise").astype(dtype)
    if dtype in ("Int64", "float64"):
        return pd.to_numeric(col).astype(dtype)
    if dtype == "boolean":
        return col.map(lambda v: v if v is None or isinstance(v, bool)
                       else str(v).lower() == "true").astype("boolean")
    return col.astype("string").astype(dtype) if dtype == "category" else col.astype("string")


class Plan:
    """A data folder (targets.yaml, measures.yaml, actuals.csv, progress.csv) as frames."""

    def __init__(self, path: str | Path = "data") -> None:
        from pucli.loading.datadir import DataDir

        self.folder = DataDir(Path(path), "pucli.open")

    def __repr__(self) -> str:
        return f"pucli.open({str(self.folder.path)!r})"

    # -- counts and projections ------------------------------------------------------------

    def actuals(self) -> pd.DataFrame:
        """Every row of actuals.csv: date, metric, region, total, the three kinds, new,
        cancelled, source."""
        from pucli.loading.actuals import folder_metrics, open_actuals

        rows = open_actuals(self.folder, registry=folder_metrics(self.folder)).rows
        columns = ["date", "metric", "region", "total", "enterprises", "individual_businesses",
                   "cooperatives", "new", "cancelled", "source"]
        return frame(columns, [[getattr(r, c) for c in columns] for r in rows])

    def project(self, metric: str = "total", as_of: dt.date | str | None = None,
                method: str | None = None) -> pd.DataFrame:
        """``pucli project -f csv``: one row per period (and per region), as a frame with
        ``metric`` first; ``.attrs`` holds the method, its reason and the ratings."""
        from pucli.compute.projection import project_counts
        from pucli.compute.regions import project_regions
        from pucli.loading.actuals import open_actuals
        from pucli.loading.dataset import open_targets
        from pucli.models.metrics import metric_registry
        from pucli.render.projection_tables import projection_json, projection_rows

        when = _date(as_of)
        targets = open_targets(self.folder)
        actuals = open_actuals(self.folder, registry=metric_registry(targets.metrics))
        result = project_counts(targets, actuals.whole(metric, as_of=when), when, method,
                                metric)
        regions = (project_regions(targets, actuals, when, method, metric)[1]
                   if actuals.regions(metric) else None)
        df = frame(*projection_rows(result, regions), metric=metric)
        info = projection_json(result, regions)
        df.attrs = {k: info[k] for k in ("method", "method_reason", "method_rule", "rating",
                                         "rating_rule", "targets", "level_shifts",
                                         "trend_breaks")}
        return df

    def backtest(self, metric: str = "total", region: str | None = None, horizon: int = 1,
                 min_train: int = 3, as_of: dt.date | str | None = None) -> pd.DataFrame:
        """``pucli backtest -f csv``: one row per method and horizon."""
        from pucli.compute.backtest import backtest
        from pucli.loading.actuals import folder_metrics, open_actuals
        from pucli.render.projection_tables import backtest_rows

        when = _date(as_of)
        actuals = open_actuals(self.folder, registry=folder_metrics(self.folder))
        series = (actuals.series(region, metric, as_of=when) if region
                  else actuals.whole(metric, as_of=when))
        return frame(*backtest_rows(backtest(series, horizon, min_train)))

    # -- the ledger (台账) ------------------------------------------------------------------

    def _tracking(self, as_of: dt.date | str | None):
        from pucli.loading.dataset import open_plan
        from pucli.loading.progress import open_progress

        plan = open_plan(self.folder)
        today = dt.date.today()
        return plan, open_progress(self.folder, plan, today), _date(as_of) or today

    def ledger(self, unit: str | None = None, section: int | None = None,
               as_of: dt.date | str | None = None) -> pd.DataFrame:
        """``pucli ledger -f csv``: one row per measure and responsible unit."""
        from pucli.compute.browse import resolve_unit
        from pucli.compute.ledger import ledger_rows
        from pucli.render.tracking_tables import ledger_rows_out

        plan, entries, day = self._tracking(as_of)
        wanted = resolve_unit(plan, unit) if unit else None
        return frame(*ledger_rows_out(ledger_rows(plan, entries, unit=wanted, section=section,
                                                  as_of=day)))

    def overdue(self, as_of: dt.date | str | None = None, unit: str | None = None,
                section: int | None = None, by: str = "unit") -> pd.DataFrame:
        """``pucli overdue -f csv``: overdue and due-soon items, most late first."""
        from pucli.compute.browse import resolve_unit
        from pucli.compute.overdue import late_items, sort_items
        from pucli.render.tracking_tables import late_rows

        plan, entries, day = self._tracking(as_of)
        wanted = resolve_unit(plan, unit) if unit else None
        items = late_items(plan, entries, day, unit=wanted, section=section)
        return frame(*late_rows(sort_items(items, by)))

    def status(self, by: str = "unit", as_of: dt.date | str | None = None) -> pd.DataFrame:
        """``pucli status -f csv``: counts by latest status per unit (or section)."""
        from pucli.compute.ledger import ledger_rows, status_summary
        from pucli.render.tracking_tables import status_rows_out

        plan, entries, day = self._tracking(as_of)
        entries = [e for e in entries if e.date <= day]
        return frame(*status_rows_out(status_summary(plan, ledger_rows(plan, entries), by)))


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def open(path: str | Path = "data") -> Plan:  # noqa: A001 - pucli.open, like io.open
    """The data folder at ``path`` as a :class:`Plan` whose methods return DataFrames."""
    return Plan(path)
