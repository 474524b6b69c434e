"""Build a DEMO data folder: the real Pu County plan and targets, plus SYNTHETIC observations.

The plan (measures.yaml) and targets (targets.yaml) are the bundled, sourced files. Everything
added here is made up to show what pucli does once offices report — none of it happened:
quarterly counts of market entities, three deadlines and a few progress reports.

    python examples/make_demo.py DEMO_DIR
    pucli project --data DEMO_DIR --as-of 2025-04-15 --chart demo.png
    pucli overdue --data DEMO_DIR --as-of 2025-04-15
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from pucli.loading.datadir import BUNDLED

# SYNTHETIC quarter-end counts from the derived end-2021 baseline, ~3 % a quarter.
ACTUALS = [("2021-12-31", 6472), ("2022-03-31", 6690), ("2022-06-30", 6905),
           ("2022-09-30", 7120), ("2022-12-31", 7350), ("2023-03-31", 7560),
           ("2023-06-30", 7790), ("2023-09-30", 8010), ("2023-12-31", 8240),
           ("2024-03-31", 8470), ("2024-06-30", 8700), ("2024-09-30", 8950),
           ("2024-12-31", 9190), ("2025-03-31", 9440)]

# SYNTHETIC deadlines, inserted after a measure's `units:` line.
DEADLINES = {
    12: ["    due: 2024-12-31  # DEMO deadline",
         "    extensions:",
         "      - {due: 2025-03-31, reason: 用地指标待省级批复（演示）}"],
    7: ["    due: 2025-04-20  # DEMO deadline"],
    44: ["    milestones:",
         "      - {title: 2024年度工作总结报送（演示）, due: 2025-01-15, unit: 县政府办}"],
}

# SYNTHETIC reports.
PROGRESS = """date,measure,unit,status,percent,note,evidence
2024-12-20,45,县发改局,in_progress,30,示范项目已摸排（演示）,
2025-01-08,46,县纪委监委,done,100,容错纠错清单已印发（演示）,
2025-02-10,12,县工信局,blocked,40,用地指标未落实（演示）,
2025-03-28,44,县政府办,in_progress,50,"一季度例会已召开, 议定""清单式""调度（演示）",
"""


def make_demo(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(BUNDLED / "targets.yaml", out / "targets.yaml")
    lines = (BUNDLED / "measures.yaml").read_text(encoding="utf-8").splitlines()
    current = None
    result = []
    pending = dict(DEADLINES)  # a copy: a second demo in the same process gets them too
    for line in lines:
        result.append(line)
        if line.startswith("  - id: "):
            current = int(line.split(":")[1])
        elif current in pending and line.startswith("    and_related:"):
            result += pending.pop(current)
    (out / "measures.yaml").write_text("\n".join(result) + "\n", encoding="utf-8")
    rows = "".join(f"{d},{v},synthetic demo series\n" for d, v in ACTUALS)
    (out / "actuals.csv").write_text("date,total,source\n" + rows, encoding="utf-8")
    (out / "progress.csv").write_text(PROGRESS, encoding="utf-8")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(f"demo data (synthetic observations) in {make_demo(Path(sys.argv[1]))}")
