"""Crash-safe file writes and the atomic TinyDB storage built on them."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import time
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.storage.rawcheck import DEFAULT_MAX_BYTES, load_checked

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    _FULLFSYNC: int | None = None
else:
    _FULLFSYNC = getattr(fcntl, "F_FULLFSYNC", None)

__all__ = [
    "REAL_FS",
    "SAVE_ERROR_CODES",
    "AtomicJSONStorage",
    "FileOps",
    "ReadOnlyStorageError",
    "SaveError",
    "atomic_write_bytes",
    "dumps_tables",
    "sweep_temporaries",
    "temp_prefix",
]

SAVE_ERROR_CODES: tuple[str, ...] = (
    "no_space",
    "read_only",
    "permission",
    "io",
    "too_large",
    "other",
)

# An orphaned temporary file is swept by a non-holder only after this many seconds.
ORPHAN_AGE_SECONDS = 3600.0

_ERRNO_CODES: dict[int, str] = {
    errno.ENOSPC: "no_space",
    errno.EDQUOT: "no_space",
    errno.EFBIG: "no_space",
    errno.EROFS: "read_only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EIO: "io",
}

# Errors a folder fsync returns on filesystems that cannot sync a directory at all.
_DIR_FSYNC_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP})
_FULLFSYNC_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOTTY})


class SaveError(Exception):
    """A save failed; the previous file is intact and the caller keeps its data."""

    def __init__(
        self,
        folder: Path,
        code: str,
        *,
        errno_value: int | None = None,
        step: str = "",
        detail: str = "",
    ) -> None:
        self.folder = folder
        self.code = code
        self.errno = errno_value
        self.step = step
        self.detail = detail
        text = f"could not save in {folder}: {code}"
        if step:
            text += f" during {step}"
        if detail:
            text += f" ({detail})"
        super().__init__(text)


class ReadOnlyStorageError(RuntimeError):
    """A write was attempted on a storage opened read-only."""


class FileOps:
    """The file-system calls of an atomic write; tests subclass it to inject faults."""

    def open(self, path: str) -> int:
        """Create a new private file exclusively and return its descriptor."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        flags |= getattr(os, "O_NOFOLLOW", 0)
        return os.open(path, flags, 0o600)

    def write(self, fd: int, data: bytes) -> None:
        """Write all of data, looping over short writes."""
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    def fsync(self, fd: int) -> None:
        """Flush the file to stable storage (F_FULLFSYNC on macOS)."""
        if _FULLFSYNC is not None:
            try:
                fcntl.fcntl(fd, _FULLFSYNC)
                return
            except OSError as exc:
                # Only "not supported here" falls back; a real I/O error is a failed save.
                if exc.errno not in _FULLFSYNC_UNSUPPORTED:
                    raise
        os.fsync(fd)

    def close(self, fd: int) -> None:
        """Close a descriptor."""
        os.close(fd)

    def replace(self, src: str, dst: str) -> None:
        """Atomically rename src onto dst."""
        os.replace(src, dst)

    def fsync_dir(self, folder: str) -> None:
        """Flush a folder's entries (the rename) to stable storage."""
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def unlink(self, path: str) -> None:
        """Remove a file."""
        os.unlink(path)


REAL_FS = FileOps()


def temp_prefix(name: str) -> str:
    """Return the hidden temporary-file prefix used for a file called name."""
    return f".{name}.tmp-"


def _error_code(exc: BaseException) -> tuple[str, int | None]:
    if isinstance(exc, OSError):
        return _ERRNO_CODES.get(exc.errno or -1, "other"), exc.errno
    return "other", None


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, fs: FileOps = REAL_FS) -> None:
    """Replace the file at path (its real path if a symlink) with data, crash-safely."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    tmp = str(folder / f"{temp_prefix(target.name)}{os.getpid()}-{secrets.token_hex(6)}")
    step = "tempfile"
    fd: int | None = None
    created = False
    replaced = False
    try:
        try:
            fd = fs.open(tmp)
        except FileExistsError:
            raise  # someone else's file: never remove it
        except BaseException:
            created = os.path.lexists(tmp)
            raise
        created = True
        step = "write"
        fs.write(fd, data)
        step = "fsync"
        fs.fsync(fd)  # never retried: a second fsync can succeed after the data was lost
        step = "close"
        closing, fd = fd, None
        fs.close(closing)
        step = "replace"
        try:
            fs.replace(tmp, str(target))
        finally:
            replaced = not os.path.lexists(tmp)
        step = "dir_fsync"
        try:
            fs.fsync_dir(str(folder))
        except OSError as exc:
            if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
                raise
    except Exception as exc:
        code, errno_value = _error_code(exc)
        raise SaveError(folder, code, errno_value=errno_value, step=step, detail=str(exc)) from exc
    finally:
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
        if created and not replaced:
            _remove_temporary(tmp, fs)


def _remove_temporary(tmp: str, fs: FileOps) -> None:
    try:
        fs.unlink(tmp)
    except FileNotFoundError:
        return
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def dumps_tables(data: dict[str, Any]) -> str:
    """Serialize a TinyDB tables dict the way the atomic storage writes it."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _json_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_copy(item) for item in value]
    return value


def _make_private_folder(folder: Path) -> None:
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for item in reversed(missing):
        try:
            item.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(item, 0o700)


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
            _make_private_folder(self.path.parent)

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


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


def _temp_pid(name: str, prefix: str) -> int | None:
    rest = name[len(prefix) :]
    head, _, _ = rest.partition("-")
    return int(head) if head.isascii() and head.isdigit() else None


def sweep_temporaries(
    folder: str | os.PathLike[str],
    session_id: str,
    *,
    holder: bool,
    now: float | None = None,
) -> list[Path]:
    """Remove a session's leftover temporaries: all if holder, else only old ones of dead pids."""
    base = Path(folder)
    removed: list[Path] = []
    current = time.time() if now is None else now
    prefixes = [temp_prefix(f"{session_id}.json"), temp_prefix(f"{session_id}.owner")]
    try:
        names = os.listdir(base)
    except FileNotFoundError:
        return removed
    for name in sorted(names):
        prefix = next((p for p in prefixes if name.startswith(p)), None)
        if prefix is None:
            continue
        path = base / name
        if not holder:
            try:
                age = current - path.lstat().st_mtime
            except FileNotFoundError:
                continue
            pid = _temp_pid(name, prefix)
            if age < ORPHAN_AGE_SECONDS or pid is None or _pid_alive(pid):
                continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed
