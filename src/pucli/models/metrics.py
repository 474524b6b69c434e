"""The metrics a region can count: the total of market entities and the plan's secondary
indicators. Each is one observed series (a count at a date) keyed by its name.

Names are lower-case identifiers; Chinese-only notions (专精特新, 小升规, 限上, 个转企) keep
their pinyin so a Chinese reader recognises them and no English gloss has to be learned.
A region adds its own under ``metrics:`` in targets.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from pucli.models.targets import DEFAULT_METRIC


@dataclass(frozen=True)
class MetricInfo:
    name: str
    label: str  # Chinese
    label_en: str
    note: str = ""
    unit: str | None = None  # display unit; None: 户 (market entities and their kinds)
    flow: bool = False  # a figure per year (output, GDP), not a level at a date


BUILTIN_METRICS: tuple[MetricInfo, ...] = (
    MetricInfo(DEFAULT_METRIC, "市场主体总数", "market entities"),
    MetricInfo("enterprises", "企业", "enterprises"),
    MetricInfo("individual_businesses", "个体工商户", "individual businesses"),
    MetricInfo("cooperatives", "农民专业合作社", "farmers' cooperatives"),
    MetricInfo("high_tech", "高新技术企业", "high-tech enterprises"),
    MetricInfo("zhuanjingtexin", "专精特新中小企业", "specialised SMEs (专精特新)"),
    MetricInfo("xiaoshenggui", "小升规工业企业", "firms newly above designated size (小升规)"),
    MetricInfo("xianshang", "限上企业", "firms newly above the statistical threshold (限上)"),
    MetricInfo("ge_zhuan_qi", "个转企企业", "individual businesses converted to firms (个转企)"),
)
BUILTIN = {m.name: m for m in BUILTIN_METRICS}


def metric_registry(declared: list | None = None) -> dict[str, MetricInfo]:
    """Built-in metrics, overridden or extended by the ``metrics:`` of targets.yaml."""
    registry = dict(BUILTIN)
    for m in declared or []:
        base = registry.get(m.name)
        registry[m.name] = MetricInfo(m.name, m.label, m.label_en or (base.label_en if base
                                                                       else m.name),
                                      m.note or "", getattr(m, "unit", None),
                                      getattr(m, "flow", False))
    return registry


def resolve_metric(text: str, registry: dict[str, MetricInfo]) -> str | None:
    """The metric name for ``text`` — a name or a Chinese label, e.g. 高新技术企业; "" is the
    total; None when unknown."""
    text = text.strip()
    if text == "":
        return DEFAULT_METRIC
    if text in registry:
        return text
    for m in registry.values():
        if text in (m.label, m.label_en):
            return m.name
    return None
