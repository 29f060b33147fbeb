"""Rolling backups: the previous file of a session, kept each time it is opened for writing."""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from tui.storage.atomic import (
    REAL_FS,
    FileOps,
    SaveError,
    atomic_write_bytes,
    inside_folder,
    require_inside,
    resolve_in_folder,
)
from tui.storage.errors import StoreError
from tui.storage.lock import SessionLock
from tui.storage.paths import backups_dir, ensure_private_dir

KEEP = 10
"""How many backups of each session are kept."""


@dataclass(frozen=True)
class Backup:
    """One backup of a session: its number (1 = newest), file, size and the time it was saved."""

    n: int
    path: Path
    size: int
    saved_ns: int


def list_backups(folder: Path, session_id: str) -> list[Path]:
    """Backups of a session, newest first (number 1 is the newest)."""
    where = backups_dir(folder, session_id)
    if not where.is_dir() or not inside_folder(where, folder):  # never read through a link out
        return []
    names = [n for n in os.listdir(where) if n.endswith(".json") and not n.startswith(".")]
    return [where / n for n in sorted(names, reverse=True)]


def describe_backups(folder: Path, session_id: str) -> list[Backup]:
    """Backups of a session with their number, size and saving time, newest first."""
    found = []
    for n, path in enumerate(list_backups(folder, session_id), start=1):
        with contextlib.suppress(OSError):
            found.append(Backup(n, path, path.stat().st_size, _saved_ns(path)))
    return found


def _saved_ns(path: Path) -> int:
    head = path.name.partition("-")[0]
    return int(head) if head.isdigit() else 0


def keep_backup(folder: Path, path: Path, *, fs: FileOps = REAL_FS) -> Path | None:
    """Copy ``path`` into the session's backups, keeping the last ten; skip an unchanged copy.

    A session file or a backups folder that is a link leading out of the data folder is never
    read nor written: SaveError("link_outside").
    """
    session_id = path.stem
    source = resolve_in_folder(path)
    if source is None:
        raise SaveError(folder, "link_outside", step="backup", detail=str(path))
    wanted = require_inside(backups_dir(folder, session_id), folder, "backup")
    data = source.read_bytes()
    existing = list_backups(folder, session_id)
    if existing and existing[0].read_bytes() == data:
        return existing[0]
    where = ensure_private_dir(wanted)
    # Named by the file's own mtime so that the newest version sorts first; the digest keeps
    # two versions written within one clock tick apart.
    saved = max(path.stat().st_mtime_ns, _saved_ns(existing[0]) + 1 if existing else 0)
    target = where / f"{saved:020d}-{hashlib.sha256(data).hexdigest()[:12]}.json"
    atomic_write_bytes(target, data, fs=fs)
    for old in list_backups(folder, session_id)[KEEP:]:
        os.unlink(old)
    return target


def restore_backup(
    folder: Path, path: Path, session_id: str, number: int, *, fs: FileOps = REAL_FS
) -> Path:
    """Put backup ``number`` (1 = newest) of the session file ``path`` back.

    The current file becomes a backup first.
    """
    found = list_backups(folder, session_id)
    if not 1 <= number <= len(found):
        raise StoreError("no_backup", id=session_id, n=str(number))
    lock = SessionLock(folder, session_id)
    if not lock.acquire():
        owner = lock.holder()
        raise StoreError("locked", id=session_id, by=owner.describe() if owner else "?")
    try:
        chosen = found[number - 1].read_bytes()
        keep_backup(folder, path, fs=fs)  # never overwrite: current becomes a backup
        atomic_write_bytes(path, chosen, fs=fs)
    finally:
        lock.release()
    return path
