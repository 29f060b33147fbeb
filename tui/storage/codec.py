"""Sessions to TinyDB tables and back, and the JSON exchange format."""

from __future__ import annotations

import json
import typing
from collections.abc import Iterable
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from tui.model import RECORD_LISTS, SCHEMA_VERSION, Session

APP = "concerto"
SINGLE_TABLES = ("meeting", "progress", "notes", "drafts")
"""Tables that hold one document."""
LIST_TABLES = (*RECORD_LISTS, "acceptances", "conflicts")
"""Tables that hold one document per record, in order."""
TABLES = ("meta", *SINGLE_TABLES, *LIST_TABLES)
"""Every table of a session file, in the order they are written."""


def table_of(session: Session, name: str) -> dict[str, Any]:
    """One table of ``session`` as TinyDB stores it: ``{doc_id: document}``."""
    if name == "meta":
        head = session.model_dump(mode="json", include={"id", "created", "updated"})
        return {"1": {"app": APP, "schema_version": SCHEMA_VERSION, **head}}
    dumped = session.model_dump(mode="json", include={name})[name]
    if name in SINGLE_TABLES:
        return {"1": dumped}
    return {str(n): doc for n, doc in enumerate(dumped, start=1)}


@cache
def _adapters(name: str) -> tuple[TypeAdapter[list[Any]], TypeAdapter[dict[str, Any]]]:
    (model,) = typing.get_args(Session.model_fields[name].annotation)
    return TypeAdapter(list[model]), TypeAdapter(dict[str, model])  # type: ignore[valid-type]


def encode_table(session: Session, name: str) -> tuple[dict[str, Any], str]:
    """One table as TinyDB stores it and its JSON text (as ``dumps_table`` would write it)."""
    if name not in LIST_TABLES:
        table = table_of(session, name)
        return table, dumps_table(table)
    records: list[Any] = getattr(session, name)
    as_list, as_table = _adapters(name)
    # pydantic-core writes the JSON text itself: several times faster than model_dump then
    # json.dumps on large tables, and byte-identical for these models (a test checks it).
    docs = as_list.dump_python(records, mode="json")
    text = as_table.dump_json({str(n): rec for n, rec in enumerate(records, start=1)})
    return {str(n): doc for n, doc in enumerate(docs, start=1)}, text.decode("utf-8")


def to_tables(session: Session, names: Iterable[str] = TABLES) -> dict[str, dict[str, Any]]:
    """The tables ``names`` of ``session``."""
    return {name: table_of(session, name) for name in names}


def _docs(table: dict[str, Any]) -> list[Any]:
    return [table[k] for k in sorted(table, key=int)]


def from_tables(tables: dict[str, dict[str, Any]]) -> Session:
    """Validate a session from its tables (raises pydantic's ValidationError)."""
    meta = _docs(tables.get("meta", {}))
    head = dict(meta[0]) if meta else {}
    data: dict[str, Any] = {k: head[k] for k in ("id", "created", "updated") if k in head}
    for name in SINGLE_TABLES:
        docs = _docs(tables.get(name, {}))
        if docs:
            data[name] = docs[0]
    for name in LIST_TABLES:
        data[name] = _docs(tables.get(name, {}))
    return Session.model_validate(data)


def dumps_table(table: dict[str, Any]) -> str:
    """Serialize one table as the session file holds it."""
    return json.dumps(table, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def assemble(fragments: dict[str, str]) -> str:
    """Join serialized tables into the text of a session file (ours first, then any others)."""
    names = [name for name in TABLES if name in fragments]
    names += [name for name in fragments if name not in TABLES]
    return "{" + ",".join(f"{json.dumps(name)}:{fragments[name]}" for name in names) + "}"


def session_text(session: Session) -> str:
    """The whole text of a session file."""
    return assemble({name: encode_table(session, name)[1] for name in TABLES})


def export_json(session: Session) -> str:
    """The exchange format: the full session as the models dump it, with its schema version."""
    body = {
        "app": APP,
        "schema_version": SCHEMA_VERSION,
        "session": session.model_dump(mode="json"),
    }
    return json.dumps(body, ensure_ascii=False, allow_nan=False, indent=2) + "\n"
