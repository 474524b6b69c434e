"""`pucli init DIR`: start a new plan folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The new plan folder.")],
) -> None:
    """Write a new plan folder: commented measures.yaml and targets.yaml templates that
    validate, and header-only actuals.csv and progress.csv. Never overwrites a file.

    Example: pucli init data && pucli validate --data data
    """
    from pucli.i18n import t
    from pucli.loading.new_folder import init_folder
    from pucli.render.console import stderr_console

    for path in init_folder(folder):
        stderr_console().print(t(f"已写入 {path}", f"wrote {path}"), markup=False,
                               soft_wrap=True)
    stderr_console().print(t(f"下一步：按方案原文替换示例内容，然后运行 "
                             f"pucli validate --data {folder}（步骤见 docs/new-plan.md）",
                             f"next: replace the 示例 entries with the plan's own words, then run "
                             f"pucli validate --data {folder} (see docs/new-plan.md)"),
                           markup=False, soft_wrap=True)
