"""Rolling backups: the previous file of a session, kept each time it is opened for writing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from tui.storage.atomic import atomic_write_bytes
from tui.storage.paths import backups_dir, ensure_private_dir

if TYPE_CHECKING:
    from tui.storage.store import SessionStore

KEEP = 10


def list_backups(folder: Path, session_id: str) -> list[Path]:
    """Backups of a session, newest first (number 1 is the newest)."""
    where = backups_dir(folder, session_id)
    if not where.is_dir():
        return []
    return sorted(where.glob("*.json"), key=lambda p: p.name, reverse=True)


def keep_backup(folder: Path, path: Path) -> Path | None:
    """Copy ``path`` into the session's backups, keeping the last ten; skip an unchanged copy."""
    session_id = path.stem
    data = path.read_bytes()
    existing = list_backups(folder, session_id)
    if existing and existing[0].read_bytes() == data:
        return existing[0]
    where = ensure_private_dir(backups_dir(folder, session_id))
    st = path.stat()
    name = f"{st.st_mtime_ns:020d}.json"
    target = where / name
    atomic_write_bytes(target, data)
    for old in list_backups(folder, session_id)[KEEP:]:
        os.unlink(old)
    return target


def restore_backup(store: SessionStore, session_id: str, number: int) -> Path:
    """Put backup ``number`` (1 = newest) back; the current file becomes a backup first."""
    from tui.storage.lock import SessionLock
    from tui.storage.store import StoreError

    path = store.path(session_id)
    found = list_backups(store.folder, session_id)
    if not 1 <= number <= len(found):
        raise StoreError("no_backup", id=session_id, n=str(number))
    chosen = found[number - 1].read_bytes()
    lock = SessionLock(store.folder, session_id)
    if not lock.acquire():
        owner = lock.holder()
        raise StoreError("locked", id=session_id, by=owner.describe() if owner else "?")
    try:
        keep_backup(store.folder, path)
        atomic_write_bytes(path, chosen)
    finally:
        lock.release()
    return path
