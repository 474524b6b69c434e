"""``pucli quality`` as a rich table, JSON, CSV/xlsx rows and Markdown (also for the brief).

Text comes in Chinese by default and in English when ``lang="en"`` (``$PUCLI_LANG=en``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from pucli.compute.flags import Flag
from pucli.compute.quality import Indicator, QualitySummary

HEAD = {  # (zh, en)
    "title": ("{region}市场主体发展质量", "{region}: quality of growth"),
    "as_of": ("截至{date}（最新数据{latest}）", "as of {date} (latest data {latest})"),
    "structure": ("结构", "structure"),
    "vitality": ("活力", "vitality"),
    "flags": ("预警提示", "warning flags"),
    "no_flags": ("无预警提示。", "no flag raised."),
    "flags_note": ("预警是请人复核的提示，不是结论。", "Flags are for a human to look at, not "
                   "verdicts."),
    "indicator": ("指标", "indicator"), "latest": ("最近", "latest"),
    "previous": ("上一期", "previous"), "change": ("变化", "change"),
    "reading": ("解读", "reading"), "month": ("月份", "month"), "rule": ("规则", "rule"),
    "what": ("情况", "what"), "whole": ("全县", "the whole region"),
}


def language(lang: str | None = None) -> str:
    """``lang`` if given, else the language in force (``--lang``, ``$PUCLI_LANG``, zh)."""
    from pucli import i18n

    return i18n.normalise(lang) or i18n.language()


def _t(key: str, lang: str) -> str:
    zh, en = HEAD[key]
    return en if lang == "en" else zh


def _value(v: float | None, unit: str) -> str:
    if v is None:
        return ""
    return f"{v * 100:.1f} %" if unit == "share" else f"{v:,.0f}"


def _change(i: Indicator) -> str:
    if i.change is None:
        return ""
    if i.unit == "share":
        return f"{i.change * 100:+.1f} pp"
    pct = f" ({i.change / i.previous * 100:+.1f} %)" if i.previous else ""
    return f"{i.change:+,.0f}{pct}"


def _reading(i: Indicator, lang: str) -> str:
    return i.reading_en if lang == "en" else i.reading_zh


def summary_readings(s: QualitySummary, lang: str | None = None) -> list[str]:
    """The plain-language readings of every indicator with a value (for the brief)."""
    items = [i for i in s.structure + s.vitality if i.latest is not None]
    return _readings(items, language(lang))


def _readings(items: list[Indicator], lang: str) -> list[str]:
    """The readings of ``items``, each distinct one once (a missing input is said once)."""
    return list(dict.fromkeys(_reading(i, lang) for i in items))


def _message(f: Flag, lang: str) -> str:
    return f.message_en if lang == "en" else f.message_zh


def _rule(f: Flag, lang: str) -> str:
    return f.rule_en if lang == "en" else f.rule_zh


def _label(i: Indicator, lang: str) -> str:
    return i.label_en if lang == "en" else i.label


def _heading(s: QualitySummary, lang: str) -> tuple[str, str]:
    region = s.region or _t("whole", lang)
    when = _t("as_of", lang).format(date=s.as_of or dt.date.today(), latest=s.latest or "—")
    return _t("title", lang).format(region=region), when


def indicator_rows(s: QualitySummary, lang: str | None = None,
                   ) -> tuple[list[str], list[list[Any]]]:
    """One row per indicator (csv/xlsx)."""
    lang = language(lang)
    columns = ["group", "indicator", "unit", "window_start", "window_end", "latest",
               "previous", "change", "direction", "reading"]
    rows = []
    for group, items in (("structure", s.structure), ("vitality", s.vitality)):
        for i in items:
            rows.append([group, i.key, i.unit,
                         i.window[0].isoformat() if i.window else None,
                         i.window[1].isoformat() if i.window else None,
                         _num(i.latest), _num(i.previous), _num(i.change), i.direction,
                         _reading(i, lang)])
    return columns, rows


def flag_rows(s: QualitySummary, lang: str | None = None) -> tuple[list[str], list[list[Any]]]:
    lang = language(lang)
    columns = ["date", "flag", "message", "rule", "numbers"]
    return columns, [[f.date.isoformat(), f.code, _message(f, lang), _rule(f, lang),
                      "; ".join(f"{k}={v}" for k, v in f.numbers.items())] for f in s.flags]


def period_rows(s: QualitySummary) -> tuple[list[str], list[list[Any]]]:
    """One row per period of actuals.csv with its structure and vitality figures."""
    columns = ["date", "total", "enterprises", "individual_businesses", "cooperatives",
               "enterprise_share", "new", "cancelled", "net", "change", "flags"]
    by_date: dict = {}
    for f in s.flags:
        by_date.setdefault(f.date, []).append(f.code)
    rows = [[p.date.isoformat(), p.total, p.enterprises, p.individual_businesses,
             p.cooperatives, _num(p.enterprise_share), p.new, p.cancelled, p.net, p.change,
             " ".join(by_date.get(p.date, []))] for p in s.periods]
    return columns, rows


def _num(v: float | None) -> float | None:
    return None if v is None else round(v, 6)


def quality_json(s: QualitySummary, lang: str | None = None) -> dict[str, Any]:
    """The JSON object of ``pucli quality --format json`` (both languages' readings)."""
    def ind(i: Indicator) -> dict[str, Any]:
        return {"indicator": i.key, "label": i.label, "label_en": i.label_en, "unit": i.unit,
                "window": [d.isoformat() for d in i.window] if i.window else None,
                "latest": _num(i.latest), "previous": _num(i.previous),
                "change": _num(i.change), "direction": i.direction, "good": i.good,
                "reading_zh": i.reading_zh, "reading_en": i.reading_en}

    return {
        "region": s.region, "as_of": s.as_of.isoformat() if s.as_of else None,
        "latest": s.latest.isoformat() if s.latest else None,
        "structure": [ind(i) for i in s.structure],
        "vitality": [ind(i) for i in s.vitality],
        "flags": [{"date": f.date.isoformat(), "flag": f.code, "numbers": f.numbers,
                   "message_zh": f.message_zh, "message_en": f.message_en,
                   "rule_zh": f.rule_zh, "rule_en": f.rule_en} for f in s.flags],
        "settings": dataclasses.asdict(s.settings),
        "notes": s.notes,
    }


def quality_table(s: QualitySummary, lang: str | None = None) -> Group:
    """The rich rendering: heading, structure and vitality tables with readings, flags."""
    lang = language(lang)
    title, when = _heading(s, lang)
    head = Text()
    head.append(title, style="bold")
    head.append("   " + when)
    parts: list[Any] = [head]
    for key, items in (("structure", s.structure), ("vitality", s.vitality)):
        table = Table(show_edge=False, pad_edge=False, title=_t(key, lang),
                      title_justify="left")
        table.add_column(_t("indicator", lang))
        for name in ("latest", "previous", "change"):
            table.add_column(_t(name, lang), justify="right")
        for i in items:
            table.add_row(_label(i, lang), _value(i.latest, i.unit),
                          _value(i.previous, i.unit), _change(i))
        parts.append(table)
        parts.append(Text("\n".join(f"  · {r}" for r in _readings(items, lang))))
    parts.append(Text(_t("flags", lang), style="bold"))
    if not s.flags:
        parts.append(Text("  " + _t("no_flags", lang)))
    for f in s.flags:
        parts.append(Text(f"  [{f.code}] {_message(f, lang)}\n    {_t('rule', lang)}: "
                          f"{_rule(f, lang)}"))
    parts.append(Text(_t("flags_note", lang), style="dim"))
    parts += [Text(n) for n in s.notes]
    return Group(*parts)


def quality_markdown(s: QualitySummary, lang: str | None = None, heading_level: int = 2,
                     ) -> str:
    """The summary as Markdown — the quality section of the meeting brief."""
    lang = language(lang)
    h = "#" * heading_level
    title, when = _heading(s, lang)
    out = [f"{h} {title}", "", when, ""]
    for key, items in (("structure", s.structure), ("vitality", s.vitality)):
        out += [f"{h}# {_t(key, lang)}", "",
                f"| {_t('indicator', lang)} | {_t('latest', lang)} | {_t('previous', lang)} "
                f"| {_t('change', lang)} |", "|---|---:|---:|---:|"]
        out += [f"| {_label(i, lang)} | {_value(i.latest, i.unit)} | "
                f"{_value(i.previous, i.unit)} | {_change(i)} |" for i in items]
        out += [""] + [f"- {r}" for r in _readings(items, lang)] + [""]
    out += [f"{h}# {_t('flags', lang)}", ""]
    if not s.flags:
        out.append(_t("no_flags", lang))
    else:
        out += [f"| {_t('month', lang)} | {_t('what', lang)} | {_t('rule', lang)} |",
                "|---|---|---|"]
        out += [f"| {f.date:%Y-%m} | {_message(f, lang)} | {_rule(f, lang)} |"
                for f in s.flags]
    out += ["", _t("flags_note", lang)]
    out += [f"- {n}" for n in s.notes]
    return "\n".join(out).replace("\n\n\n", "\n\n") + "\n"
