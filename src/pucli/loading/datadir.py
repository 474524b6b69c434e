"""Where the data comes from: --data DIR > $PUCLI_DATA > ./data > the bundled copy."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MEASURES = "measures.yaml"
TARGETS = "targets.yaml"
ACTUALS = "actuals.csv"
PROGRESS = "progress.csv"

BUNDLED = Path(__file__).resolve().parent.parent / "bundled_data"


@dataclass(frozen=True)
class DataDir:
    path: Path
    origin: str  # "--data", "PUCLI_DATA", "./data" or "bundled"

    def file(self, name: str) -> Path:
        return self.path / name

    def display(self, name: str) -> str:
        """How a file is named in messages: relative to the working folder when possible."""
        full = self.path / name
        try:  # the path as named, not where a symlink leads (a broken link names itself)
            return str(Path(os.path.abspath(full)).relative_to(Path.cwd()))
        except (ValueError, OSError):  # outside the working folder; the folder is gone
            return str(full)


def resolve_data_dir(option: str | os.PathLike[str] | None = None,
                     env: dict[str, str] | None = None) -> DataDir:
    """Pick the data folder by precedence; the caller reports a missing folder."""
    environ = os.environ if env is None else env
    if option:
        return DataDir(Path(option), "--data")
    if environ.get("PUCLI_DATA"):
        return DataDir(Path(environ["PUCLI_DATA"]), "PUCLI_DATA")
    local = Path("data")
    if (local / MEASURES).is_file():
        return DataDir(local, "./data")
    return DataDir(BUNDLED, "bundled")
