"""Registers the checkers of the observation CSV files with :mod:`pucli.loading.dataset`."""

from __future__ import annotations

from pucli.loading import (
    actuals,  # noqa: F401
    collection,  # noqa: F401
    progress,  # noqa: F401
)
