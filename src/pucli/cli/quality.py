"""`pucli quality`: structure, vitality and warning flags of the growth."""

from __future__ import annotations

from typing import Annotated

import typer

from pucli.cli.common import (
    DataOption,
    ExcelOption,
    FormatOption,
    HeadersOption,
    ListFormat,
    OutputOption,
    check_region,
    data_dir,
    done,
    parse_date,
    write_text,
)


def quality(
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Replay: only actuals up to this date (YYYY-MM-DD) count.",
        show_default=False)] = None,
    region: Annotated[str | None, typer.Option(
        help="A region of the region column (default: the whole).")] = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
    data: DataOption = None,
) -> None:
    """Quality of growth: structure, vitality and warning flags, with plain readings.

    Structure is the share of enterprises among all market entities; vitality is new
    registrations, cancellations, net growth, the cancellation rate and net growth as a
    share of new registrations — the latest 12 months against the 12 before. Flags (spikes
    before assessments, net change ≠ new − cancelled, growth carried by individual
    businesses, cancellations surging after a spike) are for a human to check; their
    thresholds are in the quality: section of targets.yaml. csv/xlsx list the indicators
    and the flags; md is the section the meeting brief uses.

    Example: pucli quality --as-of 2023-12-31 --format md
    """
    from pucli.compute.quality import quality_summary
    from pucli.loading.actuals import open_actuals
    from pucli.loading.dataset import open_targets
    from pucli.models.metrics import metric_registry

    when = parse_date(as_of, "--as-of")
    folder = data_dir(data)
    targets = open_targets(folder)
    # the registry from the targets already read, not a second read of targets.yaml
    actuals = open_actuals(folder, registry=metric_registry(targets.metrics))
    check_region(actuals, region)
    summary = quality_summary(actuals, region or "", when, targets.quality,
                              [t.date for t in targets.targets], targets.region)
    _emit(summary, format, output, excel, headers)


def _emit(summary, fmt: ListFormat, output, excel: bool, headers=None) -> None:
    from pucli.cli.common import emit_listing
    from pucli.render import export
    from pucli.render import quality_tables as qt

    if fmt is ListFormat.md:
        write_text(qt.quality_markdown(summary), output)
        return
    columns, rows = qt.indicator_rows(summary)
    flag_columns, flags = qt.flag_rows(summary)
    if fmt is ListFormat.xlsx and output is not None:
        export.write_xlsx(str(output), {"indicators": (columns, rows),
                                        "flags": (flag_columns, flags),
                                        "periods": qt.period_rows(summary)},
                          headers=(headers or "words"))
        done(output)
        return
    if fmt is ListFormat.csv:
        # one table: indicators, then flags in the same columns (group = "flag")
        rows = rows + [["flag", f[1], None, f[0], f[0], None, None, None, None,
                        f"{f[2]} — {f[3]} ({f[4]})"] for f in flags]
    emit_listing(fmt, columns, rows, lambda: qt.quality_table(summary), output, excel,
                 json_data=qt.quality_json(summary), sheet="quality", headers=headers)
