"""Importing a session from the JSON exchange format, under a new id."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tui.i18n import _, get_language
from tui.i18n.errors import describe_error
from tui.model import SCHEMA_VERSION, Session
from tui.storage.codec import APP
from tui.storage.messages import damaged_reason
from tui.storage.migrations import upgrade_export
from tui.storage.rawcheck import DEFAULT_MAX_BYTES, DamagedFile, parse_json
from tui.storage.store import SessionStore


class ImportError_(Exception):
    """An import refused, with a message for the user; nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: a FIFO must not hang the command
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise ImportError_(damaged_reason("not_file"))
            if info.st_size > max_bytes:  # checked before reading
                raise ImportError_(damaged_reason("too_large"))
            chunks = []
            remaining = max_bytes + 1
            while remaining > 0 and (chunk := os.read(fd, min(remaining, 1 << 20))):
                chunks.append(chunk)
                remaining -= len(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        raise ImportError_(
            _("cannot read {path}: {reason}", path=str(path), reason=exc.strerror or "")
        ) from None
    raw = b"".join(chunks)
    if len(raw) > max_bytes:
        raise ImportError_(damaged_reason("too_large"))
    return raw


def parse_export(raw: bytes) -> Session:
    """The session held by an export file (raises ImportError_)."""
    try:
        data: Any = parse_json(raw)
    except DamagedFile as exc:
        raise ImportError_(damaged_reason(exc.reason)) from None
    if not isinstance(data, dict) or data.get("app") != APP or "session" not in data:
        raise ImportError_(_("not a Concerto export file"))
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportError_(_("not a Concerto export file"))
    if version > SCHEMA_VERSION:
        raise ImportError_(damaged_reason("newer_schema", str(version)))
    session = upgrade_export(data["session"], version)
    try:
        return Session.model_validate(session)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ImportError_(f"{where}: {describe_error(first, get_language())}") from None


def import_file(store: SessionStore, path: Path) -> Session:
    """Import ``path`` as a new session; return it with its new id."""
    return store.write_new(parse_export(_read(path, store.max_bytes)))
