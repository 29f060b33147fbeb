"""The session store: save and reopen, export and import, one writer, listing."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from strategies import sessions

from tui.model import SCHEMA_VERSION, Participant, Session
from tui.storage.codec import export_json
from tui.storage.store import SessionStore
from tui.storage.transfer import import_file, parse_export

EXAMPLES = int(os.environ.get("CONCERTO_HYPOTHESIS_EXAMPLES", "60"))


def same(a: Session, b: Session) -> bool:
    return a.model_dump(exclude={"id"}) == b.model_dump(exclude={"id"})


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions())
def test_any_session_saved_then_reopened_is_equal(tmp_path_factory, session: Session) -> None:  # type: ignore[no-untyped-def]
    store = SessionStore(tmp_path_factory.mktemp("s"), clock=lambda: session.updated)
    written = store.write_new(session)
    handle = store.open(written.id)
    try:
        assert handle.session == written
        handle.save(handle.session)
    finally:
        handle.close()
    assert store.load(written.id) == written


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions())
def test_any_session_exported_then_imported_is_equal(session: Session) -> None:
    back = parse_export(export_json(session).encode())
    assert back == session


def test_import_gives_a_new_id_and_an_equal_session(data_dir: Path, tmp_path: Path) -> None:
    store = SessionStore(data_dir)
    original = store.create("Table de quartier")
    exported = tmp_path / "export.json"
    exported.write_text(export_json(store.load(original.id)), "utf-8")
    imported = import_file(store, exported)
    assert imported.id != original.id
    assert same(store.load(imported.id), store.load(original.id))


def test_one_save_is_one_atomic_write_with_only_visible_sessions(data_dir: Path) -> None:
    store = SessionStore(data_dir)
    s = store.create("Réunion")
    handle = store.open(s.id)
    handle.session.participants.append(Participant(name="Awa"))
    handle.save(handle.session, ["participants"])
    handle.close()
    assert [p.name for p in store.files()] == [f"{s.id}.json"]
    tables = json.loads((data_dir / f"{s.id}.json").read_text("utf-8"))
    assert tables["participants"]["1"]["name"] == "Awa"
    assert tables["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_files_are_private_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store = SessionStore(tmp_path / "new-folder")
        s = store.create("Privée")
        store.open(s.id).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new-folder").stat().st_mode) == 0o700
    for path in (tmp_path / "new-folder").iterdir():
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


HOLDER = """
import sys, time
from pathlib import Path
from tui.storage.store import SessionStore
handle = SessionStore(Path(sys.argv[1])).open(sys.argv[2])
print("held", flush=True)
sys.stdin.readline()
handle.close()
"""


def test_a_second_process_gets_the_session_read_only_and_writes_nothing(data_dir: Path) -> None:
    store = SessionStore(data_dir)
    s = store.create("Partagée")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir), s.id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        path = data_dir / f"{s.id}.json"
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        second = store.open(s.id)
        assert second.read_only
        assert second.holder is not None and second.holder.pid == holder.pid
        listing = {x.id: x for x in store.list()}[s.id]
        assert listing.locked_by is not None and f"pid {holder.pid}" in listing.locked_by
        second.close()
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(10)
    assert not store.open(s.id).read_only


def test_a_follower_sees_the_writers_saves(data_dir: Path) -> None:
    store = SessionStore(data_dir)
    s = store.create("Suivie")
    writer = store.open(s.id)
    follower = SessionHandle_open_read_only(store, s.id)
    writer.session.participants.append(Participant(name="Luc"))
    writer.save(writer.session)
    fresh = follower.refresh()
    assert fresh is not None and [p.name for p in fresh.participants] == ["Luc"]
    writer.close()


def SessionHandle_open_read_only(store: SessionStore, session_id: str):  # type: ignore[no-untyped-def]
    return store.open(session_id, write=False)


def test_listing_uses_its_cache_and_sees_changes(data_dir: Path) -> None:
    store = SessionStore(data_dir)
    a = store.create("Alpha")
    assert [x.title for x in store.list()] == ["Alpha"]
    assert (data_dir / ".index.json").exists()
    h = store.open(a.id)
    h.session.meeting.title = "Alpha 2"
    h.save(h.session, ["meeting"])
    h.close()
    assert [x.title for x in store.list()] == ["Alpha 2"]


def test_delete_moves_to_trash_and_restore_brings_it_back(data_dir: Path) -> None:
    store = SessionStore(data_dir)
    s = store.create("À jeter")
    store.delete(s.id)
    assert store.list() == []
    assert [x.id for x in store.trash()] == [s.id]
    store.restore(s.id)
    assert [x.title for x in store.list()] == ["À jeter"]
