"""Shared pydantic configuration for every file model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for data-file models: unknown keys are errors, objects are immutable.

    ``defer_build``: a model's validator is built on its first validation, not when the
    class is defined. A command whose plan comes from the cache never validates, and
    building the plan's validators was a fifth of its start-up time.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False,
                              defer_build=True)
