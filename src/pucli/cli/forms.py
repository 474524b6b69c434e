"""`pucli forms`, `collect`, `remind`: the reporting round trip with the units."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from pucli import exitcodes
from pucli.cli.common import DataOption, data_dir, parse_date

AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="As on this date, YYYY-MM-DD (default: today).", show_default=False)]


def _units(plan, names: list[str] | None) -> list[str] | None:
    from pucli.compute.browse import resolve_unit

    return [resolve_unit(plan, n.strip()) for n in names] if names else None


def _replace(path: Path, write) -> None:
    """Write through a temporary file next to ``path``, then rename: a form is whole or
    absent, never half written."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".~pucli-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def forms(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the forms "
                                         "to (created if missing).", show_default=False)],
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", "-u", help="Only this unit (name or alias); repeat for several.",
        show_default=False)] = None,
    as_of: AsOfOption = None,
    deadline: Annotated[str | None, typer.Option(
        "--deadline", help="Return deadline, YYYY-MM-DD (default: the period's report "
        "deadline).", show_default=False)] = None,
    one_workbook: Annotated[bool, typer.Option(
        "--one-workbook", help="One workbook with a sheet per unit instead of a file each.")]
    = False,
    csv: Annotated[bool, typer.Option("--csv", help="Also write each form as CSV.")] = False,
    data: DataOption = None,
) -> None:
    """Write the reporting forms (填报表) for the current period: one .xlsx per unit.

    Each form lists the unit's open measures with its last report, and columns to fill in:
    status (a dropdown), percent (0–100), progress, evidence and report date. Identifying
    columns are locked (no password). The forms sent are logged in collection.csv of the
    data folder, so `pucli collect` and `pucli brief` know who has not returned one.

    Example: pucli forms --as-of 2025-03-20 -o 填报表/
    """
    from pucli.compute.forms import build_drafts
    from pucli.i18n import t
    from pucli.loading.collection import Event, append_events
    from pucli.loading.dataset import open_plan
    from pucli.loading.progress import open_progress
    from pucli.render.console import stderr_console
    from pucli.render.forms_xlsx import (
        file_stem,
        form_csv,
        word_form,
        write_forms_xlsx,
    )

    folder = data_dir(data)
    plan = open_plan(folder)
    day = parse_date(as_of, "--as-of") or dt.date.today()
    due = parse_date(deadline, "--deadline")
    entries = open_progress(folder, plan)
    drafts = build_drafts(plan, entries, day, _units(plan, unit), due)
    made = [word_form(plan, d) for d in drafts]
    output.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    if one_workbook and made:
        name = f"{t('填报表', 'forms')}-{made[0].period}.xlsx"
        _replace(output / name, lambda p: write_forms_xlsx(p, made))
        files = {f.unit: name for f in made}
    else:
        for f in made:
            stem = file_stem(f.unit)
            _replace(output / f"{stem}.xlsx", lambda p, f=f: write_forms_xlsx(p, [f]))
            files[f.unit] = f"{stem}.xlsx"
    if csv:
        for f in made:
            text = form_csv(f)
            _replace(output / f"{file_stem(f.unit)}.csv",
                     lambda p, text=text: p.write_text(text, encoding="utf-8", newline=""))
    console = stderr_console()
    if made and folder.origin != "bundled":
        append_events(folder, [Event(f.period, f.unit, "sent", day, files[f.unit], f.form_id)
                               for f in made])
    elif made:
        console.print(t("注意：内置数据文件夹只读，未记录发出的填报表；"
                        "用 --data 指向你的数据文件夹",
                        "note: the bundled data folder is read-only, so the forms sent are "
                        "not logged; pass --data DIR"), markup=False, soft_wrap=True)
    if not made:
        typer.echo(t("没有未完成的事项：没有生成填报表", "nothing is open: no form written"))
        return
    rows = sum(len(f.rows) for f in made)
    typer.echo(t(f"已写入 {len(made)} 个单位的填报表（{made[0].period}，共 {rows} 项，截止 "
                 f"{made[0].deadline}）→ {output}",
                 f"wrote forms for {len(made)} units ({made[0].period}, {rows} items, return "
                 f"by {made[0].deadline}) → {output}"))


