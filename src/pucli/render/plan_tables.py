"""Rich tables and plain-text views of the plan (measures, one measure, units)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from pucli.compute.browse import UnitLoad
from pucli.i18n import t, title_of
from pucli.models.plan import Measure, Plan
from pucli.render.labels import (
    commitment_kind_label,
    commitment_unit_label,
    kind_label,
    lead_mark,
    unit_kind_label,
)


def measures_table(plan: Plan, measures: list[Measure]) -> Table:
    sections = {s.id: s for s in plan.sections}
    table = Table(title=t(f"{plan.plan.title} — {len(measures)} 项举措",
                          f"{title_of(plan.plan)} — {len(measures)} measures"),
                  title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(t("部分", "section"), no_wrap=True)
    table.add_column(t("举措", "measure"), overflow="fold")
    table.add_column(t("牵头单位", "lead unit"), overflow="fold")
    table.add_column(t("配合", "others"), justify="right", no_wrap=True)
    for m in measures:
        sec = sections.get(m.section)
        table.add_row(str(m.id), f"({sec.numeral})" if sec and sec.numeral else str(m.section),
                      title_of(m), m.lead_unit, str(len(m.units) - 1))
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
        out.append(t(f"\n部分  ({sec.numeral or sec.id}) {sec.title}\n",
                     f"\nsection  {sec.id}. {title_of(sec)}\n"))
    out.append("\n" + m.text + "\n\n")
    out.append(t("责任单位  ", "units  "), style="bold")
    out.append(m.units[0], style="bold")
    if len(m.units) > 1:
        out.append(lead_mark() + t("，", ", ") + t("，", ", ").join(m.units[1:]))
    if m.and_related:
        out.append(t(" 等有关部门", " and related departments"))
    out.append("\n")
    if m.commitments:
        out.append(t("\n量化承诺\n", "\ncommitments\n"), style="bold")
        for c in m.commitments:
            value = "" if c.value is None else _figure(c.value, c.unit)
            if c.value_max is not None:
                value += f"–{_figure(c.value_max, c.unit)}"
            unit = "" if c.unit == "fraction" else commitment_unit_label(c.unit)
            gap = "" if unit and not unit[0].isascii() else " "  # 24个工作日, 24 working days
            out.append(f"  · {commitment_kind_label(c.kind)} {value}{gap}{unit}".rstrip()
                       + f"  “{c.quote}”\n")
    if m.due or m.milestones:
        out.append(t("\n期限\n", "\ndeadlines\n"), style="bold")
        if m.due:
            moved = t(f" → {m.effective_due}（延期 {len(m.extensions)} 次）",
                      f" → {m.effective_due} ({len(m.extensions)} extension(s))") \
                if m.extensions else ""
            out.append(f"  {kind_label('measure')} {m.due}{moved}\n")
        for ms in m.milestones:
            out.append(f"  · {ms.title}  {ms.effective_due}  {ms.unit or ''}\n")
    return out


def _figure(v: float, unit: str | None) -> str:
    """A commitment's number as people write it: 2,000,000 (not 2e+06), 3% for a share."""
    if unit == "fraction":
        return f"{v * 100:g}%"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.10g}"


def units_table(plan: Plan, loads: list[UnitLoad]) -> Table:
    table = Table(title=t(f"责任矩阵 — {len(loads)} 个责任单位",
                          f"Responsibilities — {len(loads)} units"), title_justify="left")
    table.add_column(t("责任单位", "unit"), overflow="fold")
    table.add_column(t("类别", "kind"), overflow="fold")
    table.add_column(t("牵头", "leads"), justify="right", no_wrap=True)
    table.add_column(t("配合", "supports"), justify="right", no_wrap=True)
    table.add_column(t("牵头举措", "lead measures"), overflow="fold")
    for r in loads:
        table.add_row(r.name, unit_kind_label(r.kind), str(len(r.leads)),
                      str(len(r.supports)), ", ".join(map(str, r.leads)))
    return table


def unit_rows(loads: list[UnitLoad]) -> tuple[list[str], list[list]]:
    columns = ["unit", "kind", "leads", "supports", "lead_measures", "support_measures"]
    rows = [[r.name, r.kind, len(r.leads), len(r.supports), r.leads, r.supports] for r in loads]
    return columns, rows
