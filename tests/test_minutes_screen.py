"""The Minutes screen (Pilot): preview, export to files, the scp line, mode and language; home."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import Clock, counter, until

from tui.demo import demo_sessions
from tui.export import render_html, render_minutes
from tui.export.typography import typeset
from tui.screens.minutes import MinutesScreen
from tui.services.exporting import scp_command
from tui.storage.store import SessionStore
from tui.widgets.dialogs import Confirm

SIZE = (80, 24)
SSH = "203.0.113.5 52144 198.51.100.7 22"


def write_demo(data_dir: Path, clock: Clock, which: int = 0) -> str:
    """Write one demo session (0: French, 1: English); it was left on its Minutes screen."""
    session = demo_sessions(clock(), counter("d"))[which]
    return SessionStore(data_dir, clock=clock, new_id=counter("s")).write_new(session).id


def stored(data_dir: Path, sid: str):  # type: ignore[no-untyped-def]
    """The session as it is on disk."""
    return SessionStore(data_dir).load(sid)


def shown(screen: MinutesScreen) -> str:
    """The text of every line the preview has drawn."""
    return screen.preview.plain_text()


def exports(data_dir: Path) -> list[Path]:
    """The exported files, oldest name first (not a save's hidden temporary file)."""
    folder = data_dir / "exports"
    found = [p for p in folder.iterdir() if not p.name.startswith(".")] if folder.exists() else []
    return sorted(found, key=lambda p: (len(p.name), p.name))


async def minutes_shown(app: Any, pilot: Any) -> MinutesScreen:
    """Wait for the Minutes screen to have drawn the whole preview."""
    await until(pilot, lambda: isinstance(app.screen, MinutesScreen) and app.screen.is_mounted)
    screen: MinutesScreen = app.screen
    await until(pilot, lambda: bool(screen.preview.lines) and not screen.rendering)
    return screen


def saved_text(screen: MinutesScreen) -> str:
    """What the screen says about the last export."""
    return str(screen.query_one("#minutes-saved").render())


async def test_the_preview_shows_the_session_minutes(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_demo(data_dir, clock)
    session = stored(data_dir, sid)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        text = shown(screen)
        assert f"Compte rendu — {typeset(session.meeting.title, 'fr')}" in text
        assert session.participants[0].name in text
        assert "Il est proposé par" not in text  # the demo session is a summary
        assert screen.markdown == render_minutes(session, "summary", "fr")


async def test_user_text_is_shown_as_typed_never_as_markup(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    session = demo_sessions(clock(), counter("d"))[0]
    session.meeting.title = "Comité [bold red]rouge[/] *étoile* <b>gras</b>"
    sid = SessionStore(data_dir, clock=clock, new_id=counter("s")).write_new(session).id
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        assert "Comité [bold red]rouge[/] *étoile* <b>gras</b>" in shown(screen)


async def test_the_preview_is_drawn_in_a_worker_thread(
    make_app, data_dir, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import tui.screens.minutes as minutes

    threads: list[threading.Thread] = []
    real = minutes.draw

    def spy(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(minutes, "draw", spy)
    app = make_app(session_id=write_demo(data_dir, clock))
    async with app.run_test(size=SIZE) as pilot:
        await minutes_shown(app, pilot)
    assert threads and threading.main_thread() not in threads


async def test_e_exports_the_markdown_file_and_says_where(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_demo(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("e")
        await until(pilot, lambda: len(exports(data_dir)) == 1 and "exports" in saved_text(screen))
        (path,) = exports(data_dir)
        assert path.parent == data_dir / "exports"
        assert (
            path.name
            == "2026-11-25-table-de-concertation-en-securite-alimentaire-compte-rendu-fr.md"
        )
        expected = render_minutes(stored(data_dir, sid), screen.mode, screen.lang)
        assert path.read_text("utf-8") == expected
        assert str(path) in saved_text(screen).replace("\n", "")
        assert not app._notifications  # nothing covers the preview: the line under it says


async def test_h_exports_the_printable_html_page(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_demo(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        await minutes_shown(app, pilot)
        await pilot.press("h")
        await until(pilot, lambda: len(exports(data_dir)) == 1)
    (path,) = exports(data_dir)
    session = stored(data_dir, sid)
    markdown = render_minutes(session, "summary", "fr")
    assert path.suffix == ".html"
    assert path.read_text("utf-8") == render_html(markdown, session.meeting.title, "fr")


async def test_exporting_again_asks_before_replacing_and_n_keeps_both(
    make_app, data_dir, clock
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(session_id=write_demo(data_dir, clock))
    async with app.run_test(size=SIZE) as pilot:
        await minutes_shown(app, pilot)
        await pilot.press("e")
        await until(pilot, lambda: len(exports(data_dir)) == 1)
        (first,) = exports(data_dir)
        first.write_text("kept as the facilitator edited it", "utf-8")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert first.name in app.screen.question
        await pilot.press("n")  # keep both
        await until(pilot, lambda: len(exports(data_dir)) == 2)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")  # replace the first one
        await until(pilot, lambda: first.read_text("utf-8").startswith("# Compte rendu"))
    again, second = exports(data_dir)
    assert again == first and len(exports(data_dir)) == 2
    assert second.name == first.stem + "-2.md"
    assert second.read_text("utf-8").startswith("# Compte rendu")


async def test_the_scp_line_is_offered_over_ssh(make_app, data_dir, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SSH_CONNECTION", SSH)
    monkeypatch.setattr("getpass.getuser", lambda: "anim")
    app = make_app(session_id=write_demo(data_dir, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("e")
        await until(pilot, lambda: "scp" in saved_text(screen))
        (path,) = exports(data_dir)
        line = f"scp anim@198.51.100.7:{path} ."
        assert line in saved_text(screen).replace("\n", "")


async def test_no_scp_line_outside_ssh(make_app, data_dir, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_CLIENT", raising=False)
    app = make_app(session_id=write_demo(data_dir, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("e")
        await until(pilot, lambda: "exports" in saved_text(screen))
        assert "scp " not in saved_text(screen)
        assert not any("scp " in n.message for n in app._notifications)


async def test_m_switches_to_formal_minutes_and_keeps_it(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_demo(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("m")
        await until(pilot, lambda: not screen.rendering and "Il est proposé par" in shown(screen))
        assert shown(screen).startswith("Procès-verbal — ")
        await pilot.press("e")
        await until(pilot, lambda: len(exports(data_dir)) == 1)
        await until(pilot, lambda: app.save_state == "saved")
    session = stored(data_dir, sid)
    assert session.meeting.mode == "formal"
    assert exports(data_dir)[0].read_text("utf-8") == render_minutes(session, "formal", "fr")


async def test_l_switches_the_minutes_to_english_and_keeps_it(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_demo(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("l")
        await until(pilot, lambda: not screen.rendering and "Attendance" in shown(screen))
        assert "Présences" not in shown(screen)
        await until(pilot, lambda: app.save_state == "saved")
    assert stored(data_dir, sid).meeting.minutes_lang == "en"


async def test_a_read_only_session_switches_the_preview_only(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_demo(data_dir, clock)
    writer = SessionStore(data_dir, clock=clock).open(sid)
    try:
        app = make_app(session_id=sid)
        async with app.run_test(size=SIZE) as pilot:
            screen = await minutes_shown(app, pilot)
            await pilot.press("m")
            await until(
                pilot, lambda: not screen.rendering and "Il est proposé par" in shown(screen)
            )
    finally:
        writer.close()
    assert stored(data_dir, sid).meeting.mode == "summary"


async def test_a_decision_captured_here_shows_in_the_preview(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    from tui.screens.capture import CaptureForm

    app = make_app(session_id=write_demo(data_dir, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        await pilot.press(*"Le comité adopte le budget 2027", "enter")
        await until(pilot, lambda: "adopte le budget 2027" in shown(screen))
        assert "adopte le budget 2027" in screen.markdown


async def test_leaving_while_drawing_and_exporting_still_says_where(
    make_app, data_dir, clock
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(session_id=write_demo(data_dir, clock))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MinutesScreen))
        await pilot.press("e", "f2")  # at once: the drawing and the export outlive the screen
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "review")
        await until(pilot, lambda: len(exports(data_dir)) == 1)
        await until(pilot, lambda: any("exports" in n.message for n in app._notifications))
        await pilot.pause(0.3)
        assert app.return_code is None  # still running: nothing raised


async def test_a_drawing_that_ends_after_the_session_closed_is_dropped(
    make_app, data_dir, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """ctrl+o closes the session before the minutes screen is gone: a late drawing is dropped."""
    import tui.screens.minutes as minutes
    from tui.storage.config import log_path

    gate = threading.Event()
    real = minutes.draw

    def held(*args: Any) -> Any:
        gate.wait(10)
        return real(*args)

    monkeypatch.setattr(minutes, "draw", held)
    app = make_app(session_id=write_demo(data_dir, clock))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MinutesScreen))
        screen = app.screen
        await until(pilot, lambda: screen.rendering)
        app.close_session()  # what ctrl+o does first, while the screen is still there
        gate.set()
        await until(pilot, lambda: all(w.is_finished for w in app.workers))
        await pilot.pause(0.1)
        assert app.return_code is None  # still running: nothing raised
    assert not log_path().exists()


async def test_a_failed_export_says_why(make_app, data_dir, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    import tui.storage.exports as exports_module

    def full(*args: Any, **kw: Any) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports_module, "write_export", full)
    app = make_app(session_id=write_demo(data_dir, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("e")
        message = "Le fichier n'a pas pu être écrit : No space left on device"
        await until(pilot, lambda: saved_text(screen) == message)
        assert not app._notifications  # said under the preview, not over it
    assert exports(data_dir) == []


async def test_c_copies_the_markdown_to_the_clipboard(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_demo(data_dir, clock, which=1)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        await minutes_shown(app, pilot)
        await pilot.press("c")
        await until(pilot, lambda: bool(app.clipboard))
    assert app.clipboard == render_minutes(stored(data_dir, sid), "formal", "en")


async def test_e_on_home_exports_the_selected_session(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_demo(data_dir, clock, which=1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await until(pilot, lambda: len(exports(data_dir)) == 1)
        await until(pilot, lambda: any("exports" in n.message for n in app._notifications))
    (path,) = exports(data_dir)
    assert path.name == "2026-11-25-alder-creek-aging-well-coalition-minutes-en.md"
    assert path.read_text("utf-8") == render_minutes(stored(data_dir, sid), "formal", "en")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"SSH_CONNECTION": SSH}, "scp anim@198.51.100.7:/srv/x.md ."),
        ({"SSH_CONNECTION": "::1 5000 fe80::2 22"}, "scp 'anim@[fe80::2]:/srv/x.md' ."),
        ({}, None),
    ],
)
def test_scp_command(env: dict[str, str], expected: str | None, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("getpass.getuser", lambda: "anim")
    assert scp_command(Path("/srv/x.md"), env) == expected


@pytest.mark.parametrize("golden", sorted(Path(__file__).parent.glob("golden/*.md")))
def test_sections_parse_as_the_whole_document_does(golden: Path) -> None:
    from tui.export import minutes_parser
    from tui.widgets.markdown_lines import sections

    text = golden.read_text("utf-8")
    parser = minutes_parser()
    parts = sections(text)
    assert len(parts) > 5 and "".join(parts) == text

    def shape(tokens: list[Any]) -> list[tuple[str, str, str]]:
        return [(t.type, t.tag, t.content) for t in tokens]

    assert shape([t for part in parts for t in parser.parse(part)]) == shape(parser.parse(text))


async def test_a_follow_ups_preview_and_export_show_what_the_meeting_changed(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    from tui.model import Resource
    from tui.storage.followup import create_followup

    first = write_demo(data_dir, clock)
    store = SessionStore(data_dir, clock=clock, new_id=counter("f"))
    follow = create_followup(store, first)
    handle = store.open(follow.id)
    handle.session.resources.append(Resource(label="Camion réfrigéré loué"))
    handle.save(handle.session)
    handle.close()
    app = make_app(session_id=follow.id)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "SinceLastMeeting")
        await pilot.press("enter")  # close "since last meeting"
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        app.show_screen("minutes")
        await until(pilot, lambda: isinstance(app.screen, MinutesScreen) and app.screen.is_mounted)
        await pilot.pause()
        await until(pilot, lambda: "Camion réfrigéré loué" in shown(app.screen))
        text = shown(app.screen)
        assert "Ce que la rencontre a changé" in text and "Annexe" in text
        await pilot.press("e")
        await until(pilot, lambda: len(exports(data_dir)) == 1)
    assert "Ce que la rencontre a changé" in exports(data_dir)[0].read_text("utf-8")
