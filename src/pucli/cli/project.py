"""`pucli project` and `pucli backtest`: the actuals against the plan's targets."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from pucli.cli.common import (
    DataOption,
    ExcelOption,
    FormatOption,
    HeadersOption,
    ListFormat,
    OutputOption,
    ascii_int,
    check_metric,
    check_region,
    data_dir,
    done,
    emit_listing,
    parse_date,
)


class Method(enum.StrEnum):
    plan = "plan"
    naive = "naive"
    drift = "drift"
    blend = "blend"
    constant_growth = "constant-growth"
    log_linear = "log-linear"
    damped_trend = "damped-trend"
    seasonal = "seasonal"


MetricOption = Annotated[str, typer.Option(
    "--metric", help="The metric: total (default), enterprises, high_tech, … or its Chinese "
    "label.")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="Replay: only actuals up to this date (YYYY-MM-DD) count.",
    show_default=False)]


def project(
    as_of: AsOfOption = None,
    method: Annotated[Method | None, typer.Option(
        "--method", help="Projection method (default: chosen from the data, with the reason "
        "printed).", show_default=False)] = None,
    chart: Annotated[Path | None, typer.Option(
        "--chart", help="Also draw the chart to FILE.png, FILE.svg or FILE.pdf.",
        show_default=False)] = None,
    chart_size: Annotated[str | None, typer.Option(
        "--chart-size", help="slide (1920×1080), a4 (the text width of an A4 page, 300 dpi) "
        "or WIDTHxHEIGHT in pixels, e.g. 1280x720.", show_default=False)] = None,
    metric: Annotated[str | None, typer.Option(
        "--metric", help="One metric: total, enterprises, gdp, … or its Chinese label "
        "(default: every metric with a target).", show_default=False)] = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
    data: DataOption = None,
) -> None:
    """Project each metric with a target (or --metric) against the plan's targets.

    Year-end rows (month ends when the actuals are monthly) with both readings of the
    plan's path, the actuals, the projection with an 80 % interval and the gap; then each
    target with its rating and the rule behind it, and the growth still required. Each
    metric in its own unit, read as its targets say (at least, at most, about).

    Example: pucli project --as-of 2023-06-30 --chart docs/project.png
    """
    from pucli.compute.projection import project_counts
    from pucli.compute.regions import project_regions
    from pucli.loading.actuals import open_actuals
    from pucli.loading.dataset import open_targets
    from pucli.models.metrics import metric_registry

    when = parse_date(as_of, "--as-of")
    if chart is not None and chart.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise typer.BadParameter("the chart is written as .png, .svg or .pdf",
                                 param_hint="--chart")
    if chart_size is not None:
        from pucli.render.chart import chart_size as parse_size

        try:
            parse_size(chart_size)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--chart-size") from None
    folder = data_dir(data)
    targets = open_targets(folder)
    # the registry from the targets already read, not a second read of targets.yaml
    actuals = open_actuals(folder, registry=metric_registry(targets.metrics))
    names = [_metric(targets, metric)] if metric is not None else \
        (targets.metrics_with_targets() or ["total"])
    results = []
    for name in names:
        result = project_counts(targets, actuals.whole(name, as_of=when), when,
                                None if method is None else method.value, name)
        regions = None
        if actuals.regions(name):
            _, regions = project_regions(targets, actuals, when,
                                         None if method is None else method.value, name)
        results.append((result, regions))
    if len(results) == 1:
        _emit(*results[0], format, output, excel, headers)
    else:
        _emit_many(results, format, output, excel, headers)
    if chart is not None:
        for result, _ in results:
            _draw(result, chart if len(results) == 1
                  else chart.with_name(f"{chart.stem}-{result.metric}{chart.suffix}"),
                  chart_size)


def _metric(targets, text: str) -> str:
    """The metric named by --metric (a name or Chinese label), or a usage problem."""
    from pucli.models.metrics import metric_registry

    return check_metric(metric_registry(targets.metrics if targets else None), text)


def _emit(result, regions, format: ListFormat, output: Path | None, excel: bool,
          headers=None) -> None:
    from pucli.render import projection_tables as pt

    columns, rows = pt.projection_rows(result, regions)
    emit_listing(format, columns, rows, lambda: pt.projection_table(result, regions), output, excel,
                 json_data=pt.projection_json(result, regions), sheet="projection",
                 headers=headers)


def _emit_many(results, format: ListFormat, output: Path | None, excel: bool,
               headers=None) -> None:
    """Several metrics: one section each in a table; csv/md/xlsx rows led by the metric;
    json ``{"projections": [...]}`` with one object each, as for a single metric."""
    from pucli.render import projection_tables as pt

    columns, rows = [], []
    for result, regions in results:
        cols, part = pt.projection_rows(result, regions)
        columns = ["metric", *cols]
        rows += [[result.metric, *r] for r in part]
    emit_listing(format, columns, rows,
                 lambda: pt.projection_tables(results), output,
                 excel, json_data={"projections": [pt.projection_json(r, g)
                                                   for r, g in results]},
                 sheet="projection", headers=headers)


def _draw(result, chart: Path, size: str | None = None) -> None:
    from pucli.render.chart import render_projection_chart
    from pucli.render.console import stderr_console
    from pucli.render.fonts import find_cjk_font

    font = find_cjk_font()
    lang = render_projection_chart(result, chart, font, size)
    if lang == "en":
        from pucli.i18n import t

        stderr_console().print(t(
            "注意：没有找到中文字体，图表用英文标注；安装 fonts-noto-cjk 或 "
            "`pip install 'pucli[cjk]'`",
            "note: no CJK font found, so the chart is labelled in English; "
            "install one (fonts-noto-cjk) or `pip install 'pucli[cjk]'`"))
    done(chart)


def backtest(
    horizon: Annotated[int, typer.Option(
        # a horizon beyond the series has no origin to score; 1,000 steps is past any plan
        parser=ascii_int(1, 1000), help="Steps ahead to forecast from each origin.")] = 1,
    min_train: Annotated[int, typer.Option(
        parser=ascii_int(2), help="Actuals known at the first origin.")] = 3,
    region: Annotated[str | None, typer.Option(help="A region of the region column.")] = None,
    metric: MetricOption = "total",
    as_of: AsOfOption = None,
    format: FormatOption = ListFormat.table,
    output: OutputOption = None,
    excel: ExcelOption = False,
    headers: HeadersOption = None,
    data: DataOption = None,
) -> None:
    """Rolling-origin backtest of every method on the same origins (MAPE, MASE, rel. MAE,
    80 % coverage).

    From each origin, each method forecasts the next --horizon actuals from the ones
    before; one row per method and horizon. MASE is Hyndman & Koehler's (errors scaled by
    the in-sample one-step change); rel_mae below 1 beats the naive "no change" forecast.

    Example: pucli backtest --horizon 4
    """
    from pucli.compute.backtest import BACKTEST_METHODS
    from pucli.compute.backtest import backtest as run_backtest
    from pucli.i18n import t
    from pucli.loading.actuals import folder_metrics, open_actuals
    from pucli.loading.datadir import TARGETS
    from pucli.loading.dataset import open_targets
    from pucli.render import projection_tables as pt
    from pucli.render.progress import steps

    when = parse_date(as_of, "--as-of")
    folder = data_dir(data)
    actuals = open_actuals(folder, registry=folder_metrics(folder))
    name = _metric(open_targets(folder) if folder.file(TARGETS).exists() else None, metric)
    check_region(actuals, region)
    series = (actuals.series(region, name, as_of=when) if region
              else actuals.whole(name, as_of=when))
    with steps(len(BACKTEST_METHODS), t("回测", "backtesting")) as step:
        scores = run_backtest(series, horizon, min_train,
                              progress=lambda m: step(t(f"回测 {m}", f"backtesting {m}")))
    columns, rows = pt.backtest_rows(scores)
    emit_listing(format, columns, rows, lambda: pt.backtest_table(scores), output, excel,
                 sheet="backtest", headers=headers)
