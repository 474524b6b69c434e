"""Property-based tests (hypothesis).

* Any bytes, and any text, as any of the four data files give a result or located
  problems — from the library loaders and from ``pucli`` itself — never an exception.
* Projection arithmetic: a constant-growth series projects exactly (constant-growth and
  log-linear); the required annual growth applied to the latest actual reaches the final
  target.
* Overdue date arithmetic: ``days_overdue`` is a difference of dates and is monotone.

Examples are bounded (100–200 each, no deadline) so the suite stays fast. The series and
plans here are synthetic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pucli.cli.app import run
from pucli.compute.cadence import (
    MONTHS_PER_PERIOD,
    days_overdue,
    last_due_period,
    next_period,
    report_due,
)
from pucli.compute.methods import constant_growth, log_linear
from pucli.compute.overdue import late_items, severity_of
from pucli.compute.periods import month_end, month_index
from pucli.compute.projection import project_counts
from pucli.loading.actuals import load_actuals
from pucli.loading.datadir import DataDir
from pucli.loading.dataset import validate_data
from pucli.loading.plan import load_plan, load_targets
from pucli.loading.progress import load_progress
from pucli.loading.schema import validate
from pucli.models.observations import Series
from pucli.models.targets import Targets

from conftest import DATA
from hostile import ACTUALS, PROGRESS
from tracking_support import make_data_dir, make_plan

FAST = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
MORE = settings(FAST, max_examples=200)

FILES = ("measures.yaml", "targets.yaml", "progress.csv", "actuals.csv")
SMALL_PLAN = make_data_dir(Path(tempfile.mkdtemp()) / "plan")
# Files are restored to a small plan (fast to load) with a valid ledger and actuals; edits
# start from these, except that measures.yaml is edited from the real plan.
RESTORE = {
    "measures.yaml": (SMALL_PLAN / "measures.yaml").read_bytes(),
    "targets.yaml": (DATA / "targets.yaml").read_bytes(),
    "progress.csv": PROGRESS.encode(),
    "actuals.csv": ACTUALS.encode(),
}
shutil.rmtree(SMALL_PLAN.parent)
BASE = {
    **RESTORE,
    "measures.yaml": (DATA / "measures.yaml").read_bytes(),
    "targets.yaml": (DATA / "targets.yaml").read_bytes(),
    "progress.csv": PROGRESS.encode(),
    "actuals.csv": ACTUALS.encode(),
}
# A command that reads each file (cheap output formats: the reading is what is tested).
READER = {
    "measures.yaml": ["units"],
    "targets.yaml": ["project", "--format", "json"],
    "progress.csv": ["overdue", "--format", "csv", "--as-of", "2024-01-01"],
    "actuals.csv": ["project", "--format", "json"],
}


@pytest.fixture(scope="module")
def folder():
    """One data folder for the whole module: each example overwrites one file in it."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "data"
        target.mkdir()
        for name, data in RESTORE.items():
            (target / name).write_bytes(data)
        yield target


def _restore(folder: Path) -> None:
    for name, data in RESTORE.items():
        (folder / name).write_bytes(data)


def _check_loaders(folder: Path, name: str) -> None:
    """The library loader of ``name``: a result, or problems that name the file."""
    path, display = folder / name, name
    if name == "measures.yaml":
        obj, problems = load_plan(path, display)
    elif name == "targets.yaml":
        obj, problems = load_targets(path, display)
    elif name == "actuals.csv":
        obj, problems = load_actuals(path, display, dt.date(2026, 1, 1))
    else:
        plan, _ = load_plan(folder / "measures.yaml")
        assert plan is not None
        obj, problems = load_progress(DataDir(folder, "--data"), plan, dt.date(2026, 1, 1))
        assert all(p.file.endswith(name) for p in problems)
        return
    if obj is None:
        assert any(p.is_error for p in problems)
    for p in problems:
        assert p.file == display
        assert p.line is None or p.line >= 1


def _cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def _check_file(folder: Path, name: str, data: bytes) -> None:
    """Loader, ``validate_data`` and one command that reads the file (through ``run``)."""
    _restore(folder)
    (folder / name).write_bytes(data)
    _check_loaders(folder, name)
    report = validate_data(DataDir(folder, "--data"), dt.date(2026, 1, 1))
    for problem in report:
        assert problem.line is None or problem.line >= 1
    code, _, err = _cli(*READER[name], "--data", folder)
    assert code in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 1:
        assert name in err or "targets.yaml" in err or "measures.yaml" in err, err


