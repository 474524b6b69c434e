"""Views over the plan for browsing: filtered measures and the responsibility matrix."""

from __future__ import annotations

from dataclasses import dataclass

from pucli.models.plan import Measure, Plan
from pucli.problems import DataError, Problem


def resolve_unit(plan: Plan, name: str, source: str = "--unit") -> str:
    """A unit name or alias → its registry name; :class:`DataError` with a hint if unknown."""
    from pucli.models.domain import DomainError, check_name
    from pucli.suggest import did_you_mean

    try:
        name = check_name(name)  # NFC; an invisible character is named, not "unknown"
    except DomainError as exc:
        raise DataError([Problem("invalid-name", exc.message, source, hint=exc.hint)]
                        ) from None
    index = plan.unit_index()
    if name in index:
        return index[name]
    # Accept an unambiguous fragment too (e.g. "审批局" for 县行政审批局).
    fragments = sorted({v for k, v in index.items() if name and name in k})
    if len(fragments) == 1:
        return fragments[0]
    hint = did_you_mean(name, index)
    if len(fragments) > 1:
        hint = "matches several units: " + ", ".join(fragments)
    raise DataError([Problem("unknown-unit", f"unknown unit '{name}'", source,
                             hint=hint or "see `pucli units` for the registry")])


def filter_measures(plan: Plan, unit: str | None = None, section: int | None = None,
                    search: str | None = None) -> list[Measure]:
    """Measures matching every given filter; ``unit`` is a registry name or alias."""
    index = plan.unit_index()
    wanted = resolve_unit(plan, unit) if unit else None
    needle = search.lower() if search else None
    out = []
    for m in plan.measures:
        if section is not None and m.section != section:
            continue
        if wanted and wanted not in {index.get(u, u) for u in m.responsible}:
            continue
        if needle and not any(needle in (s or "").lower()
                              for s in (m.title, m.text, m.title_en)):
            continue
        out.append(m)
    return out


@dataclass(frozen=True)
class UnitLoad:
    name: str
    kind: str
    leads: list[int]
    supports: list[int]

    @property
    def total(self) -> int:
        return len(self.leads) + len(self.supports)


def responsibility_matrix(plan: Plan) -> list[UnitLoad]:
    """For each registered unit, the measures it leads (listed first) and supports."""
    index = plan.unit_index()
    leads: dict[str, list[int]] = {u.name: [] for u in plan.units}
    supports: dict[str, list[int]] = {u.name: [] for u in plan.units}
    for m in plan.measures:
        lead = {index.get(u, u) for u in m.lead_units}
        for name in m.responsible:
            canonical = index.get(name)
            if canonical is None:
                continue
            (leads if canonical in lead else supports)[canonical].append(m.id)
    rows = [UnitLoad(u.name, u.kind, leads[u.name], supports[u.name]) for u in plan.units]
    return sorted(rows, key=lambda r: (-len(r.leads), -r.total, r.name))
