"""``pucli quality``: structure and vitality of the growth, with their trends and readings.

The plan wants a market-entity system that is "数量多、结构优、活力足". This module reads
the ``total`` rows of actuals.csv (with their kind and new/cancelled columns) as periods and
computes, over the latest 12 months and the 12 months before them:

- **structure**: the share of enterprises among all market entities (at the two dates);
- **vitality**: new registrations, cancellations, net growth (new − cancelled), the
  cancellation rate (cancellations ÷ the count at the start of the window) and net growth
  as a share of gross registrations (net ÷ new: how many of 100 registrations remain).

Each indicator carries its direction and a plain-language reading in Chinese and English
(:data:`READINGS`); :func:`quality_summary` adds the warning flags of
:mod:`pucli.compute.flags`. Pure: no I/O, no printing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pucli.compute.flags import Flag, find_flags
from pucli.compute.periods import month_index
from pucli.models.observations import KINDS, Actual, Actuals
from pucli.models.quality import QualitySettings
from pucli.models.targets import DEFAULT_METRIC

WINDOW = 12  # months of the latest and the previous window

# (zh, en) reading templates; wired to pucli.i18n at merge (default zh).
READINGS: dict[str, tuple[str, str]] = {
    "enterprise_share.up": ("企业占比{latest}，比一年前上升{pp}个百分点：结构在改善。",
                            "Enterprises are {latest} of all entities, up {pp} points on a "
                            "year earlier: the structure is improving."),
    "enterprise_share.down": ("企业占比{latest}，比一年前下降{pp}个百分点：增长主要来自个体"
                              "工商户，结构在变差。",
                              "Enterprises are {latest} of all entities, down {pp} points on "
                              "a year earlier: growth comes mostly from individual businesses "
                              "and the structure is worsening."),
    "enterprise_share.flat": ("企业占比{latest}，与一年前基本持平（变动{pp}个百分点）：结构"
                              "没有改善。",
                              "Enterprises are {latest} of all entities, about the same as a "
                              "year earlier ({pp} points): the structure is not improving."),
    "enterprise_share.level": ("企业占比{latest}；没有一年前的数据，看不出趋势。",
                               "Enterprises are {latest} of all entities; without a figure "
                               "from a year earlier there is no trend yet."),
    "enterprise_share.none": ("actuals.csv 的总数行没有企业数（enterprises 列），无法读出"
                              "结构。",
                              "The total rows of actuals.csv give no enterprise count "
                              "(enterprises column): the structure cannot be read."),
    "new.up": ("近12个月新登记{latest}户，比上一个12个月多{delta}户（{pct}）。",
               "{latest} new registrations in the last 12 months, {delta} more than the 12 "
               "months before ({pct})."),
    "new.down": ("近12个月新登记{latest}户，比上一个12个月少{delta}户（{pct}）：登记在放缓。",
                 "{latest} new registrations in the last 12 months, {delta} fewer than the 12 "
                 "months before ({pct}): registrations are slowing."),
    "new.flat": ("近12个月新登记{latest}户，与上一个12个月基本持平（{pct}）。",
                 "{latest} new registrations in the last 12 months, about as many as the 12 "
                 "months before ({pct})."),
    "cancelled.up": ("近12个月注销{latest}户，比上一个12个月多{delta}户（{pct}）：退出在增加。",
                     "{latest} cancellations in the last 12 months, {delta} more than the 12 "
                     "months before ({pct}): exits are rising."),
    "cancelled.down": ("近12个月注销{latest}户，比上一个12个月少{delta}户（{pct}）。",
                       "{latest} cancellations in the last 12 months, {delta} fewer than the "
                       "12 months before ({pct})."),
    "cancelled.flat": ("近12个月注销{latest}户，与上一个12个月基本持平（{pct}）。",
                       "{latest} cancellations in the last 12 months, about as many as the 12 "
                       "months before ({pct})."),
    "net.up": ("近12个月净增{latest}户，比上一个12个月多{delta}户（{pct}）：增长在加快。",
               "Net growth of {latest} in the last 12 months, {delta} more than the 12 months "
               "before ({pct}): growth is speeding up."),
    "net.down": ("近12个月净增{latest}户，比上一个12个月少{delta}户（{pct}）：增长在放缓。",
                 "Net growth of {latest} in the last 12 months, {delta} less than the 12 "
                 "months before ({pct}): growth is slowing."),
    "net.flat": ("近12个月净增{latest}户，与上一个12个月基本持平（{pct}）。",
                 "Net growth of {latest} in the last 12 months, about the same as the 12 "
                 "months before ({pct})."),
    "cancellation_rate.up": ("注销率{latest}（注销数÷期初总数），比上一个12个月上升{pp}个"
                             "百分点：存活在变差。",
                             "Cancellation rate {latest} (cancellations ÷ count at the "
                             "start), up {pp} points: survival is worsening."),
    "cancellation_rate.down": ("注销率{latest}（注销数÷期初总数），比上一个12个月下降{pp}"
                               "个百分点：存活在改善。",
                               "Cancellation rate {latest} (cancellations ÷ count at the "
                               "start), down {pp} points: survival is improving."),
    "cancellation_rate.flat": ("注销率{latest}（注销数÷期初总数），与上一个12个月基本持平"
                               "（{pp}个百分点）。",
                               "Cancellation rate {latest} (cancellations ÷ count at the "
                               "start), about the same ({pp} points)."),
    "net_share.up": ("每新登记100户净留存{per100}户（净增÷新登记），比上一个12个月多{pp}户："
                     "登记的含金量在提高。",
                     "Of every 100 registrations {per100} remain (net ÷ new), {pp} more than "
                     "the 12 months before: registrations are more durable."),
    "net_share.down": ("每新登记100户净留存{per100}户（净增÷新登记），比上一个12个月少{pp}"
                       "户：登记的含金量在下降。",
                       "Of every 100 registrations {per100} remain (net ÷ new), {pp} fewer "
                       "than the 12 months before: registrations are less durable."),
    "net_share.flat": ("每新登记100户净留存{per100}户（净增÷新登记），与上一个12个月基本持平。",
                       "Of every 100 registrations {per100} remain (net ÷ new), about as "
                       "many as the 12 months before."),
    "flow.level": ("近12个月{label}：{latest}；没有再早12个月的数据，看不出趋势。",
                   "{label_en} in the last 12 months: {latest}; without the 12 months "
                   "before there is no trend yet."),
    "flow.none": ("actuals.csv 的新登记和注销数（new、cancelled 列）没有覆盖完整的近12个月，"
                  "无法读出活力。",
                  "The new and cancelled counts of actuals.csv (new, cancelled columns) do "
                  "not cover the last 12 months: vitality cannot be read."),
}

LABELS = {  # indicator → (zh, en)
    "enterprise_share": ("企业占比", "enterprise share"),
    "new": ("新登记", "new registrations"),
    "cancelled": ("注销", "cancellations"),
    "net": ("净增", "net growth"),
    "cancellation_rate": ("注销率", "cancellation rate"),
    "net_share": ("净增占新登记比例", "net growth ÷ new registrations"),
}
# Is "up" good? (None: neither — more registrations are good only if they last.)
UP_IS_GOOD = {"enterprise_share": True, "new": None, "cancelled": False, "net": True,
              "cancellation_rate": False, "net_share": True}


@dataclass(frozen=True)
class Period:
    """One ``total`` row of actuals.csv and the period since the previous row."""

    date: dt.date
    total: int
    enterprises: int | None
    individual_businesses: int | None
    cooperatives: int | None
    new: int | None
    cancelled: int | None
    previous: dt.date | None  # the previous row's date (None for the first row)
    previous_total: int | None
    line: int = 0

    @property
    def months(self) -> float | None:
        return None if self.previous is None else month_index(self.date) - \
            month_index(self.previous)

    @property
    def change(self) -> int | None:
        return None if self.previous_total is None else self.total - self.previous_total

    @property
    def net(self) -> int | None:
        return None if self.new is None or self.cancelled is None else self.new - self.cancelled

    @property
    def enterprise_share(self) -> float | None:
        return None if self.enterprises is None or not self.total else \
            self.enterprises / self.total


@dataclass
class Indicator:
    key: str
    unit: str  # "count" or "share"
    latest: float | None
    previous: float | None
    window: tuple[dt.date, dt.date] | None  # the latest window (start, end)
    direction: str | None  # "up", "down", "flat" or None (no trend)
    good: bool | None  # is the direction good news? None: neither or unknown
    reading_zh: str
    reading_en: str

    @property
    def change(self) -> float | None:
        if self.latest is None or self.previous is None:
            return None
        return self.latest - self.previous

    @property
    def label(self) -> str:
        return LABELS[self.key][0]

    @property
    def label_en(self) -> str:
        return LABELS[self.key][1]


@dataclass
class QualitySummary:
    region: str
    as_of: dt.date | None
    latest: dt.date | None
    periods: list[Period]
    structure: list[Indicator]
    vitality: list[Indicator]
    flags: list[Flag]
    settings: QualitySettings
    notes: list[str] = field(default_factory=list)


def quality_periods(actuals: Actuals, region: str = "", as_of: dt.date | None = None,
                    ) -> list[Period]:
    """The ``total`` rows of ``region`` ("" = the whole: its own rows, or the sum of the
    named regions where all report) as periods, ascending, up to ``as_of``."""
    rows = actuals.for_series(region, DEFAULT_METRIC)
    kinds = _kind_rows(actuals, region)
    if not rows and not region and actuals.regions():
        rows = _summed(actuals)
    rows = [r for r in rows if as_of is None or r.date <= as_of]
    out: list[Period] = []
    for prev, r in zip([None, *rows], rows, strict=False):  # no rows: no periods
        counts = {k: getattr(r, k) if getattr(r, k) is not None else kinds.get((k, r.date))
                  for k in KINDS}
        out.append(Period(r.date, r.total, counts["enterprises"],
                          counts["individual_businesses"], counts["cooperatives"], r.new,
                          r.cancelled, prev.date if prev else None,
                          prev.total if prev else None, r.line))
    return out


def _kind_rows(actuals: Actuals, region: str) -> dict[tuple[str, dt.date], int]:
    """Kind counts given as rows of their own metric (enterprises …), by (kind, date)."""
    return {(r.metric, r.date): r.total for r in actuals.rows
            if r.metric in KINDS and r.region == region}


def _summed(actuals: Actuals) -> list[Actual]:
    """The named regions' total rows added up at the dates where every region reports
    (a column is summed only when every region gives it)."""
    parts = [{r.date: r for r in actuals.for_series(reg)} for reg in actuals.regions()]
    dates = sorted(set(parts[0]).intersection(*parts[1:]))
    out = []
    for d in dates:
        at = [p[d] for p in parts]

        def add(column: str, at=at):
            values = [getattr(r, column) for r in at]
            return None if any(v is None for v in values) else sum(values)

        out.append(Actual(date=d, total=add("total"), enterprises=add("enterprises"),
                          individual_businesses=add("individual_businesses"),
                          cooperatives=add("cooperatives"), new=add("new"),
                          cancelled=add("cancelled")))
    return out


def _months_back(d: dt.date, months: int) -> float:
    return month_index(d) - months


def _window(periods: list[Period], end: dt.date, months: int = WINDOW) -> list[Period] | None:
    """The periods that exactly cover the ``months`` up to ``end``; None if they do not."""
    start = _months_back(end, months)
    inside = [p for p in periods if start < month_index(p.date) <= month_index(end) + 1e-9]
    if not inside or inside[-1].date != end or inside[0].previous is None:
        return None
    if abs(month_index(inside[0].previous) - start) > 1e-9:
        return None
    return inside


def _flows(window: list[Period] | None) -> dict[str, float] | None:
    if window is None or any(p.new is None or p.cancelled is None for p in window):
        return None
    new = sum(p.new for p in window)  # type: ignore[misc]
    cancelled = sum(p.cancelled for p in window)  # type: ignore[misc]
    start = window[0].previous_total or 0
    return {"new": new, "cancelled": cancelled, "net": new - cancelled,
            "cancellation_rate": cancelled / start if start else None,
            "net_share": (new - cancelled) / new if new else None}


def _at(periods: list[Period], months_before: int, end: dt.date) -> Period | None:
    target = _months_back(end, months_before)
    return next((p for p in periods if abs(month_index(p.date) - target) < 1e-9), None)


def structure_indicators(periods: list[Period], settings: QualitySettings) -> list[Indicator]:
    """The enterprise share now and a year earlier."""
    with_share = [p for p in periods if p.enterprise_share is not None]
    if not with_share:
        return [_indicator("enterprise_share", "share", None, None, None, settings)]
    last = with_share[-1]
    before = _at(with_share, WINDOW, last.date)
    window = (before.date, last.date) if before else None
    return [_indicator("enterprise_share", "share", last.enterprise_share,
                       before.enterprise_share if before else None, window, settings)]


def vitality_indicators(periods: list[Period], settings: QualitySettings) -> list[Indicator]:
    """Registrations, cancellations and what remains: the latest 12 months vs the 12 before."""
    with_flows = [p for p in periods if p.net is not None]
    end = with_flows[-1].date if with_flows else None
    latest_w = _window(periods, end) if end else None
    latest = _flows(latest_w)
    prev_end = _prev_end(periods, end) if end else None
    previous = _flows(_window(periods, prev_end)) if prev_end else None
    window = (latest_w[0].previous, end) if latest_w and latest else None
    out = []
    for key in ("new", "cancelled", "net", "cancellation_rate", "net_share"):
        unit = "share" if key in ("cancellation_rate", "net_share") else "count"
        out.append(_indicator(key, unit, latest[key] if latest else None,
                              previous[key] if previous else None, window, settings))
    return out


def _prev_end(periods: list[Period], end: dt.date) -> dt.date | None:
    p = _at(periods, WINDOW, end)
    return p.date if p else None


def _indicator(key: str, unit: str, latest: float | None, previous: float | None,
               window, settings: QualitySettings) -> Indicator:
    label, label_en = LABELS[key]
    if latest is None:
        name = "enterprise_share.none" if key == "enterprise_share" else "flow.none"
        zh, en = READINGS[name]
        return Indicator(key, unit, None, previous, window, None, None,
                         zh.format(label=label), en.format(label_en=label_en))
    shown = _show(latest, unit)
    if previous is None:
        name = "enterprise_share.level" if key == "enterprise_share" else "flow.level"
        zh, en = READINGS[name]
        values = {"latest": shown, "label": label, "label_en": label_en.capitalize()}
        return Indicator(key, unit, latest, None, window, None, None, zh.format(**values),
                         en.format(**values))
    delta = latest - previous
    if unit == "share":
        flat = abs(delta) * 100 < settings.flat_pp
    else:
        flat = abs(delta) <= settings.flat_pct * abs(previous) if previous else delta == 0
    direction = "flat" if flat else ("up" if delta > 0 else "down")
    good = None if UP_IS_GOOD[key] is None or direction == "flat" else \
        (direction == "up") == UP_IS_GOOD[key]
    if key == "enterprise_share" and direction == "flat":
        good = False  # the plan asks for the structure to improve
    values = {"latest": shown, "pp": f"{abs(delta) * 100:.1f}",
              "delta": f"{abs(delta):,.0f}", "per100": f"{latest * 100:.0f}",
              "pct": f"{delta / previous * 100:+.1f} %" if previous else "—"}
    if key == "enterprise_share" and direction == "flat":
        values["pp"] = f"{delta * 100:+.1f}"
    if key == "cancellation_rate" and direction == "flat":
        values["pp"] = f"{delta * 100:+.1f}"
    if key == "net_share":
        values["pp"] = f"{abs(delta) * 100:.0f}"
    zh, en = READINGS[f"{key}.{direction}"]
    return Indicator(key, unit, latest, previous, window, direction, good,
                     zh.format(**values), en.format(**values))


def _show(value: float, unit: str) -> str:
    return f"{value * 100:.1f}%" if unit == "share" else f"{value:,.0f}"


def quality_summary(actuals: Actuals, region: str = "", as_of: dt.date | None = None,
                    settings: QualitySettings | None = None,
                    assessment_dates: list[dt.date] | None = None,
                    name: str = "") -> QualitySummary:
    """Structure, vitality and flags of ``region`` as data — the entry point of ``pucli
    quality`` and of the meeting brief. ``assessment_dates`` (e.g. the target dates) are
    added to the year ends of ``settings.assessment_months``; ``name`` is the whole region's
    name (targets.yaml ``region``), shown when ``region`` is ""."""
    settings = settings or QualitySettings()
    periods = quality_periods(actuals, region, as_of)
    notes = []
    if not periods:
        from pucli.i18n import t

        where = t(f"（地区 {region}）", f" for region {region}") if region else ""
        notes.append(t(f"尚无实际数：actuals.csv 中没有总数行{where}",
                       f"no counts recorded yet: no total rows in actuals.csv{where}"))
    flags = find_flags(periods, settings, assessment_dates or [])
    return QualitySummary(region or name, as_of, periods[-1].date if periods else None, periods,
                          structure_indicators(periods, settings),
                          vitality_indicators(periods, settings), flags, settings, notes)
