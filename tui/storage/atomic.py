"""Crash-safe file writes and the atomic TinyDB storage built on them."""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    _FULLFSYNC: int | None = None
else:
    _FULLFSYNC = getattr(fcntl, "F_FULLFSYNC", None)

__all__ = [
    "REAL_FS",
    "SAVE_ERROR_CODES",
    "FileOps",
    "ReadOnlyStorageError",
    "SaveError",
    "atomic_write_bytes",
    "inside_folder",
    "make_private_folder",
    "require_inside",
    "resolve_in_folder",
    "sweep_temporaries",
    "temp_prefix",
]

SAVE_ERROR_CODES: tuple[str, ...] = (
    "no_space",
    "read_only",
    "permission",
    "io",
    "too_large",
    "link_outside",
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


def _real_folder(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(os.path.dirname(os.fspath(path)) or os.curdir)


def _under(real: str, base: str) -> bool:
    return real != base and os.path.commonpath([base, real]) == base


def inside_folder(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (existing or not) resolves below ``folder``: no link leads it out."""
    return _under(os.path.realpath(path), os.path.realpath(folder))


def require_inside(path: Path, folder: Path, step: str) -> Path:
    """``path`` if it resolves below ``folder``; else SaveError("link_outside"), nothing touched."""
    if not inside_folder(path, folder):
        raise SaveError(folder, "link_outside", step=step, detail=str(path))
    return path


def resolve_in_folder(path: str | os.PathLike[str]) -> Path | None:
    """Return path's real path if it stays below the real path of its own folder, else None.

    A symlink to a file in the same folder, or below it, resolves; one leading anywhere else
    (or to the folder itself) does not. The folder may itself be a symlink: it is resolved too.
    """
    target = os.path.realpath(path)
    return Path(target) if _under(target, _real_folder(path)) else None


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, fs: FileOps = REAL_FS) -> None:
    """Replace the file at path (its real path if a symlink) with data, crash-safely.

    A symlink leading out of its folder is refused with SaveError("link_outside"), nothing written.
    """
    target = resolve_in_folder(path)
    if target is None:
        folder = Path(_real_folder(path))
        raise SaveError(folder, "link_outside", step="resolve", detail=os.fspath(path))
    folder = target.parent
    tmp = str(folder / f"{temp_prefix(target.name)}{os.getpid()}-{os.urandom(6).hex()}")
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


def make_private_folder(folder: Path) -> None:
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
