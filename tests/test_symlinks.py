"""A symlink is never followed out of the data folder: nothing outside is read or written."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import Clock

from tui.cli.main import main
from tui.i18n import set_language
from tui.storage.atomic import SaveError, atomic_write_bytes
from tui.storage.messages import damaged_reason, save_error, store_error
from tui.storage.rawcheck import DamagedFile
from tui.storage.store import SessionStore, StoreError


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def cli(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, out: str, err: str) -> bool:
    return code != 0 and out == "" and err.count("\n") == 1 and err.startswith("concerto: ")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the data folder, holding the user's own files."""
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


@pytest.fixture
def linked_out(data_dir: Path, outside: Path, clock: Clock) -> tuple[str, Path]:
    """A good session whose file in the data folder is a link to a file outside; (id, target)."""
    session = SessionStore(data_dir, clock=clock).create("Réunion du CA")
    path = data_dir / f"{session.id}.json"
    target = outside / "else.json"
    os.replace(path, target)
    path.symlink_to(target)
    return session.id, target


# -- reading: listed as damaged, refused everywhere, the outside file unchanged ---------------


def test_a_session_linked_from_outside_is_listed_as_damaged_with_the_reason(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, linked_out: tuple[str, Path]
) -> None:
    sid, target = linked_out
    before = sha(target)
    (listing,) = SessionStore(data_dir).list()
    assert (listing.id, listing.damaged, listing.detail) == (
        sid,
        "link_outside",
        os.path.realpath(target),
    )
    set_language("fr")
    assert "lien qui pointe hors du dossier des séances" in damaged_reason("link_outside", "")
    code, out, _ = cli(capsys, data_dir, "list")
    set_language("en")
    assert code == 0
    assert damaged_reason("link_outside", os.path.realpath(target)) in out
    assert "points outside the data folder" in out
    assert sha(target) == before


def test_open_and_export_refuse_in_one_line_and_leave_the_outside_file_alone(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, outside: Path, linked_out: tuple[str, Path]
) -> None:
    sid, target = linked_out
    before, stamp = sha(target), target.stat().st_mtime_ns
    store = SessionStore(data_dir)
    for write in (True, False):
        with pytest.raises(DamagedFile) as info:
            store.open(sid, write=write)
        assert info.value.reason == "link_outside"
    for fmt in ("json", "md"):
        code, out, err = cli(capsys, data_dir, "export", sid, "--format", fmt)
        assert one_line_error(code, out, err)
        assert "points outside the data folder" in err
    assert (sha(target), target.stat().st_mtime_ns) == (before, stamp)
    assert names(outside) == ["else.json"]
    assert not (data_dir / ".backups").exists() and not (data_dir / "exports").exists()


