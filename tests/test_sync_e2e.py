"""Two laptops share sessions through a bare git repository, over a path and over real SSH.

Real git, real files, the real command line; the conflict is settled in the app from the
keyboard, and the app's own sync merges into the session it has open.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import Laptop, bare_repo, laptop

from tui.config import Config
from tui.model import Action
from tui.screens.review import ReviewScreen


def _two_laptops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> tuple[str, Laptop, Laptop]:
    """A shared bare repository, and Alice's and Bob's laptops."""
    url = str(bare_repo(tmp_path / "shared.git"))
    alice, bob = (laptop(tmp_path, name, monkeypatch, capsys) for name in ("Alice", "Bob"))
    return url, alice, bob


def _share(a: Laptop, b: Laptop, url: str) -> str:
    """A creates a session and syncs; B syncs and has it. Returns the session id."""
    status, out, _ = a.run("new", "Table de concertation")
    assert status == 0
    sid = out.strip()
    status, out, err = a.run("sync", url)
    assert (status, out, err) == (0, f"Synced with {url}: 1 session sent, 0 received.\n", "")
    status, out, _ = b.run("sync", url)
    assert (status, out) == (0, f"Synced with {url}: 0 sessions sent, 1 received.\n")
    assert [x["title"] for x in b.listing()] == ["Table de concertation"]
    return sid


def _shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> tuple[str, Laptop, Laptop, str]:
    """Two laptops sharing one session: the repository, Alice's, Bob's, the session id."""
    url, a, b = _two_laptops(tmp_path, monkeypatch, capsys)
    return url, a, b, _share(a, b, url)


def _different_records(a: Laptop, b: Laptop, sid: str) -> None:
    """Offline, A and B edit different records; after syncing, both have both edits."""
    a.edit(sid, lambda s: setattr(s, "actions", [Action(id="act-a", label="Budget")]))
    b.edit(sid, lambda s: setattr(s.meeting, "collective", "CDC Rivière-du-Nord"))
    for side in (a, b, a):
        assert side.run("sync")[0] == 0
    for side in (a, b):
        session = side.load(sid)
        assert [x.label for x in session.actions] == ["Budget"]
        assert session.meeting.collective == "CDC Rivière-du-Nord"
        assert session.conflicts == []


def test_sessions_travel_between_two_laptops_over_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    url, a, b, sid = _shared(tmp_path, monkeypatch, capsys)
    _different_records(a, b, sid)
    status, out, _ = a.run("history", sid)
    lines = out.splitlines()
    assert status == 0 and "Bob" in lines[0] and "Alice" in lines[-1]
    assert any("added: Budget" in line for line in lines)
    # Locks, owners, backups and the listing cache stayed home.
    tracked = a.store.folder.joinpath(".git").exists()
    assert tracked
    import subprocess

    files = subprocess.run(
        ["git", "-C", str(a.folder), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert sorted(files) == [".gitattributes", ".gitignore", f"{sid}.json"]


def test_an_earlier_state_is_shown_and_restored_as_a_new_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import json

    url, a, b, sid = _shared(tmp_path, monkeypatch, capsys)
    _different_records(a, b, sid)
    first = json.loads(a.run("history", sid, "--json")[1].splitlines()[-1])["commit"]
    status, out, _ = a.run("show", sid, "--at", first, "--format", "json")
    assert status == 0 and json.loads(out)["session"]["actions"] == []
    status, out, _ = a.run("show", sid, "--at", first)
    assert status == 0 and out.startswith("# Meeting summary — Table de concertation")
    assert a.run("show", sid, "--at", "nowhere") == (
        2,
        "",
        "concerto: nowhere is neither a change of the history nor a date.\n",
    )
    status, out, _ = a.run("restore", sid, "--at", first)
    assert (status, out) == (
        0,
        f"Session {sid} is back as it was at {first}; concerto sync shares it.\n",
    )
    assert a.load(sid).actions == [] and a.load(sid).meeting.collective == ""
    latest = json.loads(a.run("history", sid, "--json")[1].splitlines()[0])
    assert latest["who"] == "Alice" and latest["removed"] == ["Budget"]
    assert a.run("sync")[0] == 0 and b.run("sync")[0] == 0
    assert b.load(sid).actions == []


def test_sessions_travel_over_ssh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any, ssh_server: Any
) -> None:
    bare_repo(tmp_path / "shared.git")
    url = f"ssh://{ssh_server.user}@127.0.0.1:{ssh_server.port}{tmp_path / 'shared.git'}"
    ssh = " ".join(ssh_server.client_argv("true")[:-3])  # without -tt, the host and a command
    monkeypatch.setenv("GIT_SSH_COMMAND", ssh)
    a, b = (
        laptop(tmp_path, "Alice", monkeypatch, capsys),
        laptop(tmp_path, "Bob", monkeypatch, capsys),
    )
    sid = _share(a, b, url)
    _different_records(a, b, sid)


async def test_a_field_changed_on_both_is_a_conflict_settled_in_the_app_then_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any, clock: Any
) -> None:
    from conftest import until

    from tui.app import make_app

    url, a, b, sid = _shared(tmp_path, monkeypatch, capsys)
    a.edit(sid, lambda s: setattr(s.meeting, "place", "Salle Alice"))
    b.edit(sid, lambda s: setattr(s.meeting, "place", "Salle Bob"))
    assert a.run("sync")[0] == 0
    status, out, _ = b.run("sync")
    assert status == 0 and "1 session has conflicts to settle in its review." in out
    assert a.run("sync")[0] == 0
    for side in (a, b):  # listed on both sides, both values kept
        assert [x["conflicts"] for x in side.listing()] == [1]
        (conflict,) = side.load(sid).conflicts
        assert {conflict.ours, conflict.theirs} == {"Salle Alice", "Salle Bob"}
        assert {conflict.ours_by, conflict.theirs_by} == {"Alice", "Bob"}
        _status, minutes, _ = side.run("export", sid, "-o", "-")
        assert "Salle Alice" not in minutes and "Salle Bob" not in minutes

    app = make_app(
        a.folder, lang="en", clock=clock, session_id=sid, config=Config(facilitator="Alice"),
        blink=False,
    )  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_screen("review")
        await until(
            pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.query("#review-list")
        )
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        item = screen._current()
        assert item is not None and item.check == "conflict"
        second = screen.current_conflict().theirs  # type: ignore[union-attr]
        await pilot.press("2")
        await until(pilot, lambda: a.load(sid).conflicts == [])
        assert a.load(sid).meeting.place == second
        # B changes another field meanwhile; the app syncs with the session open.
        b.edit(sid, lambda s: setattr(s.meeting, "facilitator", "Bob Gagnon"))
        assert b.run("sync")[0] == 0
        app.action_sync()
        await until(pilot, lambda: app.ctx is not None and app.ctx.session.meeting.facilitator)
        assert app.ctx is not None
        assert app.ctx.session.meeting.place == second and app.ctx.session.conflicts == []
        await until(pilot, lambda: a.load(sid).meeting.facilitator == "Bob Gagnon")
        await pilot.press("ctrl+q")
    assert b.run("sync")[0] == 0
    for side in (a, b):
        session = side.load(sid)
        assert session.conflicts == [] and session.meeting.place == second
        assert [x["conflicts"] for x in side.listing()] == [0]


def test_faults_are_one_line_and_local_work_is_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    a = laptop(tmp_path, "Alice", monkeypatch, capsys)
    sid = a.run("new", "Hors ligne")[1].strip()
    status, out, err = a.run("sync", "ssh://127.0.0.1:1/nowhere.git")
    assert status == 1 and err == "" and len(out.splitlines()) == 1
    assert out.startswith("Not synced: cannot reach ssh://127.0.0.1:1/nowhere.git")
    assert "1 session committed here, sent at the next sync." in out
    empty = tmp_path / "empty"
    empty.mkdir()
    status, out, _ = a.run("sync", str(empty))
    assert status == 1 and f"{empty} is not a git repository" in out
    refusing = bare_repo(tmp_path / "refusing.git")
    hook = refusing / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'closed for the holidays' >&2\nexit 1\n")
    hook.chmod(0o755)
    status, out, _ = a.run("sync", str(refusing))
    assert status == 1 and out.startswith("Not synced: the remote refused the changes")
    assert [x["title"] for x in a.listing()] == ["Hors ligne"]  # all kept, readable
    good = str(bare_repo(tmp_path / "good.git"))
    status, out, _ = a.run("sync", good)  # the work committed offline goes now
    assert (status, out) == (0, f"Synced with {good}: 1 session sent, 0 received.\n")
    assert a.load(sid).meeting.title == "Hors ligne"


def test_a_sync_killed_half_way_is_completed_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import tui.sync.engine as engine

    url, a, b, sid = _shared(tmp_path, monkeypatch, capsys)
    a.edit(sid, lambda s: setattr(s.meeting, "place", "Salle 3"))
    assert a.run("sync")[0] == 0

    def killed(*args: Any, **kw: Any) -> str:
        raise KeyboardInterrupt  # the process dies before any session is taken in

    with monkeypatch.context() as m:
        m.setattr(engine, "take_incoming", killed)
        with pytest.raises(KeyboardInterrupt):
            b.run("sync")
    assert b.load(sid).meeting.place == ""  # readable, as it was
    assert b.run("sync")[0] == 0
    assert b.load(sid).meeting.place == "Salle 3"


def test_a_session_damaged_on_the_remote_is_listed_and_never_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import subprocess

    url, a, b, sid = _shared(tmp_path, monkeypatch, capsys)
    before = (a.folder / f"{sid}.json").read_bytes()
    (b.folder / f"{sid}.json").write_text('{"meta": {"1": {"app": "concerto"')  # by hand
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bob", "GIT_AUTHOR_EMAIL": "b@b",
           "GIT_COMMITTER_NAME": "Bob", "GIT_COMMITTER_EMAIL": "b@b"}  # fmt: skip
    for args in (["commit", "-qam", "by hand"], ["push", "-q", "origin", "main"]):
        subprocess.run(["git", "-C", str(b.folder), *args], check=True, env=env)
    status, out, err = a.run("sync")
    assert status == 0
    assert err == (
        f"Session {sid}: the copy received is damaged; kept aside as {sid}-remote.json, "
        "this one unchanged.\n"
    )
    assert (a.folder / f"{sid}.json").read_bytes() == before
    listed = {x["id"]: x for x in a.listing()}
    assert listed[sid]["damaged"] is None
    assert listed[f"{sid}-remote"]["damaged"] == "syntax"
