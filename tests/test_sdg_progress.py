"""The CAGR-ratio category at its edges, with answers worked out by hand. Written for the
mutants of compute/sdg_progress.py that survived the first mutation run (docs/hardening.md):
each case below fails under one of them."""

from __future__ import annotations

import datetime as dt

import pytest

from pucli.compute.sdg_progress import cagr_category

D0, D2, D4 = dt.date(2020, 12, 31), dt.date(2022, 12, 31), dt.date(2024, 12, 31)


def test_a_target_reached_exactly_is_achieved_with_its_ratio():
    # observed: 100 → 121 in 2 years = 10 % a year; required: 100 → 121 in 4 years
    # = 1.21 ** 0.25 − 1 = 4.8809 %; ratio 0.10 / 0.048809 = 2.0488
    p = cagr_category((D0, 100), (D2, 121), (D4, 121))
    assert p.category == "achieved"
    assert p.observed == pytest.approx(0.10)
    assert p.required == pytest.approx(0.048809, rel=1e-4)
    assert p.ratio == pytest.approx(2.0488, rel=1e-4)


def test_a_target_of_no_growth_met_is_on_track_without_a_ratio():
    p = cagr_category((D0, 100), (D2, 100), (D4, 100))
    assert (p.category, p.ratio, p.required) == ("on track", None, 0)


@pytest.mark.parametrize(("base", "latest", "target"), [
    ((D0, 100), (D0, 110), (D4, 121)),  # no time since the baseline
    ((D0, 100), (D2, 110), (D0, 121)),  # a target date on the baseline's
    ((D0, 0), (D2, 110), (D4, 121)),  # a zero baseline
    ((D0, 100), (D2, 0), (D4, 121)),  # a zero latest count
    ((D0, 100), (D2, 110), (D4, 0)),  # a zero target
])
def test_no_category_where_the_rates_are_undefined(base, latest, target):
    assert cagr_category(base, latest, target) is None


def test_values_below_one_are_rated():
    # a share, 0.5 → 0.605 in 2 years (10 % a year) against 0.5 → 0.732 in 4 years
    # (1.464 ** 0.25 − 1 = 10.0 %): ratio ≈ 1.0, on track
    p = cagr_category((D0, 0.5), (D2, 0.605), (D4, 0.73205))
    assert p is not None and p.category == "on track"
    assert p.ratio == pytest.approx(1.0, rel=1e-3)


def test_the_disagreement_names_both_paces_in_percent():
    from pucli.compute.sdg_progress import CagrProgress, disagreement

    behind = CagrProgress(0.10, 0.20, 0.5, "limited progress")
    text = disagreement("on track", behind, 0.30)
    assert "(10.00 % a year) against the 20.00 % required" in text
    assert "target date is 30.00 % a year" in text
    ahead = CagrProgress(0.12, 0.12, 1.0, "on track")
    text = disagreement("off track", ahead, None)
    assert "(12.00 % a year, ≥ 95 % of the 12.00 % required)" in text
    assert "target date is" not in text
    assert disagreement("on track", ahead, 0.3) == ""
