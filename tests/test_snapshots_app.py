"""Snapshots at 80×24 of the frame: home, meeting, help, palette, read-only, failed save."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from conftest import Clock, counter

from tui.model import Participant
from tui.storage.store import SessionStore

SIZE = (80, 24)


def fill(data_dir: Path, clock: Clock) -> SessionStore:
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    a = store.create("Table de concertation en sécurité alimentaire")
    h = store.open(a.id)
    m = h.session.meeting
    m.collective, m.place = "Table de quartier Saint-Roch", "Centre communautaire"
    m.date = clock().date()
    h.session.participants.append(Participant(name="Awa Diallo", organisation="CDC"))
    h.save(h.session)
    h.close()
    store.create("Comité de suivi [bold]brackets[/]", minutes_lang="en")
    return store


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_home_with_sessions(snap_compare, make_app, data_dir, clock, lang) -> None:  # type: ignore[no-untyped-def]
    fill(data_dir, clock)
    assert snap_compare(make_app(lang=lang), terminal_size=SIZE)


def test_home_empty(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_home_with_a_damaged_file(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    fill(data_dir, clock)
    (data_dir / "reunion-coupee.json").write_bytes(b'{"meta": {"1": {"app": "conc')
    assert snap_compare(make_app(), terminal_size=SIZE)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_meeting(snap_compare, make_app, data_dir, clock, lang) -> None:  # type: ignore[no-untyped-def]
    fill(data_dir, clock)
    assert snap_compare(make_app(lang=lang, session_id="s0001"), terminal_size=SIZE)


def test_help(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    fill(data_dir, clock)
    assert snap_compare(make_app(session_id="s0001"), press=["f1"], terminal_size=SIZE)


def test_palette(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    fill(data_dir, clock)
    assert snap_compare(make_app(session_id="s0001"), press=["ctrl+p", *"step"], terminal_size=SIZE)


def test_read_only(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    store = fill(data_dir, clock)
    writer = store.open("s0001")
    owner = {"user": "anim", "host": "serveur", "pid": 4242, "started": None, "version": None}
    (data_dir / ".s0001.owner").write_text(json.dumps(owner))
    try:
        assert snap_compare(make_app(session_id="s0001"), terminal_size=SIZE)
    finally:
        writer.close()


def test_failed_save_banner(snap_compare, make_app, data_dir, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tui.storage import atomic

    fill(data_dir, clock)
    app = make_app(session_id="s0001", display_path="~/sessions")

    async def fail_then_type(pilot) -> None:  # type: ignore[no-untyped-def]
        def fsync(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic.REAL_FS, "fsync", fsync)
        app.screen.query_one("#f-place").focus()
        await pilot.press("end", *" B")
        while app.save_state != "failed":
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=fail_then_type)