def test_the_restored_folder_is_valid(folder):
    _restore(folder)
    assert validate_data(DataDir(folder, "--data"), dt.date(2026, 1, 1)).errors == []
    for name in FILES:
        assert _cli(*READER[name], "--data", folder)[0] == 0


@st.composite
def mutated(draw, name: str) -> bytes:
    """The valid file with a few random byte-level edits (deep into the parsers)."""
    data = bytearray(BASE[name])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 8))
        data[at:at + cut] = draw(st.binary(max_size=8))
    return bytes(data)


def _csv_field() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(["", "1", "2", "99", "-1", "一", "2023-06-30", "2023-02-29",
                         "2099-01-01", "2023/6/30", "县发改局", "县行政审批局", "县发改委",
                         "done", "in_progress", "blocked", "x", "40", "150", "40%", "nan",
                         "1,000", "7961", "6472.0", '"', '""', "=1+1", "\t", "\r"]),
        st.text(max_size=10),
    )


@st.composite
def csv_text(draw, name: str) -> str:
    """A header from the real file (sometimes altered) and rows of likely-trouble fields."""
    header = BASE[name].decode().splitlines()[0].split(",")
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    width = len(header)
    rows = draw(st.lists(st.lists(_csv_field(), min_size=width - 1, max_size=width + 1),
                         max_size=6))
    sep = draw(st.sampled_from(["\n", "\r\n"]))
    return sep.join([",".join(header), *(",".join(r) for r in rows)]) + draw(
        st.sampled_from(["", sep]))


