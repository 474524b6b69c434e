"""`pucli brief`: the meeting brief as Markdown, HTML or Word."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Annotated

import typer

from pucli.cli.common import DataOption, data_dir, parse_date


class BriefFormat(enum.StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


SUFFIXES = {".md": BriefFormat.md, ".markdown": BriefFormat.md, ".html": BriefFormat.html,
            ".htm": BriefFormat.html, ".docx": BriefFormat.docx}


def brief(
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write; its suffix (.md, .html, .docx) sets the format "
        "unless --format is given. Markdown without -o goes to stdout, without the chart.",
        show_default=False)] = None,
    format: Annotated[BriefFormat | None, typer.Option(
        "--format", "-f", help="md, html (one self-contained file) or docx (Word/WPS).",
        show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="The brief as on this date, YYYY-MM-DD (default: today); later "
        "reports and actuals are ignored.", show_default=False)] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Compare with this date (e.g. the last meeting's): new reports, "
        "newly overdue, newly done.", show_default=False)] = None,
    final: Annotated[bool | None, typer.Option(
        "--final/--meeting", help="The final evaluation (终期评估) of the whole plan, or the "
        "meeting brief. Default: the final evaluation once --as-of is past the plan's end.",
        show_default=False)] = None,
    data: DataOption = None,
) -> None:
    """The meeting brief: the count against the targets with the chart, who is late, who
    has not reported, status by section, and what changed since the last meeting. Every
    itemised list is in an annex (附件) at the end.

    After the plan period (or with --final), the final evaluation instead: each target met
    or not with the growth a year achieved and planned, each measure's and unit's final
    status, how long each deadline slipped, completion by unit and by section, and the
    plan's own inconsistencies.

    In Chinese unless `pucli --lang en`. HTML is one self-contained file (the chart inline);
    .docx has real Word tables and the chart as a picture (needs `pip install 'pucli[docx]'`);
    Markdown writes the chart as FILE.png next to FILE.md.

    Example: pucli brief --as-of 2025-06-30 --since 2025-03-31 -o 简报.docx

    Example: pucli brief --final --as-of 2026-03-31 -o 终期评估.docx
    """
    fmt = format or SUFFIXES.get(output.suffix.lower() if output else "", None)
    if fmt is None:
        if output is not None:
            raise typer.BadParameter(f"cannot tell the format from '{output.name}'; name the "
                                     "file .md, .html or .docx, or give --format",
                                     param_hint="--format")
        fmt = BriefFormat.md
    if fmt is not BriefFormat.md and output is None:
        raise typer.BadParameter(f"{fmt.value} is written to a file: add -o FILE.{fmt.value}",
                                 param_hint="--output")
    day = parse_date(as_of, "--as-of") or dt.date.today()
    before = parse_date(since, "--since")
    if before is not None and before >= day:
        raise typer.BadParameter(f"--since {before} is not before --as-of {day}",
                                 param_hint="--since")
    _write(fmt, output, day, before, data, final)


def _write(fmt: BriefFormat, output: Path | None, day: dt.date, since: dt.date | None,
           data, final: bool | None = None) -> None:
    from pucli.compute.brief import build_brief
    from pucli.compute.evaluation import build_evaluation
    from pucli.compute.projection import project_counts
    from pucli.i18n import is_english, t
    from pucli.loading.actuals import open_actuals
    from pucli.loading.collection import collection_state, read_events
    from pucli.loading.dataset import open_plan, open_targets
    from pucli.loading.progress import open_progress
    from pucli.models.metrics import metric_registry
    from pucli.render.brief_blocks import brief_blocks
    from pucli.render.console import stderr_console
    from pucli.render.metric_sections import metric_section
    from pucli.render.progress import steps

    if fmt is BriefFormat.docx:
        from pucli.render.brief_docx import _docx

        _docx()  # fail before the work when python-docx is missing
    folder = data_dir(data)
    chart = output is not None
    with steps(4 if chart else 3, t("读取数据", "reading the data")) as step:
        plan = open_plan(folder)
        targets = open_targets(folder)
        # the registry from the targets already read, not a second read of targets.yaml
        actuals = open_actuals(folder, registry=metric_registry(targets.metrics))
        # the headline covers the first metric with a target; each other one a section
        metrics = targets.metrics_with_targets() or ["total"]
        entries = open_progress(folder, plan)
        step(t("预测", "projecting"))
        projection, *others = [project_counts(targets, actuals.whole(m, as_of=day), day,
                                              metric=m) for m in metrics]
        series = actuals.whole(projection.metric, as_of=day)
        png = None
        if chart:
            step(t("绘制图表", "drawing the chart"))
            # Word prints the chart: drawn for the A4 text width, sharper on paper
            png, lang = _chart_png(projection, "a4" if fmt is BriefFormat.docx else None)
        step(t("汇总逾期和进度", "overdue items and status"))
        if final is None:
            final = day > plan.plan.horizon.end
        if final:
            from pucli.render.brief_final import evaluation_blocks

            evaluation = build_evaluation(plan, targets, series, projection, entries, day,
                                          since)
            evaluation.extra_sections += [metric_section(p) for p in others]
            evaluation.extra_sections += _extra_sections(targets, actuals, day)
            blocks = evaluation_blocks(evaluation)
        else:
            result = build_brief(plan, projection, entries, day, since,
                                 collection_state(read_events(folder), day))
            result.extra_sections += [metric_section(p) for p in others]
            result.extra_sections += _extra_sections(targets, actuals, day)
            blocks = brief_blocks(result)
    if chart and lang == "en" and not is_english():
        stderr_console().print("注意：没有找到中文字体，图表用英文标注；安装 fonts-noto-cjk 或 "
                               "`pip install 'pucli[cjk]'`")
    if fmt is BriefFormat.md:
        from pucli.cli.common import write_text
        from pucli.render.brief_md import render_markdown

        chart_file = None
        if output is not None and png is not None:
            chart_path = output.with_suffix(".png")
            chart_path.write_bytes(png)
            chart_file = chart_path.name
        write_text(render_markdown(blocks, chart_file), output)
    elif fmt is BriefFormat.html:
        from pucli.cli.common import write_text
        from pucli.render.brief_html import render_html

        write_text(render_html(blocks, png), output)
    else:
        from pucli.cli.common import done
        from pucli.render.brief_docx import write_docx

        assert output is not None
        write_docx(blocks, png, output)
        done(output)


def _chart_png(projection, size: str | None = None) -> tuple[bytes, str]:
    import io

    from pucli.render.chart import render_projection_chart
    from pucli.render.fonts import find_cjk_font

    buf = io.BytesIO()
    lang = render_projection_chart(projection, buf, find_cjk_font(), size)
    return buf.getvalue(), lang


def _extra_sections(targets, actuals, day: dt.date) -> list:
    """Sections other commands add to the brief: the quality of growth (structure,
    vitality, warning flags) when actuals.csv holds what it needs."""
    from pucli.compute.brief import ExtraSection
    from pucli.compute.quality import quality_summary
    from pucli.i18n import t
    from pucli.render import quality_tables as qt

    summary = quality_summary(actuals, "", day, targets.quality,
                              [p.date for p in targets.targets], targets.region)
    paragraphs = qt.summary_readings(summary)
    if not paragraphs and not summary.flags:
        return []  # only totals so far: nothing to say about the quality of growth
    _, rows = qt.flag_rows(summary)
    columns = [t("日期", "date"), t("信号", "flag"), t("说明", "message"), t("规则", "rule"),
               t("数值", "numbers")]
    if not summary.flags:
        paragraphs.append(t("未发现预警信号。", "No warning flag raised."))
    return [ExtraSection("增长质量：结构、活力与预警", "Quality of growth: structure, "
                         "vitality and warning flags", paragraphs,
                         columns if summary.flags else [], rows if summary.flags else [])]
