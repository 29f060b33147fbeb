"""Faults injected under the session store: a failed save keeps the old file and the edit."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import Clock
from test_faults import ERRNOS, STEPS, WHENS, FaultyFS

from tui.model import Action, Session
from tui.storage.atomic import SaveError, sweep_temporaries
from tui.storage.lock import SessionLock
from tui.storage.store import SessionStore, read_session

# Fault points after which the new file is already in place (the rename happened).
NEW_AFTER = {("replace", "after"), ("dir_fsync", "before"), ("dir_fsync", "after")}


def labels(session: Session) -> list[str]:
    return [a.label for a in session.actions]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".tmp-" in p.name]


@pytest.fixture
def opened(data_dir: Path, clock: Clock):  # type: ignore[no-untyped-def]
    """A store writing through FaultyFS, and a session opened for writing with one action."""
    fs = FaultyFS()
    store = SessionStore(data_dir, clock=clock, fs=fs)
    sid = store.create("Pannes").id
    handle = store.open(sid)
    handle.session.actions.append(Action(label="old"))
    handle.save(handle.session, ["actions"])
    yield store, fs, handle
    handle.close()


@pytest.mark.parametrize("code", sorted(ERRNOS), ids=lambda c: errno.errorcode[c])
@pytest.mark.parametrize("when", WHENS)
@pytest.mark.parametrize("step", STEPS)
def test_a_failed_save_leaves_old_or_new_keeps_the_edit_and_the_next_save_succeeds(
    opened, clock: Clock, step: str, when: str, code: int
) -> None:  # type: ignore[no-untyped-def]
    store, fs, handle = opened
    path = handle.path
    old_raw = path.read_bytes()
    clock.advance(60)
    handle.session.actions.append(Action(label="new"))
    fs.fault = (step, when, code)
    with pytest.raises(SaveError) as info:
        handle.save(handle.session, ["actions"])
    assert (info.value.code, info.value.errno, info.value.step) == (ERRNOS[code], code, step)
    assert info.value.folder == store.folder
    # On disk: exactly the old version, or exactly the new one once the rename happened.
    on_disk = read_session(path)
    if (step, when) in NEW_AFTER:
        assert labels(on_disk) == ["old", "new"] and on_disk == handle.session
    else:
        assert path.read_bytes() == old_raw and labels(on_disk) == ["old"]
    assert leftovers(store.folder) == []
    # In memory: the edit is kept, and the storage knows it is ahead of the file.
    assert labels(handle.session) == ["old", "new"] and handle.unsaved
    memory = handle.storage.read()
    assert memory is not None and [d["label"] for d in memory["actions"].values()] == labels(
        handle.session
    )
    # The fault is gone: the next save (with one more edit) succeeds and reopens whole.
    fs.fault = None
    handle.session.actions.append(Action(label="newer"))
    handle.save(handle.session, ["actions"])
    assert not handle.unsaved and handle.storage.last_error is None
    handle.close()
    again = store.open(path.stem)
    try:
        assert labels(again.session) == ["old", "new", "newer"]
        assert again.session.updated == clock()
    finally:
        again.close()


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_retry_writes_what_the_failed_save_kept(opened, step: str) -> None:  # type: ignore[no-untyped-def]
    store, fs, handle = opened
    handle.session.meeting.title = "Titre changé"
    fs.fault = (step, "before", errno.EIO)
    with pytest.raises(SaveError):
        handle.save(handle.session, ["meeting"])
    assert store.load(handle.path.stem).meeting.title == "Pannes"
    fs.fault = None
    handle.retry()
    assert store.load(handle.path.stem).meeting.title == "Titre changé" and not handle.unsaved


def test_fsync_eio_is_never_retried_by_the_store(opened) -> None:  # type: ignore[no-untyped-def]
    store, fs, handle = opened
    before = handle.path.read_bytes()
    calls = fs.calls["fsync"]
    fs.fault = ("fsync", "before", errno.EIO)
    handle.session.actions.append(Action(label="lost?"))
    with pytest.raises(SaveError) as info:
        handle.save(handle.session, ["actions"])
    assert info.value.code == "io"
    assert fs.calls["fsync"] == calls + 1 and handle.path.read_bytes() == before


def test_a_failed_full_save_keeps_every_table(opened) -> None:  # type: ignore[no-untyped-def]
    store, fs, handle = opened
    handle.session.meeting.collective = "CDC"
    handle.session.actions[0].label = "renamed"
    fs.fault = ("tempfile", "before", errno.ENOSPC)
    with pytest.raises(SaveError):
        handle.save(handle.session)
    assert labels(store.load(handle.path.stem)) == ["old"]
    fs.fault = None
    handle.save(handle.session, [])  # only meta re-dumped: the kept fragments are the edits
    back = store.load(handle.path.stem)
    assert (back.meeting.collective, labels(back)) == ("CDC", ["renamed"])


def test_a_backup_that_cannot_be_written_does_not_block_opening(data_dir: Path) -> None:
    fs = FaultyFS()
    store = SessionStore(data_dir, fs=fs)
    sid = store.create("Sauvegarde").id
    fs.fault = ("tempfile", "before", errno.ENOSPC)
    handle = store.open(sid)
    try:
        assert handle.backup_error is not None and handle.backup_error.code == "no_space"
        assert not handle.read_only
    finally:
        handle.close()


def test_a_migration_that_cannot_be_written_refuses_to_open_and_keeps_the_file(
    data_dir: Path,
) -> None:
    path = data_dir / "fixture.json"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "session-v0.json", path)
    before = path.read_bytes()
    fs = FaultyFS()
    store = SessionStore(data_dir, fs=fs)
    fs.fault = ("replace", "before", errno.EIO)
    with pytest.raises(SaveError):
        store.open("fixture")
    assert path.read_bytes() == before and leftovers(data_dir) == []
    lock = SessionLock(data_dir, "fixture")
    assert lock.acquire()  # released after the failure
    lock.release()
    fs.fault = None
    handle = store.open("fixture")
    assert handle.session.meeting.title == "Réunion de fixture"
    handle.close()


HOLDER = """
import sys
from pathlib import Path
from tui.storage.store import SessionStore
handle = SessionStore(Path(sys.argv[1])).open(sys.argv[2])
print("held", flush=True)
sys.stdin.readline()
handle.close()
"""


def _temporary(folder: Path, sid: str, pid: int, *, age: float) -> Path:
    path = folder / f".{sid}.json.tmp-{pid}-{os.urandom(6).hex()}"
    path.write_bytes(b'{"half":')
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leftovers_are_never_swept_under_a_live_writer(data_dir: Path) -> None:
    """Only the lock holder, or anyone once the writer is gone and the file is old, sweeps."""
    store = SessionStore(data_dir)
    sid = store.create("Restes").id
    other = store.create("Voisine").id
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir), sid],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        live = _temporary(data_dir, sid, holder.pid, age=7200)  # the writer's own, old
        dead_old = _temporary(data_dir, sid, _dead_pid(), age=7200)
        store.list()
        follower = store.open(sid)
        assert follower.read_only
        follower.close()
        assert sweep_temporaries(data_dir, sid, holder=False) == [dead_old]  # the rule itself
        dead_old = _temporary(data_dir, sid, _dead_pid(), age=7200)
        store.list()  # the store adds: nothing at all while someone holds the session
        assert live.exists() and dead_old.exists()
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(10)
    fresh = _temporary(data_dir, sid, _dead_pid(), age=0)
    mine = _temporary(data_dir, sid, os.getpid(), age=7200)
    neighbour = _temporary(data_dir, other, os.getpid(), age=7200)
    store.list()  # writer gone: old files of dead processes go, recent or living ones stay
    assert not live.exists() and not dead_old.exists()
    assert fresh.exists() and mine.exists() and neighbour.exists()
    handle = store.open(sid)  # the holder sweeps every leftover of its own session
    try:
        assert not fresh.exists() and not mine.exists() and neighbour.exists()
        assert [x.id for x in store.list()] == sorted([sid, other])
    finally:
        handle.close()
