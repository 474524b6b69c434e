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

from pucli.compute.flags import individual_flags, robust_threshold, spike_flags, surge_flags
from pucli.compute.periods import month_end
from pucli.compute.quality import Period, quality_summary
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


# -- issue 12 item 4: survivors of mutation testing --------------------------------------------


def monthly(rows, start=(2022, 1), gaps=None):
    """Periods at consecutive month ends from ``start``: rows of (new, cancelled); ``gaps``
    maps a row index to a gap in months other than 1 (the previous row that far back)."""
    out, total, (y, m) = [], 1000, start
    prev = month_end(y - (m == 1), 12 if m == 1 else m - 1)
    for i, (new, cancelled) in enumerate(rows):
        step = (gaps or {}).get(i, 1)
        k = 12 * y + m - 1 + step - 1
        y, m = k // 12, k % 12 + 1
        date = month_end(y, m)
        out.append(Period(date, total + new - cancelled, None, None, None, new, cancelled,
                          prev, total))
        total, prev = total + new - cancelled, date
        k = 12 * y + m
        y, m = k // 12, k % 12 + 1
    return out


S = QualitySettings()  # 12 trailing months, 6 at least, k = 5, floor 0.1, window 2


def test_a_month_exactly_at_the_threshold_is_no_spike():
    # six months of 20: median 20, MAD 0, spread max(0, 0.1 × 20) = 2, threshold 30
    at = monthly([(20, 10)] * 6 + [(30, 10)])
    assert spike_flags(at, S, []) == []
    (flag,) = spike_flags(monthly([(20, 10)] * 6 + [(31, 10)]), S, [])
    assert (flag.date, flag.numbers["months"], flag.numbers["threshold"],
            flag.numbers["excess"]) == (dt.date(2022, 7, 31), 6, 30, 11)  # 6 = min_history


def test_the_trailing_window_holds_the_twelve_months_before():
    # a spike in January 2023: January … December 2022 are the 12 months before it
    (flag,) = spike_flags(monthly([(20, 10)] * 12 + [(100, 10)]), S, [])
    assert (flag.date, flag.numbers["months"]) == (dt.date(2023, 1, 31), 12)


def test_only_one_month_periods_are_read_for_spikes():
    # the 8th row covers two months (300 new in them): neither history nor a spike
    rows = monthly([(20, 10)] * 7 + [(300, 10)], gaps={7: 2})
    assert rows[7].months == 2
    assert spike_flags(rows, S, []) == []


def test_a_half_median_excess_is_kept_to_one_decimal():
    # history 20, 21, 20, 21, 20, 21: median 20.5, MAD 0.5, spread 2.05, threshold 30.75;
    # 41 new: excess 41 − 20.5 = 20.5 (not rounded to a whole number)
    (flag,) = spike_flags(monthly([(20, 10), (21, 10)] * 3 + [(41, 10)]), S, [])
    assert flag.numbers["excess"] == 20.5


def test_a_spike_in_the_month_of_the_assessment_says_so():
    # December 2022 is a year end: the default assessment month (no extra dates given)
    (flag,) = spike_flags(monthly([(20, 10)] * 11 + [(100, 10)]), S, [])
    assert flag.numbers["months_before_assessment"] == 0
    assert flag.message_en.endswith("; in the month of the assessment on 2022-12-31")
    assert flag.message_zh.endswith("；考核日2022-12-31当月")
    assert flag.message_en.startswith("2022-12: 100 new registrations, above the threshold")
    # an extra assessment date in the month itself (October)
    (october,) = spike_flags(monthly([(20, 10)] * 9 + [(100, 10)]), S, [dt.date(2022, 10, 31)])
    assert october.numbers["assessment"] == "2022-10-31"


def test_the_next_assessment_may_be_next_year():
    # assessments each January: a spike in December 2022 is 1 month before 2023-01-31
    s = QualitySettings(assessment_months=[1])
    (flag,) = spike_flags(monthly([(20, 10)] * 11 + [(100, 10)]), s, [])
    assert (flag.numbers["assessment"], flag.numbers["months_before_assessment"]) == (
        "2023-01-31", 1)


SURGE = monthly([(20, 10)] * 6            # 2022-01 … 06
                + [(100, 40)]             # 07: spike; its own cancellations do not count
                + [(20, 15)]              # 08: cancellations at the threshold, no surge
                + [(20, 10)] * 6          # 2022-09 … 2023-02
                + [(100, 10)]             # 2023-03: spike
                + [(20, 10)] * 5          # 04 … 08
                + [(20, 200)])            # 09: six months after the spike: a surge


def test_a_surge_six_months_after_a_one_month_spike():
    spikes = spike_flags(SURGE, S, [])
    assert [f.date for f in spikes] == [dt.date(2022, 7, 31), dt.date(2023, 3, 31)]
    # first spike: cancellations before it all 10 → threshold 10 + 5 × max(0, 1) = 15;
    # after it 15 (not above), then 10s: no surge. Second: the 12 months before are ten
    # 10s, 40 and 15 → median 10, MAD 0, threshold 15; September's 200 is above it.
    (flag,) = surge_flags(SURGE, S, spikes)
    assert flag.date == dt.date(2023, 9, 30)
    assert flag.numbers == {"spike_from": "2023-03", "spike_to": "2023-03",
                            "surge_months": "2023-09", "cancelled": 200, "median": 10,
                            "mad": 0, "spread": 1.0, "threshold": 15.0, "excess_new": 80,
                            "excess_cancelled": 190, "share_cancelled_again": 2.375}
    assert flag.message_en.startswith("after the registration spike of 2023-03 (80 above")


def test_a_spike_of_several_months_is_named_from_first_to_last(flags):
    assert "after the registration spike of 2022-10 to 2022-12 (630 above the median)" in \
        flags[4].message_en


def _quarter(date, total, enterprises, individual):
    return Period(date, total, enterprises, individual, None, None, None, None, None)


def test_individual_led_growth_at_the_enterprise_stall():
    # Q3 2022 no growth (skipped), Q4: +100 of which 99 individual (99 % ≥ 90 %) and
    # enterprises 200 → 201: +0.5 %, exactly the stall (at most 0.5 %): flagged
    periods = [_quarter(dt.date(2022, 6, 30), 1000, 200, 790),
               _quarter(dt.date(2022, 9, 30), 1000, 200, 790),
               _quarter(dt.date(2022, 12, 31), 1100, 201, 889)]
    (flag,) = individual_flags(periods, S)
    assert (flag.date, flag.numbers["from"]) == (dt.date(2022, 12, 31), "2022-09-30")
    assert (flag.numbers["individual_share"], flag.numbers["enterprise_growth"]) == (0.99, 0.005)
    # no enterprises at the start: no growth rate, no flag
    assert individual_flags([_quarter(dt.date(2022, 9, 30), 1000, 0, 990),
                             _quarter(dt.date(2022, 12, 31), 1100, 1, 1089)], S) == []
