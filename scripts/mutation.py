"""Run mutmut on one group of modules, in a scratch copy of the working tree.

    nice python scripts/mutation.py compute-tracking      # one group
    nice python scripts/mutation.py --list                # the groups

A group is a few modules and the test files that exercise them, so that a run fits a
2-core machine (mutmut runs only the tests that reach each mutated function, chosen from
these files). The copy lives in $TMPDIR/pucli-mutmut-GROUP and keeps mutmut's results
(`mutmut results`, `mutmut show NAME` there); the score per module is printed at the end
and recorded in docs/hardening.md. Tests that start `python -m pucli` in a new process are
left out: such a process imports the unmutated package.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# group → (modules, test files, mutant-name patterns: empty for every function)
GROUPS: dict[str, tuple[list[str], list[str], list[str]]] = {
    # periods.py also serves the projections: month indexes, t quantiles, the spacing
    "compute-dates": (["src/pucli/compute/periods.py", "src/pucli/compute/cadence.py"],
                      ["tests/test_cadence.py", "tests/test_overdue.py",
                       "tests/test_methods.py", "tests/test_choice.py",
                       "tests/test_grid_spacing.py", "tests/test_mutation_kills.py"], []),
    "compute-tracking": (["src/pucli/compute/overdue.py", "src/pucli/compute/ledger.py",
                          "src/pucli/compute/browse.py"],
                         ["tests/test_overdue.py", "tests/test_ledger.py",
                          "tests/test_browse.py", "tests/test_cli_tracking.py",
                          "tests/test_cli_browse.py", "tests/test_mutation_kills.py"], []),
    "compute-quality": (["src/pucli/compute/quality.py", "src/pucli/compute/flags.py"],
                        ["tests/test_quality.py", "tests/test_flags.py",
                         "tests/test_cli_quality.py", "tests/test_mutation_kills.py"], []),
    "compute-brief": (["src/pucli/compute/brief.py", "src/pucli/compute/regions.py",
                       "src/pucli/compute/plan_paths.py"],
                      ["tests/test_brief.py", "tests/test_cli_brief.py",
                       "tests/test_projection.py", "tests/test_cli_project.py",
                       "tests/test_mutation_kills.py"], []),
    # choice.py: the rule that picks the default method, and fitting a named one
    "compute-projection": (["src/pucli/compute/projection.py", "src/pucli/compute/methods.py",
                            "src/pucli/compute/backtest.py", "src/pucli/compute/choice.py"],
                           ["tests/test_projection.py", "tests/test_methods.py",
                            "tests/test_choice.py", "tests/test_forecast_fixes.py",
                            "tests/test_cli_project.py", "tests/test_projection_kills.py",
                            "tests/test_mutation_kills.py"], []),
    # issue 14's scores and the SDG category, after the rewrite (the numbers a reader
    # compares methods by)
    "compute-scores": (["src/pucli/compute/backtest.py", "src/pucli/compute/sdg_progress.py",
                        "src/pucli/compute/shifts.py"],
                       ["tests/test_forecast_fixes.py", "tests/test_methods.py",
                        "tests/test_sdg_progress.py", "tests/test_mutation_kills.py"], []),
    "writers": (["src/pucli/loading/actuals_write.py", "src/pucli/loading/recode.py"],
                ["tests/test_recode.py", "tests/test_cli_actuals.py",
                 "tests/test_mutation_kills.py"], []),
    # the writing half of csvfile.py and progress.py (their readers are checked by the
    # hostile-input corpus and the fuzzer)
    "writers-csv": (["src/pucli/loading/csvfile.py", "src/pucli/loading/progress.py"],
                    ["tests/test_csvfile.py", "tests/test_loading_progress.py",
                     "tests/test_cli_tracking.py", "tests/test_mutation_kills.py"],
                    ["pucli.loading.csvfile.x_locked_for_append*",
                     "pucli.loading.csvfile.x_append_record*",
                     "pucli.loading.csvfile.x_format_row*",
                     "pucli.loading.progress.x_append_progress*",
                     "pucli.loading.progress.x__existing_header*"]),
}


def _copy_tree(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\n")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _setup_cfg(modules: list[str], tests: list[str]) -> str:
    present = [t for t in tests if (ROOT / t).exists()]
    also = ["data", "schemas", "examples", "docs", "benchmarks", "scripts", "README.md"]
    return ("[mutmut]\nsource_paths=src\n"
            "also_copy=\n" + "".join(f"    {a}\n" for a in also)
            + "only_mutate=\n" + "".join(f"    {m}\n" for m in modules)
            + "pytest_add_cli_args_test_selection=\n" + "".join(f"    {t}\n" for t in present)
            + "pytest_add_cli_args=\n    -p\n    no:cacheprovider\n    -q\n")


def scores(work: Path) -> dict[str, Counter]:
    """Results per module, from `mutmut results --all true`."""
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                         cwd=work, capture_output=True, text=True).stdout
    per: dict[str, Counter] = defaultdict(Counter)
    for line in out.splitlines():
        m = re.match(r"\s*(pucli\.[\w.]+?)\.(?:x_|xǁ)\S*: (\w[\w ]*)", line)
        if m:
            per[m.group(1)][m.group(2).strip()] += 1
    return per


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("group", nargs="?", choices=sorted(GROUPS))
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--children", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="reuse an earlier copy")
    args = parser.parse_args()
    if args.list or not args.group:
        for name, (modules, _, _) in GROUPS.items():
            print(f"{name}: {' '.join(modules)}")
        return 0
    modules, tests, patterns = GROUPS[args.group]
    work = Path(tempfile.gettempdir()) / f"pucli-mutmut-{args.group}"
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        _copy_tree(work)
        (work / "setup.cfg").write_text(_setup_cfg(modules, tests), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PUCLI_DATA")}
    env.update({"MPLBACKEND": "Agg", "NO_COLOR": "1"})
    subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children",
                    str(args.children), *patterns], cwd=work, env=env)
    print(f"\nresults in {work}")
    for module, counts in sorted(scores(work).items()):
        killed = counts["killed"] + counts["timeout"]
        tested = sum(counts.values()) - counts["skipped"] - counts["not checked"]
        score = 100 * killed / tested if tested else 0.0
        print(f"{module}: {killed}/{tested} killed ({score:.0f} %), {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
