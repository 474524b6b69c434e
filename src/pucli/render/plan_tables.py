"""Rich tables and plain-text views of the plan (measures, one measure, units)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from pucli.compute.browse import UnitLoad
from pucli.models.plan import Measure, Plan

KIND_LABELS = {
    "county_department": "县直部门",
    "vertical_branch": "垂直管理派驻",
    "township": "乡镇",
    "party_body": "党委部门",
    "people_organisation": "人民团体",
    "outside_organisation": "外部机构",
}


def measures_table(plan: Plan, measures: list[Measure]) -> Table:
    sections = {s.id: s for s in plan.sections}
    table = Table(title=f"{plan.plan.title} — {len(measures)} 项举措", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("部分")
    table.add_column("举措")
    table.add_column("牵头单位")
    table.add_column("配合", justify="right")
    for m in measures:
        sec = sections.get(m.section)
        table.add_row(str(m.id), f"({sec.numeral})" if sec and sec.numeral else str(m.section),
                      m.title, m.lead_unit, str(len(m.units) - 1))
    return table


def measure_rows(plan: Plan, measures: list[Measure]) -> tuple[list[str], list[list]]:
    columns = ["id", "section", "title", "title_en", "lead_unit", "units", "and_related",
               "due", "text"]
    rows = [[m.id, m.section, m.title, m.title_en, m.lead_unit, list(m.units), m.and_related,
             m.effective_due, m.text] for m in measures]
    return columns, rows


def measure_detail(plan: Plan, m: Measure) -> Text:
    sec = next((s for s in plan.sections if s.id == m.section), None)
    out = Text()
    out.append(f"{m.id}. {m.title}\n", style="bold")
    if m.title_en:
        out.append(f"   {m.title_en}\n", style="dim")
    if sec:
        out.append(f"\n部分  ({sec.numeral or sec.id}) {sec.title}\n")
    out.append("\n" + m.text + "\n\n")
    out.append("责任单位  ", style="bold")
    out.append(m.units[0], style="bold")
    if len(m.units) > 1:
        out.append("（牵头），" + "，".join(m.units[1:]))
    if m.and_related:
        out.append(" 等有关部门")
    out.append("\n")
    if m.commitments:
        out.append("\n量化承诺\n", style="bold")
        for c in m.commitments:
            value = "" if c.value is None else f"{c.value:g}"
            if c.value_max is not None:
                value += f"–{c.value_max:g}"
            out.append(f"  · {c.kind} {value} {c.unit or ''}  “{c.quote}”\n")
    if m.due or m.milestones:
        out.append("\n期限\n", style="bold")
        if m.due:
            moved = f" → {m.effective_due}（延期 {len(m.extensions)} 次）" if m.extensions else ""
            out.append(f"  举措完成 {m.due}{moved}\n")
        for ms in m.milestones:
            out.append(f"  · {ms.title}  {ms.effective_due}  {ms.unit or ''}\n")
    return out


def units_table(plan: Plan, loads: list[UnitLoad]) -> Table:
    table = Table(title=f"责任矩阵 — {len(loads)} 个责任单位", title_justify="left")
    table.add_column("责任单位")
    table.add_column("类别")
    table.add_column("牵头", justify="right")
    table.add_column("配合", justify="right")
    table.add_column("牵头举措")
    for r in loads:
        table.add_row(r.name, KIND_LABELS.get(r.kind, r.kind), str(len(r.leads)),
                      str(len(r.supports)), ", ".join(map(str, r.leads)))
    return table


def unit_rows(loads: list[UnitLoad]) -> tuple[list[str], list[list]]:
    columns = ["unit", "kind", "leads", "supports", "lead_measures", "support_measures"]
    rows = [[r.name, r.kind, len(r.leads), len(r.supports), r.leads, r.supports] for r in loads]
    return columns, rows
