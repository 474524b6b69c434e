"""Models: as pydantic validates them, they accept the plan's shapes and forbid unknown keys."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from pucli.loading.schema import validate
from pucli.models.plan import Measure, Milestone, Plan, Unit
from pucli.models.targets import Targets

MINIMAL_TARGETS = {
    "region": "蒲县",
    "baseline": {"date": "2021-12-31", "value": 6472},
    "targets": [{"date": "2022-12-31", "value": 7961}, {"date": "2025-12-31", "value": 11236}],
}


def test_minimal_targets_form_stays_valid():
    t = validate(Targets, MINIMAL_TARGETS)
    assert t.baseline.value == 6472
    assert [p.value for p in t.for_metric()] == [7961, 11236]
    assert t.baseline_for("total") is t.baseline
    assert t.baseline_for("enterprises") is None


def test_targets_forbid_unknown_keys():
    with pytest.raises(ValidationError) as exc:
        validate(Targets, {**MINIMAL_TARGETS, "regoin": "x"})
    [error] = exc.value.errors()
    assert error["loc"] == ("regoin",)
    assert error["type"] in ("extra_forbidden", "unexpected_keyword_argument")


def test_negative_target_is_rejected():
    bad = {**MINIMAL_TARGETS, "targets": [{"date": "2022-12-31", "value": -5}]}
    with pytest.raises(ValidationError):
        validate(Targets, bad)


def test_unit_kind_is_a_closed_set():
    assert validate(Unit, {"name": "县发改局", "kind": "county_department"}).aliases == []
    with pytest.raises(ValidationError):
        validate(Unit, {"name": "县发改局", "kind": "bureau"})


def test_measure_lead_unit_and_effective_due():
    m = validate(Measure, {"id": 1, "section": 1, "title": "t", "text": "t。",
                           "units": ["甲", "乙"], "due": "2023-06-30",
                           "extensions": [{"due": "2023-09-30", "reason": "资金未到位"},
                                          {"due": "2023-12-31", "reason": "再次延期"}]})
    assert m.lead_unit == "甲"
    assert m.due == dt.date(2023, 6, 30)
    assert m.effective_due == dt.date(2023, 12, 31)


def test_milestone_without_extension_keeps_its_due():
    ms = validate(Milestone, {"title": "出台细则", "due": "2022-09-30"})
    assert ms.effective_due == dt.date(2022, 9, 30)


def test_measure_needs_at_least_one_unit():
    with pytest.raises(ValidationError):
        validate(Measure, {"id": 1, "section": 1, "title": "t", "text": "t", "units": []})


def test_plan_unit_index_resolves_aliases():
    plan = validate(Plan, {
        "plan": {"doc_number": "x", "title": "x", "issued": "2022-06-17", "region": "x",
                 "horizon": {"start": "2022-01-01", "end": "2025-12-31"}},
        "sections": [{"id": 1, "title": "s"}],
        "units": [{"name": "县农业农村局", "kind": "county_department", "aliases": ["县农业局"]}],
        "measures": [{"id": 1, "section": 1, "title": "t", "text": "t", "units": ["县农业局"]}],
    })
    assert plan.unit_index() == {"县农业农村局": "县农业农村局", "县农业局": "县农业农村局"}
    assert plan.measure(1).title == "t"
    assert plan.measure(2) is None


def test_horizon_must_be_ordered():
    with pytest.raises(ValidationError, match="before horizon.start"):
        validate(Plan, {
            "plan": {"doc_number": "x", "title": "x", "issued": "2022-06-17", "region": "x",
                     "horizon": {"start": "2025-01-01", "end": "2022-12-31"}},
            "sections": [{"id": 1, "title": "s"}],
            "units": [{"name": "a", "kind": "township"}],
            "measures": [{"id": 1, "section": 1, "title": "t", "text": "t", "units": ["a"]}],
        })


def test_models_are_immutable_and_keyword_only():
    unit = validate(Unit, {"name": "县发改局", "kind": "county_department"})
    with pytest.raises(AttributeError):
        unit.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Unit("县发改局", "county_department")  # type: ignore[misc]


def test_a_pattern_is_enforced_and_in_the_schema():
    from pucli.models.plan import Commitment
    from pucli.schemas import schema_text

    assert validate(Commitment, {"kind": "new_entities", "quote": "q"}).kind == "new_entities"
    with pytest.raises(ValidationError) as exc:
        validate(Commitment, {"kind": "New Entities", "quote": "q"})
    assert exc.value.errors()[0]["type"] == "string_pattern_mismatch"
    assert '"pattern": "^[a-z][a-z0-9_]*$"' in schema_text(Plan)