any_bytes = st.one_of(st.binary(max_size=3000),
                     st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")))


@pytest.mark.parametrize("name", FILES)
@FAST
@given(data=any_bytes)
def test_any_bytes_or_text_give_a_result_or_a_located_error(folder, name, data):
    _check_file(folder, name, data)


@pytest.mark.parametrize("name", FILES)
@FAST
@given(st.data())
def test_edited_files_give_a_result_or_a_located_error(folder, name, data):
    _check_file(folder, name, data.draw(mutated(name)))


@pytest.mark.parametrize("name", ["progress.csv", "actuals.csv"])
@FAST
@given(st.data())
def test_csv_rows_of_likely_trouble_give_a_result_or_a_located_error(folder, name, data):
    _check_file(folder, name, data.draw(csv_text(name)).encode("utf-8", "surrogatepass"))


# ---- projection arithmetic -------------------------------------------------------------

def _series(start_year: int, n: int, v0: float, growth: float, monthly: bool) -> Series:
    if monthly:
        dates = [month_end(start_year + (m // 12), m % 12 + 1) for m in range(n)]
        factor = (1 + growth) ** (1 / 12)
    else:
        dates = [month_end(start_year + k, 12) for k in range(n)]
        factor = 1 + growth
    return Series(tuple(dates), tuple(v0 * factor ** k for k in range(n)))


def _targets(base: dt.date, value: float, goals: list[tuple[dt.date, float]]) -> Targets:
    return validate(Targets, {
        "region": "合成县", "baseline": {"date": base, "value": value},
        "targets": [{"date": d, "value": v} for d, v in goals]})


growth_rates = st.floats(-0.4, 1.0).filter(lambda g: abs(g) > 1e-6)
levels = st.floats(1.0, 1e7)


@MORE
@given(v0=levels, growth=growth_rates, n=st.integers(2, 15), monthly=st.booleans(),
       ahead=st.integers(1, 60))
def test_constant_growth_series_projects_exactly(v0, growth, n, monthly, ahead):
    s = _series(2010, n, v0, growth, monthly)
    t = np.array([month_index(d) for d in s.dates])
    fit = constant_growth(t, np.log(s.values))
    point, _, _ = fit.forecast(np.array([t[-1] + ahead]))
    expected = s.values[-1] * (1 + growth) ** (ahead / 12)
    assert math.isclose(point[0], expected, rel_tol=1e-9)
    if n >= 3:  # a perfect fit has no scatter: the interval closes on the point
        lin = log_linear(t, np.log(s.values))
        p, lo, hi = lin.forecast(np.array([t[-1] + ahead]))
        assert math.isclose(p[0], expected, rel_tol=1e-9)
        assert math.isclose(lo[0], expected, rel_tol=1e-6)
        assert math.isclose(hi[0], expected, rel_tol=1e-6)


@MORE
@given(v0=levels, growth=growth_rates, n=st.integers(3, 8), years=st.integers(1, 6),
       method=st.sampled_from(["constant-growth", "log-linear"]))
def test_project_counts_extends_a_constant_growth_series_exactly(v0, growth, n, years,
                                                                  method):
    s = _series(2010, n, v0, growth, monthly=False)
    final = month_end(s.dates[-1].year + years, 12)
    targets = _targets(s.dates[0], s.values[0], [(final, s.values[-1] * 2)])
    result = project_counts(targets, s, method=method)
    future = [r for r in result.rows if r.date > s.dates[-1]]
    assert [r.date for r in future] == [month_end(s.dates[-1].year + k, 12)
                                        for k in range(1, years + 1)]
    for k, row in enumerate(future, start=1):
        assert math.isclose(row.projection, s.values[-1] * (1 + growth) ** k, rel_tol=1e-9)
    for row in result.rows:
        if row.date <= s.dates[-1]:
            assert row.projection is None and row.actual == s.values[s.dates.index(row.date)]


@MORE
@given(latest=levels, ratio=st.floats(0.2, 20.0), n=st.integers(0, 4),
       last_month=st.integers(1, 12), months_ahead=st.integers(1, 120))
def test_required_growth_reaches_the_final_target(latest, ratio, n, last_month,
                                                  months_ahead):
    """From the latest actual (or the baseline when there is none) to the last target."""
    last = month_end(2023, last_month)
    dates = [month_end(2023 - (n - 1 - k), last_month) for k in range(n)]
    values = [latest * 0.9 ** (n - 1 - k) for k in range(n)]
    series = Series(tuple(dates), tuple(values))
    goal_at = month_end(2023 + (last_month + months_ahead - 1) // 12,
                        (last_month + months_ahead - 1) % 12 + 1)
    goal = latest * ratio
    targets = _targets(month_end(2019, 12) if n else last, latest,
                       [(goal_at - dt.timedelta(days=400), goal / 2), (goal_at, goal)])
    result = project_counts(targets, series)
    assert result.required_annual_growth is not None
    years = (month_index(goal_at) - month_index(last)) / 12
    assert years == pytest.approx(months_ahead / 12)
    reached = latest * (1 + result.required_annual_growth) ** years
    assert math.isclose(reached, goal, rel_tol=1e-9)
    assert math.isclose(result.net_new_per_month * months_ahead, goal - latest,
                        rel_tol=1e-9, abs_tol=1e-6)


# ---- overdue date arithmetic -----------------------------------------------------------

dates = st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


@MORE
@given(due=dates, a=dates, b=dates)
def test_days_overdue_is_a_date_difference_and_monotone(due, a, b):
    assert days_overdue(due, a) == (a - due).days
    assert days_overdue(due, due) == 0
    assert days_overdue(due, due + dt.timedelta(days=1)) == 1
    if a <= b:
        assert days_overdue(due, a) <= days_overdue(due, b)
    assert days_overdue(due, a) - days_overdue(due, b) == (a - b).days


@MORE
@given(days=st.integers(-400, 4000), soon=st.integers(0, 60), long=st.integers(0, 365))
def test_severity_agrees_with_the_sign_of_the_days(days, soon, long):
    sev = severity_of(days, soon, long)
    assert (sev in ("overdue", "long_overdue")) == (days > 0)
    assert (sev == "long_overdue") == (days > long)
    assert (sev is None) == (days <= 0 and -days > soon)


@MORE
@given(as_of=dates, cadence=st.sampled_from(sorted(MONTHS_PER_PERIOD)),
       grace=st.integers(0, 60))
def test_last_due_period_is_the_latest_report_already_late(as_of, cadence, grace):
    period = last_due_period(as_of, cadence, grace)
    assert report_due(period, grace) < as_of
    assert report_due(next_period(period, cadence), grace) >= as_of


@MORE
@given(a=st.dates(dt.date(2022, 6, 17), dt.date(2030, 12, 31)),
       b=st.dates(dt.date(2022, 6, 17), dt.date(2030, 12, 31)))
def test_late_measures_stay_late_and_count_days_from_the_effective_due(a, b):
    plan = make_plan()
    early, late = min(a, b), max(a, b)

    def measures(as_of: dt.date) -> dict[tuple[int, str], int]:
        return {(i.measure, i.unit): i.days_overdue
                for i in late_items(plan, [], as_of) if i.kind == "measure"}

    before, after = measures(early), measures(late)
    effective = {1: dt.date(2024, 2, 29), 2: dt.date(2025, 6, 30)}  # 2 has an extension
    for (measure, _unit), days in after.items():
        assert days == (late - effective[measure]).days
    for key, days in before.items():
        if days > 0:  # once overdue, overdue for good (nothing was reported)
            assert key in after and after[key] == days + (late - early).days
