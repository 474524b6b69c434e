"""Writers under SIGKILL and under concurrency: an interrupted `pucli update` or
`pucli actuals add` never costs an earlier entry nor leaves a broken row, and two processes
appending at once lose nothing.

Real subprocesses (``python -m pucli``) are killed at random moments around the time a
command takes, so some die while importing, some while validating the file inside the
lock, some around the write, and some finish. The data is the small synthetic plan of
tracking_support.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pucli.compute.periods import month_end

from tracking_support import make_data_dir

ROUNDS = 40  # per writer; about 0.3 s each on the 2-core machine
WARM = 300  # the entry number of the first, timed run (never killed)


@pytest.fixture
def folder(tmp_path) -> Path:
    data = make_data_dir(tmp_path / "data")
    (data / "actuals.csv").write_text("date,total,source\n", encoding="utf-8")
    return data


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PUCLI_DATA", "PUCLI_DEBUG")}
    return {**env, "NO_COLOR": "1"}


def _update(data: Path, n: int) -> list[str]:
    return [sys.executable, "-m", "pucli", "update", "1", "--unit", "县发改局", "--status",
            "in_progress", "--note", f"第{n}次, \"ok\"", "--date", "2025-01-10",
            "--data", str(data)]


def _add(data: Path, n: int) -> list[str]:
    # One month end per entry, from 1990 on; the total grows so every row is plausible.
    day = month_end(1990 + n // 12, n % 12 + 1)
    return [sys.executable, "-m", "pucli", "actuals", "add", day.isoformat(), str(1000 + n),
            "--source", f"第{n}次, synthetic", "--data", str(data)]


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=_env(), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    return time.perf_counter() - start


def _kill_at_random(build, data: Path, seed: int) -> tuple[set[int], int]:
    """Run ``build(data, n)`` ROUNDS times, SIGKILL each at a random moment; return the
    entries whose command returned 0, and how many were killed."""
    rng = random.Random(seed)
    typical = _timed(build(data, WARM))  # warm the caches; its entry counts too
    acknowledged, killed = {WARM}, 0
    for n in range(ROUNDS):
        proc = subprocess.Popen(build(data, n), env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.5) * typical)
        proc.send_signal(signal.SIGKILL)
        code = proc.wait(timeout=60)
        if code == 0:
            acknowledged.add(n)
        else:
            assert code == -signal.SIGKILL, f"entry {n} failed with exit {code}"
            killed += 1
    return acknowledged, killed


def _assert_valid(cli, data: Path) -> None:
    r = cli("validate", "--data", data, "--format", "json")
    report = json.loads(r.out)
    assert r.code == 0 and report["errors"] == 0, r.out


def test_killed_updates_never_cost_an_acknowledged_entry(cli, folder):
    acknowledged, killed = _kill_at_random(_update, folder, seed=6)
    assert killed, "no command was killed: the kill times are too late"
    _assert_valid(cli, folder)
    text = (folder / "progress.csv").read_text(encoding="utf-8")
    for n in acknowledged:
        assert f'第{n}次, ""ok""' in text, f"acknowledged entry {n} is missing"
    assert text.count("date,measure") == 1
    # Every row is whole: each entry written is one of the ones attempted, written once.
    rows = text.splitlines()[1:]
    assert len(rows) == len(set(rows)) >= len(acknowledged)
    attempted = {f'2025-01-10,1,县发改局,in_progress,,"第{n}次, ""ok""",'
                 for n in [*range(ROUNDS), WARM]}
    assert set(rows) <= attempted


def test_killed_actuals_adds_never_cost_an_acknowledged_row(cli, folder):
    acknowledged, killed = _kill_at_random(_add, folder, seed=7)
    assert killed, "no command was killed: the kill times are too late"
    _assert_valid(cli, folder)
    lines = (folder / "actuals.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "date,total,source"
    rows = {line.split(",")[1]: line for line in lines[1:]}
    assert len(rows) == len(lines) - 1  # no row twice
    for n in acknowledged:
        assert str(1000 + n) in rows, f"acknowledged row {n} is missing"
    for total, line in rows.items():  # and every row is a whole one that was attempted
        n = int(total) - 1000
        assert line == ",".join(_add(folder, n)[5:7]) + f',"第{n}次, synthetic"'


CONCURRENT_ADD = """
import sys
from pucli.cli.app import run
data, first = sys.argv[1], int(sys.argv[2])
for n in range(first, first + 50):
    year, month = 1990 + n // 12, n % 12 + 1
    import calendar
    day = f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    code = run(["actuals", "add", day, str(1000 + n), "--region", f"r{first}", "--data", data])
    assert code == 0, code
"""


def test_two_concurrent_actuals_adds_lose_nothing(cli, folder):
    (folder / "actuals.csv").write_text("date,total,region\n", encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT_ADD, str(folder), str(first)],
                              env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for first in (0, 100)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    _assert_valid(cli, folder)
    lines = (folder / "actuals.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "date,total,region" and len(lines) == 101
    for first in (0, 100):
        totals = [int(line.split(",")[1]) for line in lines[1:] if line.endswith(f",r{first}")]
        assert totals == list(range(1000 + first, 1050 + first))  # all, in order
