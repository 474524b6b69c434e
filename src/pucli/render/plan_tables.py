"""Rich tables and plain-text views of the plan (measures, one measure, units)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from pucli.compute.browse import UnitLoad
from pucli.i18n import t, title_of
from pucli.models.plan import Measure, Plan
from pucli.render.labels import (
    cadence_label,
    commitment_kind_label,
    commitment_unit_label,
    due_label,
    kind_label,
    lead_mark,
    numbered,
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
        table.add_row(m.label, plan.numeral(m.section) if m.section in sections
                      else str(m.section), title_of(m), t("、", ", ").join(m.lead_units),
                      str(len(m.responsible) - len(m.lead_units)))
    return table


def measure_rows(plan: Plan, measures: list[Measure]) -> tuple[list[str], list[list]]:
    columns = ["id", "number", "section", "title", "title_en", "lead_unit", "lead", "units",
               "leaders", "and_related", "due", "due_text", "ongoing", "recurring", "text"]
    rows = [[m.id, m.label, m.section, m.title, m.title_en, m.lead_unit, m.lead_units,
             m.responsible, list(m.leaders), m.and_related, m.effective_due, m.due_text,
             m.ongoing, m.recurring, m.text] for m in measures]
    return columns, rows


def measure_detail(plan: Plan, m: Measure) -> Text:
    sec = next((s for s in plan.sections if s.id == m.section), None)
    out = Text()
    out.append(numbered(m.label, m.title) + "\n", style="bold")
    if m.title_en:
        out.append(f"   {m.title_en}\n", style="dim")
    if sec:
        out.append(t(f"\n部分  {plan.numeral(sec.id)}{sec.title}\n",
                     f"\nsection  {plan.numeral(sec.id)} {title_of(sec)}\n"))
    out.append("\n" + m.text + "\n\n")
    out.append(t("责任单位  ", "units  "), style="bold")
    leads = m.lead_units
    out.append(t("，", ", ").join(leads), style="bold")
    others = [u for u in m.responsible if u not in leads]
    out.append(lead_mark() + (t("，", ", ") + t("，", ", ").join(others) if others else ""))
    if m.and_related:
        out.append(t(" 等有关部门", " and related departments"))
    out.append("\n")
    if m.leaders:
        out.append(t("责任领导  ", "leaders  "), style="bold")
        out.append(t("、", ", ").join(m.leaders) + "\n")
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
    if m.due or m.milestones or m.ongoing or m.recurring:
        out.append(t("\n期限\n", "\ndeadlines\n"), style="bold")
        if m.due:
            moved = t(f" → {m.effective_due}（延期 {len(m.extensions)} 次）",
                      f" → {m.effective_due} ({len(m.extensions)} extension(s))") \
                if m.extensions else ""
            out.append(f"  {kind_label('measure')} {due_label(m.due, m.due_text)}{moved}\n")
        if m.ongoing:
            out.append("  " + t(f"{m.due_text or '长期坚持'}：持续推进，不设完成期限，仍需按期报送",
                                f"{m.due_text or 'ongoing'}: ongoing, never overdue; reports "
                                "still due") + "\n")
        if m.recurring:
            words = f"（{m.due_text}）" if m.due_text else ""
            out.append("  " + t(f"定期报送：{cadence_label(m.recurring)}一次{words}",
                                f"recurring: a progress report every "
                                f"{cadence_label(m.recurring)}"
                                + (f" ({m.due_text})" if m.due_text else "")) + "\n")
        for ms in m.milestones:
            out.append(f"  · {ms.title}  {due_label(ms.effective_due, ms.due_text)}  "
                       f"{ms.unit or ''}\n")
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
