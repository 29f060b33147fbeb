"""Cleaning of every text that enters the model: NFC, no control characters, no bidi overrides."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

from tui.model.clean import LONG_MAX, SHORT_MAX
from tui.model.clean import clean_text as clean_text
from tui.model.clean import removed_count as removed_count


def _clean_line(value: object) -> object:
    return clean_text(value, multiline=False) if isinstance(value, str) else value


def _clean_block(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


def _cap(limit: int):  # type: ignore[no-untyped-def]
    def check(value: str) -> str:
        if len(value) > limit:
            raise PydanticCustomError(
                "text_too_long",
                "At most {max} characters ({actual} given).",
                {"max": limit, "actual": len(value)},
            )
        return value

    return check


def _required(value: str) -> str:
    value = value.strip()
    if not value:
        raise PydanticCustomError("label_required", "A label is required.")
    return value


TEXT_VALIDATORS = (_clean_line, _clean_block)
"""What marks a field as text users type (every Line, Block, Label and LongLabel)."""

Line = Annotated[str, BeforeValidator(_clean_line), AfterValidator(_cap(SHORT_MAX))]
"""A one-line text (names, places, short fields)."""

Block = Annotated[str, BeforeValidator(_clean_block), AfterValidator(_cap(LONG_MAX))]
"""A multi-line text (purposes, commitments, notes)."""

Label = Annotated[
    str, BeforeValidator(_clean_line), AfterValidator(_cap(SHORT_MAX)), AfterValidator(_required)
]
"""The one required field of a record: what identifies it."""

LongLabel = Annotated[
    str, BeforeValidator(_clean_block), AfterValidator(_cap(LONG_MAX)), AfterValidator(_required)
]
"""A required multi-line text (a decision, an action item)."""
