"""Validating a large plan with a problem in every measure: time and output, bounded.

A SYNTHETIC 5,000-measure plan (benchmarks/synth.py) is validated as generated and with
``unit:`` written for ``units:`` in every measure (10,000 problems), and as one line of
JSON with a mistake in every measure. The issue's budget: the broken plan validates in
under 5 s, and prints a bounded amount of text (200 problems, then "and N more of M").
Times are CPU seconds of the child process (user + system), so a busy machine does not
inflate them; the ratio is to the valid plan, measured in the same run.

Run: python benchmarks/bench_problems.py [--measures 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synth import generate  # noqa: E402


def cpu_run(args: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """CPU seconds, exit code and bytes of output of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(args, env=env, capture_output=True, timeout=1200)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, done.returncode, len(done.stdout) + len(done.stderr)


def best(args: list[str], env: dict[str, str], runs: int) -> tuple[float, int, int]:
    results = [cpu_run(args, env) for _ in range(runs)]
    return min(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "PUCLI_NO_CACHE": "1", "PUCLI_LANG": "en"}
    with tempfile.TemporaryDirectory(prefix="pucli-bench-problems-") as tmp:
        valid = Path(tmp) / "valid"
        generate(valid, measures=args.measures, units=200, reports=10, regions=1, months=12)
        broken = Path(tmp) / "broken"
        broken.mkdir()
        for f in valid.iterdir():
            (broken / f.name).write_bytes(f.read_bytes())
        text = (valid / "measures.yaml").read_text(encoding="utf-8")
        (broken / "measures.yaml").write_text(text.replace("\n    units: [", "\n    unit: ["),
                                              encoding="utf-8")
        oneline = Path(tmp) / "oneline"
        oneline.mkdir()
        for f in valid.iterdir():
            (oneline / f.name).write_bytes(f.read_bytes())
        data = yaml.safe_load(text)
        for m in data["measures"]:
            m["unit"] = m.pop("units")
        (oneline / "measures.yaml").write_text(json.dumps(data, ensure_ascii=False,
                                                          default=str), encoding="utf-8")
        pucli = [sys.executable, "-m", "pucli", "validate", "--data"]
        base, code, out = best(pucli + [str(valid)], env, args.runs)
        print(f"{args.measures} measures, SYNTHETIC (benchmarks/synth.py)")
        print(f"valid plan                          {base:6.2f} s CPU  exit {code}  "
              f"{out:>9,} bytes of output")
        worst = 0.0
        for name, folder in (("unit: for units: in every measure", broken),
                             ("the same as one line of JSON", oneline)):
            t, code, out = best(pucli + [str(folder)], env, args.runs)
            worst = max(worst, t)
            print(f"{name:<35} {t:6.2f} s CPU  exit {code}  {out:>9,} bytes of output  "
                  f"{t / base:4.2f}× the valid plan")
        print(f"slowest broken plan {worst:.2f} s — "
              f"{'within' if worst < 5 else 'OVER'} the 5 s budget")


if __name__ == "__main__":
    main()
