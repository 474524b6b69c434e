"""Words for the codes the library computes (statuses, severities, ratings …) in the
current language. The codes themselves stay in CSV/JSON exports: they are data."""

from __future__ import annotations

from pucli.i18n import is_english, t

_STATUS = {"not_started": ("未开始", "not started"), "in_progress": ("推进中", "in progress"),
           "done": ("已完成", "done"), "blocked": ("受阻", "blocked"),
           "no_report": ("未报送", "no report")}
_SEVERITY = {"due_soon": ("即将到期", "due soon"), "overdue": ("逾期", "overdue"),
             "long_overdue": ("严重逾期", "long overdue")}
_KIND = {"measure": ("举措完成", "measure done"), "milestone": ("节点", "milestone"),
         "report": ("进度报送", "progress report")}
_RATING = {"on track": ("有把握完成", "on track"), "probable": ("可能完成", "probable"),
           "at risk": ("有风险", "at risk"), "off track": ("难以完成", "off track"),
           "not rated": ("无法评级", "not rated")}
_METHOD = {"plan": ("规划路径（实际数不足两个，无法测算趋势）",
                    "plan path (no trend: fewer than two actuals)"),
           "naive": ("保持最新实际数不变", "no change from the latest actual"),
           "drift": ("按已观测的平均净增数匀速增加",
                     "constant net increase (the average change a month, carried on)"),
           "blend": ("匀速净增与匀速增长两者的平均",
                     "average of constant net increase and constant growth"),
           "constant-growth": ("按已观测增速匀速增长", "constant growth at the observed rate"),
           "log-linear": ("对数线性趋势", "log-linear trend"),
           "damped-trend": ("阻尼趋势指数平滑", "damped-trend exponential smoothing"),
           "seasonal": ("分月增长并做季节调整", "monthly growth with seasonal adjustment")}
_UNIT_KIND = {"county_department": ("县直部门", "county department"),
              "district_department": ("区直部门", "district department"),
              "city_department": ("市直部门", "city department"),
              "township_group": ("乡镇（街道）组", "group of townships"),
              "vertical_branch": ("垂直管理派驻", "vertical branch"),
              "township": ("乡镇", "township"), "party_body": ("党委部门", "party body"),
              "people_organisation": ("人民团体", "people's organisation"),
              "outside_organisation": ("外部机构", "outside organisation")}


# A plan's own commitment kinds and units are free snake_case codes: the known ones in
# words, any other with its underscores as spaces (never a bare key in the output).
_COMMITMENT_KIND = {"cost": ("费用", "cost"), "count": ("数量", "count"),
                    "frequency": ("频次", "frequency"),
                    "growth_multiple": ("增长倍数", "growth multiple"),
                    "max_duration": ("最长时限", "at most"), "max_share": ("最高占比", "at most"),
                    "service_radius": ("服务半径", "service radius"),
                    "threshold": ("门槛", "threshold")}
_COMMITMENT_UNIT = {"days": ("天", "days"), "working_days": ("个工作日", "working days"),
                    "minutes": ("分钟", "minutes"), "yuan": ("元", "yuan"),
                    "times": ("倍", "times"), "per_year": ("次/年", "a year"),
                    "trips": ("次", "trips"),
                    "approvals": ("项审批", "approvals"),
                    "in_person_meetings": ("次见面", "in-person meetings"),
                    "site_visits": ("次上门", "site visits"),
                    "chain_leaders": ("名链长", "chain leaders"),
                    "task_forces": ("个工作专班", "task forces"),
                    "expert_teams": ("个专家团队", "expert teams"),
                    "cultivation_plans": ("个培育方案", "cultivation plans"),
                    "panorama_maps": ("幅全景图", "panorama maps"),
                    "special_actions": ("项专项行动", "special actions")}


def _pick(table: dict[str, tuple[str, str]], code: str | None) -> str:
    if code is None:
        return ""
    pair = table.get(code)
    return t(*pair) if pair else code


def commitment_kind_label(code: str) -> str:
    return _pick(_COMMITMENT_KIND, code).replace("_", " ")


def commitment_unit_label(code: str | None) -> str:
    return _pick(_COMMITMENT_UNIT, code).replace("_", " ")


