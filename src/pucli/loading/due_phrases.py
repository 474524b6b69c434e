"""Deadlines as plans write them: "2023年6月底前", "年底前", "长期坚持", "每季度".

Runs on the parsed YAML of measures.yaml before the schema: a ``due`` written as text is
read into a date (kept with its words in ``due_text``), into ``ongoing`` (长期坚持,
持续推进: never overdue, reports still due) or into ``recurring`` (每月, 每季度: the
measure's own report schedule). A date written as a date is left alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from pucli.loading.yamldoc import YamlDoc
from pucli.problems import Problem

ONGOING = ("长期坚持", "持续推进", "长期推进", "持续开展", "常态化推进", "长期")
RECURRING = {"每月": "monthly", "每季度": "quarterly", "每半年": "half-yearly", "每年": "yearly"}
_BEFORE = r"(?:前|以前|之前)?"
_MONTH = re.compile(r"(\d{4})年(\d{1,2})月(?:底|末|份)?" + _BEFORE)
_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日" + _BEFORE)
_YEAR_END = re.compile(r"(\d{4})?年?(?:年底|底|年末|末|年内|内)" + _BEFORE)
_HALF = re.compile(r"(\d{4})年(上|下)半年" + _BEFORE)
_QUARTER = re.compile(r"(\d{4})年(?:第)?([一二三四1-4])季度(?:末|底)?" + _BEFORE)
FORMS = ("2023年6月底前, 2023年6月, 2023年6月30日前, 2023年底前, 年底前, 2023年上半年, "
         "2023年三季度, 长期坚持, 持续推进, 每月, 每季度")


def read_due(text: str, horizon: tuple[dt.date, dt.date] | None,
             ) -> dict[str, Any] | str:
    """The fields ``text`` stands for (``due``, ``ongoing`` or ``recurring``), or why it
    cannot be read (an English message)."""
    words = re.sub(r"\s+", "", text)
    if words in ONGOING:
        return {"ongoing": True}
    if words in RECURRING:
        return {"recurring": RECURRING[words]}
    try:
        if m := _DAY.fullmatch(words):
            return {"due": dt.date(int(m[1]), int(m[2]), int(m[3]))}
        if m := _MONTH.fullmatch(words):
            return {"due": _month_end(int(m[1]), int(m[2]))}
        if m := _HALF.fullmatch(words):
            return {"due": _month_end(int(m[1]), 6 if m[2] == "上" else 12)}
        if m := _QUARTER.fullmatch(words):
            q = "一二三四".find(m[2]) + 1 or int(m[2])
            return {"due": _month_end(int(m[1]), 3 * q)}
    except ValueError:
        return f"'{text}' is not a real date"
    if m := _YEAR_END.fullmatch(words):
        if m[1]:
            return {"due": dt.date(int(m[1]), 12, 31)}
        if horizon is None or horizon[0].year != horizon[1].year:
            return f"'{text}' does not say which year, and the plan spans several years"
        return {"due": dt.date(horizon[1].year, 12, 31)}
    return f"cannot read '{text}' as a deadline"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def resolve_due_phrases(data: Any, doc: YamlDoc) -> list[Problem]:
    """Rewrite every ``due`` written as words in ``data`` (the parsed measures.yaml), in
    place; a problem for each that cannot be read."""
    if not isinstance(data, dict) or not isinstance(data.get("measures"), list):
        return []
    horizon = _horizon(data)
    out = []
    for i, m in enumerate(data["measures"]):
        if not isinstance(m, dict):
            continue
        out += _resolve(m, ("measures", i), horizon, doc, allow_words=True)
        milestones = m.get("milestones")
        # anything but a list is the schema's to report (with its location), not ours
        for k, ms in enumerate(milestones if isinstance(milestones, list) else []):
            if isinstance(ms, dict):
                out += _resolve(ms, ("measures", i, "milestones", k), horizon, doc,
                                allow_words=False)
    return out


def _resolve(entry: dict, path: tuple, horizon, doc: YamlDoc, allow_words: bool,
             ) -> list[Problem]:
    text = entry.get("due")
    if not isinstance(text, str) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return []
    found = read_due(text, horizon)
    if isinstance(found, dict) and "due" not in found and not allow_words:
        found = f"'{text}' is not a date: a milestone needs one"
    if isinstance(found, str):
        # reported here: a stand-in date keeps the schema from reporting it a second time
        # (the error keeps the plan from being used)
        entry["due"] = (horizon[1] if horizon else dt.date(2000, 1, 1)).isoformat()
        return [doc.problem("invalid-date", found, path + ("due",),
                            hint="write a date (2023-06-30) or the plan's words: " + FORMS)]
    del entry["due"]
    # a date as YYYY-MM-DD text: what the YAML itself would hold, whichever YAML schema
    entry.update({k: v.isoformat() if isinstance(v, dt.date) else v for k, v in found.items()})
    entry.setdefault("due_text", text.strip())
    return []


def _horizon(data: dict) -> tuple[dt.date, dt.date] | None:
    try:
        h = data["plan"]["horizon"]
        start, end = (_as_date(h["start"]), _as_date(h["end"]))
    except (KeyError, TypeError, ValueError):
        return None
    return (start, end) if start and end else None


def _as_date(value: Any) -> dt.date | None:
    """A horizon bound as parsed: a date (YAML 1.1) or its YYYY-MM-DD text (YAML 1.2)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return dt.date.fromisoformat(value.strip())
    return None
