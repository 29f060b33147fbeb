"""Atomic writes and the atomic TinyDB storage: round trips, modes, symlinks, temporaries."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from tui.storage.atomic import (
    FileOps,
    ReadOnlyStorageError,
    SaveError,
    atomic_write_bytes,
    sweep_temporaries,
)
from tui.storage.rawcheck import DamagedFile
from tui.storage.tinystorage import AtomicJSONStorage, dumps_tables

META = {"meta": {"1": {"app": "concerto", "schema_version": 1, "id": "s1"}}}


def _session(**tables: dict[str, Any]) -> dict[str, Any]:
    return {**json.loads(json.dumps(META)), **tables}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_bytes_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    atomic_write_bytes(path, b"first")
    assert path.read_bytes() == b"first"
    atomic_write_bytes(path, "deuxième".encode())
    assert path.read_text("utf-8") == "deuxième"
    assert [p.name for p in tmp_path.iterdir()] == ["s1.json"]


def test_storage_round_trip_through_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    atomic_write_bytes(path, dumps_tables(_session()).encode())
    with TinyDB(path, storage=AtomicJSONStorage, create=False) as db:
        db.table("actions").insert({"title": "Réunion ✓", "n": 1})
        db.table("actions").insert({"title": "second", "n": 2})
        db.table("actions").update({"n": 3}, doc_ids=[2])
    raw = path.read_bytes()
    assert "Réunion ✓".encode() in raw  # ensure_ascii=False
    assert b", " not in raw and b": " not in raw  # compact separators
    reopened = AtomicJSONStorage(path, create=False)
    assert reopened.read() == _session(
        actions={"1": {"title": "Réunion ✓", "n": 1}, "2": {"title": "second", "n": 2 + 1}}
    )


def test_write_raw_writes_text_verbatim_and_sets_memory(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    data = _session(notes={"1": {"t": "a"}})
    text = dumps_tables(data)
    storage = AtomicJSONStorage(path)
    storage.write_raw(text, data)
    assert path.read_text("utf-8") == text
    assert storage.read() == data
    assert not storage.unsaved


def test_files_0600_and_created_folders_0700_under_umask_022(
    tmp_path: Path, umask_022: None
) -> None:
    path = tmp_path / "a" / "b" / "s1.json"
    storage = AtomicJSONStorage(path)
    assert _mode(tmp_path / "a") == 0o700
    assert _mode(tmp_path / "a" / "b") == 0o700
    storage.write(_session())
    assert _mode(path) == 0o600
    loose = tmp_path / "loose.json"
    loose.write_bytes(b"{}")
    assert _mode(loose) == 0o644
    atomic_write_bytes(loose, b"{}")
    assert _mode(loose) == 0o600  # a replaced file is private again


def test_symlinked_data_file_is_updated_at_its_real_path(tmp_path: Path) -> None:
    data_dir = tmp_path / "sessions"
    real_dir = data_dir / "elsewhere"  # below the link's folder: links out are refused
    real_dir.mkdir(parents=True)
    real = real_dir / "s1.json"
    atomic_write_bytes(real, dumps_tables(_session()).encode())
    link = data_dir / "s1.json"
    link.symlink_to(real)
    storage = AtomicJSONStorage(link, create=False)
    new = _session(actions={"1": {"t": "x"}})
    storage.write(new)
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert json.loads(real.read_bytes()) == new
    assert sorted(p.name for p in real_dir.iterdir()) == ["s1.json"]


class _Spy(FileOps):
    """Records what a glob for sessions sees at every step of a write."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.seen: list[list[str]] = []
        self.temps: list[str] = []

    def _look(self) -> None:
        self.seen.append(sorted(p.name for p in self.folder.glob("*.json")))

    def open(self, path: str) -> int:
        self.temps.append(path)
        fd = super().open(path)
        self._look()
        return fd

    def write(self, fd: int, data: bytes) -> None:
        super().write(fd, data)
        self._look()

    def replace(self, src: str, dst: str) -> None:
        self._look()
        super().replace(src, dst)
        self._look()


def test_temporary_files_are_never_listed_as_sessions(tmp_path: Path) -> None:
    spy = _Spy(tmp_path)
    path = tmp_path / "s1.json"
    storage = AtomicJSONStorage(path, fs=spy)
    storage.write(_session())
    storage.write(_session(actions={"1": {}}))
    assert spy.seen[0] == []
    assert spy.seen[-1] == ["s1.json"]
    assert all(seen in ([], ["s1.json"]) for seen in spy.seen)
    for temp in spy.temps:
        name = Path(temp).name
        assert name.startswith(f".s1.json.tmp-{os.getpid()}-")
        assert not name.endswith(".json")


