"""Column names of the exports in words, for people (xlsx by default; csv and md with
``--headers words``). CSV and JSON keep the codes by default: they are read by programs.

A code without an entry here is shown as it is, with underscores as spaces.
"""

from __future__ import annotations

from pucli.i18n import t

_WORDS: dict[str, tuple[str, str]] = {
    # overdue / due
    "measure": ("举措", "measure"), "title": ("举措名称", "title"),
    "unit": ("责任单位", "unit"), "lead": ("牵头", "lead"), "kind": ("类别", "kind"),
    "item": ("事项", "item"),
    "due": ("应完成", "due"), "original_due": ("原定期限", "original due"),
    "slipped_days": ("延期天数", "days extended"), "days_overdue": ("逾期天数", "days overdue"),
    "severity": ("程度", "severity"), "last_report": ("最近报送", "last report"),
    "last_status": ("最近状态", "last status"), "last_percent": ("最近进度（%）", "last percent"),
    # ledger
    "status": ("状态", "status"), "percent": ("进度（%）", "percent"), "note": ("说明", "note"),
    "date": ("日期", "date"), "evidence": ("佐证", "evidence"),
    # status
    "group": ("分组", "group"), "label": ("名称", "name"), "total": ("合计", "total"),
    "not_started": ("未开始", "not started"), "in_progress": ("推进中", "in progress"),
    "done": ("已完成", "done"),
    "blocked": ("受阻", "blocked"), "no_report": ("未报送", "no report"),
    "share_done": ("完成率", "share done"),
    # measures / units
    "id": ("序号", "no."),
    "section": ("部分", "section"), "title_en": ("英文名称", "English title"),
    "lead_unit": ("牵头单位", "lead unit"), "units": ("责任单位", "units"),
    "and_related": ("等有关部门", "and related"), "text": ("原文", "text"),
    "leads": ("牵头项数", "leads"), "supports": ("配合项数", "supports"),
    "lead_measures": ("牵头举措", "lead measures"),
    "support_measures": ("配合举措", "support measures"),
    # project
    "region": ("地区", "region"), "period": ("期别", "period"), "year": ("年份", "year"),
    "plan": ("规划一（逐个目标）", "plan (targets)"),
    "plan_rate": ("规划二（年均增速）", "plan (rate)"),
    "actual": ("实际", "actual"), "projection": ("预测", "projection"),
    "low": ("80% 区间下限", "80 % low"), "high": ("80% 区间上限", "80 % high"),
    "gap": ("与规划差距", "gap to plan"), "gap_pct": ("差距（%）", "gap %"),
    # backtest
    "method": ("方法", "method"), "horizon": ("预测步长", "horizon"),
    "forecasts": ("预测次数", "forecasts"), "mape_pct": ("MAPE（%）", "MAPE %"),
    "mase": ("MASE", "MASE"), "rel_mae": ("相对 MAE", "relative MAE"),
    "coverage80": ("80% 区间覆盖率", "80 % coverage"),
    # quality
    "indicator": ("指标", "indicator"), "window_start": ("起始", "from"),
    "window_end": ("截止", "to"), "latest": ("最近", "latest"), "previous": ("上一期", "previous"),
    "change": ("变化", "change"),
    "direction": ("方向", "direction"), "reading": ("解读", "reading"),
    "flag": ("预警", "flag"), "message": ("情况", "message"), "rule": ("规则", "rule"),
    "numbers": ("数值", "numbers"), "enterprises": ("企业", "enterprises"),
    "individual_businesses": ("个体工商户", "individual businesses"),
    "cooperatives": ("农民专业合作社", "cooperatives"),
    "enterprise_share": ("企业占比", "enterprise share"),
    "new": ("新登记", "new"), "cancelled": ("注销", "cancelled"), "net": ("净增", "net"),
    "flags": ("预警", "flags"),
}

# Columns holding a fraction (0.25 = 25 %): shown as a percentage in spreadsheets.
FRACTIONS = frozenset({"gap_pct", "share_done", "enterprise_share", "coverage80"})


def header_word(code: str) -> str:
    """The column ``code`` in words, in the current language."""
    pair = _WORDS.get(code)
    return t(*pair) if pair else code.replace("_", " ")


def header_words(codes: list[str] | tuple[str, ...]) -> list[str]:
    return [header_word(c) for c in codes]
