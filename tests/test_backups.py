"""Rolling backups, restoring one, the trash, and the modes of every file the store writes."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import Clock

from tui.cli.main import main
from tui.storage.backups import KEEP, describe_backups, list_backups
from tui.storage.store import SessionStore


def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def edit_title(store: SessionStore, sid: str, title: str, clock: Clock) -> bytes:
    """Open for writing, change the title, save, close; return the bytes it left."""
    clock.advance(60)
    handle = store.open(sid)
    handle.session.meeting.title = title
    handle.save(handle.session, ["meeting"])
    handle.close()
    return store.path(sid).read_bytes()


def title_of(raw: bytes) -> str:
    return str(json.loads(raw)["meeting"]["1"]["title"])


def test_each_open_for_writing_keeps_the_previous_file_and_only_the_last_ten(
    data_dir: Path, clock: Clock
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("v0").id
    versions = [store.path(sid).read_bytes()]
    for n in range(1, 13):
        versions.append(edit_title(store, sid, f"v{n}", clock))
    kept = [p.read_bytes() for p in list_backups(data_dir, sid)]
    # Each open copied the file as it was then: v11 … v2 (the last ten), newest first.
    assert len(kept) == KEEP
    assert [title_of(b) for b in kept] == [f"v{n}" for n in range(11, 1, -1)]
    assert kept == versions[11:1:-1]


def test_an_unchanged_file_is_not_backed_up_twice(data_dir: Path) -> None:
    store = SessionStore(data_dir)
    sid = store.create("Stable").id
    for _ in range(3):
        store.open(sid).close()
    assert len(list_backups(data_dir, sid)) == 1
    assert store.open(sid, write=False) and len(list_backups(data_dir, sid)) == 1


def test_list_backups_as_json(capsys, data_dir: Path, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("v0").id
    edit_title(store, sid, "v1", clock)
    edit_title(store, sid, "v2", clock)
    code, out, _ = cli(capsys, data_dir, "list", "--json", "--backups", sid)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["n"] for r in rows] == [1, 2]
    assert [title_of(Path(r["file"]).read_bytes()) for r in rows] == ["v1", "v0"]
    assert [b.size for b in describe_backups(data_dir, sid)] == [r["size"] for r in rows]
    code, _, err = cli(capsys, data_dir, "list", "--json", "--backups", "../etc")
    assert code != 0 and err.count("\n") == 1


def test_restore_a_backup_makes_the_current_file_a_backup_first(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, clock: Clock
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("v0").id
    edit_title(store, sid, "v1", clock)
    current = edit_title(store, sid, "v2", clock)
    chosen = list_backups(data_dir, sid)[1].read_bytes()  # number 2: v0
    assert title_of(chosen) == "v0"
    code, out, _ = cli(capsys, data_dir, "restore", sid, "--backup", "2")
    assert code == 0 and sid in out
    assert store.path(sid).read_bytes() == chosen
    kept = [p.read_bytes() for p in list_backups(data_dir, sid)]
    assert kept[0] == current  # nothing was overwritten: v2 is backup number 1 now
    assert {title_of(b) for b in kept} == {"v0", "v1", "v2"}
    assert store.load(sid).meeting.title == "v0"


def test_restore_refuses_a_missing_backup_or_a_held_session(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, clock: Clock
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("v0").id
    edit_title(store, sid, "v1", clock)
    before = store.path(sid).read_bytes()
    code, _, err = cli(capsys, data_dir, "restore", sid, "--backup", "9")
    assert code != 0 and err.count("\n") == 1 and "9" in err
    handle = store.open(sid)
    try:
        code, _, err = cli(capsys, data_dir, "restore", sid, "--backup", "1")
        assert code != 0 and err.count("\n") == 1 and f"pid {os.getpid()}" in err
    finally:
        handle.close()
    assert store.path(sid).read_bytes() == before


def test_the_trash_is_listed_and_restored_but_never_over_a_session(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path
) -> None:
    store = SessionStore(data_dir)
    sid = store.create("À jeter").id
    assert cli(capsys, data_dir, "delete", sid)[0] == 0
    code, out, _ = cli(capsys, data_dir, "list", "--json", "--trash")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [(r["id"], r["title"], r["damaged"]) for r in rows] == [
        (sid, "À jeter", None)
    ]
    assert cli(capsys, data_dir, "list", "--json")[1] == ""
    shutil.copyfile(data_dir / ".trash" / f"{sid}.json", data_dir / f"{sid}.json")
    (data_dir / f"{sid}.json").write_bytes(b"{}")  # a file of that id came back meanwhile
    code, _, err = cli(capsys, data_dir, "restore", sid)
    assert code != 0 and err.count("\n") == 1
    assert (data_dir / f"{sid}.json").read_bytes() == b"{}"
    os.unlink(data_dir / f"{sid}.json")
    assert cli(capsys, data_dir, "restore", sid)[0] == 0
    assert store.load(sid).meeting.title == "À jeter"
    assert cli(capsys, data_dir, "list", "--json", "--trash")[1] == ""


def test_every_file_and_folder_of_the_store_is_private(tmp_path: Path, clock: Clock) -> None:
    old = os.umask(0o022)
    try:
        folder = tmp_path / "deep" / "sessions"
        store = SessionStore(folder, clock=clock)
        sid = store.create("Privée").id
        shutil.copyfile(
            Path(__file__).parent / "fixtures" / "session-v0.json", folder / "fixture.json"
        )
        store.open("fixture").close()  # a migration: .fixture.v0.bak
        edit_title(store, sid, "v1", clock)
        handle = store.open(sid)  # lock and owner files exist while held
        store.list()  # the index
        other = store.create("Jetée").id
        store.delete(other)  # the trash
        modes = {
            str(p.relative_to(tmp_path)): stat.S_IMODE(p.lstat().st_mode)
            for p in tmp_path.rglob("*")
        }
        handle.close()
    finally:
        os.umask(old)
    names = {Path(k).name for k in modes}
    assert {".index.json", f".{sid}.lock", f".{sid}.owner", ".fixture.v0.bak", ".trash"} <= names
    assert {".backups", sid, f"{other}.json"} <= names
    wrong = {
        k: oct(m) for k, m in modes.items() if m != (0o700 if (tmp_path / k).is_dir() else 0o600)
    }
    assert wrong == {}
