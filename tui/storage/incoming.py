"""A session file that came from another computer, taken into the data folder under its lock.

The file is written only by whoever holds the session: a sync takes the lock, and a session
open for writing elsewhere in this process is handed to ``merge_open`` (the app merges it into
what is on screen). A session held by another process is left for the next sync. A damaged
file never replaces a good one: it is set aside as ``<id>-remote.json``, listed as damaged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.storage.atomic import atomic_write_bytes
from tui.storage.lock import SessionLock
from tui.storage.merging import MergeRefused, merge_bytes, session_from_bytes
from tui.storage.paths import session_path
from tui.storage.rawcheck import DamagedFile

if TYPE_CHECKING:
    from tui.storage.store import SessionStore

MergeOpen = Callable[[str, bytes | None, bytes | None], bool]
"""Merge an incoming version into a session this process holds: (id, old, new) -> done."""

SET_ASIDE = "-remote"
"""Suffix of the file a damaged incoming version is kept in, to be seen and never merged."""


def set_aside_if_damaged(store: SessionStore, session_id: str, raw: bytes) -> bool:
    """Keep ``raw`` as ``<id>-remote.json`` when it is not a readable session; True if so."""
    try:
        session_from_bytes(raw, expected_id=session_id, max_bytes=store.max_bytes)
    except DamagedFile:
        aside = store.folder / f"{session_id}{SET_ASIDE}.json"
        atomic_write_bytes(aside, raw, fs=store.fs)
        return True
    return False


def take_incoming(
    store: SessionStore,
    session_id: str,
    old: bytes | None,
    new: bytes | None,
    *,
    merge_open: MergeOpen | None = None,
    ours_by: str = "",
    theirs_by: str = "",
) -> str:
    """Bring the file of ``session_id`` from ``old`` (what this folder had) to ``new``.

    Returns what happened: written, deleted, kept (changed here meanwhile: merged or left),
    held (open in another process), or damaged (``new`` is not a readable session).
    """
    if new is not None and set_aside_if_damaged(store, session_id, new):
        return "damaged"
    lock = SessionLock(store.folder, session_id)
    if not lock.acquire():
        if merge_open is not None and merge_open(session_id, old, new):
            return "written"
        return "held"
    try:
        path = session_path(store.folder, session_id)
        try:
            current: bytes | None = path.read_bytes()
        except FileNotFoundError:
            current = None
        if new is None:
            if current is None:
                return "deleted"
            if current != old:  # deleted there, changed here: nothing is lost
                return "kept"
            store.trash_locked(session_id)
            return "deleted"
        if current is not None and current != old and current != new:
            try:  # saved here since the sync looked: merge again, under the lock
                new = merge_bytes(old, current, new, ours_by=ours_by, theirs_by=theirs_by)
            except MergeRefused:
                return "kept"
        if current != new:
            atomic_write_bytes(path, new, fs=store.fs)
        return "written"
    finally:
        lock.release()


def put_back(store: SessionStore, session_id: str, raw: bytes) -> None:
    """Make an earlier version of a session its current state, as a new change.

    The current file (if any) becomes a backup first; raises StoreError when the session is
    open elsewhere, DamagedFile when ``raw`` is not a readable session.
    """
    from tui.storage.backups import keep_backup
    from tui.storage.codec import session_text
    from tui.storage.store import StoreError

    session = session_from_bytes(raw, expected_id=session_id, max_bytes=store.max_bytes)
    session.updated = store.clock()
    lock = SessionLock(store.folder, session_id)
    if not lock.acquire():
        owner = lock.holder()
        raise StoreError("locked", id=session_id, by=owner.describe() if owner else "?")
    try:
        path = session_path(store.folder, session_id)
        if path.exists():
            keep_backup(store.folder, path, fs=store.fs)
        atomic_write_bytes(path, session_text(session).encode("utf-8"), fs=store.fs)
    finally:
        lock.release()
