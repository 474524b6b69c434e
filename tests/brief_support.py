"""A synthetic data set for the brief: the small test plan of ``tracking_support``, the
bundled Pu County targets, made-up quarterly counts and a made-up ledger.

SYNTHETIC: none of these counts or reports happened; they are chosen so that the brief
has something in every section (overdue items, a unit that never reported, changes).
"""

from __future__ import annotations

from pathlib import Path

from tracking_support import HEADER, make_data_dir

# Quarter ends 2021-12-31 … 2025-03-31, growing about 3 % a quarter from 6472 (synthetic).
ACTUALS = "date,total,source\n" + "".join(
    f"{d},{v},synthetic test series\n" for d, v in [
        ("2021-12-31", 6472), ("2022-03-31", 6690), ("2022-06-30", 6905),
        ("2022-09-30", 7120), ("2022-12-31", 7350), ("2023-03-31", 7560),
        ("2023-06-30", 7790), ("2023-09-30", 8010), ("2023-12-31", 8240),
        ("2024-03-31", 8470), ("2024-06-30", 8700), ("2024-09-30", 8950),
        ("2024-12-31", 9190), ("2025-03-31", 9440)])

# Reports: 县发改局 finishes measure 1 on 2025-02-10 (after the earlier brief of 2024-12-15);
# 县行政审批局 reports measure 2 before and after; 县市场监管局 never reports.
PROGRESS = HEADER + (
    "2024-12-20,1,县发改局,in_progress,70,初稿已完成,发改〔2024〕9号\n"
    "2024-12-28,2,县行政审批局,in_progress,40,正在推进,\n"
    "2025-02-10,1,县发改局,done,100,已印发实施,发改〔2025〕2号\n"
    "2025-03-05,2,县行政审批局,blocked,40,\"=HYPERLINK(\"\"http://x.example\"\",\"\"点我\"\")\",\n"
)

AS_OF = "2025-04-15"
SINCE = "2024-12-15"


def make_brief_data(root: Path) -> Path:
    """Write the synthetic data set into ``root`` and return it."""
    folder = make_data_dir(root, PROGRESS)
    (folder / "actuals.csv").write_text(ACTUALS, encoding="utf-8")
    return folder
