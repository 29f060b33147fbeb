"""An open session: one writer saving atomically, or a read-only follower."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from tui.model import SCHEMA_VERSION, Session, utcnow
from tui.storage.atomic import REAL_FS, FileOps, ReadOnlyStorageError, SaveError
from tui.storage.codec import TABLES, assemble, dumps_table, encode_table, from_tables, table_of
from tui.storage.lock import Owner, SessionLock
from tui.storage.migrations import migrate
from tui.storage.rawcheck import DEFAULT_MAX_BYTES
from tui.storage.tinystorage import AtomicJSONStorage


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class SessionHandle:
    """A session opened from its file; saves are one atomic write per logical change."""

    def __init__(
        self,
        path: Path,
        *,
        lock: SessionLock | None,
        holder: Owner | None = None,
        clock: Callable[[], Any] = utcnow,
        fs: FileOps = REAL_FS,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        """Open ``path`` through TinyDB; without ``lock`` the session is read-only."""
        self.path = path
        self.lock = lock
        self.holder = holder
        self.clock = clock
        self.backup_error: SaveError | None = None
        """Set when the rolling backup taken at open could not be written."""
        self._mutex = threading.Lock()
        self.db = TinyDB(
            path,
            storage=AtomicJSONStorage,
            create=False,
            read_only=lock is None,
            fs=fs,
            max_bytes=max_bytes,
        )
        self.storage: AtomicJSONStorage = self.db.storage  # type: ignore[assignment]
        self._stamp = _stamp(path)
        self.session = self._load()
        self._fragments = {name: dumps_table(table) for name, table in self._tables.items()}

    @property
    def read_only(self) -> bool:
        """True when another process holds the session."""
        return self.lock is None

    @property
    def unsaved(self) -> bool:
        """True while the last save failed and memory is ahead of the file."""
        return self.storage.unsaved

    def _load(self) -> Session:
        # Straight from the storage's memory: TinyDB's table.all() deep-copies the whole
        # database once per table, which made opening 5,000 records take half a second.
        memory = self.storage.peek() or {}
        tables = {name: dict(table) for name, table in memory.items()}
        tables.setdefault("meta", {})
        # A follower may read a file older than this build: it migrates in memory only.
        tables = migrate(tables, SCHEMA_VERSION)
        tables.update({name: {} for name in TABLES if name not in tables})
        session = from_tables(tables)
        self._tables = tables
        return session

    def save(self, session: Session, tables: Iterable[str] | None = None) -> None:
        """Write ``session`` (re-serializing only ``tables`` when given); raises SaveError."""
        if self.read_only:
            raise ReadOnlyStorageError(str(self.path))
        with self._mutex:
            session.updated = self.clock()
            names = TABLES if tables is None else dict.fromkeys(("meta", *tables))
            for name in names:
                self._tables[name], self._fragments[name] = encode_table(session, name)
            self.session = session
            # On failure the storage keeps this text pending and the data as its memory.
            self.storage.write_raw(assemble(self._fragments), dict(self._tables))
            self._stamp = _stamp(self.path)

    def changed_tables(self, session: Session) -> list[str]:
        """Tables whose content differs from the last save (a change nobody marked yet)."""
        return [n for n in TABLES if n != "meta" and table_of(session, n) != self._tables.get(n)]

    def retry(self) -> None:
        """Write again what a failed save kept in memory (raises SaveError)."""
        with self._mutex:
            self.storage.flush()
            self._stamp = _stamp(self.path)

    def changed_on_disk(self) -> bool:
        """True when another process replaced the file since we last read or wrote it."""
        return _stamp(self.path) != self._stamp

    def refresh(self) -> Session | None:
        """Follow the writer: reload when the file changed; None if unchanged or not valid."""
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._stamp:
            return None
        self._stamp = stamp
        previous = self._tables
        try:
            self.storage.reload()
            self.db.clear_cache()
            self.session = self._load()
        except Exception:  # a half-written or damaged file: keep the last good version
            self._tables = previous
            return None
        return self.session

    def close(self) -> None:
        """Release the lock (a read-only handle has none)."""
        self.db.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
