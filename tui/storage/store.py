"""The session store: create, list, open, copy, delete and restore the sessions of a folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import __version__, model
from tui.model.clean import utcnow
from tui.storage.atomic import (
    REAL_FS,
    FileOps,
    SaveError,
    atomic_write_bytes,
    require_inside,
    sweep_temporaries,
)
from tui.storage.listing import (
    INDEX,
    Listing,
    Listings,
    Names,
    damage_detail,
    list_folder,
    session_names,
    summarize,
)
from tui.storage.paths import ensure_private_dir, session_path, trash_dir
from tui.storage.rawcheck import (
    CURRENT_SCHEMA_VERSION,
    DEFAULT_MAX_BYTES,
    DamagedFile,
    load_checked,
)

if TYPE_CHECKING:
    from pydantic_core import ValidationError

    from tui.model import Session
    from tui.storage.handle import SessionHandle
    from tui.storage.lock import Owner, SessionLock

_TMP = ".tmp-"
Paths = list[Path]


class StoreError(Exception):
    """A store operation refused, with a code the interface translates."""

    def __init__(self, code: str, **detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def new_session_id() -> str:
    """A fresh session id (also the file name)."""
    return os.urandom(4).hex()


def read_session(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, expected_id: str = ""
) -> Session:
    """Check, migrate in memory and validate a session file; raises DamagedFile or OSError."""
    tables = load_checked(path, max_bytes=max_bytes)
    return session_from_tables(tables, path=str(path), expected_id=expected_id)


def session_from_tables(
    tables: dict[str, Any], *, path: str = "", expected_id: str = ""
) -> Session:
    """Migrate in memory and validate checked tables; raises DamagedFile."""
    from tui.storage.codec import from_tables
    from tui.storage.migrations import migrate

    try:
        session = from_tables(migrate(tables))
    except _validation_error() as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DamagedFile("invalid", {"at": where, "path": path}) from None
    if expected_id and session.id != expected_id:
        raise DamagedFile("id_mismatch", {"at": session.id, "path": path})
    return session


class SessionStore:
    """The sessions of one data folder."""

    def __init__(
        self,
        folder: Path,
        *,
        clock: Callable[[], Any] = utcnow,
        new_id: Callable[[], str] = new_session_id,
        fs: FileOps = REAL_FS,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        """Use ``folder`` (created 0700 on first write); the keywords are for tests and benches."""
        self.folder = folder
        self.clock = clock
        self.new_id = new_id
        self.fs = fs
        self.max_bytes = max_bytes

    # -- listing ---------------------------------------------------------------------------

    def _names(self) -> Names:
        try:
            return os.listdir(self.folder)
        except (FileNotFoundError, NotADirectoryError):
            return []

    def files(self) -> Paths:
        """Every visible ``*.json`` directly in the folder (sessions or damaged files)."""
        return [self.folder / n for n in session_names(self._names())]

    def list(self) -> Listings:
        """Summaries of every session file, damaged ones with their reason."""
        names = self._names()
        present = set(names)
        self._sweep_leftovers(names, present)
        # Verdicts depend on this build (schema, models) and on the size cap, not only the file.
        key = f"{__version__}/{CURRENT_SCHEMA_VERSION}/{self.max_bytes}"
        found = list_folder(self.folder, names, key, self._summarize_file, fs=self.fs)
        for listing in found:
            listing.locked_by = self._holder(listing.id, present)
        return found

    def _summarize_file(self, path: Path, session_id: str | None = None) -> Listing:
        stem = session_id or path.stem
        try:
            session = read_session(path, max_bytes=self.max_bytes, expected_id=stem)
        except DamagedFile as exc:
            return Listing(id=stem, file=path.name, damaged=exc.reason, detail=damage_detail(exc))
        except OSError as exc:
            return Listing(id=stem, file=path.name, damaged="unreadable", detail=exc.strerror or "")
        return summarize(stem, path.name, session)

    def _holder(self, session_id: str, present: set[str]) -> str | None:
        if f".{session_id}.owner" not in present or not model.is_valid_id(session_id):
            return None
        lock = _lock(self.folder, session_id)
        try:
            if lock.is_free():
                return None
        except OSError:  # cannot be probed: the listing still shows the session
            return None
        owner = lock.holder()
        return owner.describe() if owner else "?"

    def _sweep_leftovers(self, names: Names, present: set[str]) -> None:
        """Remove old temporaries of dead writers, only for sessions nobody holds."""
        ids = {
            n[1:].partition(_TMP)[0].rpartition(".")[0]
            for n in names
            if _TMP in n and not n.startswith(INDEX)
        }
        for session_id in sorted(i for i in ids if model.is_valid_id(i)):
            # No lock file: nobody holds the session (and probing would create one).
            held = f".{session_id}.lock" in present
            if not held or _lock(self.folder, session_id).is_free():
                sweep_temporaries(self.folder, session_id, holder=False)

    # -- creating and opening ----------------------------------------------------------------

    def _fresh_id(self) -> str:
        for _ in range(100):
            candidate = self.new_id()
            if not session_path(self.folder, candidate).exists():
                return candidate
        raise StoreError("no_free_id")

    def write_new(self, session: Session) -> Session:
        """Write a session that has no file yet, under a fresh id; return it."""
        from tui.storage.codec import session_text

        session = session.model_copy(update={"id": self._fresh_id()}, deep=True)
        session = model.Session.model_validate(session.model_dump())
        ensure_private_dir(self.folder)
        path = session_path(self.folder, session.id)
        atomic_write_bytes(path, session_text(session).encode("utf-8"), fs=self.fs)
        return session

    def create(self, title: str, minutes_lang: str = "fr") -> Session:
        """Create and write an empty session."""
        now = self.clock()
        meeting = model.Meeting(title=title, minutes_lang=minutes_lang)  # type: ignore[arg-type]
        return self.write_new(model.Session(id="new", created=now, updated=now, meeting=meeting))

    def path(self, session_id: str) -> Path:
        """The file of a session, refusing ids that are not ours."""
        if not model.is_valid_id(session_id):
            raise StoreError("bad_id", id=session_id)
        path = session_path(self.folder, session_id)
        if not path.exists():
            raise StoreError("not_found", id=session_id)
        return path

    def open(self, session_id: str, *, write: bool = True) -> SessionHandle:
        """Open a session for writing, or read-only when held elsewhere (raises DamagedFile)."""
        path = self.path(session_id)
        lock = _lock(self.folder, session_id) if write else None
        holder = None
        if lock is not None and not lock.acquire():
            holder = lock.holder()
            lock = None
        try:
            return self._open_checked(path, lock, holder)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def _open_checked(
        self, path: Path, lock: SessionLock | None, holder: Owner | None
    ) -> SessionHandle:
        from tui.storage.handle import SessionHandle
        from tui.storage.migrations import migrate_file

        session_id = path.stem
        read_session(path, max_bytes=self.max_bytes, expected_id=session_id)  # touches nothing
        backup_error = None
        if lock is not None:
            sweep_temporaries(self.folder, session_id, holder=True)
            backup_error = self._backup(path)
            migrate_file(path, fs=self.fs, max_bytes=self.max_bytes)
        try:
            handle = SessionHandle(
                path, lock=lock, holder=holder, clock=self.clock, fs=self.fs,
                max_bytes=self.max_bytes,
            )  # fmt: skip
        except _validation_error() as exc:  # the file changed since it was checked
            where = ".".join(str(p) for p in exc.errors()[0]["loc"])
            raise DamagedFile("invalid", {"at": where}) from None
        handle.backup_error = backup_error
        return handle

    def _backup(self, path: Path) -> SaveError | None:
        # A backup that cannot be written must not keep the facilitator out of the session.
        from tui.storage.backups import keep_backup

        try:
            keep_backup(self.folder, path, fs=self.fs)
        except SaveError as error:
            return error
        except OSError as exc:  # e.g. the backups folder could not be made
            return SaveError(self.folder, "other", errno_value=exc.errno, step="backup")
        return None

    def load(self, session_id: str) -> Session:
        """Read a session without locking it (for export and copy); raises DamagedFile."""
        return read_session(self.path(session_id), max_bytes=self.max_bytes, expected_id=session_id)

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
        self.path(session_id)  # refuses a bad id or a missing session
        lock = _lock(self.folder, session_id)
        if not lock.acquire():
            owner = lock.holder()
            raise StoreError("locked", id=session_id, by=owner.describe() if owner else "?")
        try:
            return self.trash_locked(session_id)
        finally:
            lock.release()

    def trash_locked(self, session_id: str) -> Path:
        """Move a session to the trash; the caller holds its lock."""
        path = session_path(self.folder, session_id)
        trash = ensure_private_dir(require_inside(trash_dir(self.folder), self.folder, "trash"))
        target = trash / path.name
        if target.exists():
            stamp = self.clock().strftime("%Y%m%dT%H%M%S")
            target = trash / f"{session_id}--{stamp}.json"
        os.replace(path, target)
        _fsync_dir(self.folder)
        return target

    def trash(self) -> Listings:
        """What the trash holds, newest first."""
        folder = require_inside(trash_dir(self.folder), self.folder, "trash")
        if not folder.is_dir():
            return []
        items = sorted(folder.glob("*.json"), key=lambda p: p.lstat().st_mtime_ns, reverse=True)
        return [self._summarize_file(p, p.stem.split("--")[0]) for p in items]

    def restore(self, session_id: str) -> Path:
        """Bring the newest trashed copy of a session back (never over an existing file)."""
        if not model.is_valid_id(session_id):
            raise StoreError("bad_id", id=session_id)
        target = session_path(self.folder, session_id)
        if target.exists():
            raise StoreError("exists", id=session_id)
        folder = require_inside(trash_dir(self.folder), self.folder, "trash")
        candidates = [p for p in folder.glob("*.json") if p.stem.split("--")[0] == session_id]
        if not candidates:
            raise StoreError("not_in_trash", id=session_id)
        newest = max(candidates, key=lambda p: p.lstat().st_mtime_ns)
        try:
            os.link(newest, target)  # fails if the target appeared meanwhile: never overwrites
        except FileExistsError:
            raise StoreError("exists", id=session_id) from None
        except OSError:  # no hard links on this file system
            os.replace(newest, target)
        else:
            os.unlink(newest)
        _fsync_dir(self.folder)
        _fsync_dir(folder)
        return target


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _lock(folder: Path, session_id: str) -> SessionLock:
    """The lock of one session (filelock is loaded only when a lock is needed)."""
    from tui.storage.lock import SessionLock

    return SessionLock(folder, session_id)


def _validation_error() -> type[ValidationError]:
    """pydantic's error class, imported when a session is read (not at start-up)."""
    from pydantic_core import ValidationError

    return ValidationError
