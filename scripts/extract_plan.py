#!/usr/bin/env python
"""Generate data/measures.yaml from the source text of 蒲发〔2022〕11号.

Parses the plain-text transcription of the plan (sections, the 48 measures,
their 责任单位 parentheses) and merges it with the hand-written
scripts/plan_annotations.yaml (English titles, unit kinds, aliases and
quantitative commitments).

Usage:
    python scripts/extract_plan.py [--source PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "source" / "puxian-market-entity-doubling-plan-2022.txt"
DEFAULT_OUT = ROOT / "data" / "measures.yaml"
ANNOTATIONS = Path(__file__).resolve().parent / "plan_annotations.yaml"

NUMERALS = "一二三四五六七八九"
SECTION_RE = re.compile(r"^[（(]([一二三四五六七八九])[）)]\s*(\S.*)$")
ITEM_RE = re.compile(r"^(\d+)\. (.*)$")
# The responsibility parenthesis closes the item.  Opening and closing
# brackets are matched independently: the plan mixes （…) in measures 3 and 14.
RESP_RE = re.compile(r"([（(])责任单位：([^（）()]*)([）)])$")
TOWNSHIP = "各乡镇党委、政府"
RELATED_SUFFIXES = ("等县直有关部门", "等有关部门")


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------

def parse_source(text: str) -> dict:
    lines = text.split("\n")

    def index_of(pred, start=0):
        for i in range(start, len(lines)):
            if pred(lines[i]):
                return i
        raise ValueError("marker not found")

    doc_number = lines[index_of(lambda x: x.strip().startswith("蒲发〔"))].strip()
    title_i = index_of(lambda x: x.strip() == "蒲县市场主体倍增工程实施方案（试行）")
    title = lines[title_i].strip()
    issuers = [lines[i].strip() for i in range(title_i)
               if lines[i].strip() in ("中共蒲县县委", "蒲县人民政府")]

    goal_i = index_of(lambda x: x.strip() == "二、工作目标")
    goal_paragraphs = []
    for line in lines[goal_i + 1:]:
        if line.strip() == "三、落实举措":
            break
        if line.strip():
            goal_paragraphs.append(line.strip())
    if len(goal_paragraphs) != 1:
        raise ValueError(f"expected one goal paragraph, got {len(goal_paragraphs)}")
    goal_text = goal_paragraphs[0]

    issued_line = lines[index_of(lambda x: x.strip().endswith("印发"))].strip()
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日印发", issued_line)
    issued = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"

    start = index_of(lambda x: x.strip() == "三、落实举措")
    end = index_of(lambda x: x.startswith("抄"), start)

    sections: list[dict] = []
    raw_items: list[dict] = []
    for line in lines[start + 1:end]:
        if not line.strip():
            continue  # blank lines inside an item are page breaks
        m = SECTION_RE.match(line)
        if m:
            sections.append({
                "id": NUMERALS.index(m.group(1)) + 1,
                "numeral": m.group(1),
                "title": m.group(2).strip(),
                "raw": line,
            })
            continue
        m = ITEM_RE.match(line)
        if m:
            raw_items.append({"id": int(m.group(1)), "section": sections[-1]["id"],
                              "raw": m.group(2)})
            continue
        if not raw_items:
            raise ValueError(f"continuation before first item: {line!r}")
        # continuation of an item split by a page break: join with nothing
        raw_items[-1]["raw"] += line

    measures = []
    for it in raw_items:
        m = RESP_RE.search(it["raw"])
        if not m:
            raise ValueError(f"measure {it['id']}: no 责任单位 parenthesis")
        body = it["raw"][: m.start()]
        units, and_related = split_units(m.group(2))
        measures.append({
            "id": it["id"],
            "section": it["section"],
            "title": body.split("。", 1)[0],
            "text": body,
            "units_raw": units,
            "and_related": and_related,
            "paren": m.group(1) + m.group(3),
            "resp_raw": m.group(2),
        })
    return {
        "doc_number": doc_number,
        "title": title,
        "issuers": issuers,
        "issued": issued,
        "goal_text": goal_text,
        "sections": sections,
        "measures": measures,
    }


def split_units(resp: str) -> tuple[list[str], bool]:
    """Split the 责任单位 list: groups by '，', units within a group by '、'.

    '各乡镇党委、政府' is one unit (the township party committees and
    governments).  A trailing '等有关部门' / '等县直有关部门' is not a unit.
    """
    units: list[str] = []
    and_related = False
    for group in resp.split("，"):
        if group == TOWNSHIP:
            units.append(group)
            continue
        for piece in group.split("、"):
            for suffix in RELATED_SUFFIXES:
                if piece.endswith(suffix):
                    piece = piece[: -len(suffix)]
                    and_related = True
                    break
            if not piece:
                raise ValueError(f"empty unit in {resp!r}")
            units.append(piece)
    return units, and_related


# --------------------------------------------------------------------------
# Merge with annotations
# --------------------------------------------------------------------------

def build(parsed: dict, ann: dict) -> dict:
    alias_of = {}
    for name, u in ann["units"].items():
        for a in u.get("aliases") or []:
            alias_of[a] = name

    errors = []
    registry_order: list[str] = []
    for m in parsed["measures"]:
        m["units"] = []
        m["unit_comments"] = {}
        for raw in m["units_raw"]:
            name = alias_of.get(raw, raw)
            if name not in ann["units"]:
                errors.append(f"measure {m['id']}: unit {raw!r} not in annotations")
                continue
            if name != raw:
                m["unit_comments"][name] = f"plan writes {raw}"
            if name in m["units"]:
                errors.append(f"measure {m['id']}: unit {name!r} listed twice")
            m["units"].append(name)
            if name not in registry_order:
                registry_order.append(name)
        a = ann["measures"].get(m["id"]) or {}
        if not a.get("title_en"):
            errors.append(f"measure {m['id']}: no title_en")
        m["title_en"] = a.get("title_en")
        m["commitments"] = a.get("commitments") or []
        for c in m["commitments"]:
            if c["quote"] not in m["text"]:
                errors.append(f"measure {m['id']}: quote {c['quote']!r} not in text")
            if not re.fullmatch(r"[a-z][a-z0-9_]*", c["kind"]):
                errors.append(f"measure {m['id']}: kind {c['kind']!r} not snake_case")
    unused = set(ann["units"]) - set(registry_order)
    if unused:
        errors.append(f"annotated units never used: {sorted(unused)}")
    extra = set(ann["measures"]) - {m["id"] for m in parsed["measures"]}
    if extra:
        errors.append(f"annotations for unknown measures: {sorted(extra)}")
    for s in parsed["sections"]:
        s["title_en"] = ann["sections"].get(s["id"])
        if not s["title_en"]:
            errors.append(f"section {s['id']}: no title_en")
    if errors:
        raise SystemExit("annotation errors:\n  " + "\n  ".join(errors))

    units = []
    for name in registry_order:
        u = ann["units"][name]
        units.append({
            "name": name,
            "kind": u["kind"],
            "name_en": u["name_en"],
            "aliases": list(u.get("aliases") or []),
            "alias_comment": u.get("alias_comment"),
        })
    return {"parsed": parsed, "units": units, "ann": ann}


# --------------------------------------------------------------------------
# Emission (hand-rolled so that key order, flow/block style and comments are
# controlled; every scalar is checked to round-trip through yaml.safe_load)
# --------------------------------------------------------------------------

def scalar(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    s = str(value)
    if flow:
        ok = not any(ch in s for ch in ",[]{}") and _roundtrips(f"[{s}]", [s])
    else:
        ok = _roundtrips(f"k: {s}", {"k": s})
    if ok and s == s.strip() and s:
        return s
    return json.dumps(s, ensure_ascii=False)


def _roundtrips(doc: str, expected) -> bool:
    try:
        return yaml.safe_load(doc) == expected
    except yaml.YAMLError:
        return False


def flow_list(items) -> str:
    return "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"


def emit(model: dict) -> str:
    p = model["parsed"]
    ann = model["ann"]
    measures = p["measures"]
    m44 = next(m for m in measures if m["id"] == 44)
    reporting_quote = "县政府每季度召开例会调度一次，每半年专题听取工作汇报"
    if reporting_quote not in m44["text"]:
        raise SystemExit("reporting quote not found in measure 44")

    out: list[str] = []
    w = out.append
    w("# yaml-language-server: $schema=../schemas/measures.schema.json")
    w(f"# Transcription of {p['doc_number']} 《{p['title']}》.")
    w("# First generated by scripts/extract_plan.py from the plan's source text plus")
    w("# scripts/plan_annotations.yaml; edited by hand from then on (deadlines, milestones).")
    w("# scripts/check_plan_transcription.py re-checks the plan's own words against the source.")
    w("# Chinese text fields are verbatim from the plan (line breaks that split words")
    w("# joined with nothing; no other character changed). English fields, unit kinds")
    w("# and commitments are annotations.")
    w("")
    w("plan:")
    w(f"  doc_number: {scalar(p['doc_number'])}")
    w(f"  title: {scalar(p['title'])}")
    w(f"  title_en: {scalar(ann['plan']['title_en'])}")
    w(f"  issuers: {flow_list(p['issuers'])}")
    w(f"  issued: {p['issued']}  # printing date: 2022年6月17日印发")
    w("  region: 蒲县")
    w("  # \"十四五\"期间 (14th Five-Year Plan period); the plan sets targets at")
    w("  # end-2022 and end-2025")
    w("  horizon: {start: 2022-01-01, end: 2025-12-31}")
    w(f"  goal_text: {scalar(p['goal_text'])}")
    w("  reporting:")
    w("    dispatch: quarterly")
    w("    hearing: half-yearly")
    w("    measure: 44")
    w(f"    quote: {scalar(reporting_quote)}")
    w("")
    w("sections:")
    for s in p["sections"]:
        w(f"  - {{id: {s['id']:d}, numeral: {scalar(s['numeral'], True)}, "
          f"title: {scalar(s['title'], True)}, title_en: {scalar(s['title_en'], True)}}}")
    w("")
    w("# Registry of every responsible unit the plan names, once, in order of first")
    w("# appearance in the 责任单位 lists.")
    w("units:")
    for u in model["units"]:
        w(f"  - name: {scalar(u['name'])}")
        w(f"    kind: {u['kind']}")
        w(f"    name_en: {scalar(u['name_en'])}")
        if u["alias_comment"]:
            w(f"    # {u['alias_comment']}")
        w(f"    aliases: {flow_list(u['aliases'])}")
    w("")
    w("measures:")
    for m in measures:
        w(f"  - id: {m['id']}")
        w(f"    section: {m['section']}")
        w(f"    title: {scalar(m['title'])}")
        w(f"    title_en: {scalar(m['title_en'])}")
        w(f"    text: {scalar(m['text'])}")
        if m["unit_comments"]:
            w("    units:")
            for name in m["units"]:
                c = m["unit_comments"].get(name)
                w(f"      - {scalar(name)}" + (f"  # {c}" if c else ""))
        else:
            w(f"    units: {flow_list(m['units'])}")
        w(f"    and_related: {scalar(m['and_related'])}")
        if not m["commitments"]:
            w("    commitments: []")
        else:
            w("    commitments:")
            for c in m["commitments"]:
                first = True
                for key in ("kind", "value", "value_max", "unit", "quote", "note"):
                    if key not in c:
                        continue
                    prefix = "      - " if first else "        "
                    w(f"{prefix}{key}: {scalar(c[key])}")
                    first = False
                unknown = set(c) - {"kind", "value", "value_max", "unit", "quote", "note"}
                if unknown:
                    raise SystemExit(f"measure {m['id']}: unknown commitment keys {unknown}")
    return "\n".join(out) + "\n"


def verify(doc_text: str, model: dict) -> None:
    data = yaml.safe_load(doc_text)
    p = model["parsed"]
    assert data["plan"]["goal_text"] == p["goal_text"]
    assert [s["title"] for s in data["sections"]] == [s["title"] for s in p["sections"]]
    for got, m in zip(data["measures"], p["measures"], strict=True):
        assert got["text"] == m["text"], m["id"]
        assert got["title"] == m["title"], m["id"]
        assert got["units"] == m["units"], m["id"]
        for c in got["commitments"]:
            assert c["quote"] in got["text"], (m["id"], c["quote"])
    assert [u["name"] for u in data["units"]] == [u["name"] for u in model["units"]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    parsed = parse_source(args.source.read_text(encoding="utf-8"))
    ann = yaml.safe_load(ANNOTATIONS.read_text(encoding="utf-8"))
    model = build(parsed, ann)
    doc = emit(model)
    verify(doc, model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(doc, encoding="utf-8")
    print(f"wrote {args.out}: {len(parsed['sections'])} sections, "
          f"{len(parsed['measures'])} measures, {len(model['units'])} units", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
