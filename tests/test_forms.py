"""The pieces of the reporting round trip: form ids, reading what people type, periods."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from pucli.loading.collect import _clean, _date, _status, read_forms
from pucli.models.forms import form_id, parse_form_id, row_code
from pucli.problems import DataError


def test_a_form_id_round_trips_and_checks_its_rows():
    codes = [row_code(12, ("1", "12", "提升产业集聚区承载力", "配合", "")), "13-abcdef"]
    text = form_id("1f1c7b1d", "县发;局%", "2025Q1", dt.date(2025, 3, 31), codes)
    fid = parse_form_id(text)
    assert fid is not None and fid.unit == "县发;局%" and fid.rows == 2
    assert fid.matches(codes)
    assert not fid.matches(codes[:1]) and not fid.matches(codes[::-1])
    assert parse_form_id("PUCLI-FORM/1;plan=x;unit=y") is None
    assert parse_form_id("序号") is None


def test_row_codes_change_with_any_identifying_cell():
    identity = ("1", "12", "提升产业集聚区承载力", "配合", "2025-03-31")
    code = row_code(12, identity)
    assert code.startswith("12-") and len(code) == 9
    for i in range(len(identity)):
        changed = identity[:i] + (identity[i] + "x",) + identity[i + 1:]
        assert row_code(12, changed) != code


@pytest.mark.parametrize(("typed", "status"), [
    ("推进中", "in_progress"), ("已 完 成", "done"), ("受阻\u200b", "blocked"),
    ("In Progress", "in_progress"), ("not_started", "not_started"), ("完成了", "完成了")])
def test_status_words_people_type(typed, status):
    assert _status(_clean(typed)) == status


@pytest.mark.parametrize(("typed", "date"), [
    (dt.datetime(2025, 3, 25, 9, 30), "2025-03-25"), ("2025/3/25", "2025-03-25"),
    ("２０２５年３月２５日", "2025-03-25"), ("2025.3.25", "2025-03-25"),
    (" 2025-03-25 ", "2025-03-25"), ("三月底", "三月底")])
def test_dates_people_type(typed, date):
    assert _date(typed) == date


def test_full_width_percent_is_read_as_a_number():
    assert _clean("６０％").removesuffix("%") == "60"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "县发改局.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(DataError) as err:
        read_forms(fifo)
    assert err.value.problems[0].code == "unreadable-file"
