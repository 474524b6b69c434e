"""Thresholds of ``pucli quality`` — the optional ``quality:`` section of targets.yaml.

Every rule is a flag for a human to look at, not a verdict; the defaults below are the
documented starting point (docs/quality.md) and each can be changed per region.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from annotated_types import Ge, Gt, Le, Lt

from pucli.models.base import Float, Int, record
from pucli.models.domain import MAX_COUNT


@record
class QualitySettings:
    # registration-spike: new > median + spike_k × spread over the trailing window, where
    # spread = max(MAD, spread_floor × median) so a perfectly steady series does not flag +1.
    trailing_months: Annotated[Int, Ge(3), Le(60)] = 12
    min_history: Annotated[Int, Ge(3), Le(60)] = 6
    spike_k: Annotated[Float, Gt(0), Le(1000)] = 5.0
    spread_floor: Annotated[Float, Ge(0), Le(1)] = 0.1
    # a spike this many months or fewer before an assessment date says so.
    assessment_window: Annotated[Int, Ge(0), Le(12)] = 2
    # assessment dates: every year end (measure 47's annual 目标责任考核) and each target date.
    assessment_months: list[Annotated[Int, Ge(1), Le(12)]] = field(default_factory=lambda: [12])
    # cancellation-surge: within surge_within months after a spike, cancellations above
    # median + spike_k × spread of the trailing window before the spike.
    surge_within: Annotated[Int, Ge(1), Le(24)] = 6
    # individual-led-growth: over growth_window months, individual businesses carry at least
    # individual_share of the net growth while enterprises grow by at most enterprise_stall.
    growth_window: Annotated[Int, Ge(1), Le(24)] = 3
    individual_share: Annotated[Float, Gt(0), Le(1)] = 0.9
    enterprise_stall: Annotated[Float, Ge(0), Lt(1)] = 0.005
    # net-change-mismatch: |Δtotal − (new − cancelled)| above this many entities.
    mismatch_tolerance: Annotated[Int, Ge(0), Le(MAX_COUNT)] = 0
    # readings: a change of a share or rate below flat_pp percentage points, or of a count
    # below flat_pct of its earlier value, reads as "flat".
    flat_pp: Annotated[Float, Ge(0), Le(100)] = 0.5
    flat_pct: Annotated[Float, Ge(0), Le(100)] = 0.05
