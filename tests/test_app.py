"""The app in-process (Pilot): create, fill, quit, resume; drafts; save failures; read-only."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path

import pytest
from conftest import counter, until

from tui.storage.store import SessionStore


def session_file(data_dir: Path) -> dict:  # type: ignore[type-arg]
    (path,) = [p for p in data_dir.glob("*.json") if not p.name.startswith(".")]
    return json.loads(path.read_text("utf-8"))


@pytest.mark.heavy(8)
async def test_create_fill_quit_and_resume_at_the_same_step(make_app, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.press(*"Table de quartier", "enter")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-title")
        await pilot.press("tab")  # collective
        await pilot.press(*"CDC Rivière", "tab")
        await pilot.press(*"2026-12-03", "tab")
        await pilot.press(*"9:30", "tab")
        await pilot.press("f3", "f3")  # on to step 2
        await pilot.pause()
        await pilot.press("ctrl+q")
    tables = session_file(data_dir)
    meeting = tables["meeting"]["1"]
    assert (meeting["title"], meeting["collective"], meeting["date"], meeting["start_time"]) == (
        "Table de quartier",
        "CDC Rivière",
        "2026-12-03",
        "09:30:00",
    )
    assert tables["progress"]["1"]["screen"] == "resources"

    sid = tables["meta"]["1"]["id"]
    again = make_app(session_id=sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.screen.KEY == "resources"
        await pilot.press("f2", "f2")
        await pilot.pause()
        assert again.screen.query_one("#f-collective").value == "CDC Rivière"


async def test_a_half_typed_date_survives_quit_and_reopen_as_a_draft(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    sid = store.create("Comité").id
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#f-date").focus()
        await pilot.press(*"2026-13")
        await pilot.pause()
        assert "date" in str(app.screen.query_one("#e-date").render()).lower()
        await pilot.press("ctrl+q")
    saved = session_file(data_dir)
    assert saved["drafts"]["1"] == {"meeting/date": "2026-13"}
    assert saved["meeting"]["1"]["date"] is None
    again = make_app(session_id=sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.screen.query_one("#f-date").value == "2026-13"
        assert again.screen.query_one("#e-date").display


async def test_every_change_reaches_the_disk_within_half_a_second(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    sid = store.create("Rapide").id
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#f-place").focus()
        await pilot.press(*"Salle 2")
        start = dt.datetime.now()
        while session_file(data_dir)["meeting"]["1"]["place"] != "Salle 2":
            await pilot.pause(0.02)
            assert (dt.datetime.now() - start).total_seconds() < 0.5
        assert app.save_state in ("saved", "pending")


@pytest.mark.heavy(6)
async def test_a_failed_save_shows_a_banner_keeps_the_edit_and_recovers(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock, monkeypatch
) -> None:
    from tui.storage import atomic

    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    sid = store.create("Fragile").id
    path = data_dir / f"{sid}.json"
    app = make_app(session_id=sid)
    real_fsync = atomic.REAL_FS.fsync
    failing = {"on": True}

    def fsync(fd: int) -> None:
        if failing["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        monkeypatch.setattr(atomic.REAL_FS, "fsync", fsync)
        before = path.read_bytes()
        app.screen.query_one("#f-place").focus()
        await pilot.press(*"Sous-sol")
        while app.save_state != "failed":
            await pilot.pause(0.05)
        banner = app.screen.query_one("#banner")
        # The folder, as home names it.
        assert banner.display and "~/sessions" in str(banner.render())
        assert path.read_bytes() == before
        failing["on"] = False
        while app.save_state != "saved":
            await pilot.pause(0.1)
    assert session_file(data_dir)["meeting"]["1"]["place"] == "Sous-sol"


async def test_a_session_held_elsewhere_opens_read_only_and_follows(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    sid = store.create("Partagée").id
    writer = store.open(sid)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.save_state == "read-only"
        banner = str(app.screen.query_one("#banner").render())
        assert banner.startswith("Lecture seule") and f"pid {os.getpid()}" in banner
        writer.session.meeting.place = "Hôtel de ville"
        writer.save(writer.session, ["meeting"])
        field = app.screen.query_one("#f-place")
        for _ in range(40):
            if field.value == "Hôtel de ville":
                break
            await pilot.pause(0.05)
        assert field.value == "Hôtel de ville"
    writer.close()


def footer_text(app) -> str:  # type: ignore[no-untyped-def]
    from textual.widgets._footer import FooterKey

    return " ".join(k.description for k in app.screen.query(FooterKey))


async def test_the_language_switches_in_the_app_footer_included_and_is_remembered(  # type: ignore[no-untyped-def]
    make_app,
) -> None:
    from tui.storage.config import load_config

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Nouvelle" in footer_text(app) and "Corbeille" in footer_text(app)
        assert "Séances dans" in str(app.screen.query_one("#home-title").render())
        await pilot.press("f12")
        await until(pilot, lambda: "New" in footer_text(app))
        assert "Trash" in footer_text(app)
        assert "Sessions in" in str(app.screen.query_one("#home-title").render())
    assert load_config().lang == "en"


async def test_no_color_keeps_a_theme_textual_can_draw_in_greys(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The ANSI theme under Textual's NO_COLOR filter drew black on black (issue 9).
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.no_color
        assert app.theme == "textual-dark"


async def test_the_theme_cycles_to_high_contrast_and_is_remembered(make_app) -> None:  # type: ignore[no-untyped-def]
    from tui.storage.config import load_config

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f11", "f11")
        await pilot.pause()
        assert app.theme == "concerto-contrast"
    assert load_config().theme == "contrast"


def test_sixteen_colour_terminals_get_the_ansi_theme() -> None:
    from tui.terminal.themes import ANSI, pick_theme

    assert pick_theme("contrast", {"TERM": "xterm"}, False) == ANSI
    assert pick_theme("contrast", {"TERM": "linux"}, False) == ANSI
    assert pick_theme("contrast", {"TERM": "tmux-256color"}, False) == "concerto-contrast"
    assert pick_theme(None, {"TERM": "xterm", "COLORTERM": "truecolor"}, False) == "textual-dark"
    assert pick_theme(None, {"TERM": "xterm-256color"}, True) == "textual-dark"
    assert pick_theme(None, {"TERM": "xterm"}, True) == "textual-dark"


async def test_a_data_folder_where_nothing_can_be_written_is_said_in_words(  # type: ignore[no-untyped-def]
    tmp_path: Path, clock
) -> None:
    from tui.app.main import make_app
    from tui.screens.home import HomeScreen

    blocker = tmp_path / "sessions"
    blocker.write_text("not a folder")
    app = make_app(blocker, lang="fr", clock=clock, tz="America/Montreal", new_id=counter("s"),
                   display_path="~/sessions", blink=False)  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (["n", *"Essai", "enter"], ["d"]):  # a new session, then the demo ones
            app.clear_notifications()
            await pilot.press(*keys)
            await until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
            (note,) = [n for n in app._notifications if n.severity == "error"]
            assert note.message == f"Non enregistré dans {blocker} : l'enregistrement a échoué."
            assert isinstance(app.screen, HomeScreen)
        assert app.return_code is None
    assert blocker.read_text() == "not a folder"


async def test_a_copy_whose_title_would_be_too_long_is_refused_in_words(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    store.create("x" * 495)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query("#sessions"))
        await pilot.press("c")  # "Copie de xxx…": 504 characters
        await until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        (note,) = [n for n in app._notifications if n.severity == "error"]
        assert note.message == "Au plus 500 caractères."
        assert app.return_code is None
    assert len(store.list()) == 1


@pytest.mark.parametrize("screen", ["meeting", "resources"])
async def test_a_screen_loads_the_session_once_when_it_shows_and_once_per_change(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock, screen: str
) -> None:
    """Each screen fills itself once as it shows, and once when the session changes under it
    (an undo, a followed save); its header ticks once a second, not twice."""
    from live_helpers import live_session, show

    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    loads: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, screen)
        shown = app.screen
        original = shown.load
        shown.load = lambda: (loads.append(screen), original())[1]  # type: ignore[method-assign]
        app.revision += 1
        await until(pilot, lambda: bool(loads))
        await pilot.pause()
        assert loads == [screen]
        assert len([t for t in shown._timers if t._interval == 1.0]) == 1


async def test_an_app_started_on_a_session_goes_back_to_the_list_of_sessions(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    """Started on a session, the app shows it at once; ctrl+o still leads to the list."""
    from textual.widgets import DataTable

    from tui.screens.home import HomeScreen

    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    first, second = store.create("Comité").id, store.create("Assemblée").id
    app = make_app(session_id=first)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.ctx is None  # the session was saved and released
        table = app.screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count == 2)
        keys = [row.key.value for row in table.ordered_rows]
        await pilot.press(*["down"] * keys.index(second), "enter")
        await until(pilot, lambda: app.ctx is not None and app.ctx.session.id == second)
        await pilot.press("ctrl+o")  # the list made on the way out is the one shown again
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.ctx is None)
        assert len(app.screen_stack) == 2
