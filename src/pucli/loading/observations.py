"""Registers the checkers of the observation CSV files with :mod:`pucli.loading.dataset`."""

from __future__ import annotations

from pucli.loading import progress  # noqa: F401
