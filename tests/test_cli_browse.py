"""`pucli measures`, `show`, `units`: filters, formats, and unknown names with hints."""

from __future__ import annotations

import csv
import io
import json


def test_measures_by_unit_alias_lists_measure_19(cli, data_dir):
    r = cli("measures", "--data", data_dir, "--unit", "县农业局", "-f", "json")
    assert r.code == 0
    assert [m["id"] for m in json.loads(r.out)] == [14, 15, 19]


def test_measures_by_section_and_search(cli, data_dir):
    r = cli("measures", "--data", data_dir, "--section", "9", "-f", "json")
    assert [m["id"] for m in json.loads(r.out)] == [44, 45, 46, 47, 48]
    r = cli("measures", "--data", data_dir, "--search", "半日结", "-f", "json")
    assert [m["id"] for m in json.loads(r.out)] == [8]


def test_measures_table_shows_chinese(cli, data_dir):
    r = cli("measures", "--data", data_dir, "--section", "2")
    assert r.code == 0
    assert "推行企业开办注销极简审批" in r.out and "县行政审批局" in r.out


def test_measures_csv_for_excel_has_bom(cli, data_dir, tmp_path):
    out = tmp_path / "m.csv"
    r = cli("measures", "--data", data_dir, "-f", "csv", "--excel", "-o", out)
    assert r.code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 48 and rows[0]["lead_unit"] == "县发改局"


def test_unknown_unit_filter_has_did_you_mean(english, cli, data_dir):
    r = cli("measures", "--data", data_dir, "--unit", "县发改委")
    assert r.code == 2  # a value given on the command line: a usage error
    assert "unknown unit '县发改委'" in r.err and "县发改局" in r.err


def test_show_prints_text_units_and_commitments(cli, data_dir):
    r = cli("show", "12", "--data", data_dir)
    assert r.code == 0
    assert "24个工作日办结" in r.out
    assert "县工信局（牵头）" in r.out
    assert "最长时限 24个工作日" in r.out
    assert "max_duration" not in r.out and "working_days" not in r.out  # words, not keys


def test_show_in_english_says_words_not_keys(english, cli, data_dir):
    r = cli("show", "12", "--data", data_dir)
    assert r.code == 0
    assert "at most 24 working days" in r.out
    assert "max_duration" not in r.out and "working_days" not in r.out


def test_show_unknown_measure(english, cli, data_dir):
    r = cli("show", "49", "--data", data_dir)
    assert r.code == 2 and "no measure 49" in r.err and "1–48" in r.err


def test_units_matrix_counts_leads_and_supports(cli, data_dir):
    r = cli("units", "--data", data_dir, "-f", "json")
    rows = {u["unit"]: u for u in json.loads(r.out)}
    assert len(rows) == 37
    # 县工信局 is listed first in the 责任单位 of measures 5, 12, 14-17, 20, 24, 39, 40
    assert rows["县工信局"]["lead_measures"] == [5, 12, 14, 15, 16, 17, 20, 24, 39, 40]
    assert rows["县农业农村局"]["leads"] == 1 and rows["县农业农村局"]["supports"] == 2
    total = sum(u["leads"] for u in rows.values())
    assert total == 48


def test_xlsx_needs_output(english, cli, data_dir):
    r = cli("units", "--data", data_dir, "-f", "xlsx")
    assert r.code == 2 and "-o FILE.xlsx" in r.err