def status_label(code: str | None) -> str:
    return _pick(_STATUS, code)


def severity_label(code: str) -> str:
    return _pick(_SEVERITY, code)


def kind_label(code: str) -> str:
    return _pick(_KIND, code)


def rating_label(code: str) -> str:
    return _pick(_RATING, code)


def method_label(code: str) -> str:
    return _pick(_METHOD, code)


def unit_kind_label(code: str) -> str:
    return _pick(_UNIT_KIND, code)


_CADENCE = {"monthly": ("每月", "month"), "quarterly": ("每季度", "quarter"),
            "half-yearly": ("每半年", "half-year"), "yearly": ("每年", "year")}


def cadence_label(code: str | None) -> str:
    return _pick(_CADENCE, code)


def due_label(due, words: str | None) -> str:
    """A deadline with the plan's own words when it has them: "2023-06-30（2023年6月底前）"."""
    if not words or words == str(due):
        return str(due)
    return f"{due}（{words}）" if not is_english() else f"{due} ({words})"


def numbered(label: str, title: str) -> str:
    """A measure as the plan lists it: "5. 落实…", or "（五）落实…" when the plan's own
    number carries its punctuation."""
    return f"{label}{title}" if label.endswith(("、", "）", ")", ".", "．")) else \
        f"{label}. {title}"


def lead_mark() -> str:
    """Appended to a unit's name where it leads the measure."""
    return t("（牵头）", " (lead)")


def number(v: float | None) -> str:
    return "" if v is None else f"{v:,.0f}"


def percent(v: float | None, digits: int = 1) -> str:
    return "" if v is None else f"{v * 100:.{digits}f}%"


_CAGR = {"achieved": ("已达成", "achieved"), "on track": ("进度正常", "on track"),
         "acceleration needed": ("需加快", "acceleration needed"),
         "limited progress": ("进展有限", "limited progress"),
         "deterioration": ("倒退", "deterioration")}


def cagr_label(code: str) -> str:
    """The SDG CAGR-ratio progress category in the current language."""
    return _pick(_CAGR, code)


def indicative_mark() -> str:
    return t("（仅供参考）", " (indicative)")


_REASON_ZH = {
    "plan": "实际数不足两个，无法测算趋势，预测只能沿规划路径",
    "drift": "有实际数为零：增长率无从计算，改用直接按户数计算的匀速净增",
    "blend": "同一间隔（月末、季末或年末，缺期不多于实有期）上的实际数不足四个，damped-trend "
             "无法拟合：取匀速净增与匀速增长（均从第一个实际数算到最新一个）的平均",
    "constant-growth": "只有两个实际数：唯一能观测到的是两者之间的增速（需三个以上才有区间）",
    "log-linear": "对数线性趋势使用全部实际数，并据其离散程度给出区间",
    "damped-trend": "同一间隔上有四个以上实际数：阻尼趋势让近期增速逐渐减弱，而不是多年"
                    "直线外推；在准确度基准的真实序列上合计误差最小",
    "seasonal": "连续两年以上的月末数：分月增长并按日历月份做季节调整，不把旺月误当趋势",
}


def method_reason(method: str, reason: str) -> str:
    """Why the projection used ``method`` (the library's English ``reason`` in English)."""
    if reason.startswith("chosen with --method (default would be "):
        return t(f"用 --method 指定（默认方法为 {reason.rsplit(' ', 1)[-1].rstrip(')')}）", reason)
    import re

    if method == "damped-trend" and (m := re.match(r"(\d+) actuals every (month|(\S+) months)",
                                                   reason)):
        every = "每月" if m[2] == "month" else f"每 {m[3]} 个月"
        return t(f"{m[1]} 个实际数，{every}一个：阻尼趋势让近期增速逐渐减弱，而不是"
                 "多年直线外推；在准确度基准的真实序列上合计误差最小", reason)
    return t(_REASON_ZH.get(method, reason), reason)


