"""One writer per session: a flock on `.<id>.lock`, with who holds it in `.<id>.owner`."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from filelock import FileLock, Timeout

from tui import __version__
from tui.storage.atomic import SaveError, atomic_write_bytes
from tui.storage.errors import StoreError

__all__ = ["Owner", "SessionLock", "SessionLockedError", "lock_path", "owner_path"]

_OWNER_MAX_BYTES = 64 * 1024
# Sessions this process holds, by lock path: a second SessionLock in the same process is
# refused like one in another process, so there is only ever one writer per session.
_HELD: set[str] = set()
_HELD_GUARD = threading.Lock()


def lock_path(folder: Path, session_id: str) -> Path:
    """Return the lock file of a session."""
    return Path(folder) / f".{session_id}.lock"


def owner_path(folder: Path, session_id: str) -> Path:
    """Return the owner file of a session."""
    return Path(folder) / f".{session_id}.owner"


def _check_id(session_id: str) -> None:
    if (
        not session_id
        or session_id.startswith(".")
        or any(sep in session_id for sep in ("/", "\\", "\0"))
    ):
        raise ValueError(f"invalid session id: {session_id!r}")


def _text(value: Any) -> str | None:
    return value[:200] if isinstance(value, str) else None


@dataclass(frozen=True)
class Owner:
    """Who holds a session's lock, as recorded in its owner file (unknown fields are None)."""

    user: str | None = None
    host: str | None = None
    pid: int | None = None
    started: str | None = None
    version: str | None = None

    @property
    def same_host(self) -> bool:
        """True when the holder runs on this machine."""
        return self.host is not None and self.host == socket.gethostname()

    @classmethod
    def current(cls) -> Owner:
        """Describe this process."""
        try:
            user: str | None = getpass.getuser()
        except (KeyError, OSError):
            user = None
        return cls(
            user=user,
            host=socket.gethostname(),
            pid=os.getpid(),
            started=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            version=__version__,
        )

    @classmethod
    def from_bytes(cls, raw: bytes) -> Owner:
        """Parse an owner file, tolerating garbage."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        pid = data.get("pid")
        return cls(
            user=_text(data.get("user")),
            host=_text(data.get("host")),
            pid=pid if isinstance(pid, int) and not isinstance(pid, bool) and pid > 0 else None,
            started=_text(data.get("started")),
            version=_text(data.get("version")),
        )

    def describe(self) -> str:
        """Return 'user@host (pid N)' with '?' for unknown parts."""
        return f"{self.user or '?'}@{self.host or '?'} (pid {self.pid or '?'})"

    def to_bytes(self) -> bytes:
        """Serialize for the owner file."""
        return json.dumps(asdict(self), ensure_ascii=False).encode("utf-8")


class SessionLockedError(Exception):
    """The session is held by another writer."""

    def __init__(self, session_id: str, owner: Owner | None) -> None:
        self.session_id = session_id
        self.owner = owner
        super().__init__(f"session {session_id} is locked by {owner}")


class SessionLock:
    """Non-blocking exclusive lock on one session, released by the kernel if the holder dies."""

    def __init__(self, folder: str | os.PathLike[str], session_id: str) -> None:
        """Prepare the lock for session_id in folder; nothing is touched until acquire()."""
        _check_id(session_id)
        self.folder = Path(folder)
        self.session_id = session_id
        self.lock_file = lock_path(self.folder, session_id)
        self.owner_file = owner_path(self.folder, session_id)
        self._key = os.path.realpath(self.lock_file)
        self._lock = FileLock(
            self.lock_file, timeout=0, mode=0o600, thread_local=False, is_singleton=True
        )
        self._held = False
        self.owner_error: SaveError | None = None

    @property
    def held(self) -> bool:
        """True while this instance holds the lock."""
        return self._held

    def _link(self) -> Path | None:
        """The lock or owner file when it is a link (Concerto makes neither as one), else None."""
        for path in (self.lock_file, self.owner_file):
            if os.path.islink(path):
                return path
        return None

    def acquire(self) -> bool:
        """Try once to take the lock; on success record this process as the owner.

        A lock or owner file that is a link is never opened: the store's
        StoreError("lock_link") is raised instead, which every caller translates.
        """
        if self._held:
            return True
        link = self._link()
        if link is not None:
            raise StoreError("lock_link", id=self.session_id, file=link.name)
        with _HELD_GUARD:
            if self._key in _HELD:
                return False
            try:
                self._lock.acquire(blocking=False)
            except Timeout:
                return False
            _HELD.add(self._key)
        self._held = True
        self._write_owner()
        return True

    def is_free(self) -> bool:
        """Probe whether nobody holds the lock, without taking it or touching the owner file.

        A lock file that is a link is never opened, so nobody can hold it: True.
        """
        if self._held:
            return False
        if os.path.islink(self.lock_file):
            return True
        with _HELD_GUARD:
            if self._key in _HELD:
                return False
            try:
                self._lock.acquire(blocking=False)
            except Timeout:
                return False
            self._lock.release()
        return True

    def _write_owner(self) -> None:
        # The owner file only informs others; failing to write it must not cost the lock.
        try:
            atomic_write_bytes(self.owner_file, Owner.current().to_bytes())
            self.owner_error = None
        except SaveError as error:
            self.owner_error = error
            with contextlib.suppress(OSError):
                self.owner_file.unlink()  # never leave a previous holder's stale record

    def release(self) -> None:
        """Remove the owner file, then release the lock; no-op if not held."""
        if not self._held:
            return
        try:
            with contextlib.suppress(FileNotFoundError):
                self.owner_file.unlink()
        finally:
            with _HELD_GUARD:
                try:
                    self._lock.release()
                finally:
                    _HELD.discard(self._key)
                    self._held = False

    def holder(self) -> Owner | None:
        """Read who holds the lock; None without an owner file, unknown when it is a link."""
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        flags |= getattr(os, "O_NOFOLLOW", 0)  # a link is never read (ELOOP: unknown holder)
        try:
            fd = os.open(self.owner_file, flags)
        except FileNotFoundError:
            return None
        except OSError:
            return Owner()
        try:
            raw = os.read(fd, _OWNER_MAX_BYTES + 1)
        except OSError:
            return Owner()
        finally:
            os.close(fd)
        if len(raw) > _OWNER_MAX_BYTES:
            return Owner()
        return Owner.from_bytes(raw)

    def __del__(self) -> None:
        """Release a lock that was dropped while held, so this process can take it again."""
        if getattr(self, "_held", False):
            with contextlib.suppress(Exception):
                self.release()

    def __enter__(self) -> SessionLock:
        """Acquire or raise SessionLockedError naming the holder."""
        if not self.acquire():
            raise SessionLockedError(self.session_id, self.holder())
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Release the lock."""
        self.release()
