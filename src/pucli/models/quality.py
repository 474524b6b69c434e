"""Thresholds of ``pucli quality`` — the optional ``quality:`` section of targets.yaml.

Every rule is a flag for a human to look at, not a verdict; the defaults below are the
documented starting point (docs/quality.md) and each can be changed per region.
"""

from __future__ import annotations

from pydantic import Field

from pucli.models.base import Strict


class QualitySettings(Strict):
    # registration-spike: new > median + spike_k × spread over the trailing window, where
    # spread = max(MAD, spread_floor × median) so a perfectly steady series does not flag +1.
    trailing_months: int = Field(12, ge=3, le=60)
    min_history: int = Field(6, ge=3, le=60)
    spike_k: float = Field(5.0, gt=0)
    spread_floor: float = Field(0.1, ge=0, le=1)
    # a spike this many months or fewer before an assessment date says so.
    assessment_window: int = Field(2, ge=0, le=12)
    # assessment dates: every year end (measure 47's annual 目标责任考核) and each target date.
    assessment_months: list[int] = Field(default_factory=lambda: [12])
    # cancellation-surge: within surge_within months after a spike, cancellations above
    # median + spike_k × spread of the trailing window before the spike.
    surge_within: int = Field(6, ge=1, le=24)
    # individual-led-growth: over growth_window months, individual businesses carry at least
    # individual_share of the net growth while enterprises grow by at most enterprise_stall.
    growth_window: int = Field(3, ge=1, le=24)
    individual_share: float = Field(0.9, gt=0, le=1)
    enterprise_stall: float = Field(0.005, ge=0, lt=1)
    # net-change-mismatch: |Δtotal − (new − cancelled)| above this many entities.
    mismatch_tolerance: int = Field(0, ge=0)
    # readings: a change of a share or rate below flat_pp percentage points, or of a count
    # below flat_pct of its earlier value, reads as "flat".
    flat_pp: float = Field(0.5, ge=0)
    flat_pct: float = Field(0.05, ge=0)
