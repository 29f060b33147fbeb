"""One writer per session across real processes; the lock dies with its holder."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui import __version__
from tui.storage.atomic import atomic_write_bytes
from tui.storage.lock import Owner, SessionLock, SessionLockedError

ROOT = Path(__file__).resolve().parent.parent

HOLD = """
import sys
sys.path.insert(0, sys.argv[1])
from tui.storage.lock import SessionLock
lock = SessionLock(sys.argv[2], "s1")
print("acquired" if lock.acquire() else "refused", flush=True)
sys.stdin.readline()
lock.release()
"""

TRY = """
import os, sys
sys.path.insert(0, sys.argv[1])
from tui.storage.lock import SessionLock
lock = SessionLock(sys.argv[2], "s1")
got = lock.acquire()
owner = lock.holder()
print(got, owner.pid if owner else None, os.getpid(), flush=True)
"""

POLL = """
import os, sys
sys.path.insert(0, sys.argv[1])
from tui.storage.lock import SessionLock
lock = SessionLock(sys.argv[2], "s1")
done = os.path.join(sys.argv[2], "done")
print("ready", flush=True)
polls = free = 0
while not os.path.exists(done):
    polls += 1
    free += lock.is_free()
print(polls, free, flush=True)
"""


def _spawn(script: str, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, str(ROOT), str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _run(script: str, folder: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, str(ROOT), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


@pytest.fixture
def holder_process(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    child = _spawn(HOLD, tmp_path)
    assert child.stdout is not None
    assert child.stdout.readline() == "acquired\n"  # waits until the child holds the lock
    yield child
    if child.poll() is None:
        child.kill()
    child.wait()
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            stream.close()


def test_second_process_is_refused_then_takes_over_after_sigkill(
    tmp_path: Path, holder_process: subprocess.Popen[str]
) -> None:
    lock = SessionLock(tmp_path, "s1")
    assert not lock.acquire()
    assert not lock.held and not lock.is_free()
    owner = lock.holder()
    assert owner is not None
    assert owner.pid == holder_process.pid
    assert owner.host == socket.gethostname() and owner.same_host
    assert owner.version == __version__
    assert owner.user
    assert owner.started is not None
    started = dt.datetime.fromisoformat(owner.started)
    assert started.utcoffset() == dt.timedelta(0)
    os.kill(holder_process.pid, signal.SIGKILL)
    holder_process.wait()
    stale = lock.holder()
    assert stale is not None and stale.pid == holder_process.pid  # the dead holder's record
    assert lock.acquire()
    mine = lock.holder()
    assert mine is not None and mine.pid == os.getpid()
    lock.release()
    assert lock.holder() is None
    assert lock.lock_file.exists()  # flock's file stays; it says nothing about ownership


def test_holder_in_this_process_refuses_another_process(tmp_path: Path) -> None:
    with SessionLock(tmp_path, "s1"):
        got, owner, child = _run(TRY, tmp_path).split()
        assert (got, owner) == ("False", str(os.getpid()))
    got, owner, child = _run(TRY, tmp_path).split()
    assert (got, owner) == ("True", child)


def test_released_lock_is_free_for_another_process(
    tmp_path: Path, holder_process: subprocess.Popen[str]
) -> None:
    assert holder_process.stdin is not None
    holder_process.stdin.write("\n")
    holder_process.stdin.flush()
    assert holder_process.wait() == 0
    lock = SessionLock(tmp_path, "s1")
    assert lock.holder() is None  # release removed the owner file
    assert lock.acquire()
    lock.release()


def test_saves_never_free_the_lock(tmp_path: Path) -> None:
    """Atomic saves replace the data file's inode; a poller never gets the lock meanwhile."""
    data = tmp_path / "s1.json"
    with SessionLock(tmp_path, "s1") as lock:
        poller = _spawn(POLL, tmp_path)
        assert poller.stdout is not None
        assert poller.stdout.readline() == "ready\n"
        for n in range(300):
            atomic_write_bytes(data, json.dumps({"n": n}).encode())
        (tmp_path / "done").touch()
        polls, free = map(int, poller.stdout.readline().split())
        assert poller.wait() == 0
        poller.stdout.close()
        assert poller.stdin is not None
        poller.stdin.close()
        assert lock.held
    assert polls > 0 and free == 0


def test_lock_and_owner_files_are_private(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        lock = SessionLock(tmp_path, "s1")
        assert lock.acquire()
        for path in (lock.lock_file, lock.owner_file):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert lock.lock_file.name == ".s1.lock" and lock.owner_file.name == ".s1.owner"
        lock.release()
    finally:
        os.umask(previous)


def test_same_process_second_instance_is_refused(tmp_path: Path) -> None:
    first = SessionLock(tmp_path, "s1")
    second = SessionLock(tmp_path, "s1")
    assert first.acquire()
    assert first.acquire()  # idempotent for the holder
    assert not second.acquire()
    with pytest.raises(SessionLockedError) as info, second:
        pass
    assert info.value.owner is not None and info.value.owner.pid == os.getpid()
    first.release()
    first.release()  # no-op
    assert second.is_free()
    assert second.acquire()
    second.release()


@pytest.mark.parametrize(
    "raw",
    [b"", b"garbage \xff", b"[1, 2]", b'{"pid": "12"}', b'{"pid": true}', b"[" * 10_000],
)
def test_holder_tolerates_garbage(tmp_path: Path, raw: bytes) -> None:
    lock = SessionLock(tmp_path, "s1")
    lock.owner_file.write_bytes(raw)
    owner = lock.holder()
    assert owner is not None and owner.pid is None
    assert owner.describe() == "?@? (pid ?)"


def test_holder_keeps_known_fields_and_drops_wrong_types(tmp_path: Path) -> None:
    lock = SessionLock(tmp_path, "s1")
    lock.owner_file.write_bytes(json.dumps({"user": "ana", "host": 5, "pid": 42}).encode())
    assert lock.holder() == Owner(user="ana", pid=42)
    lock.owner_file.write_bytes(b" " * (70 * 1024))
    assert lock.holder() == Owner()


@pytest.mark.parametrize("bad", ["", ".hidden", "a/b", "..", "x\0y"])
def test_invalid_session_ids_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError):
        SessionLock(tmp_path, bad)
