"""A data folder as a whole: load what a command needs, or validate everything.

Commands call :func:`open_plan` / :func:`open_targets`, which raise :class:`DataError`
carrying located problems when the file cannot be used; ``pucli validate`` calls
:func:`validate_data`, which never raises and reports every problem in every file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from pucli.loading.cache import cached_load
from pucli.loading.datadir import MEASURES, TARGETS, DataDir
from pucli.loading.textfile import MAX_YAML_BYTES
from pucli.models.plan import Plan
from pucli.models.targets import Targets
from pucli.problems import DataError, Problem, Report

# Checkers of the observation files (CSV), registered by their modules:
# (file name, checker(datadir, plan or None, targets or None, today) → problems).
ObservationChecker = Callable[[DataDir, Plan | None, Targets | None, dt.date], list[Problem]]
OBSERVATION_CHECKERS: list[tuple[str, ObservationChecker]] = []


def _raise_on_errors(obj, problems: list[Problem]):
    errors = [p for p in problems if p.is_error]
    if obj is None or errors:
        raise DataError(errors or problems)
    return obj


def read_plan(datadir: DataDir) -> tuple[Plan | None, list[Problem]]:
    """measures.yaml loaded (see :func:`pucli.loading.plan.load_plan`), through the cache."""
    return cached_load("plan", datadir.file(MEASURES), datadir.display(MEASURES),
                       MAX_YAML_BYTES, _load_plan)


def read_targets(datadir: DataDir) -> tuple[Targets | None, list[Problem]]:
    """targets.yaml loaded (see :func:`pucli.loading.plan.load_targets`), through the cache."""
    return cached_load("targets", datadir.file(TARGETS), datadir.display(TARGETS),
                       MAX_YAML_BYTES, _load_targets)


def _load_plan(path: Path, display: str) -> tuple[Plan | None, list[Problem]]:
    # Imported here: on a cache hit the YAML parser and validators are never needed.
    from pucli.loading.plan import load_plan

    return load_plan(path, display)


def _load_targets(path: Path, display: str) -> tuple[Targets | None, list[Problem]]:
    from pucli.loading.plan import load_targets

    return load_targets(path, display)


def open_plan(datadir: DataDir) -> Plan:
    """The plan, or :class:`DataError` with every error in measures.yaml."""
    return _raise_on_errors(*read_plan(datadir))


def open_targets(datadir: DataDir) -> Targets:
    """The targets, or :class:`DataError` with every error in targets.yaml."""
    return _raise_on_errors(*read_targets(datadir))


def is_targets_only(datadir: DataDir) -> bool:
    """A folder of targets and counts only, without a plan's measures (no measures.yaml,
    no ledger): `project`, `backtest` and `quality` work on it; tracking needs a plan."""
    from pucli.loading.datadir import PROGRESS

    return (datadir.file(TARGETS).is_file() and not datadir.file(MEASURES).exists()
            and not datadir.file(PROGRESS).exists())


def validate_data(datadir: DataDir, today: dt.date | None = None) -> Report:
    """Every problem in every data file of the folder, errors and warnings."""
    _register_observation_checkers()
    today = today or dt.date.today()
    report = Report()
    if not datadir.path.is_dir():
        report.add(Problem("missing-folder", "data folder not found", str(datadir.path),
                           hint="pass --data DIR or set PUCLI_DATA to a folder holding "
                                "measures.yaml and targets.yaml"))
        return report
    plan = None
    if not is_targets_only(datadir):
        plan, problems = read_plan(datadir)
        report.extend(problems)
    targets, problems = read_targets(datadir)
    report.extend(problems)
    if plan is not None and any(p.is_error for p in report if p.file.endswith(MEASURES)):
        plan = None  # cross-checks against a broken plan would only add noise
    for name, checker in OBSERVATION_CHECKERS:
        if os.path.lexists(datadir.file(name)):  # a broken link is checked too
            report.extend(checker(datadir, plan, targets, today))
    return report


def _register_observation_checkers() -> None:
    """Import the observation modules so they register their checkers (once)."""
    import pucli.loading.observations  # noqa: F401
