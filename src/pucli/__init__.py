"""pucli: a county policy plan as data that can be checked, tracked and projected.

``pucli.open(path)`` gives the data folder as pandas DataFrames (:mod:`pucli.api`, see
docs/python-api.md); it is imported on first use, so ``import pucli`` stays light.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Plan", "open"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from pucli import api

        return getattr(api, name)
    raise AttributeError(f"module 'pucli' has no attribute {name!r}")
