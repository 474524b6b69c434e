#!/usr/bin/env python
"""Check data/measures.yaml against the source text of 蒲发〔2022〕11号.

Re-derives everything independently of scripts/extract_plan.py (a different
parse: the 落实举措 region is collapsed into one string with every line break
removed, then split on item numbers and section headings) and compares.

Usage:
    python scripts/check_plan_transcription.py [--source PATH] [--data PATH]
Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "source" / "puxian-market-entity-doubling-plan-2022.txt"
DEFAULT_DATA = ROOT / "data" / "measures.yaml"

KINDS = {
    "county_department", "vertical_branch", "township", "party_body",
    "people_organisation", "outside_organisation",
}
NUMERALS = "一二三四五六七八九"
TOWNSHIP = "各乡镇党委、政府"
PLACEHOLDER = "\0TOWNSHIP\0"


def derive(source: str) -> dict:
    region = source.split("三、落实举措", 1)[1].split("抄 送", 1)[0]
    flat = region.replace("\n", "")  # every line/page break removed
    # tokens: section headings and item numbers, in order
    tokens = list(re.finditer(r"[（(](?P<sec>[一二三四五六七八九])[）)] ?|(?P<num>\d+)\. ", flat))
    items, sections = [], []
    current = None
    for i, tok in enumerate(tokens):
        end = tokens[i + 1].start() if i + 1 < len(tokens) else len(flat)
        body = flat[tok.end():end]
        if tok.group("sec"):
            current = NUMERALS.index(tok.group("sec")) + 1
            sections.append({"id": current, "numeral": tok.group("sec"), "title": body.strip()})
        else:
            items.append({"id": int(tok.group("num")), "section": current, "raw": body})
    for it in items:
        raw = it["raw"]
        k = raw.rfind("责任单位：")
        assert k > 0 and raw[k - 1] in "（(" and raw[-1] in "）)", it["id"]
        it["text"] = raw[: k - 1]
        resp = raw[k + len("责任单位："): -1]
        it["and_related"] = "等有关部门" in resp or "等县直有关部门" in resp
        resp = resp.replace("等县直有关部门", "").replace("等有关部门", "")
        resp = resp.replace(TOWNSHIP, PLACEHOLDER)
        it["units"] = [u.replace(PLACEHOLDER, TOWNSHIP) for u in re.split(r"[、，]", resp)]
        it["paren"] = raw[k - 1] + raw[-1]
    goal = source.split("二、工作目标", 1)[1].split("三、落实举措", 1)[0].strip()
    return {"items": items, "sections": sections, "goal": goal}


class Checker:
    def __init__(self):
        self.failures: list[str] = []
        self.n = 0

    def __call__(self, cond, msg):
        self.n += 1
        if not cond:
            self.failures.append(msg)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)

    source = args.source.read_text(encoding="utf-8")
    raw_yaml = args.data.read_text(encoding="utf-8")
    data = yaml.safe_load(raw_yaml)
    d = derive(source)
    ok = Checker()

    # ---- file shape
    modeline = "# yaml-language-server: $schema=../schemas/measures.schema.json"
    ok(raw_yaml.splitlines()[0] == modeline, "first line is not the schema modeline")
    ok(list(data) == ["plan", "sections", "units", "measures"], f"top-level keys {list(data)}")
    plan = data["plan"]
    ok(plan["doc_number"] == "蒲发〔2022〕11号" and plan["doc_number"] in source, "doc_number")
    ok(plan["title"] == "蒲县市场主体倍增工程实施方案（试行）" and plan["title"] in source, "title")
    ok(plan["issuers"] == ["中共蒲县县委", "蒲县人民政府"], "issuers")
    ok(plan["issued"] == dt.date(2022, 6, 17) and "2022年6月17日印发" in source, "issued")
    ok(plan["region"] == "蒲县", "region")
    ok(plan["horizon"] == {"start": dt.date(2022, 1, 1), "end": dt.date(2025, 12, 31)}, "horizon")
    ok(plan["goal_text"] == d["goal"], "goal_text differs from the 二、工作目标 paragraph")
    ok(bool(plan.get("title_en")), "plan.title_en")

    # ---- sections
    ok([s["id"] for s in data["sections"]] == list(range(1, 10)), "section ids not 1..9")
    ok(len(d["sections"]) == 9, f"source has {len(d['sections'])} sections")
    for got, src in zip(data["sections"], d["sections"], strict=False):  # counts: above
        for key in ("id", "numeral", "title"):
            ok(got[key] == src[key], f"section {src['id']} {key}: {got[key]!r} != {src[key]!r}")
        ok(bool(got.get("title_en")), f"section {src['id']} title_en missing")

    # ---- units registry
    reg = {u["name"]: u for u in data["units"]}
    ok(len(reg) == len(data["units"]), "duplicate unit names in registry")
    alias_of = {}
    for u in data["units"]:
        ok(u["kind"] in KINDS, f"unit {u['name']}: bad kind {u['kind']!r}")
        ok(bool(u.get("name_en")), f"unit {u['name']}: name_en missing")
        ok(isinstance(u.get("aliases"), list), f"unit {u['name']}: aliases not a list")
        for a in u.get("aliases") or []:
            ok(a not in reg, f"alias {a} is also a registry name")
            alias_of[a] = u["name"]

    # ---- measures
    ms = data["measures"]
    ok([m["id"] for m in ms] == list(range(1, 49)), "measure ids not 1..48")
    ok([it["id"] for it in d["items"]] == list(range(1, 49)), "source item numbers not 1..48")
    first_seen: list[str] = []
    for m, src in zip(ms, d["items"], strict=False):  # counts checked above
        i = src["id"]
        ok(m["section"] == src["section"],
           f"measure {i}: section {m['section']} != {src['section']}")
        ok(m["text"] == src["text"], f"measure {i}: text differs from source")
        ok("\n" not in m["text"] and "责任单位" not in m["text"],
           f"measure {i}: text has break/责任单位")
        ok(m["title"] == src["text"].split("。", 1)[0],
           f"measure {i}: title is not the lead phrase")
        ok(bool(m.get("title_en")), f"measure {i}: title_en missing")
        expected_units = [alias_of.get(u, u) for u in src["units"]]
        ok(m["units"] == expected_units, f"measure {i}: units {m['units']} != {expected_units}")
        ok(m["and_related"] is src["and_related"], f"measure {i}: and_related")
        for u in m["units"]:
            ok(u in reg, f"measure {i}: unit {u} not in registry")
            if u not in first_seen:
                first_seen.append(u)
        for c in m["commitments"]:
            ok(isinstance(c["quote"], str) and c["quote"] in m["text"],
               f"measure {i}: quote {c.get('quote')!r} not in text")
            ok(re.fullmatch(r"[a-z][a-z0-9_]*", c["kind"]) is not None,
               f"measure {i}: kind {c['kind']}")
            ok(isinstance(c["value"], (int, float)) and not isinstance(c["value"], bool),
               f"measure {i}: value not numeric")
            ok(set(c) <= {"kind", "value", "value_max", "unit", "quote", "note"},
               f"measure {i}: unexpected commitment keys {set(c)}")
        ok(not ({"due", "due_date", "deadline", "milestones"} & set(m)),
           f"measure {i}: due dates added")
    ok([u["name"] for u in data["units"]] == first_seen,
       "registry is not exactly the used units in order of first appearance")

    # ---- commitments required by the brief
    def has(mid, kind, value, unit, quote=None, value_max=None):
        for c in ms[mid - 1]["commitments"]:
            if (c["kind"], c["value"], c["unit"]) == (kind, value, unit) \
                    and (quote is None or c["quote"] == quote) \
                    and (value_max is None or c.get("value_max") == value_max):
                return True
        return False

    required = [
        (8, "max_duration", 0.5, "days", "一网通、一窗办、半日结、零成本", None),
        (8, "cost", 0, "yuan", None, None),
        (12, "max_duration", 24, "working_days",
         "1万平方米以下企业投资简易低风险项目全流程审批24个工作日办结", None),
        (4, "max_share", 0.03, "fraction", None, None),
        (28, "max_duration", 0.5, "days", None, None),
        (28, "max_duration", 1, "days", None, None),
        (23, "threshold", 2000000, "yuan", None, None),
        (18, "service_radius", 10, "minutes", None, 15),
        (44, "frequency", 4, "per_year", None, None),
        (44, "frequency", 2, "per_year", None, None),
        (33, "growth_multiple", 2, "times", None, None),
    ]
    for r in required:
        ok(has(*r), f"required commitment missing: {r}")
    ok(any(c["value"] == 0 for c in ms[10]["commitments"]), "measure 11 三零 commitments missing")
    ok(not ms[30]["commitments"], "measure 31 should have no commitments (12123 is an app number)")
    ok(ms[11]["commitments"] and all(c.get("note") for c in ms[11]["commitments"]),
       "measure 12 note")

    rep = plan["reporting"]
    ok(rep["measure"] == 44 and rep["quote"] in ms[43]["text"], "reporting quote not in measure 44")
    ok((rep["dispatch"], rep["hearing"]) == ("quarterly", "half-yearly"), "reporting cadence")

    # ---- textual details of the YAML file itself
    m19_line = next(x for x in raw_yaml.splitlines()
                    if "县农业农村局" in x and "# plan writes 县农业局" in x)
    ok(bool(m19_line), "measure 19 alias comment missing")

    if ok.failures:
        print(f"FAIL: {len(ok.failures)} of {ok.n} checks failed", file=sys.stderr)
        for f in ok.failures:
            print("  - " + f, file=sys.stderr)
        return 1
    n_c = sum(len(m["commitments"]) for m in ms)
    print(f"OK: {ok.n} checks passed; {len(ms)} measures, {len(data['sections'])} sections, "
          f"{len(data['units'])} units, {n_c} commitments")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
