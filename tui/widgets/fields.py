"""What a form field is, derived from a pydantic field: kind, choices, parsing and display."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel

_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)?\s*$")


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: its name, its label msgid, and how it is typed and shown."""

    name: str
    label: str
    kind: str
    """line, block, date, time, number, int, choice, link (one record id), links (a list)."""
    choices: tuple[Any, ...] = ()
    optional: bool = False
    help: str = ""
    """msgid of a short help shown while the field has the focus."""
    target: str = ""
    """For links: which records it points to (actions, people, objectives, bodies)."""
    words: Callable[[Any], str] | None = None
    """For choices: the translated word of a value, when not the shared choice words."""


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The inner type of ``X | None`` and whether None is allowed."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), True
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation, False


def spec_for(
    model: type[BaseModel],
    name: str,
    label: str,
    *,
    block: bool = False,
    help: str = "",
    link: str = "",
    words: Callable[[Any], str] | None = None,
) -> FieldSpec:
    """Derive a field spec from the model's annotation of ``name``; ``link`` names a target."""
    info = model.model_fields[name]
    inner, optional = _unwrap(info.annotation)
    if link:
        many = typing.get_origin(inner) is list
        return FieldSpec(name, label, "links" if many else "link", (), optional, help, link)
    if typing.get_origin(inner) is Literal:
        return FieldSpec(name, label, "choice", typing.get_args(inner), optional, help, words=words)
    kinds = {dt.date: "date", dt.time: "time", Decimal: "number", int: "int"}
    if inner in kinds:
        return FieldSpec(name, label, kinds[inner], optional=optional, help=help)
    return FieldSpec(name, label, "block" if block else "line", optional=optional, help=help)


class ParseError(ValueError):
    """Typed text that cannot become a value yet; ``code`` names why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse(spec: FieldSpec, text: str) -> Any:
    """Turn what was typed into a value for the model (raises ParseError)."""
    raw = text.strip()
    if spec.kind in ("line", "block"):
        return text if spec.kind == "block" else raw
    if not raw:
        if spec.optional:
            return None
        raise ParseError("missing")
    if spec.kind == "date":
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ParseError("date_parsing") from None
    if spec.kind == "time":
        m = _TIME.match(raw)
        if not m:
            raise ParseError("time_parsing")
        try:
            return dt.time(int(m.group(1)), int(m.group(2) or 0))
        except ValueError:
            raise ParseError("time_parsing") from None
    if spec.kind in ("number", "int"):
        cleaned = re.sub(r"[\s\u00a0\u202f$]", "", raw).replace(",", ".")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ParseError("decimal_parsing") from None
        if not value.is_finite():
            raise ParseError("decimal_parsing")
        if spec.kind == "int":
            if value != value.to_integral_value():
                raise ParseError("int_parsing")
            return int(value)
        return value
    return raw


def display(spec: FieldSpec, value: Any) -> str:
    """The text shown in the field for a stored value."""
    if value is None:
        return ""
    if spec.kind == "time":
        return f"{value.hour}:{value.minute:02d}"
    if spec.kind == "number":
        return format(value, "f")
    if spec.kind == "links":
        return ", ".join(value)
    return str(value)