def rule_text(check, decimals: int | None = None) -> str:  # check: a TargetCheck
    """The rule behind a target's rating, in the current language (``decimals``: those of
    the metric's figures, e.g. 1 for 4.5 %)."""
    if is_english():
        return check.rule
    if getattr(check, "direction", "at_least") != "at_least" or \
            getattr(check, "measure", "level") != "level":
        return _rule_zh(check, decimals)
    v, goal = number(check.expected), number(check.value)
    if check.basis == "actual":
        sign = "≥" if check.expected >= check.value else "<"
        return f"目标日期已过：实际 {v} {sign} 目标 {goal}"
    if check.basis == "none":
        return "评级需要预测（至少两个实际数）"
    if check.low is None:
        sign = "≥" if check.expected >= check.value else "<"
        return ("无区间（只有两个实际数）：预测达到目标为“可能完成”，否则“有风险”——"
                f"{v} {sign} {goal}")
    lo, hi = number(check.low), number(check.high)
    return {"on track": f"80% 区间下限 {lo} ≥ 目标 {goal}",
            "probable": f"预测 {v} ≥ 目标 {goal} > 80% 区间下限 {lo}",
            "at risk": f"预测 {v} < 目标 {goal} ≤ 80% 区间上限 {hi}",
            "off track": f"80% 区间上限 {hi} < 目标 {goal}"}.get(check.rating, check.rule)


def _rule_zh(c, decimals: int | None = None) -> str:
    """The Chinese rule of an at-most, about or growth target (see compute.target_rules)."""
    from pucli.compute.target_rules import meets
    from pucli.models.numbers import decimals_of

    growth = c.measure == "growth"
    if decimals is None:
        decimals = max(decimals_of(c.value), decimals_of(c.tolerance or 0))

    def f(v: float) -> str:
        return f"{v * 100:+.1f}%" if growth else f"{v:,.{decimals}f}"

    tol = f" ± {c.tolerance * 100:.1f}" if growth and c.tolerance else (
        f" ± {f(c.tolerance)}" if c.tolerance else "")
    what = {"at_most": f"≤ {f(c.value)}", "about": f"{f(c.value)}{tol}"}.get(
        c.direction, f"≥ {f(c.value)}")
    if c.basis == "actual":
        ok = meets(c.direction, c.tolerance, c.value, c.expected)
        word = "增速" if growth else "实际"
        return f"目标{'年份' if growth else '日期'}已过：{word} {f(c.expected)} " \
               f"{'满足' if ok else '未满足'}目标 {what}"
    if c.basis == "none":
        return (f"增速评级需要 {c.date.year - 1} 年的数" if growth and "figure of" in c.rule
                else "评级需要预测（至少两个实际数）")
    if c.low is None:
        ok = meets(c.direction, c.tolerance, c.value, c.expected)
        return (f"无区间（只有两个实际数）：预测满足目标为“可能完成”，否则“有风险”——"
                f"预测 {f(c.expected)} {'满足' if ok else '未满足'}目标 {what}")
    lo, hi = f(c.low), f(c.high)
    return {"on track": f"80% 区间 {lo} – {hi} 全部满足目标 {what}",
            "probable": f"预测 {f(c.expected)} 满足目标 {what}，但 80% 区间 {lo} – {hi} 未全部满足",
            "at risk": f"预测 {f(c.expected)} 未满足目标 {what}，"
                       f"但 80% 区间 {lo} – {hi} 有部分满足",
            "off track": f"80% 区间 {lo} – {hi} 都不满足目标 {what}"}.get(c.rating, c.rule)


_NOTE_ZH = (
    (r"needs at least (\d+) actuals", r"至少需要 \1 个实际数"),
    (r"method '(.+)' needs at least (\d+) actuals; there (?:is|are) (\d+)",
     r"方法 \1 至少需要 \2 个实际数，现有 \3 个"),
    (r"no actual (\d+) steps after any origin", r"任何起点之后都没有第 \1 步的实际数"),
    (r"seasonal needs consecutive month ends", r"seasonal 需要连续的月末数"),
    (r"damped-trend needs at least (\d+) actuals on one spacing.*",
     r"damped-trend 至少需要 \1 个同一间隔上的实际数（月末、季末或年末；缺期不多于实有期）"),
    (r"method '(.+)' works on growth rates.* the actual of (\S+) is (\S+)",
     r"方法 \1 按增长率计算，需要大于零的实际数；\2 的实际数为 \3"),
)


