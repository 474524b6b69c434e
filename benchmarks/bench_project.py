"""Start-up cost of `pucli project` (no chart) against the issue's baseline command.

Runs each command N times, alternating, in this one run, and prints the median wall time
of each and their ratio. The requirement: ratio ≤ 1.3. Uses the bundled data plus, as a
second case, a synthetic 60-month series written to a temporary folder (synthetic: made
up for this benchmark).

    python benchmarks/bench_project.py [-n 15]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = [sys.executable, "-c",
            "import pandas, typer, rich.table, yaml; from pydantic import BaseModel"]
ROOT = Path(__file__).resolve().parent.parent


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _synthetic(folder: Path) -> None:
    shutil.copy(ROOT / "data" / "targets.yaml", folder / "targets.yaml")
    rows, value = ["date,total"], 6472.0
    for k in range(60):
        y, m = 2019 + (k + 11) // 12, (k + 11) % 12 + 1
        end = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        rows.append(f"{y}-{m:02d}-{end},{round(value)}")
        value *= 1.011 + (0.004 if m == 3 else 0)
    (folder / "actuals.csv").write_text("\n".join(rows[:1] + rows[1:50]) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=15)
    n = parser.parse_args().n
    pucli = [sys.executable, "-m", "pucli"]
    with tempfile.TemporaryDirectory() as tmp:
        _synthetic(Path(tmp))
        cases = {"bundled data": pucli + ["project", "--data", str(ROOT / "data")],
                 "49 synthetic month ends": pucli + ["project", "--data", tmp]}
        for cmd in [BASELINE, *cases.values()]:
            _time(cmd)  # warm the file cache
        times: dict[str, list[float]] = {"baseline": [], **{k: [] for k in cases}}
        for _ in range(n):
            times["baseline"].append(_time(BASELINE))
            for name, cmd in cases.items():
                times[name].append(_time(cmd))
    base = statistics.median(times["baseline"])
    print(f"baseline (import pandas, typer, rich.table, yaml, pydantic): {base * 1000:.0f} ms")
    for name in cases:
        t = statistics.median(times[name])
        print(f"pucli project, {name}: {t * 1000:.0f} ms  ratio {t / base:.2f} "
              f"(limit 1.30) {'ok' if t / base <= 1.3 else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
