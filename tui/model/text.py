"""Cleaning of every text that enters the model: NFC, no control characters, no bidi overrides."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

# C0 and C1 controls except tab and newline, DEL, and the bidirectional embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

SHORT_MAX = 500
LONG_MAX = 10_000


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Return ``value`` in NFC without control characters or bidirectional overrides."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = unicodedata.normalize("NFC", value)
    if multiline:
        return _UNSAFE.sub("", value)
    return _UNSAFE_LINE.sub("", value.replace("\n", " ").replace("\t", " "))


def removed_count(value: str) -> int:
    """Count the characters ``clean_text`` would remove (to tell the user)."""
    return len(_UNSAFE.findall(value))


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