def test_opening_creates_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "sub" / "s1.json"
    with pytest.raises(FileNotFoundError):
        AtomicJSONStorage(missing, create=False)
    assert not (tmp_path / "sub").exists()
    storage = AtomicJSONStorage(missing)
    assert storage.read() is None
    assert not missing.exists()


def test_read_serves_memory_and_returns_copies(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    first = _session(actions={"1": {"tags": ["a"]}})
    atomic_write_bytes(path, dumps_tables(first).encode())
    storage = AtomicJSONStorage(path, create=False)
    got = storage.read()
    assert got == first
    got["actions"]["1"]["tags"].append("mutated")
    assert storage.read() == first
    second = _session()
    atomic_write_bytes(path, dumps_tables(second).encode())
    assert storage.read() == first  # the file is parsed once
    assert storage.reload() == second


def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    path.write_bytes(b"")
    with pytest.raises(DamagedFile) as info:
        TinyDB(path, storage=AtomicJSONStorage, create=False).table("x").insert({"a": 1})
    assert info.value.reason_code == "empty"
    assert path.read_bytes() == b""


def test_read_only_storage_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    raw = dumps_tables(_session()).encode()
    atomic_write_bytes(path, raw)
    before = path.stat()
    storage = AtomicJSONStorage(path, create=False, read_only=True)
    with pytest.raises(ReadOnlyStorageError):
        storage.write(_session(actions={}))
    assert path.read_bytes() == raw
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def test_write_over_size_cap_is_refused_and_kept_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    raw = dumps_tables(_session()).encode()
    atomic_write_bytes(path, raw)
    storage = AtomicJSONStorage(path, create=False, max_bytes=len(raw) + 10)
    big = _session(actions={"1": {"t": "x" * 100}})
    with pytest.raises(SaveError) as info:
        storage.write(big)
    assert info.value.code == "too_large"
    assert path.read_bytes() == raw
    assert storage.unsaved and storage.read() == big
    with pytest.raises(SaveError):
        storage.flush()  # a retry is refused the same way
    assert path.read_bytes() == raw


def test_unserializable_data_raises_before_any_change(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    raw = dumps_tables(_session()).encode()
    atomic_write_bytes(path, raw)
    storage = AtomicJSONStorage(path, create=False)
    with pytest.raises(ValueError):
        storage.write(_session(actions={"1": {"x": float("nan")}}))
    assert path.read_bytes() == raw
    assert storage.read() == _session() and not storage.unsaved


class _NoDirSync(FileOps):
    def fsync_dir(self, folder: str) -> None:
        raise OSError(errno.EINVAL, "directory fsync not supported")


def test_folder_fsync_unsupported_is_not_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    atomic_write_bytes(path, b"data", fs=_NoDirSync())
    assert path.read_bytes() == b"data"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_sweep_temporaries(tmp_path: Path) -> None:
    old = time.time() - 2 * 3600
    dead = _dead_pid()
    names = {
        "young_dead": f".s1.json.tmp-{dead}-aaaa",
        "old_dead": f".s1.json.tmp-{dead}-bbbb",
        "old_live": f".s1.json.tmp-{os.getpid()}-cccc",
        "old_owner": f".s1.owner.tmp-{dead}-dddd",
        "old_nopid": ".s1.json.tmp-xyz",
        "other": f".s2.json.tmp-{dead}-eeee",
        "data": "s1.json",
    }
    for key, name in names.items():
        (tmp_path / name).write_bytes(b"x")
        if key != "young_dead":
            os.utime(tmp_path / name, (old, old))
    removed = sweep_temporaries(tmp_path, "s1", holder=False)
    assert sorted(p.name for p in removed) == sorted([names["old_dead"], names["old_owner"]])
    left = {p.name for p in tmp_path.iterdir()}
    assert left == set(names.values()) - {names["old_dead"], names["old_owner"]}
    removed = sweep_temporaries(tmp_path, "s1", holder=True)
    assert sorted(p.name for p in removed) == sorted(
        [names["young_dead"], names["old_live"], names["old_nopid"]]
    )
    assert {p.name for p in tmp_path.iterdir()} == {names["other"], names["data"]}
    assert sweep_temporaries(tmp_path / "missing", "s1", holder=True) == []
