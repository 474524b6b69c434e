"""Scale benchmark: wall time and peak memory of validate, overdue and project on a large
SYNTHETIC data folder (5,000 measures, 200 units, 100,000 reports, 100 regions × 120 months).

Budgets on the 2-core reference machine: validate and overdue < 3 s, project < 4 s, peak
memory < 500 MB. Each command also runs against a trivial baseline (`python -c pass`)
in the same run, so the ratio is comparable across noisy machines.

The budgeted rows run with PUCLI_NO_CACHE=1: the plan is parsed and validated every time,
as on the first run after measures.yaml changes. Rows marked "(plan cached)" show the
routine case, for information.

    python benchmarks/bench_scale.py [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import generate  # noqa: E402

BUDGETS = {"validate": 3.0, "overdue": 3.0, "project": 4.0}
MEMORY_BUDGET_MB = 500


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of one child process."""
    start = time.perf_counter()
    # Not a pipe: nobody reads it while we wait, and a full pipe would block the child.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def best(cmd: list[str], repeat: int, env: dict[str, str] | None = None,
         ) -> tuple[float, float, int]:
    runs = [run(cmd, env) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="generate into (and keep) this folder")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pucli-scale-"))
    t = time.perf_counter()
    generate(folder)
    size = (folder / "measures.yaml").stat().st_size / 1e6
    print(f"synthetic data in {folder} ({size:.1f} MB plan), generated in "
          f"{time.perf_counter() - t:.1f} s")
    base, base_mem, _ = best([sys.executable, "-c", "pass"], args.repeat)
    print(f"baseline `python -c pass`: {base:.3f} s, {base_mem:.0f} MB")
    print(f"{'command':<22}{'wall s':>9}{'budget':>8}{'peak MB':>9}{'exit':>6}{'× python':>10}")
    ok = True
    # The budgeted commands as a user runs them, then the same computations with a plain
    # output format: the difference is the time spent drawing the rich table.
    cold = {**os.environ, "PUCLI_NO_CACHE": "1"}
    cached = {**os.environ, "PUCLI_CACHE_DIR": str(folder / "cache")}
    cached.pop("PUCLI_NO_CACHE", None)
    runs = (("validate", "validate", [], cold),
            ("overdue", "overdue", ["--as-of", "2024-06-30"], cold),
            ("project", "project", [], cold),
            ("overdue --format csv", "overdue", ["--as-of", "2024-06-30", "--format", "csv"],
             cold),
            ("project --format json", "project", ["--format", "json"], cold),
            ("validate (plan cached)", "validate", [], cached),
            ("overdue (plan cached)", "overdue", ["--as-of", "2024-06-30"], cached))
    run([sys.executable, "-m", "pucli", "validate", "--data", str(folder)], cached)  # fill it
    for label, name, extra, env in runs:
        cmd = [sys.executable, "-m", "pucli", name, "--data", str(folder), *extra]
        wall, mem, code = best(cmd, args.repeat, env)
        if label == name:
            within = wall < BUDGETS[name] and mem < MEMORY_BUDGET_MB and code == 0
            ok &= within
            verdict = "ok" if within else "OVER BUDGET"
        else:
            verdict = "(information)"
        print(f"{label:<22}{wall:>9.2f}{BUDGETS[name]:>8.1f}{mem:>9.0f}{code:>6}"
              f"{wall / base:>10.1f}  {verdict}")
    print("all within budget" if ok else "some command is over budget")
    if args.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
