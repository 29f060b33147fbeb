"""Importing a session from the JSON exchange format, under a new id."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tui.i18n import _, get_language
from tui.i18n.errors import describe_error
from tui.messages import damaged_reason
from tui.model import SCHEMA_VERSION, Session
from tui.storage.codec import APP
from tui.storage.rawcheck import DEFAULT_MAX_BYTES, DamagedFile, parse_json
from tui.storage.store import SessionStore


class ImportError_(Exception):
    """An import refused, with a message for the user; nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _read(path: Path) -> bytes:
    try:
        size = os.stat(path).st_size
        if size > DEFAULT_MAX_BYTES:
            raise ImportError_(damaged_reason("too_large"))
        with open(path, "rb") as f:
            return f.read(DEFAULT_MAX_BYTES + 1)
    except OSError as exc:
        raise ImportError_(_("cannot read {path}: {reason}", path=str(path),
                             reason=exc.strerror or "")) from None


def parse_export(raw: bytes) -> Session:
    """The session held by an export file (raises ImportError_)."""
    try:
        data: Any = parse_json(raw)
    except DamagedFile as exc:
        raise ImportError_(damaged_reason(exc.reason)) from None
    if not isinstance(data, dict) or data.get("app") != APP or "session" not in data:
        raise ImportError_(_("not a Concerto export file"))
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ImportError_(damaged_reason("newer_schema", str(version)))
    try:
        return Session.model_validate(data["session"])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ImportError_(f"{where}: {describe_error(first, get_language())}") from None


def import_file(store: SessionStore, path: Path) -> Session:
    """Import ``path`` as a new session; return it with its new id."""
    return store.write_new(parse_export(_read(path)))
