"""An open session: one writer saving atomically, or a read-only follower."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from tui.model import Session, utcnow
from tui.storage.atomic import AtomicJSONStorage, ReadOnlyStorageError
from tui.storage.codec import TABLES, assemble, dumps_table, from_tables, table_of
from tui.storage.lock import Owner, SessionLock


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
    ) -> None:
        """Open ``path`` through TinyDB; without ``lock`` the session is read-only."""
        self.path = path
        self.lock = lock
        self.holder = holder
        self.clock = clock
        self._mutex = threading.Lock()
        self.db = TinyDB(path, storage=AtomicJSONStorage, create=False, read_only=lock is None)
        self.storage: AtomicJSONStorage = self.db.storage  # type: ignore[assignment]
        self._stamp = _stamp(path)
        self.session = self._load()
        self._fragments = {name: dumps_table(self._tables[name]) for name in TABLES}

    @property
    def read_only(self) -> bool:
        """True when another process holds the session."""
        return self.lock is None

    @property
    def unsaved(self) -> bool:
        """True while the last save failed and memory is ahead of the file."""
        return self.storage.unsaved

    def _load(self) -> Session:
        names = set(self.db.tables()) | {"meta"}
        self._tables = {name: {str(d.doc_id): dict(d) for d in self.db.table(name).all()} for name in names}
        self._tables.update({name: {} for name in TABLES if name not in self._tables})
        return from_tables(self._tables)

    def save(self, session: Session, tables: Iterable[str] | None = None) -> None:
        """Write ``session`` (re-serializing only ``tables`` when given); raises SaveError."""
        if self.read_only:
            raise ReadOnlyStorageError(str(self.path))
        with self._mutex:
            session.updated = self.clock()
            names = TABLES if tables is None else ("meta", *tables)
            for name in names:
                self._tables[name] = table_of(session, name)
                self._fragments[name] = dumps_table(self._tables[name])
            self.session = session
            self.storage.write_raw(assemble(self._fragments), dict(self._tables))
            self._stamp = _stamp(self.path)

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