def collect(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE|DIR…", help="Returned forms (.xlsx or .csv), or folders of them.")],
    period: Annotated[str | None, typer.Option(
        "--period", help="The period collected, e.g. 2025Q1 (default: the latest period "
        "forms were sent for).", show_default=False)] = None,
    as_of: AsOfOption = None,
    partial: Annotated[bool, typer.Option(
        "--partial", help="Take a form's valid rows even when some are refused (default: "
        "all of a form's rows or none).")] = False,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check and report; write nothing.")] = False,
    data: DataOption = None,
) -> None:
    """Read returned forms into the ledger (progress.csv), after checking every row.

    A form must belong to this plan and period with its identifying cells unchanged; rows
    are checked like `pucli update`. Each form's rows are appended in one step, all or
    none (see --partial); collecting a form twice adds nothing. Ends with the units that
    have returned their form and those that have not. Exit 1 when any row was refused.

    Example: pucli collect 收回/ --dry-run
    """
    from pucli.compute.forms import period_of_label, reporting_period
    from pucli.i18n import t
    from pucli.loading.collect import FormChecker, collect_form, form_files, read_forms
    from pucli.loading.collection import collection_state, read_events
    from pucli.loading.dataset import open_plan
    from pucli.loading.progress import open_progress
    from pucli.problems import DataError
    from pucli.render.forms_report import file_line, summary_lines
    from pucli.render.problems import format_problem

    folder = data_dir(data)
    plan = open_plan(folder)
    day = parse_date(as_of, "--as-of") or dt.date.today()
    events = read_events(folder)
    if period is None:
        state = collection_state(events, day)
        period = state.period if state else reporting_period(plan, day)[0].label
    found = period_of_label(plan, period)
    if found is None:
        raise typer.BadParameter(f"'{period}' is not a reporting period of this plan; write "
                                 "it as `pucli forms` labels it, e.g. 2025Q1",
                                 param_hint="--period")
    span, deadline = found
    open_progress(folder, plan)  # a ledger with errors is reported before any form
    paths = form_files(files)
    if not paths:
        raise typer.BadParameter("no .xlsx or .csv forms there", param_hint="FILE|DIR")
    checker = FormChecker(plan, period, span.start, deadline, day)
    results, failed = [], False
    for path in paths:
        try:
            returned = read_forms(path)
        except DataError as exc:
            for p in exc.problems:
                typer.echo(format_problem(p), err=True)
            typer.echo(t(f"{path.name}：无法读取，未收录", f"{path.name}: unreadable, nothing "
                         "taken"))
            failed = True
            continue
        for form in returned:
            result = collect_form(folder, plan, checker, form, partial, dry_run, path.name)
            for p in result.problems:
                typer.echo(format_problem(p), err=True)
            typer.echo(file_line(result, dry_run))
            failed = failed or result.refused or bool(result.refused_rows)
            results.append(result)
    state = collection_state(read_events(folder), day, period) if not dry_run else None
    for line in summary_lines(period, results, state, dry_run):
        typer.echo(line)
    if failed:
        raise typer.Exit(exitcodes.INVALID)


def remind(
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="Only this unit.",
                                             show_default=False)] = None,
    as_of: AsOfOption = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder to write each notice to as .txt and .docx (default: "
        "the text on stdout).", show_default=False)] = None,
    by: Annotated[str | None, typer.Option(
        "--by", help="Report back by this date, YYYY-MM-DD (default: the deadline of the "
        "forms sent, if still ahead, else a week on).", show_default=False)] = None,
    sender: Annotated[str | None, typer.Option(
        "--sender", help="Who signs the notice (default: 专班办公室 / the working-group "
        "office).", show_default=False)] = None,
    data: DataOption = None,
) -> None:
    """Write a 催办 notice for each unit with overdue or soon-due items.

    Each lists the items with their due dates and days late, and the date to report back
    by. Plain text (to paste into a message) on stdout, or with -o one .txt and one .docx
    (A4, GB/T 9704 margins) per unit. In Chinese unless `pucli --lang en`.

    Example: pucli remind --as-of 2025-04-08 -o 催办/
    """
    from pucli.compute.forms import build_reminders, period_of_label
    from pucli.i18n import t
    from pucli.loading.collection import collection_state, read_events
    from pucli.loading.dataset import open_plan
    from pucli.loading.progress import open_progress
    from pucli.render.forms_xlsx import file_stem
    from pucli.render.remind import notice_text, write_notice_docx

    folder = data_dir(data)
    plan = open_plan(folder)
    day = parse_date(as_of, "--as-of") or dt.date.today()
    entries = open_progress(folder, plan)
    reply_by = parse_date(by, "--by")
    if reply_by is None:
        state = collection_state(read_events(folder), day)
        found = period_of_label(plan, state.period) if state else None
        reply_by = found[1] if found and found[1] >= day else day + dt.timedelta(days=7)
    signer = sender or t("专班办公室", "The working-group office")
    reminders = build_reminders(plan, entries, day, _units(plan, [unit])[0] if unit else None)
    if output is None:
        typer.echo(("\n" + "—" * 20 + "\n\n").join(
            notice_text(plan, r, reply_by, signer) for r in reminders), nl=False)
    else:
        output.mkdir(parents=True, exist_ok=True)
        for r in reminders:
            stem = t(f"催办-{file_stem(r.unit)}", f"reminder-{file_stem(r.unit)}")
            text = notice_text(plan, r, reply_by, signer)
            _replace(output / f"{stem}.txt",
                     lambda p, text=text: p.write_text(text, encoding="utf-8"))
            _replace(output / f"{stem}.docx",
                     lambda p, r=r: write_notice_docx(plan, r, reply_by, signer, p))
    typer.echo(t(f"{len(reminders)} 个单位有逾期或即将到期事项", f"{len(reminders)} units have "
                 "overdue or soon-due items") + (f" → {output}" if output else ""), err=True)
