"""A conflict: the same field changed on two computers, both values kept until settled.

A conflict names where it is (a table, a record id, a field path dotted into nested values)
and the two values as JSON. The session keeps the first value in place meanwhile; the minutes
leave the field out (`tui.model.settling`) until the facilitator picks a side or writes a value.
A field path ``""`` means the record itself: deleted on one side, edited on the other (the
values are then True for "kept" and False for "deleted"). On ``decisions``, the field
``number`` is a number that two computers gave to two different decisions.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from tui.model.base import Model

SINGLES = ("meeting", "notes")
"""Tables that are one document; their conflicts name no record."""


class Conflict(Model):
    """One field changed differently on two computers; nothing is lost until it is settled."""

    table: str
    record: str = ""
    field: str = ""
    ours: Any = None
    """The value kept in the session meanwhile (the computer that merged)."""
    theirs: Any = None
    ours_by: str = Field(default="", max_length=200)
    """Who made the first value (the facilitator of that computer), when known."""
    theirs_by: str = Field(default="", max_length=200)

    @property
    def key(self) -> str:
        """Where the conflict is: ``table/record/field``; one conflict per place."""
        return f"{self.table}/{self.record}/{self.field}"

    @property
    def number(self) -> bool:
        """True for two decisions recorded under one number."""
        return self.table == "decisions" and self.field == "number"


def conflict_key(conflict: dict[str, Any]) -> str:
    """The key of a conflict in its JSON form."""
    return f"{conflict.get('table')}/{conflict.get('record', '')}/{conflict.get('field', '')}"


# -- reading and writing a place -------------------------------------------------------------

MISSING = object()
"""Given to `set_path`: remove the value."""


def get_path(doc: Any, path: str) -> Any:
    """The value at a dotted path of a JSON document (None when absent)."""
    for part in path.split("."):
        if not isinstance(doc, dict) or part not in doc:
            return None
        doc = doc[part]
    return doc


def set_path(doc: dict[str, Any], path: str, value: Any) -> None:
    """Set (or, with ``MISSING``, remove) the value at a dotted path of a JSON document."""
    *parents, last = path.split(".")
    for part in parents:
        child = doc.get(part)
        if not isinstance(child, dict):
            child = doc[part] = {}
        doc = child
    if value is MISSING or (value is None and parents):
        doc.pop(last, None)
    else:
        doc[last] = value
