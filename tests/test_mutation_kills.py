"""Tests written to kill mutants that survived mutmut (docs/hardening.md, "Mutation
testing"). Each checks a known, non-zero answer worked out by hand (shown beside it), not
one computed by the code under test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pucli.compute.cadence import (
    Period,
    last_due_period,
    period_containing,
    report_due,
)
from pucli.compute.periods import (
    Z90,
    is_regular,
    month_end,
    month_ends,
    month_index,
    spacing,
    t90,
)

D = dt.date

# ---- compute/cadence.py ---------------------------------------------------------------


def test_a_report_is_due_on_the_last_day_of_its_period_by_default():
    q3 = Period(D(2024, 7, 1), D(2024, 9, 30), "2024Q3")
    assert report_due(q3) == D(2024, 9, 30)
    assert report_due(q3, 15) == D(2024, 10, 15)


def test_the_last_due_period_by_default_has_no_grace_days():
    # On 2024-10-01 the third quarter's report (due 2024-09-30, end of day) is late.
    assert last_due_period(D(2024, 10, 1), "quarterly").label == "2024Q3"
    # On 2024-09-30 it is not yet: the last one due is the second quarter.
    assert last_due_period(D(2024, 9, 30), "quarterly").label == "2024Q2"
    # Ten grace days move the boundary to 2024-10-11.
    assert last_due_period(D(2024, 10, 10), "quarterly", 10).label == "2024Q2"
    assert last_due_period(D(2024, 10, 11), "quarterly", 10).label == "2024Q3"


def test_period_labels():
    assert period_containing(D(2024, 11, 5), "quarterly").label == "2024Q4"
    assert period_containing(D(2024, 8, 5), "half-yearly").label == "2024H2"
    assert period_containing(D(2024, 2, 29), "monthly") == Period(D(2024, 2, 1), D(2024, 2, 29),
                                                                   "2024-02")


# ---- compute/periods.py ---------------------------------------------------------------


def test_t90_reads_the_table_and_steps_down_conservatively():
    # Student's t, upper 10 % points (any statistics table): df 1 → 3.078, 30 → 1.310.
    assert t90(1) == 3.078
    assert t90(30) == 1.310
    # Between rows, the row below (more conservative): df 35 → the df-30 value.
    assert t90(35) == 1.310
    assert t90(120) == 1.289
    assert t90(121) == Z90 == 1.2816
    with pytest.raises(ValueError):
        t90(0)


def test_month_index_counts_months_from_year_zero():
    # 2021-12-31: 12 · 2021 + 12 − 1 + 31/31 = 24264
    assert month_index(D(2021, 12, 31)) == 24264.0
    # 2024-02-15 (a leap February of 29 days): 12 · 2024 + 1 + 15/29
    assert month_index(D(2024, 2, 15)) == pytest.approx(24289 + 15 / 29, abs=1e-12)
    # The plan's span, end-2021 to end-2025, is exactly 48 months.
    assert month_index(D(2025, 12, 31)) - month_index(D(2021, 12, 31)) == 48


def test_month_end_and_month_ends():
    assert month_end(2024, 2) == D(2024, 2, 29)
    assert month_end(2023, 2) == D(2023, 2, 28)
    assert month_end(2023, 12) == D(2023, 12, 31)
    # after the start, up to and including the end; across a year boundary
    assert month_ends(D(2023, 11, 30), D(2024, 2, 29)) == [
        D(2023, 12, 31), D(2024, 1, 31), D(2024, 2, 29)]
    # a start inside a month: its own month end counts
    assert month_ends(D(2024, 1, 15), D(2024, 2, 1)) == [D(2024, 1, 31)]
    assert month_ends(D(2024, 1, 31), D(2024, 1, 31)) == []


def test_spacing_and_regular_steps():
    quarters = [D(2023, 3, 31), D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]
    assert spacing(quarters) == [3.0, 3.0, 3.0]
    assert is_regular(quarters) == 3.0
    years = [D(2021, 12, 31), D(2022, 12, 31), D(2023, 12, 31)]
    assert is_regular(years) == 12.0
    assert is_regular([D(2023, 3, 31), D(2023, 6, 30), D(2023, 12, 31)]) is None  # 3, 6
    assert is_regular([D(2023, 1, 31)]) is None
    assert is_regular([D(2023, 1, 15), D(2023, 1, 31)]) is None  # half a month
    assert is_regular([D(2023, 1, 31), D(2023, 2, 28), D(2023, 3, 15)]) is None


# ---- loading/actuals_write.py (through `pucli actuals add/import`) ----------------------

def _actuals(folder, text: str) -> None:
    (folder / "actuals.csv").write_bytes(text.encode("utf-8"))


def test_add_after_a_last_row_without_newline(english, cli, data_dir):
    _actuals(data_dir, "date,total,source\n2021-12-31,6472,x")
    assert cli("actuals", "add", "2022-12-31", "7961", "--data", data_dir).code == 0
    assert (data_dir / "actuals.csv").read_text(encoding="utf-8") == (
        "date,total,source\n2021-12-31,6472,x\n2022-12-31,7961,\n")


def test_add_under_a_header_with_a_bom(english, cli, data_dir):
    _actuals(data_dir, "\ufeffdate,total\n2021-12-31,6472\n")
    assert cli("actuals", "add", "2022-12-31", "7961", "--data", data_dir).code == 0
    assert (data_dir / "actuals.csv").read_text(encoding="utf-8") == (
        "\ufeffdate,total\n2021-12-31,6472\n2022-12-31,7961\n")


def test_a_new_file_gets_only_the_columns_given(english, cli, data_dir):
    (data_dir / "actuals.csv").unlink()
    assert cli("actuals", "add", "2022-12-31", "7961", "--source", "s",
               "--data", data_dir).code == 0
    assert (data_dir / "actuals.csv").read_text(encoding="utf-8") == (
        "date,total,source\n2022-12-31,7961,s\n")


def test_an_invalid_last_row_blocks_the_append(english, cli, data_dir):
    before = "date,total\n2021-12-31,6472\n2022-12-31,-3\n"
    _actuals(data_dir, before)
    r = cli("actuals", "add", "2023-12-31", "9000", "--data", data_dir)
    assert r.code == 1 and "actuals.csv:3:12" in r.err and "negative" in r.err
    assert (data_dir / "actuals.csv").read_text(encoding="utf-8") == before


def test_the_total_metric_needs_no_metric_column_and_others_keep_theirs(english, cli,
                                                                        data_dir):
    _actuals(data_dir, "date,total\n2021-12-31,6472\n")
    assert cli("actuals", "add", "2022-12-31", "7961", "--metric", "total",
               "--data", data_dir).code == 0
    r = cli("actuals", "add", "2023-12-31", "30", "--metric", "high_tech", "--data", data_dir)
    assert r.code == 1 and "no column 'metric'" in r.err
    _actuals(data_dir, "date,total,metric\n2021-12-31,6472,\n")
    assert cli("actuals", "add", "2022-12-31", "30", "--metric", "high_tech",
               "--data", data_dir).code == 0
    assert (data_dir / "actuals.csv").read_text(encoding="utf-8").endswith(
        "2022-12-31,30,high_tech\n")


def test_a_row_with_only_a_warning_is_imported_and_the_warning_points_at_it(english, cli,
                                                                            data_dir, tmp_path):
    _actuals(data_dir, "date,total,new,cancelled\n2021-12-31,6472,,\n")
    src = tmp_path / "ex.csv"
    src.write_text("date,total,new,cancelled\n2022-12-31,7961,5000,1\n", encoding="utf-8")
    r = cli("actuals", "import", src, "--data", data_dir)
    # 7961 − 6472 = +1489, but 5000 − 1 = +4999: a warning, not a refusal
    assert r.code == 0 and f"{src}:2:" in r.err and "+4999" in r.err and "[net-change]" in r.err
    assert (data_dir / "actuals.csv").read_text(encoding="utf-8").endswith(
        "2022-12-31,7961,5000,1\n")


def test_rejected_rows_are_listed_in_source_order(english, cli, data_dir, tmp_path):
    _actuals(data_dir, "date,total\n2021-12-31,6472\n")
    src = tmp_path / "ex.csv"
    src.write_text("date,total,region\n2022-12-31,7961,\n2023-12-31,一百,\n"
                   "2024-12-31,9000,r\n2025-12-31,9500,\n", encoding="utf-8")
    r = cli("actuals", "import", src, "--data", data_dir)
    assert r.code == 1 and "imported 2 row(s)" in r.err and "rejected 2" in r.err
    # row 3's bad number is found by parsing, row 4's extra column before it: listed 3, 4
    assert r.err.index(f"{src}:3:2") < r.err.index("no column 'region'")


def test_a_dry_run_checks_like_the_import_and_writes_nothing(english, cli, data_dir, tmp_path):
    before = "date,total\n2021-12-31,6472\n"
    _actuals(data_dir, before)
    src = tmp_path / "ex.csv"
    src.write_text("date,total\n2021-12-31,6400\n2022-12-31,7961\n", encoding="utf-8")
    r = cli("actuals", "import", src, "--dry-run", "--data", data_dir)
    assert r.code == 1 and f"{src}:2:1" in r.err and "[duplicate-date]" in r.err
    assert "would import 1 row(s)" in r.err and "rejected 1" in r.err
    r = cli("actuals", "import", src, "--dry-run", "--metric", "high_tech", "--data", data_dir)
    assert r.code == 1 and "no column 'metric'" in r.err
    assert (data_dir / "actuals.csv").read_text(encoding="utf-8") == before
    _actuals(data_dir, "")
    r = cli("actuals", "import", src, "--dry-run", "--data", data_dir)
    assert r.code == 1 and "[empty-file]" in r.err


# ---- loading/recode.py ----------------------------------------------------------------

def test_recode_utf32_and_a_gb18030_bom(english, cli, tmp_path):
    text = "date,total\n2021-12-31,6472\n"
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_bytes(text.encode("utf-32"))
    b.write_bytes(("\ufeff" + text).encode("gb18030"))  # U+FEFF is 84 31 95 33 in GB18030
    r = cli("recode", a)
    assert r.code == 0 and "utf-32 → utf-8" in r.err
    r = cli("recode", b)
    assert r.code == 0 and "gb18030 → utf-8" in r.err
    for path in (a, b):  # one BOM, not two
        assert path.read_bytes() == b"\xef\xbb\xbf" + text.encode("utf-8")


def test_recode_refusals_name_their_kind(english, cli, tmp_path):
    bad = tmp_path / "c.csv"
    bad.write_bytes(bytes([0x81, 0x30, 0x81, 0x30, 0xFF, 0xFF]))  # neither UTF-8 nor GB18030
    r = cli("recode", bad)
    assert r.code == 1 and "no known encoding decodes this file [encoding]" in r.err
    assert "hint: name the encoding with --from" in r.err
    r = cli("recode", bad, "--from", "x")
    assert r.code == 1 and "unknown encoding: x [encoding]" in r.err
    folder = tmp_path / "dd"
    folder.mkdir()
    r = cli("recode", folder)
    assert r.code == 1 and "[unreadable-file]" in r.err and str(folder) in r.err
    assert bad.read_bytes() == bytes([0x81, 0x30, 0x81, 0x30, 0xFF, 0xFF])
