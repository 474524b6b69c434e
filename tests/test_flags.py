"""compute.flags on the SYNTHETIC padded series: the right flags with the right numbers.

Hand computation (tests/synthetic_quality.py, PADDED):
- new registrations Jan–Sep 2022: 28 30 32 30 29 31 30 28 32 → median 30, MAD 1,
  spread = max(1, 0.1 × 30) = 3, threshold 30 + 5 × 3 = 45. October's 230 is a spike
  (excess 200), two months before the year-end assessment 2022-12-31.
- November: the 10 months before (… and 230) → median 30, MAD 1.5, spread 3, threshold 45;
  250 is a spike (excess 220). December: 11 months → median 30, MAD 2 → 45; 240 (excess 210).
- cancellations Jan–Sep 2022: 10 9 11 10 10 12 8 10 10 → median 10, MAD 0, spread 1,
  threshold 15; Jan–Mar 2023: 150 160 140 → 450, excess 140 + 150 + 130 = 420 =
  420 / 630 = 66.67 % of the spike's excess 200 + 220 + 210 = 630.
- Q4 2022: net growth 220 + 240 + 230 = 690, all individual businesses; enterprises
  200 + 9 × 3 = 227 at both ends.
- May 2023: total 1,530 → 1,555 (+25) but new − cancelled = 30 − 10 = +20: +5.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pucli.compute.flags import robust_threshold
from pucli.compute.quality import quality_summary
from pucli.models.quality import QualitySettings

from synthetic_quality import PADDED, actuals_csv
from test_quality import _actuals


@pytest.fixture
def flags(tmp_path):
    return quality_summary(_actuals(tmp_path, actuals_csv(PADDED)),
                           assessment_dates=[dt.date(2022, 12, 31)]).flags


def test_the_padded_series_raises_the_right_flags(flags):
    assert [(f.date.isoformat(), f.code) for f in flags] == [
        ("2022-10-31", "registration-spike"),
        ("2022-11-30", "registration-spike"),
        ("2022-12-31", "registration-spike"),
        ("2022-12-31", "individual-led-growth"),
        ("2023-01-31", "cancellation-surge"),
        ("2023-05-31", "net-change-mismatch"),
    ]


def test_spike_numbers(flags):
    oct_, nov, dec = flags[:3]
    assert oct_.numbers == {"new": 230, "months": 9, "median": 30, "mad": 1, "spread": 3.0,
                            "threshold": 45.0, "excess": 200, "assessment": "2022-12-31",
                            "months_before_assessment": 2}
    assert (nov.numbers["mad"], nov.numbers["threshold"], nov.numbers["excess"]) == (1.5, 45, 220)
    assert (dec.numbers["mad"], dec.numbers["excess"], dec.numbers["months_before_assessment"]
            ) == (2, 210, 0)
    assert oct_.message_zh == ("2022-10新登记230户，超过阈值45.0（前9个月中位数30.0）；"
                               "考核日2022-12-31前2个月")
    assert oct_.rule_en == ("new registrations of a month above the median + 5 × spread of the "
                            "12 months before (spread = max(MAD, 0.1 × median))")


def test_individual_led_growth_numbers(flags):
    f = flags[3]
    assert f.numbers == {"from": "2022-09-30", "growth": 690, "individual_growth": 690,
                         "individual_share": 1.0, "enterprises_from": 227,
                         "enterprises_to": 227, "enterprise_growth": 0.0}


def test_cancellation_surge_numbers(flags):
    f = flags[4]
    assert f.numbers == {"spike_from": "2022-10", "spike_to": "2022-12",
                         "surge_months": "2023-01, 2023-02, 2023-03", "cancelled": 450,
                         "median": 10, "mad": 0, "spread": 1.0, "threshold": 15.0,
                         "excess_new": 630, "excess_cancelled": 420,
                         "share_cancelled_again": 0.6667}


def test_mismatch_numbers(flags):
    assert flags[5].numbers == {"previous_total": 1530, "total": 1555, "change": 25, "new": 30,
                                "cancelled": 10, "net": 20, "difference": 5, "line": 19}
    assert flags[5].message_en == ("2023-05: the total went from 1530 to 1555 (+25), but "
                                   "new − cancelled = 30 − 10 = +20: +5 unexplained")


def test_thresholds_are_configurable(tmp_path):
    actuals = _actuals(tmp_path, actuals_csv(PADDED))
    loose = QualitySettings(spike_k=100, mismatch_tolerance=5, individual_share=1.0,
                            enterprise_stall=-0.0)
    codes = [f.code for f in quality_summary(actuals, settings=loose).flags]
    # k = 100: threshold 30 + 300 = 330, no spike and so no surge; |+5| ≤ 5: no mismatch;
    # a share of 100 % with enterprises flat still meets individual_share 1.0 and stall 0
    assert codes == ["individual-led-growth"]


def test_robust_threshold_by_hand():
    t = robust_threshold([28, 30, 32, 30, 29, 31, 30, 28, 32], QualitySettings())
    assert t == {"median": 30, "mad": 1, "spread": 3.0, "threshold": 45.0}
    flat = robust_threshold([10] * 6, QualitySettings(spread_floor=0))
    assert flat["threshold"] == 10  # a steady series: any rise above it would flag
