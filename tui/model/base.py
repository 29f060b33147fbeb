"""Shared pieces of every record: ids, the step keys, the base model."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from tui.model.clean import SCREENS as SCREENS
from tui.model.clean import STEPS as STEPS

StepKey = Literal[
    "actions",
    "resources",
    "skills",
    "roles",
    "agreements",
    "objectives",
    "coordination",
    "watch",
]

ScreenKey = Literal[
    "meeting",
    "actions",
    "resources",
    "skills",
    "roles",
    "agreements",
    "objectives",
    "coordination",
    "watch",
    "review",
    "minutes",
]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def random_id() -> str:
    """A fresh random record id."""
    return os.urandom(5).hex()


_id_factory: Callable[[], str] = random_id


def new_id() -> str:
    """Return a fresh record id from the current id factory."""
    return _id_factory()


def set_id_factory(factory: Callable[[], str] | None) -> None:
    """Make record ids come from ``factory`` (tests and snapshots); None restores random ids."""
    global _id_factory
    _id_factory = factory or random_id


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError("invalid_id", "Not a valid identifier.")
    return value


RecordId = Annotated[str, AfterValidator(_check_id)]
"""A record or session id: lowercase letters, digits and dashes, never a path."""


def is_valid_id(value: str) -> bool:
    """Tell whether ``value`` may be used as a session or record id."""
    return bool(_ID.match(value))


def _non_negative(value: Decimal | None) -> Decimal | None:
    if value is not None and value < 0:
        raise PydanticCustomError("negative_amount", "An amount cannot be negative.")
    return value


Amount = Annotated[
    Decimal | None,
    Field(default=None, max_digits=15, decimal_places=2, allow_inf_nan=False),
    AfterValidator(_non_negative),
]
"""A non-negative amount or quantity with at most two decimals."""


class Model(BaseModel):
    """Base of every model: strict about unknown fields, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


class Record(Model):
    """A record of a step: a stable id that never changes."""

    id: RecordId = Field(default_factory=new_id)
