"""What `pucli collect` says: a line per form, then who has returned and who has not."""

from __future__ import annotations

from pucli.i18n import t
from pucli.loading.collect import FormResult
from pucli.loading.collection import CollectionState


def file_line(r: FormResult, dry_run: bool = False) -> str:
    """One form's outcome: rows taken, already held, left empty, refused."""
    if r.refused:
        return t(f"{r.display}：退回，未收录任何行（{len(r.errors)} 个问题，见上）",
                 f"{r.display}: refused, nothing taken ({len(r.errors)} problem(s) above)")
    verb = t("可收录", "would take") if dry_run else t("收录", "took")
    parts = [t(f"{verb} {len(r.appended)} 行", f"{verb} {len(r.appended)} row(s)")]
    if r.skipped:
        parts.append(t(f"{len(r.skipped)} 行已在台账中", f"{len(r.skipped)} already in the "
                       "ledger"))
    if r.empty_rows:
        parts.append(t(f"{r.empty_rows} 行未填", f"{r.empty_rows} left empty"))
    if r.refused_rows:
        parts.append(t(f"{r.refused_rows} 行被拒（见上）", f"{r.refused_rows} refused "
                       "(above)"))
    return r.display + t("：", ": ") + t("，", ", ").join(parts)


def summary_lines(period: str, results: list[FormResult], state: CollectionState | None,
                  dry_run: bool = False) -> list[str]:
    """Totals, then the units that have returned their form for ``period`` and those not."""
    taken = sum(len(r.appended) for r in results)
    refused = sum(1 for r in results if r.refused)
    lines = [t(f"合计：{len(results)} 份表，{'可收录' if dry_run else '收录'} {taken} 行，"
               f"退回 {refused} 份", f"total: {len(results)} form(s), "
               f"{'would take' if dry_run else 'took'} {taken} row(s), {refused} refused")]
    if state is None:
        if not dry_run:
            lines.append(t(f"{period}：没有记录发出的填报表（用 `pucli forms` 生成时会记录）",
                           f"{period}: no forms logged as sent (`pucli forms` logs them)"))
        return lines
    back = [u for u in state.sent if u in state.returned]
    lines.append(t(f"{period} 已交回（{len(back)}/{len(state.sent)}）：",
                   f"{period} returned ({len(back)}/{len(state.sent)}): ")
                 + (t("；", ", ").join(back) or t("无", "none")))
    lines.append(t(f"{period} 未交回（{len(state.missing)}）：", f"{period} not returned "
                   f"({len(state.missing)}): ") + (t("；", ", ").join(state.missing)
                                                   or t("无", "none")))
    return lines
