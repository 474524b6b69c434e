"""One brief section per metric with a target: its unit, direction, figures and rating.

The headline section of the brief covers the first metric; every other metric with a
target gets a section built here, as an :class:`~pucli.compute.brief.ExtraSection`, so
the brief's renderers (Markdown, HTML, Word) need nothing new.
"""

from __future__ import annotations

from pucli.compute.brief import ExtraSection
from pucli.compute.projection import Projection
from pucli.i18n import t
from pucli.render import labels as lb
from pucli.render.projection_tables import expected_text, gap_text, target_text, unit_word

_DIRECTION = {"at_least": ("不低于目标", "at least the target"),
              "at_most": ("不超过目标", "at most the target"),
              "about": ("目标左右", "about the target")}


def direction_words(p: Projection) -> str:
    """How the metric's targets read, e.g. "不超过目标" (one phrase per direction used)."""
    used = dict.fromkeys(c.direction for c in p.targets)
    return t("、", ", ").join(t(*_DIRECTION.get(d, (d, d))) for d in used)


def metric_heading(p: Projection) -> tuple[str, str]:
    """(zh, en) heading: label, unit and direction, e.g. "城镇登记失业率（%，不超过目标）"."""
    zh = f"{p.metric_label or p.metric}（{p.unit or '户'}"
    en = f"{p.metric_label_en or p.metric} ({p.unit or 'entities'}"
    words = [(_DIRECTION.get(c, (c, c))) for c in dict.fromkeys(x.direction for x in p.targets)]
    zh += "".join(f"，{w[0]}" for w in words) + ("，年度数" if p.flow else "") + "）"
    en += "".join(f", {w[1]}" for w in words) + (", yearly figure" if p.flow else "") + ")"
    return zh, en


def metric_section(p: Projection) -> ExtraSection:
    """The section of one metric: latest figure, the rating with its rule, the targets."""
    d = p.decimals
    unit = unit_word(p)
    paragraphs = []
    if p.latest:
        paragraphs.append(t(f"最新实际数：{p.latest[1]:,.{d}f} {unit}（{p.latest[0]}）",
                            f"Latest figure: {p.latest[1]:,.{d}f} {unit} ({p.latest[0]})"))
    else:
        paragraphs.append(t("尚无实际数", "No figures recorded yet"))
    rule = lb.rule_text(p.targets[-1], p.decimals) if p.targets else ""
    paragraphs.append(t(f"评级：{lb.rating_label(p.rating)}" + (f"（{rule}）" if rule else ""),
                        f"Rating: {p.rating}" + (f" ({rule})" if rule else "")))
    rows = [[str(c.date), target_text(c, d), expected_text(c, d), gap_text(c, d),
             lb.rating_label(c.rating)] for c in p.targets]
    zh, en = metric_heading(p)
    return ExtraSection(f"指标：{zh}", f"Metric: {en}", paragraphs,
                        [t("目标日期", "target date"), t("目标", "target"),
                         t("预计值", "expected"), t("预计差距", "expected gap"),
                         t("评级", "rating")], rows)
