"""A small hand-written plan for the tracking tests (dates chosen to hit the edges).

Synthetic: three units and three measures, not the Pu County plan's content.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from pucli.loading.datadir import BUNDLED
from pucli.loading.schema import validate
from pucli.models.plan import Plan
from pucli.models.progress import ProgressEntry

PLAN = {
    "plan": {
        "doc_number": "测试〔2022〕1号", "title": "测试方案", "issued": dt.date(2022, 6, 17),
        "region": "测试县", "horizon": {"start": dt.date(2022, 1, 1), "end": dt.date(2025, 12, 31)},
        "reporting": {"dispatch": "quarterly", "grace_days": 0},
    },
    "sections": [{"id": 1, "title": "第一部分"}, {"id": 2, "title": "第二部分"}],
    "units": [
        {"name": "县发改局", "kind": "county_department", "aliases": ["发改局"]},
        {"name": "县行政审批局", "kind": "county_department"},
        {"name": "县市场监管局", "kind": "county_department"},
    ],
    "measures": [
        {"id": 1, "section": 1, "title": "举措一", "text": "举措一的原文。",
         "units": ["县发改局", "县行政审批局"], "due": dt.date(2024, 2, 29)},
        {"id": 2, "section": 1, "title": "举措二", "text": "举措二的原文。",
         "units": ["县行政审批局"], "due": dt.date(2025, 3, 31),
         "extensions": [{"due": dt.date(2025, 6, 30), "reason": "资金未到位"}],
         "milestones": [{"title": "方案印发", "due": dt.date(2024, 12, 31),
                         "unit": "县行政审批局"}]},
        {"id": 3, "section": 2, "title": "举措三", "text": "举措三的原文。",
         "units": ["县市场监管局", "县发改局"]},
    ],
}

HEADER = "date,measure,unit,status,percent,note,evidence\n"


def make_plan(**plan_overrides) -> Plan:
    data = {**PLAN, "plan": {**PLAN["plan"], **plan_overrides}}
    return validate(Plan, data)


def entry(date: str, measure: int, unit: str, status: str = "in_progress",
          percent: float | None = None, line: int = 0) -> ProgressEntry:
    return ProgressEntry(dt.date.fromisoformat(date), measure, unit, status, percent, "", "",
                         line)


def make_data_dir(root: Path, progress: str | None = HEADER) -> Path:
    """A data folder with the small plan, the bundled targets and ``progress`` as the ledger."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "measures.yaml").write_text(yaml.safe_dump(PLAN, allow_unicode=True,
                                                       sort_keys=False), encoding="utf-8")
    shutil.copy(BUNDLED / "targets.yaml", root / "targets.yaml")
    if progress is not None:
        (root / "progress.csv").write_text(progress, encoding="utf-8", newline="")
    return root


def make_group_plan() -> Plan:
    """The small plan plus a township group (各乡镇, members 城关镇 and 古县乡) leading
    measure 4, and a measure 5 whose lead is written by an alias (发改局 → 县发改局), with
    the plan's own number, an English title and two milestones."""
    data = {**PLAN}
    data["units"] = [*PLAN["units"],
                     {"name": "各乡镇", "kind": "township_group", "members": ["城关镇", "古县乡"]},
                     {"name": "城关镇", "kind": "township"},
                     {"name": "古县乡", "kind": "township"}]
    data["measures"] = [
        *PLAN["measures"],
        {"id": 4, "section": 2, "title": "举措四", "text": "举措四的原文。",
         "units": ["各乡镇", "县行政审批局"], "due": dt.date(2024, 2, 29)},
        {"id": 5, "section": 2, "number": "5.1", "title": "举措五", "title_en": "Measure five",
         "text": "举措五的原文。", "units": ["发改局", "县市场监管局"],
         "milestones": [
             {"title": "中期评估", "due": dt.date(2024, 6, 30), "unit": "发改局",
              "extensions": [{"due": dt.date(2024, 9, 30), "reason": "数据未齐"}]},
             {"title": "全员培训", "due": dt.date(2024, 6, 30)}]},
    ]
    return validate(Plan, data)
