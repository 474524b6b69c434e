"""``pucli init DIR``: a new plan folder with commented templates that validate."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pucli.loading.datadir import ACTUALS, MEASURES, PROGRESS, TARGETS
from pucli.models.observations import REQUIRED_COLUMNS as ACTUALS_COLUMNS
from pucli.models.progress import REQUIRED_COLUMNS as PROGRESS_COLUMNS
from pucli.problems import DataError, Problem

FILES = (MEASURES, TARGETS, ACTUALS, PROGRESS)


def template_text(name: str) -> str:
    """The contents ``pucli init`` writes for ``name``."""
    if name == ACTUALS:
        return ",".join(ACTUALS_COLUMNS) + "\n"
    if name == PROGRESS:
        return ",".join(PROGRESS_COLUMNS) + "\n"
    return resources.files("pucli.loading").joinpath("templates", name).read_text("utf-8")


def init_folder(folder: Path) -> list[Path]:
    """Write the templates into ``folder`` (created if needed); refuse, writing nothing,
    when any of the files already exists."""
    if folder.exists() and not folder.is_dir():
        raise DataError([Problem("unreadable-file", "is a file, not a folder", str(folder),
                                 hint="name a new or existing folder")])
    existing = [folder / n for n in FILES if (folder / n).exists()]
    if existing:
        raise DataError([Problem("file-exists", "file exists; pucli init never overwrites",
                                 str(p), hint="choose a new folder, or move the file away")
                         for p in existing])
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FILES:
        path = folder / name
        with open(path, "x", encoding="utf-8", newline="") as f:  # "x": never overwrite
            f.write(template_text(name))
        written.append(path)
    return written
