"""The writers' lock is what keeps concurrent writers correct, and this test notices if it
goes: eight `pucli actuals add` of the same date, released at the same instant, in rounds.
One is written, seven are refused as a duplicate date, and the file holds the date once.
Without the lock, several writers read a file without the date and all append it (seen in
10 rounds of 10 on the 2-core machine; with the lock in none of 10).

Eight `pucli update` creating a ledger that does not exist yet were tried too (two writers
finding the file empty would both write the header): without the lock that race did not
show in 8 rounds, so such a test could not tell, and it is not here.

One helper process imports pucli once and forks the eight writers for each round (a fork
costs far less than starting Python eight times); they wait at a barrier and then call
``pucli.cli.app.run``. ``NO_LOCK=1`` replaces ``fcntl.flock`` in that process with a
no-op: the test checks it can see the difference (the lock's absence shows in some round)
before trusting its verdict on the real thing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tracking_support import make_data_dir

WRITERS = 8
ROUNDS = 3

HELPER = r"""
import fcntl, json, os, sys, time
from pathlib import Path
from pucli.cli.app import run

root, rounds, writers = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
if os.environ.get("NO_LOCK") == "1":
    fcntl.flock = lambda fd, op: None
# warm up: imports, the plan's validator and cache, so the writers differ only in timing
run(["validate", "--data", str(root / "round0")])
results = []
for r in range(rounds):
    data = root / f"round{r}"
    go = root / f"go{r}"
    pids = []
    for w in range(writers):
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            while not go.exists():
                time.sleep(0.0005)
            args = ["actuals", "add", "2023-12-31", str(9000 + w), "--source", f"w{w}"]
            os._exit(run(args + ["--data", str(data)]))
        pids.append(pid)
    time.sleep(0.05)  # every writer is waiting
    go.touch()
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    results.append(codes)
print(json.dumps(results))
"""


def _rounds(tmp_path, lock: bool) -> list[tuple[list[int], str]]:
    for r in range(ROUNDS):
        data = make_data_dir(tmp_path / f"round{r}", progress=None)
        (data / "actuals.csv").write_text("date,total,source\n2021-12-31,6472,synthetic\n",
                                          encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PUCLI_DATA", "PUCLI_DEBUG")}
    env["NO_LOCK"] = "0" if lock else "1"
    done = subprocess.run([sys.executable, "-c", HELPER, str(tmp_path), str(ROUNDS),
                           str(WRITERS)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    codes = json.loads(done.stdout)
    return [(c, (tmp_path / f"round{r}" / "actuals.csv").read_text(encoding="utf-8"))
            for r, c in enumerate(codes)]


def _violations(rounds: list[tuple[list[int], str]]) -> list[str]:
    bad = []
    for r, (codes, text) in enumerate(rounds):
        rows = [line for line in text.splitlines() if line.startswith("2023-12-31,")]
        if sorted(codes) != [0] + [1] * (WRITERS - 1) or len(rows) != 1:
            bad.append(f"round {r}: exits {codes}, rows {rows}")
    return bad


def test_eight_writers_adding_one_date_write_it_once(tmp_path):
    assert _violations(_rounds(tmp_path / "lock", lock=True)) == []
    # the same rounds without the lock go wrong: this test would notice it removed
    assert _violations(_rounds(tmp_path / "nolock", lock=False))

