"""Generate a large SYNTHETIC data folder for the scale benchmarks.

Nothing here is real data: a plan of N measures and U units derived from the Pu County
plan's shape, a progress ledger of R reports, and actuals for G regions × M months.

    python benchmarks/synth.py OUT_DIR [--measures 5000 --units 200 --reports 100000
                                         --regions 100 --months 120]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

FILLER = "推进市场主体倍增相关工作，优化营商环境，强化要素保障。"
STATUSES = ["not_started", "in_progress", "in_progress", "done", "blocked"]


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def write_plan(out: Path, n_measures: int, n_units: int, rng: random.Random) -> list[list[str]]:
    units = [f"合成单位{i:03d}" for i in range(n_units)]
    lines = [
        "# SYNTHETIC plan for benchmarks — not real data",
        "plan:",
        "  doc_number: 合成〔2022〕1号",
        "  title: 合成基准方案",
        "  issued: 2022-06-17",
        "  region: 合成县",
        "  horizon: {start: 2022-01-01, end: 2025-12-31}",
        "  reporting: {dispatch: quarterly, grace_days: 15}",
        "sections:",
    ]
    lines += [f"  - {{id: {s}, title: 合成部分{s}}}" for s in range(1, 10)]
    lines.append("units:")
    lines += [f"  - {{name: {u}, kind: county_department, aliases: [别名{u}]}}" for u in units]
    lines.append("measures:")
    assignments = []
    for i in range(1, n_measures + 1):
        chosen = rng.sample(units, rng.randint(1, 6))
        assignments.append(chosen)
        # Milestones fall 90 days before the due date: keep them after the plan's issue.
        due = dt.date(2022, 10, 1) + dt.timedelta(days=rng.randint(0, 1300))
        lines += [
            f"  - id: {i}",
            f"    section: {rng.randint(1, 9)}",
            f"    title: 合成举措{i}",
            f"    text: 合成举措{i}。" + FILLER * 6,
            f"    units: [{', '.join(chosen)}]",
            f"    due: {due.isoformat()}",
            "    milestones:",
            f"      - {{title: 阶段目标, due: {(due - dt.timedelta(days=90)).isoformat()}, "
            f"unit: {chosen[0]}}}",
        ]
    (out / "measures.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return assignments


def write_targets(out: Path) -> None:
    (out / "targets.yaml").write_text(
        "# SYNTHETIC targets for benchmarks\nregion: 合成县\n"
        "baseline: {date: 2021-12-31, value: 600000}\n"
        "targets:\n  - {date: 2022-12-31, value: 700000}\n  - {date: 2031-12-31, value: 1500000}\n",
        encoding="utf-8")


def write_progress(out: Path, assignments: list[list[str]], n_reports: int,
                   rng: random.Random) -> None:
    start = dt.date(2022, 7, 1)
    with open(out / "progress.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["date", "measure", "unit", "status", "percent", "note", "evidence"])
        rows = []
        for _ in range(n_reports):
            m = rng.randrange(len(assignments))
            unit = rng.choice(assignments[m])
            day = start + dt.timedelta(days=rng.randint(0, 1200))
            rows.append((day, m + 1, unit))
        rows.sort()
        for day, m, unit in rows:
            w.writerow([day.isoformat(), m, unit, rng.choice(STATUSES), rng.randint(0, 100),
                        "合成进展说明，含逗号", ""])


def write_actuals(out: Path, n_regions: int, n_months: int, rng: random.Random) -> None:
    with open(out / "actuals.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["date", "total", "region", "source"])
        for g in range(n_regions):
            level = rng.randint(2000, 20000)
            growth = rng.uniform(0.005, 0.015)
            for k in range(n_months):
                level = level * (1 + growth + rng.gauss(0, 0.004))
                d = month_end(2015 + k // 12, k % 12 + 1)
                w.writerow([d.isoformat(), round(level), f"合成区{g:03d}", "synthetic"])


def generate(out: Path, measures: int = 5000, units: int = 200, reports: int = 100_000,
             regions: int = 100, months: int = 120, seed: int = 7) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    assignments = write_plan(out, measures, units, rng)
    write_targets(out)
    write_progress(out, assignments, reports, rng)
    write_actuals(out, regions, months, rng)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--measures", type=int, default=5000)
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--regions", type=int, default=100)
    ap.add_argument("--months", type=int, default=120)
    a = ap.parse_args()
    generate(a.out, a.measures, a.units, a.reports, a.regions, a.months)
    print(f"wrote synthetic data to {a.out}")


if __name__ == "__main__":
    main()