def test_restoring_a_backup_over_a_link_out_is_refused_in_one_line(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, outside: Path, clock: Clock
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("Réunion du CA").id
    store.open(sid).close()  # opening keeps a backup
    path = data_dir / f"{sid}.json"
    target = outside / "else.json"
    os.replace(path, target)
    path.symlink_to(target)
    before = sha(target)
    code, out, err = cli(capsys, data_dir, "restore", sid, "--backup", "1")
    assert one_line_error(code, out, err)
    assert err == f"concerto: {save_error('link_outside', str(data_dir))}\n"
    assert sha(target) == before and path.is_symlink()


async def test_the_app_says_why_it_does_not_open_a_session_linked_from_outside(  # type: ignore[no-untyped-def]
    make_app, linked_out: tuple[str, Path]
) -> None:
    sid, target = linked_out
    before = sha(target)
    app = make_app(session_id=sid, lang="en")  # what `concerto open <id>` runs
    shown: list[str] = []
    app.notify = lambda message, **kw: shown.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    set_language("en")
    assert shown == [damaged_reason("link_outside", os.path.realpath(target))]
    assert sha(target) == before


# -- writing: refused before anything is created ---------------------------------------------


@pytest.mark.parametrize("exists", [True, False], ids=["existing", "dangling"])
def test_writing_through_a_link_out_is_refused_and_writes_nothing(
    data_dir: Path, outside: Path, exists: bool
) -> None:
    target = outside / "else.json"
    if exists:
        target.write_bytes(b"the user's own file\n")
    link = data_dir / "abc123.json"
    link.symlink_to(target)
    before = {folder: names(folder) for folder in (data_dir, outside)}
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(link, b'{"meta": {}}')
    assert info.value.code == "link_outside"
    assert {folder: names(folder) for folder in (data_dir, outside)} == before  # no temporary
    assert target.exists() == exists
    if exists:
        assert target.read_bytes() == b"the user's own file\n"
    assert link.is_symlink() and os.readlink(link) == str(target)
    set_language("fr")
    message = save_error("link_outside", "~/sessions")
    assert message.startswith("Non enregistré dans ~/sessions : ")
    assert message.endswith(" : le fichier est un lien qui pointe hors de son dossier.")


def test_a_session_swapped_for_a_link_out_while_open_is_not_saved_through_it(
    data_dir: Path, outside: Path, clock: Clock
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("Comité").id
    handle = store.open(sid)
    target = outside / "else.json"
    target.write_bytes(b"the user's own file\n")
    path = data_dir / f"{sid}.json"
    path.unlink()
    path.symlink_to(target)
    handle.session.meeting.title = "Changé"
    with pytest.raises(SaveError) as info:
        handle.save(handle.session, ["meeting"])
    assert info.value.code == "link_outside" and handle.unsaved  # kept in memory
    handle.close()
    assert target.read_bytes() == b"the user's own file\n"
    assert names(outside) == ["else.json"]


# -- links that stay inside keep working -------------------------------------------------------


@pytest.mark.parametrize("kept", ["kept/{sid}.json", ".{sid}.kept"], ids=["below", "same-folder"])
def test_a_link_inside_the_data_folder_still_saves_and_reopens(
    data_dir: Path, clock: Clock, kept: str
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("Comité").id
    path = data_dir / f"{sid}.json"
    real = data_dir / kept.format(sid=sid)
    real.parent.mkdir(exist_ok=True)
    os.replace(path, real)
    path.symlink_to(os.path.relpath(real, data_dir))
    assert [x.damaged for x in store.list()] == [None]
    handle = store.open(sid)
    handle.session.meeting.title = "Renommé"
    handle.save(handle.session, ["meeting"])
    handle.close()
    assert path.is_symlink()
    assert json.loads(real.read_bytes())["meeting"]["1"]["title"] == "Renommé"
    assert store.load(sid).meeting.title == "Renommé"


def test_a_data_folder_that_is_itself_a_link_still_works(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path, clock: Clock
) -> None:
    real = tmp_path / "mnt" / "data" / "concerto"
    real.mkdir(parents=True, mode=0o700)
    folder = tmp_path / "home" / "concerto"  # ~/concerto -> /mnt/data/concerto
    folder.parent.mkdir()
    folder.symlink_to(real)
    store = SessionStore(folder, clock=clock)
    sid = store.create("Comité").id
    handle = store.open(sid)
    assert not handle.read_only
    handle.session.meeting.title = "Renommé"
    handle.save(handle.session, ["meeting"])
    handle.close()
    assert store.load(sid).meeting.title == "Renommé"
    assert [(x.id, x.damaged) for x in store.list()] == [(sid, None)]
    assert (real / f"{sid}.json").is_file() and folder.is_symlink()
    code, out, _ = cli(capsys, folder, "export", sid, "--format", "json", "-o", "-")
    assert code == 0 and json.loads(out)["session"]["meeting"]["title"] == "Renommé"


# -- the lock: a planted link is never opened ----------------------------------------------------


@pytest.mark.parametrize("planted", ["lock", "owner"])
def test_a_planted_lock_link_never_touches_the_outside_file(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, outside: Path, clock: Clock, planted: str
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("Comité").id
    session_file = data_dir / f"{sid}.json"
    target = outside / "notes.txt"
    target.write_bytes(b"the user's notes\n")
    target.chmod(0o644)
    before = (sha(target), target.stat().st_mtime_ns, target.stat().st_mode)
    file_before = sha(session_file)
    link = data_dir / f".{sid}.{planted}"
    link.symlink_to(target)
    owner = data_dir / f".{sid}.owner"
    if not owner.is_symlink():
        owner.touch()  # so that the listing asks who holds the session
    with pytest.raises(StoreError) as info:
        store.open(sid)
    assert info.value.code == "lock_link" and info.value.detail["file"] == link.name
    (listing,) = store.list()
    assert (listing.damaged, listing.locked_by) == (None, None)  # no made-up holder
    code, out, err = cli(capsys, data_dir, "delete", sid)
    assert one_line_error(code, out, err)
    set_language("en")
    assert store_error("lock_link", id=sid, file=link.name) in err
    after = (sha(target), target.stat().st_mtime_ns, target.stat().st_mode)
    assert after == before  # never truncated, written or chmod-ed
    assert names(outside) == ["notes.txt"]
    assert sha(session_file) == file_before and link.is_symlink()
    assert not (data_dir / ".backups").exists()


async def test_the_app_says_why_it_does_not_open_a_session_with_a_planted_lock(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, outside: Path, clock: Clock
) -> None:
    sid = SessionStore(data_dir, clock=clock).create("Comité").id
    target = outside / "notes.txt"
    target.write_bytes(b"the user's notes\n")
    (data_dir / f".{sid}.lock").symlink_to(target)
    app = make_app(session_id=sid, lang="fr")
    shown: list[str] = []
    app.notify = lambda message, **kw: shown.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.ctx is None  # not opened, not even read-only
    set_language("fr")
    assert shown == [store_error("lock_link", id=sid, file=f".{sid}.lock")]
    assert "que Concerto ne suit jamais" in shown[0]
    assert target.read_bytes() == b"the user's notes\n"


# -- the store's own folders: a link leading out is never followed --------------------------------


def test_backups_and_trash_folders_linked_out_are_never_written(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, outside: Path, clock: Clock
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("Comité").id
    session_file = data_dir / f"{sid}.json"
    before = sha(session_file)
    for name in ("backups", "trash"):
        (outside / name).mkdir()
        (data_dir / f".{name}").symlink_to(outside / name)
    handle = store.open(sid)  # opening keeps a backup: refused, the session still opens
    assert handle.backup_error is not None and handle.backup_error.code == "link_outside"
    handle.close()
    code, out, err = cli(capsys, data_dir, "delete", sid)
    assert one_line_error(code, out, err)
    assert err == f"concerto: {save_error('link_outside', str(data_dir))}\n"
    code, out, err = cli(capsys, data_dir, "list", "--trash")
    assert one_line_error(code, out, err)
    assert sha(session_file) == before
    assert [list(os.walk(outside / n)) for n in ("backups", "trash")] == [
        [(str(outside / "backups"), [], [])],
        [(str(outside / "trash"), [], [])],
    ]


def test_exporting_into_an_exports_folder_linked_out_is_refused(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, outside: Path, clock: Clock
) -> None:
    sid = SessionStore(data_dir, clock=clock).create("Comité").id
    (data_dir / "exports").symlink_to(outside)
    code, out, err = cli(capsys, data_dir, "export", sid)
    assert one_line_error(code, out, err)
    assert "the exports folder is a link that leads out of the data folder" in err
    assert names(outside) == []


def test_a_session_linked_inside_can_be_trashed_listed_and_restored(  # type: ignore[no-untyped-def]
    data_dir: Path, clock: Clock
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("Comité").id
    path = data_dir / f"{sid}.json"
    real = data_dir / "kept" / f"{sid}.json"
    real.parent.mkdir()
    os.replace(path, real)
    path.symlink_to(os.path.relpath(real, data_dir))
    store.delete(sid)  # the link goes to the trash, where it no longer leads anywhere
    (trashed,) = store.trash()
    assert (trashed.id, trashed.damaged) == (sid, "unreadable")
    store.restore(sid)
    assert store.load(sid).meeting.title == "Comité"


def test_a_lock_linked_inside_the_folder_neither_stops_the_listing_nor_is_opened(  # type: ignore[no-untyped-def]
    data_dir: Path, clock: Clock
) -> None:
    store = SessionStore(data_dir, clock=clock)
    sid = store.create("Comité").id
    (data_dir / "notes.txt").write_text("notes\n")
    (data_dir / f".{sid}.lock").symlink_to("notes.txt")
    (data_dir / f".{sid}.owner").touch()
    (listing,) = store.list()
    assert (listing.id, listing.damaged, listing.locked_by) == (sid, None, None)
    with pytest.raises(StoreError) as info:
        store.open(sid)
    assert info.value.code == "lock_link"
    assert (data_dir / "notes.txt").read_text() == "notes\n"