def backtest_note(note: str) -> str:
    """A backtest note (English in CSV/JSON: data) in the current language."""
    if is_english() or not note:
        return note
    import re

    for pattern, zh in _NOTE_ZH:
        if re.fullmatch(pattern, note):
            return re.sub(pattern, zh, note)
    return note


def method_rule() -> str:
    """The rule that chooses the default method (see pucli.compute.choice.DEFAULT_RULE)."""
    from pucli.compute.choice import DEFAULT_RULE

    return t("默认方法规则：0–1 个实际数 → 规划路径；有实际数为零 → drift（匀速净增）；"
             "连续 25 个以上月末数 → seasonal；同一间隔（年末、季末或月末，缺期不多于实有期）"
             "上 4 个以上实际数 → damped-trend（在 benchmarks/bench_accuracy.py 的真实序列上"
             "合计误差最小，见 docs/project.md）；其余 → blend", DEFAULT_RULE)


def indicative_text(check) -> str:  # check: pucli.compute.projection.TargetCheck
    if not check.indicative:
        return ""
    return t("仅供参考：实际数少于三个，无法衡量离散程度（评级需要三个以上）", check.indicative)


def shift_text(effect, decimals: int = 0) -> str:  # effect: projection.ShiftEffect
    """A level shift, its size and what it does to the projection, in the current language."""
    if is_english():
        return effect.text(decimals)
    s, d = effect.shift, decimals
    side = "低" if s.size < 0 else "高"
    head = (f"水平突变：{s.date} {s.before:,.{d}f} → {s.after:,.{d}f}"
            f"（{(s.after / s.before - 1) * 100:+.1f}%），比通常增速{side} "
            f"{abs(s.size) * 100:.1f}%（{s.count:+,.{d}f}）")
    if effect.projected is None or effect.if_one_off is None:
        return head + "；请核实其原因（如集中清理吊销、区划调整）"
    return (head + f"；预测的趋势包含这次突变：{effect.horizon} 预计 {effect.projected:,.{d}f}；"
            f"若视为一次性水平变化（前后增速不变）则为 {effect.if_one_off:,.{d}f}")


def break_text(effect, decimals: int = 0) -> str:  # effect: projection.BreakEffect
    """A trend break, the paces before and after and what it does to the projection."""
    if is_english():
        return effect.text(decimals)
    b, d = effect.brk, decimals
    head = (f"趋势转折：自 {b.date} 起年均增速由 {b.before * 100:.1f}% "
            f"{'放缓' if b.direction == 'slowdown' else '加快'}至 {b.after * 100:.1f}%")
    if effect.why_not == "no-trend":
        return head + "；预测沿规划路径，不受影响"
    if effect.why_not == "passed" or effect.projected is None or effect.if_recent is None:
        return head + "；目标日期已过，无需再预测"
    return (head + f"；用全部实际数预测，{effect.horizon} 为 {effect.projected:,.{d}f}；"
            f"只用 {b.date} 以来的实际数预测"
            + (f"（用 {effect.recent_method}）" if effect.recent_method else "")
            + f"，则为 {effect.if_recent:,.{d}f}")


def cagr_text(check) -> str:  # the SDG category line of a target, with why it differs
    c = check.cagr
    if c is None:
        return ""
    ratio = "—" if c.ratio is None else f"{c.ratio * 100:.0f}%"
    line = t(f"SDG 年均复合增长率比值法：实际 {c.observed * 100:.2f}% ÷ "
             f"所需 {c.required * 100:.2f}% = {ratio} → {cagr_label(c.category)}",
             f"SDG CAGR ratio: observed {c.observed * 100:.2f} % ÷ required "
             f"{c.required * 100:.2f} % = {ratio} → {c.category}")
    if check.cagr_note:
        line += t("；两者结论不同：比值法用基期以来的平均增速对比整个期间所需增速，"
                  "本工具则把近期趋势外推到目标日期",
                  "; " + check.cagr_note)
    return line


def rating_scale() -> str:
    return t("有把握完成：连 80% 区间下限也达到目标；可能完成：预测达到而下限未达到；"
             "有风险：预测未达到但 80% 区间上限达到；难以完成：连上限也达不到",
             "on track: even the 80 % low reaches the target; probable: the projection "
             "reaches it but the low does not; at risk: the projection falls short but the "
             "80 % high reaches it; off track: even the high falls short")
