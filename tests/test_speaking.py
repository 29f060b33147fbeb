"""The speaking queue: add by name with completion, next speaker, the soft limit, on disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import FROZEN
from live_helpers import live_session, press_to, ready, until

from tui.export.minutes import render_minutes
from tui.model import Session
from tui.model.speaking import SpeakingQueue, call_next, enqueue, speaking_for, withdraw
from tui.room.page import fragment
from tui.screens.speaking import SpeakingDialog
from tui.storage.store import SessionStore
from tui.widgets.header import SessionHeader


def _header(app: Any) -> str:
    return str(app.screen.query_one(SessionHeader).render().plain)


def _on_disk(store: SessionStore, sid: str) -> SpeakingQueue:
    return store.load(sid).progress.speaking


async def _saved(app: Any, pilot: Any) -> None:
    await until(pilot, lambda: app.save_state == "saved" and not app.ctx.pending)


async def _add(app: Any, pilot: Any, letters: str) -> None:
    await press_to(pilot, SpeakingDialog, "f10")
    await pilot.press(*letters, "enter")
    await until(pilot, lambda: not isinstance(app.screen, SpeakingDialog))


def test_model_queue_order_duplicates_and_the_floor() -> None:
    queue = SpeakingQueue()
    assert enqueue(queue, "Marie") and enqueue(queue, "Luc")
    assert not enqueue(queue, "marie")  # waiting already, whatever the case
    assert not enqueue(queue, "  ")
    speaker = call_next(queue, FROZEN)
    assert speaker is not None and speaker.name == "Marie" and queue.waiting == ["Luc"]
    assert enqueue(queue, "Marie")  # the speaker may ask for the floor again
    assert speaking_for(queue, FROZEN + dt.timedelta(seconds=75)) == 75
    assert withdraw(queue, 1) == "Marie" and withdraw(queue, 5) is None
    assert call_next(queue, FROZEN) is not None and call_next(queue, FROZEN) is None
    assert queue.speaker is None  # nobody waiting: the floor closes


async def test_add_by_first_letters_call_next_and_the_soft_limit(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await _add(app, pilot, "lu")  # completes to a participant's name
        await _add(app, pilot, "Xavier Roy")  # no participant: taken as typed
        assert "2 en attente" in _header(app)
        await _saved(app, pilot)
        assert _on_disk(store, sid).waiting == ["Luc Gagnon", "Xavier Roy"]

        await pilot.press("shift+f10")  # shift+F10: next speaker
        await until(pilot, lambda: "Parole : Luc Gagnon 00:00 · 1 en attente" in _header(app))
        header = app.screen.query_one(SessionHeader)
        await until(pilot, lambda: header.size.height == 2)  # the line it needs is shown
        clock.advance(121)
        app.screen.tick()
        await until(pilot, lambda: "Parole : Luc Gagnon 02:01 DÉPASSÉ" in _header(app))
        await _saved(app, pilot)
        kept = _on_disk(store, sid)
        assert kept.speaker is not None and kept.speaker.name == "Luc Gagnon"
        assert kept.speaker.since == FROZEN and kept.waiting == ["Xavier Roy"]


async def test_enter_on_the_empty_line_gives_the_floor_and_delete_removes(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def queued(session: Session) -> None:
        session.progress.speaking = SpeakingQueue(waiting=["Amina Diallo", "Luc Gagnon", "Paul"])

    store, sid = live_session(data_dir, clock, queued)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press_to(pilot, SpeakingDialog, "f10")
        await pilot.press("tab", "l", "delete")  # type-to-select in the list: « Luc »
        await until(pilot, lambda: app.ctx.session.progress.speaking.waiting[1:] == ["Paul"])
        assert "Luc Gagnon ne figure plus" in str(app.screen.query_one("#speaking-error").render())
        await pilot.press("shift+tab", "enter")  # the empty line: next speaker
        await until(pilot, lambda: "Parole : Amina Diallo" in _header(app))
        await _saved(app, pilot)
        kept = _on_disk(store, sid)
        assert kept.speaker is not None and kept.speaker.name == "Amina Diallo"
        assert kept.waiting == ["Paul"]


async def test_the_queue_survives_a_reopen_and_closes_with_the_meeting(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await _add(app, pilot, "ma")
        await _add(app, pilot, "am")
        await pilot.press("shift+f10")
        await _saved(app, pilot)
        await pilot.press("ctrl+q")  # quitting lets the session go (its lock)
    clock.advance(30)
    again = make_app(session_id=sid)  # a dropped connection: the app starts again
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Parole : Marie Tremblay 00:30 · 1 en attente" in _header(again))
        await pilot.press("ctrl+f")  # adjourn: the floor closes, the queue empties
        await until(pilot, lambda: type(again.screen).__name__ == "Confirm")
        await pilot.press("enter")
        await until(pilot, lambda: "Parole" not in _header(again))
        await _saved(again, pilot)
    assert _on_disk(store, sid) == SpeakingQueue()


def test_the_room_view_shows_who_speaks_and_who_is_next(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    def queued(session: Session) -> None:
        session.progress.speaking = SpeakingQueue(waiting=["Luc <b>Gagnon</b>", "Paul"])
        call_next(session.progress.speaking, FROZEN)
        enqueue(session.progress.speaking, "Amina")

    store, sid = live_session(data_dir, clock, queued)
    page = fragment(store.load(sid), "follow", FROZEN)
    assert (
        '<p class="floor">Parole : Luc &lt;b&gt;Gagnon&lt;/b&gt; · Ensuite : Paul, Amina</p>'
        in page
    )
    minutes = render_minutes(store.load(sid), "formal", "fr")
    assert "Paul" not in minutes and "Parole" not in minutes  # live state, not the minutes'


def test_the_soft_limit_is_a_preference_in_minutes(tmp_path: Path) -> None:
    from tui.screens.speaking import floor_text, limit_s
    from tui.storage.config import load_config

    path = tmp_path / "config.toml"
    path.write_text("speaking_limit = 3\n")
    config = load_config(path)
    queue = SpeakingQueue(waiting=["Marie"])
    call_next(queue, FROZEN)
    later = FROZEN + dt.timedelta(seconds=150)
    assert limit_s(config) == 180 and floor_text(queue, later, limit_s(config))[1] is False
    path.write_text('speaking_limit = "long"\n')
    config = load_config(path)
    assert limit_s(config) == 120 and floor_text(queue, later, limit_s(config))[1] is True
    assert "speaking_limit" in config.warnings_in("en")[0]


async def test_f1_in_the_queue_explains_it(make_app, data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    from tui.screens.help import HelpScreen

    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press_to(pilot, SpeakingDialog, "f10")
        help_screen = await press_to(pilot, HelpScreen, "f1")
        shown = " ".join(str(w.render()) for w in help_screen.query("Static"))
        assert "Tour de parole. Tapez les premières lettres" in shown
        assert "Retirer du tour de parole" in shown  # the queue's own key, from the keymap
