"""The session store: create, list, open, copy, delete and restore the sessions of a folder."""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tui.model import SCHEMA_VERSION, STEPS, Meeting, Session, progress, utcnow
from tui.storage.atomic import atomic_write_bytes
from tui.storage.codec import TABLES, assemble, dumps_table, table_of
from tui.storage.handle import SessionHandle
from tui.storage.lock import SessionLock
from tui.storage.paths import ensure_private_dir, session_path, trash_dir
from tui.storage.rawcheck import DamagedFile, load_checked

INDEX = ".index.json"
"""Cache of the listing, keyed by each file's inode, mtime and size."""


class StoreError(Exception):
    """A store operation refused, with a code the interface translates."""

    def __init__(self, code: str, **detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def new_session_id() -> str:
    """A fresh session id (also the file name)."""
    return secrets.token_hex(4)


@dataclass
class Listing:
    """One line of the home screen: a session's summary, or why its file is damaged."""

    id: str
    file: str
    title: str = ""
    collective: str = ""
    date: str | None = None
    minutes_lang: str = ""
    screen: str = ""
    progress: float = 0.0
    updated: str | None = None
    follows: str | None = None
    damaged: str | None = None
    """Reason code when the file cannot be opened (and is never written)."""
    detail: str = ""
    locked_by: str | None = None
    """``user@host (pid N)`` of the process holding the session, if any."""

    def to_json(self) -> dict[str, Any]:
        """The object ``concerto list --json`` prints."""
        return asdict(self)


def summarize(session_id: str, file: str, session: Session) -> Listing:
    """The listing of a valid session."""
    shares = progress(session)
    overall = sum(v or 0.0 for v in shares.values()) / len(STEPS)
    m = session.meeting
    return Listing(
        id=session_id,
        file=file,
        title=m.title,
        collective=m.collective,
        date=m.date.isoformat() if m.date else None,
        minutes_lang=m.minutes_lang,
        screen=session.progress.screen,
        progress=round(overall, 4),
        updated=session.updated.isoformat(),
        follows=m.follows,
    )


class SessionStore:
    """The sessions of one data folder."""

    def __init__(
        self,
        folder: Path,
        *,
        clock: Callable[[], Any] = utcnow,
        new_id: Callable[[], str] = new_session_id,
    ) -> None:
        """Use ``folder`` (created 0700 on first write); ``clock`` and ``new_id`` for tests."""
        self.folder = folder
        self.clock = clock
        self.new_id = new_id

    # -- listing ---------------------------------------------------------------------------

    def files(self) -> list[Path]:
        """Every visible ``*.json`` directly in the folder (sessions or damaged files)."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.glob("*.json") if not p.name.startswith("."))

    def _read_index(self) -> dict[str, Any]:
        try:
            data = json.loads((self.folder / INDEX).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def list(self) -> list[Listing]:
        """Summaries of every session file, damaged ones with their reason."""
        index = self._read_index()
        fresh: dict[str, Any] = {}
        found: list[Listing] = []
        for path in self.files():
            try:
                st = path.stat()
            except OSError:
                continue
            stamp = [st.st_ino, st.st_mtime_ns, st.st_size]
            cached = index.get(path.name)
            if isinstance(cached, dict) and cached.get("stamp") == stamp:
                try:
                    listing = Listing(**cached["listing"])
                except (TypeError, KeyError):
                    listing = self._summarize_file(path)
            else:
                listing = self._summarize_file(path)
            fresh[path.name] = {"stamp": stamp, "listing": listing.to_json()}
            listing.locked_by = self._holder(listing.id)
            found.append(listing)
        if fresh != index and self.folder.is_dir():
            self._write_index(fresh)
        return found

    def _write_index(self, index: dict[str, Any]) -> None:
        try:
            data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
            atomic_write_bytes(self.folder / INDEX, data.encode("utf-8"))
        except Exception:  # the index is a cache: never fail a listing for it
            pass

    def _summarize_file(self, path: Path) -> Listing:
        stem = path.stem
        try:
            handle_free = load_checked(path)
            from tui.storage.codec import from_tables

            session = from_tables(handle_free)
        except DamagedFile as exc:
            return Listing(id=stem, file=path.name, damaged=exc.reason, detail=_detail(exc))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            return Listing(id=stem, file=path.name, damaged="invalid", detail=where)
        except OSError as exc:
            return Listing(id=stem, file=path.name, damaged="unreadable", detail=exc.strerror or "")
        if session.id != stem:
            return Listing(id=stem, file=path.name, damaged="id_mismatch", detail=session.id)
        return summarize(stem, path.name, session)

    def _holder(self, session_id: str) -> str | None:
        if not (self.folder / f".{session_id}.owner").exists():
            return None
        lock = SessionLock(self.folder, session_id)
        if lock.is_free():
            return None
        owner = lock.holder()
        return owner.describe() if owner else "?"

    # -- creating and opening ----------------------------------------------------------------

    def _fresh_id(self) -> str:
        for _ in range(100):
            candidate = self.new_id()
            if not session_path(self.folder, candidate).exists():
                return candidate
        raise StoreError("no_free_id")

    def write_new(self, session: Session) -> Session:
        """Write a session that has no file yet, under a fresh id; return it."""
        session = session.model_copy(update={"id": self._fresh_id()}, deep=True)
        session = Session.model_validate(session.model_dump())
        ensure_private_dir(self.folder)
        fragments = {name: dumps_table(table_of(session, name)) for name in TABLES}
        path = session_path(self.folder, session.id)
        atomic_write_bytes(path, assemble(fragments).encode("utf-8"))
        return session

    def create(self, title: str, minutes_lang: str = "fr") -> Session:
        """Create and write an empty session."""
        now = self.clock()
        meeting = Meeting(title=title, minutes_lang=minutes_lang)  # type: ignore[arg-type]
        return self.write_new(Session(id="new", created=now, updated=now, meeting=meeting))

    def path(self, session_id: str) -> Path:
        """The file of a session, refusing ids that are not ours."""
        from tui.model import is_valid_id

        if not is_valid_id(session_id):
            raise StoreError("bad_id", id=session_id)
        path = session_path(self.folder, session_id)
        if not path.exists():
            raise StoreError("not_found", id=session_id)
        return path

    def open(self, session_id: str, *, write: bool = True) -> SessionHandle:
        """Open a session for writing, or read-only when another process holds it."""
        path = self.path(session_id)
        lock = SessionLock(self.folder, session_id) if write else None
        holder = None
        if lock is not None and not lock.acquire():
            holder = lock.holder()
            lock = None
        try:
            if lock is not None:
                self._migrate_and_backup(path)
            return SessionHandle(path, lock=lock, holder=holder, clock=self.clock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def _migrate_and_backup(self, path: Path) -> None:
        from tui.storage.backups import keep_backup
        from tui.storage.migrations import migrate_file

        migrate_file(path, SCHEMA_VERSION)
        keep_backup(self.folder, path)

    def load(self, session_id: str) -> Session:
        """Read a session without locking it (for listing, export and copy)."""
        from tui.storage.codec import from_tables

        path = self.path(session_id)
        data = load_checked(path)
        return from_tables(data)

    def copy(self, session_id: str, title: str | None = None) -> Session:
        """A new session with the same content under a new id."""
        source = self.load(session_id)
        now = self.clock()
        update: dict[str, Any] = {"created": now, "updated": now}
        if title:
            update["meeting"] = source.meeting.model_copy(update={"title": title})
        return self.write_new(source.model_copy(update=update, deep=True))

    # -- deleting and restoring -----------------------------------------------------------

    def delete(self, session_id: str) -> Path:
        """Move a session to the trash (refused while another process holds it)."""
        path = self.path(session_id)
        lock = SessionLock(self.folder, session_id)
        if not lock.acquire():
            owner = lock.holder()
            raise StoreError("locked", id=session_id, by=owner.describe() if owner else "?")
        try:
            trash = ensure_private_dir(trash_dir(self.folder))
            target = trash / path.name
            if target.exists():
                stamp = self.clock().strftime("%Y%m%dT%H%M%S")
                target = trash / f"{session_id}--{stamp}.json"
            os.replace(path, target)
            _fsync_dir(self.folder)
            return target
        finally:
            lock.release()

    def trash(self) -> list[Listing]:
        """What the trash holds, newest first."""
        folder = trash_dir(self.folder)
        if not folder.is_dir():
            return []
        items = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        found = []
        for p in items:
            listing = self._summarize_file(p)
            listing.id = p.stem.split("--")[0]
            found.append(listing)
        return found

    def restore(self, session_id: str) -> Path:
        """Bring the newest trashed copy of a session back (never over an existing file)."""
        from tui.model import is_valid_id

        if not is_valid_id(session_id):
            raise StoreError("bad_id", id=session_id)
        target = session_path(self.folder, session_id)
        if target.exists():
            raise StoreError("exists", id=session_id)
        folder = trash_dir(self.folder)
        candidates = [p for p in folder.glob("*.json") if p.stem.split("--")[0] == session_id]
        if not candidates:
            raise StoreError("not_in_trash", id=session_id)
        newest = max(candidates, key=lambda p: p.stat().st_mtime_ns)
        shutil.move(str(newest), target)
        _fsync_dir(self.folder)
        return target


def _detail(exc: DamagedFile) -> str:
    """The one value a reason names (a version, a line), as text."""
    d = exc.detail
    if exc.reason == "newer_schema":
        return str(d.get("version", "?"))
    if exc.reason == "syntax":
        return f"{d.get('line', '?')}:{d.get('column', '?')}"
    return ""


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
