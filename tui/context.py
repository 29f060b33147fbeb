"""An open session in the app: the model, its file handle, and what is waiting to be saved."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from tui.model import Session
from tui.model.history import History
from tui.storage.atomic import SaveError
from tui.storage.handle import SessionHandle


class SessionContext:
    """The session being worked on; changes are marked, then saved by one writer."""

    def __init__(self, handle: SessionHandle) -> None:
        """Wrap an open handle (writable, or read-only when held elsewhere)."""
        self.handle = handle
        self.session: Session = handle.session
        self.error: SaveError | None = None
        self._dirty: set[str] = set()
        self._all = False
        self._lock = threading.Lock()
        self.history = History(self.session)
        """Undo and redo of the changes made from the keyboard while the session is open."""

    @property
    def read_only(self) -> bool:
        """True when another process holds the session."""
        return self.handle.read_only

    @property
    def pending(self) -> bool:
        """True while changes wait to be written (or a save failed)."""
        return bool(self._dirty) or self._all or self.handle.unsaved

    def mark(self, tables: Iterable[str] | None = None) -> None:
        """Record that ``tables`` changed (None: anything may have changed)."""
        with self._lock:
            if tables is None:
                self._all = True
            else:
                self._dirty.update(tables)

    def flush(self, *, final: bool = False) -> bool:
        """Write what is pending now; False (and ``error`` set) if the save failed.

        ``final`` (quit, signals, crashes) also finds changes whose message had not been
        handled yet, by comparing the session with the last save.
        """
        if self.read_only:
            return True
        if final:
            self.mark(self.handle.changed_tables(self.session))
        with self._lock:
            tables = None if self._all else set(self._dirty)
            self._dirty.clear()
            self._all = False
        try:
            if tables is None or tables:
                self.handle.save(self.session, tables)
            elif self.handle.unsaved:
                self.handle.retry()
        except SaveError as exc:
            self.error = exc
            return False
        self.error = None
        return True

    def merge_in(self, base: bytes | None, theirs: bytes, *, ours_by: str = "") -> bool:
        """Merge another computer's version of this session into it and save (a sync).

        ``base`` is the version the other one started from; what was typed since is kept.
        False when a side is damaged (nothing changes).
        """
        from tui.storage.codec import session_text
        from tui.storage.merging import MergeRefused, merge_bytes, session_from_bytes

        self.flush(final=True)
        mine = session_text(self.session).encode("utf-8")
        try:
            merged = merge_bytes(base, mine, theirs, ours_by=ours_by)
        except MergeRefused:
            return False
        self.session = session_from_bytes(merged)
        self.history.seen(self.session)
        self.mark(None)
        return self.flush()

    def follow(self) -> bool:
        """For a read-only follower: take the writer's latest save; True if it changed."""
        fresh = self.handle.refresh()
        if fresh is None:
            return False
        self.session = fresh
        return True

    def close(self) -> None:
        """Release the session (call ``flush`` first)."""
        self.handle.close()
