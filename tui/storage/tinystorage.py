"""The TinyDB storage of a session file: raw bytes checked on read, every write atomic."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.storage.atomic import (
    REAL_FS,
    FileOps,
    ReadOnlyStorageError,
    SaveError,
    atomic_write_bytes,
    make_private_folder,
)
from tui.storage.rawcheck import DEFAULT_MAX_BYTES, load_checked

__all__ = ["AtomicJSONStorage", "dumps_tables"]


def dumps_tables(data: dict[str, Any]) -> str:
    """Serialize a TinyDB tables dict the way the atomic storage writes it."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _json_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_copy(item) for item in value]
    return value


class AtomicJSONStorage(Storage):
    """TinyDB storage that validates raw bytes on read and writes atomically."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        fs: FileOps = REAL_FS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        read_only: bool = False,
    ) -> None:
        """Open path; create=False requires the file to exist already."""
        self.path = Path(path)
        self.fs = fs
        self.max_bytes = max_bytes
        self.read_only = read_only
        self._loaded = False
        self._memory: dict[str, Any] | None = None
        self._pending: bytes | None = None
        self.last_error: SaveError | None = None
        if not create and not self.path.exists():
            raise FileNotFoundError(errno.ENOENT, "no such session file", str(self.path))
        if create and not read_only:
            make_private_folder(self.path.parent)

    @property
    def unsaved(self) -> bool:
        """True while the last write failed and memory is ahead of the file."""
        return self._pending is not None

    def read(self) -> dict[str, dict[str, Any]] | None:
        """Return a copy of the data; the file is parsed and checked only once."""
        data = self.peek()
        return None if data is None else _json_copy(data)

    def peek(self) -> dict[str, Any] | None:
        """Return the in-memory data without copying; callers must not mutate it."""
        if not self._loaded:
            self.reload()
        return self._memory

    def reload(self) -> dict[str, Any] | None:
        """Parse the file again (raises DamagedFile; memory is kept on failure)."""
        if self._pending is not None:
            raise RuntimeError("unsaved changes would be lost by a reload")
        try:
            data = load_checked(self.path, max_bytes=self.max_bytes)
        except FileNotFoundError:
            data = None
        self._memory = data
        self._pending = None
        self._loaded = True
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Serialize data and save it atomically (raises SaveError, keeping data in memory)."""
        self.write_raw(dumps_tables(data), data)

    def write_raw(self, text: str, data: dict[str, Any]) -> None:
        """Save pre-serialized JSON text atomically; data (owned from now on) becomes memory."""
        if self.read_only:
            raise ReadOnlyStorageError(str(self.path))
        raw = text.encode("utf-8")
        self._memory = data
        self._loaded = True
        self._pending = raw
        self._save(raw)

    def flush(self) -> None:
        """Retry the pending save after a failure; no-op when the file is current."""
        if self._pending is not None:
            if self.read_only:
                raise ReadOnlyStorageError(str(self.path))
            self._save(self._pending)

    def _save(self, raw: bytes) -> None:
        try:
            if len(raw) > self.max_bytes:  # it could never be read back
                detail = f"{len(raw)} bytes > {self.max_bytes}"
                raise SaveError(self.path.parent, "too_large", step="size", detail=detail)
            atomic_write_bytes(self.path, raw, fs=self.fs)
        except SaveError as error:
            self.last_error = error
            raise
        self._pending = None
        self.last_error = None

    def close(self) -> None:
        """Nothing to release: no file handle is kept open."""
