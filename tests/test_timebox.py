"""Timeboxes under a frozen clock: time left, time over, spent across resumes, end, bell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import FROZEN
from live_helpers import live_session, show, until

from tui.config import Config
from tui.model import AgendaItem, Meeting, Session
from tui.timebox import PAUSE_AFTER, checkpoint, elapsed, next_item, projected_end
from tui.widgets.header import SessionHeader


def header(app: Any) -> str:
    """The header line as drawn (plain text)."""
    return str(app.screen.query_one(SessionHeader).render())


def agenda(app: Any) -> tuple[str, str]:
    """The header's agenda label and timebox, whole."""
    widget = app.screen.query_one(SessionHeader)
    return widget.agenda, widget.timebox


async def minutes(app: Any, clock: Any, pilot: Any, count: float) -> None:
    """Let ``count`` minutes pass, the screen ticking as the running app does."""
    for _ in range(int(count * 60) // 30):
        clock.advance(30)
        app.screen.tick()
    await pilot.pause()


async def _open(app: Any, pilot: Any) -> None:
    await until(pilot, lambda: getattr(app.screen, "KEY", None) is not None)


async def test_time_left_then_time_over_in_words_from_any_screen(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        assert app.focused is not None  # F9 works with a field focused
        await pilot.press("f9")
        await pilot.pause()
        assert agenda(app) == ("Mot de bienvenue", "reste 05:00")
        # The item whole: on the header's second line when the first has no room for it.
        assert "\nMot de bienvenue │ reste 05:00 │" in header(app)
        await minutes(app, clock, pilot, 2)
        assert "reste 03:00" in header(app)
        await minutes(app, clock, pilot, 3.5)
        line = header(app)
        assert "DÉPASSÉ de 00:30" in line and app.screen.query_one(SessionHeader).over
        await show(app, pilot, "watch")
        await pilot.press("f9")
        await pilot.pause()
        assert agenda(app) == ("Ressources", "reste 20:00")
        app.flush_now()
    session = store.load(sid)
    assert [a.spent_s for a in session.agenda] == [330, 0, 0, 0]
    assert session.progress.agenda_item == "a-resources"


async def test_the_agenda_ends_and_f9_then_says_so(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        await pilot.press("f9", "f9", "f9", "f9")
        await pilot.pause()
        assert agenda(app) == ("Levée", "00:00 écoulé")  # no timebox: time spent
        await pilot.press("f9")
        await pilot.pause()
        assert "Ordre du jour terminé" in header(app)
        await pilot.press("f9")  # does not start the agenda again
        await pilot.pause()
        assert "Ordre du jour terminé" in header(app)
        app.flush_now()
    assert store.load(sid).progress.agenda_item is None


async def test_time_spent_accumulates_across_a_resume(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        await pilot.press("f9")
        await minutes(app, clock, pilot, 2)
        await pilot.press("ctrl+q")
    clock.advance(60)  # a restart during the meeting: the minute counts
    again = make_app(session_id=sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await _open(again, pilot)
        assert agenda(again) == ("Mot de bienvenue", "reste 02:00")
        await minutes(again, clock, pilot, 1)
        await pilot.press("f9")
        await pilot.pause()
        again.flush_now()
    assert [a.spent_s for a in store.load(sid).agenda][:2] == [240, 0]


async def test_a_long_gap_before_a_resume_is_a_pause_and_does_not_count(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        await pilot.press("f9")
        await minutes(app, clock, pilot, 2)
        await pilot.press("ctrl+q")
    clock.advance(2 * 3600)  # lunch, app closed
    again = make_app(session_id=sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await _open(again, pilot)
        assert "reste 03:00" in header(again)
        await minutes(again, clock, pilot, 1)
        assert "reste 02:00" in header(again)


async def test_the_projected_end_follows_what_remains(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        assert "fin ~" not in header(app)  # not started
        await pilot.press("f9")
        await pilot.pause()
        assert "│ fin ~10:25" in header(app) and "│ 09:30 │" in header(
            app
        )  # 5 + 20 + 30 min from 9:30
        await minutes(app, clock, pilot, 7)  # 2 minutes over: the end moves
        assert "│ fin ~10:27" in header(app) and "│ 09:37 │" in header(app)
        await pilot.press("f9")
        await minutes(app, clock, pilot, 5)
        assert "│ fin ~10:27" in header(app) and "│ 09:42 │" in header(app)  # on time: it holds


def _session(*boxes: int | None) -> Session:
    agenda = [
        AgendaItem(id=f"a{n}", label=f"Point {n}", timebox_min=b) for n, b in enumerate(boxes)
    ]
    return Session(id="x", meeting=Meeting(title="T"), agenda=agenda)


def test_projected_end_and_checkpoints_as_pure_functions() -> None:
    session = _session(10, None, 15)
    assert projected_end(session, FROZEN) is None
    next_item(session, FROZEN, "UTC")
    assert projected_end(session, FROZEN) == FROZEN + dt.timedelta(minutes=25)
    later = FROZEN + dt.timedelta(seconds=90)
    assert checkpoint(session, later) and session.agenda[0].spent_s == 90
    assert not checkpoint(session, later + dt.timedelta(seconds=30))  # not due yet
    gap = later + dt.timedelta(seconds=PAUSE_AFTER + 1)
    assert elapsed(session, session.agenda[0], gap) == 90  # a pause is not counted
    assert checkpoint(session, gap) and session.progress.agenda_started == gap


async def test_the_bell_rings_once_when_a_timebox_runs_out(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    rung: list[int] = []
    app.bell = lambda: rung.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        await pilot.press("f9")
        await minutes(app, clock, pilot, 4.5)
        assert rung == []
        await minutes(app, clock, pilot, 1)
        assert rung == [1]
        await minutes(app, clock, pilot, 3)
        await show(app, pilot, "roles")  # another screen: no second ring for the same item
        await minutes(app, clock, pilot, 1)
        assert rung == [1]
        await pilot.press("f9")
        await minutes(app, clock, pilot, 20)
        assert rung == [1, 1]


async def test_no_bell_when_the_preferences_turn_it_off(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid, config=Config(bell=False))
    rung: list[int] = []
    app.bell = lambda: rung.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        await pilot.press("f9")
        await minutes(app, clock, pilot, 6)
        assert "DÉPASSÉ" in header(app)
    assert rung == []
