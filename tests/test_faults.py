"""Fault injection before and after every step of an atomic save, through the FileOps seam."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from tui.storage.atomic import FileOps, SaveError
from tui.storage.tinystorage import AtomicJSONStorage, dumps_tables

STEPS = ("tempfile", "write", "fsync", "close", "replace", "dir_fsync")
WHENS = ("before", "after")
ERRNOS = {errno.EACCES: "permission", errno.ENOSPC: "no_space", errno.EIO: "io"}
# Steps whose completion means the new file is in place.
NEW_AFTER = {("replace", "after"), ("dir_fsync", "before"), ("dir_fsync", "after")}


def _session(n: int) -> dict[str, Any]:
    return {
        "meta": {"1": {"app": "concerto", "schema_version": 1, "id": "s1"}},
        "actions": {str(i + 1): {"title": f"action {i}"} for i in range(n)},
    }


class FaultyFS(FileOps):
    """Raises OSError(code) before or after one step; counts the calls of every step."""

    def __init__(self) -> None:
        self.fault: tuple[str, str, int] | None = None
        self.calls: dict[str, int] = dict.fromkeys(STEPS, 0)

    def _maybe(self, step: str, when: str) -> None:
        if self.fault is not None and self.fault[:2] == (step, when):
            raise OSError(self.fault[2], os.strerror(self.fault[2]))

    def open(self, path: str) -> int:
        self.calls["tempfile"] += 1
        self._maybe("tempfile", "before")
        fd = super().open(path)
        try:
            self._maybe("tempfile", "after")
        except OSError:
            os.close(fd)  # the caller never learns this descriptor
            raise
        return fd

    def write(self, fd: int, data: bytes) -> None:
        self.calls["write"] += 1
        self._maybe("write", "before")
        super().write(fd, data)
        self._maybe("write", "after")

    def fsync(self, fd: int) -> None:
        self.calls["fsync"] += 1
        self._maybe("fsync", "before")
        super().fsync(fd)
        self._maybe("fsync", "after")

    def close(self, fd: int) -> None:
        self.calls["close"] += 1
        self._maybe("close", "before")
        super().close(fd)
        self._maybe("close", "after")

    def replace(self, src: str, dst: str) -> None:
        self.calls["replace"] += 1
        self._maybe("replace", "before")
        super().replace(src, dst)
        self._maybe("replace", "after")

    def fsync_dir(self, folder: str) -> None:
        self.calls["dir_fsync"] += 1
        self._maybe("dir_fsync", "before")
        super().fsync_dir(folder)
        self._maybe("dir_fsync", "after")


@pytest.mark.parametrize("code", sorted(ERRNOS), ids=lambda c: errno.errorcode[c])
@pytest.mark.parametrize("when", WHENS)
@pytest.mark.parametrize("step", STEPS)
def test_fault_keeps_old_or_new_file_whole(tmp_path: Path, step: str, when: str, code: int) -> None:
    """A failed save leaves one whole file, no temporary, the edit in memory, and can be retried."""
    path = tmp_path / "s1.json"
    fs = FaultyFS()
    storage = AtomicJSONStorage(path, fs=fs)
    old, new, newer = _session(1), _session(2), _session(3)
    storage.write(old)
    old_raw = path.read_bytes()
    fs.fault = (step, when, code)
    with pytest.raises(SaveError) as info:
        storage.write(new)
    error = info.value
    assert error.code == ERRNOS[code]
    assert error.errno == code
    assert error.step == step
    assert error.folder == tmp_path
    assert str(tmp_path) in str(error)
    expected = dumps_tables(new).encode() if (step, when) in NEW_AFTER else old_raw
    assert path.read_bytes() == expected
    assert [p.name for p in tmp_path.iterdir()] == ["s1.json"]  # no temporary left
    assert storage.read() == new and storage.unsaved and storage.last_error is error
    assert fs.calls["fsync"] <= 2  # one per attempted save: an fsync is never retried
    fs.fault = None
    storage.flush()
    assert path.read_bytes() == dumps_tables(new).encode() and not storage.unsaved
    storage.write(newer)
    assert path.read_bytes() == dumps_tables(newer).encode()
    assert AtomicJSONStorage(path, create=False).read() == newer
    assert storage.last_error is None


def test_fsync_eio_is_reported_once_and_not_retried(tmp_path: Path) -> None:
    """fsync raising EIO fails the save at once: exactly one fsync call, old bytes kept."""
    path = tmp_path / "s1.json"
    fs = FaultyFS()
    storage = AtomicJSONStorage(path, fs=fs)
    storage.write(_session(1))
    before = path.read_bytes()
    calls = fs.calls["fsync"]
    fs.fault = ("fsync", "before", errno.EIO)
    with pytest.raises(SaveError):
        storage.write(_session(2))
    assert fs.calls["fsync"] == calls + 1
    assert path.read_bytes() == before


def test_non_oserror_failure_is_a_save_error(tmp_path: Path) -> None:
    """Any exception inside a step becomes SaveError('other') with the temporary removed."""

    class Broken(FileOps):
        def write(self, fd: int, data: bytes) -> None:
            raise RuntimeError("boom")

    path = tmp_path / "s1.json"
    storage = AtomicJSONStorage(path, fs=Broken())
    with pytest.raises(SaveError) as info:
        storage.write(_session(1))
    assert info.value.code == "other" and info.value.errno is None
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_error_code(tmp_path: Path) -> None:
    """EROFS maps to read_only (root ignores file modes, so it is injected)."""
    fs = FaultyFS()
    fs.fault = ("tempfile", "before", errno.EROFS)
    with pytest.raises(SaveError) as info:
        AtomicJSONStorage(tmp_path / "s1.json", fs=fs).write(_session(1))
    assert info.value.code == "read_only"
