"""Wall time of `pucli collect` on a quarter's returned forms, against opening them.

The issue's budget: collecting 37 returned forms takes under 5 s. The forms are made by
`pucli forms` from the bundled plan with an empty ledger (every responsible unit with an
open measure gets one: 37 on the Pu County plan), and every row of every form is filled
in, as SYNTHETIC reports (made up here, in a temporary folder; never written to data/).

Each timed run collects into a fresh copy of the data folder, so every run appends every
row. The baseline, measured in the same run, is the least any reader must do: start
Python and open the same 37 workbooks with openpyxl. The ratio says what checking the
rows and writing the ledger cost on top of that.

Run: python benchmarks/bench_collect.py [--runs N]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from pucli.loading.datadir import BUNDLED
from pucli.models.forms import COLUMNS

BUDGET_SECONDS = 5.0
AS_OF = "2025-03-20"
COLLECTED = "2025-03-30"
STATUSES = ["推进中", "未开始", "推进中", "受阻", "已完成"]


def make_forms(base: Path) -> tuple[Path, Path, int]:
    """A data folder (bundled plan, empty ledger), its forms filled in; (data, forms, rows)."""
    data = base / "data"
    data.mkdir()
    for name in ("measures.yaml", "targets.yaml"):
        shutil.copy(BUNDLED / name, data / name)
    (data / "progress.csv").write_text("date,measure,unit,status,percent,note,evidence\n",
                                       encoding="utf-8")
    forms = base / "forms"
    subprocess.run([sys.executable, "-m", "pucli", "forms", "--data", str(data), "--as-of",
                    AS_OF, "-o", str(forms)], check=True, capture_output=True)
    rows = 0
    for path in sorted(forms.glob("*.xlsx")):
        wb = load_workbook(path)
        ws = wb.worksheets[0]
        for r in range(6, ws.max_row + 1):
            status = STATUSES[r % len(STATUSES)]
            ws.cell(r, COLUMNS.index("status") + 1, status)
            ws.cell(r, COLUMNS.index("percent") + 1, 100 if status == "已完成" else r * 3)
            ws.cell(r, COLUMNS.index("note") + 1, f"synthetic report, row {r}（测试）")
            ws.cell(r, COLUMNS.index("date") + 1, "2025-03-2" + str(r % 9 + 1))
            rows += 1
        wb.save(path)
    return data, forms, rows


def timed(cmd: list[str], runs: int, fresh=None) -> tuple[float, float]:
    """Median wall and CPU time (user + system, of the child) of ``runs`` runs after one
    warm-up; ``fresh()`` before each. CPU time says more than wall time on a machine
    shared with other work."""
    walls, cpus = [], []
    for i in range(runs + 1):
        if fresh:
            fresh()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            walls.append(time.perf_counter() - start)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        data, forms, rows = make_forms(base)
        n = len(list(forms.glob("*.xlsx")))
        work = base / "work"

        def fresh() -> None:
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(data, work)

        collect = [sys.executable, "-m", "pucli", "collect", str(forms), "--data", str(work),
                   "--as-of", COLLECTED]
        fresh()
        check = subprocess.run(collect, capture_output=True, text=True)
        lines = (work / "progress.csv").read_text(encoding="utf-8").splitlines()
        assert check.returncode == 0 and len(lines) == rows + 1, check.stderr[-2000:]
        baseline = [sys.executable, "-c", "import sys, openpyxl\nfor p in sys.argv[1:]: "
                    "openpyxl.load_workbook(p, data_only=True).close()",
                    *map(str, sorted(forms.glob("*.xlsx")))]
        base_wall, base_cpu = timed(baseline, args.runs)
        wall, cpu = timed(collect, args.runs, fresh)
    verdict = "within" if wall < BUDGET_SECONDS else "OVER"
    print(f"{n} forms, {rows} filled rows, median of {args.runs} runs")
    print(f"baseline (python + openpyxl opens the {n} forms): wall {base_wall:5.2f} s, "
          f"CPU {base_cpu:5.2f} s")
    print(f"pucli collect:                                  wall {wall:5.2f} s, "
          f"CPU {cpu:5.2f} s")
    print(f"ratio: {wall / base_wall:.2f}× (wall), {cpu / base_cpu:.2f}× (CPU); wall time "
          f"{verdict} the {BUDGET_SECONDS:g} s budget")


if __name__ == "__main__":
    main()
