"""Snapshots at 80×24, in French, of the speaking queue and the find line (`/`)."""

from __future__ import annotations

from typing import Any

from conftest import FROZEN
from live_helpers import four_resources, live_session, until

from tui.model import Session
from tui.model.speaking import Speaker, SpeakingQueue
from tui.screens.find import FindLine
from tui.screens.speaking import SpeakingDialog

SIZE = (80, 24)


def _queued(session: Session) -> None:
    session.progress.screen = "resources"
    session.progress.speaking = SpeakingQueue(
        speaker=Speaker(name="Marie Tremblay", since=FROZEN.replace(minute=27, second=30)),
        waiting=["Luc Gagnon", "Amina Diallo", "Xavier Roy"],
    )


def test_speaking_queue_over_the_limit(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    """The header says DÉPASSÉ (a word, in reverse), the dialog lists who waits."""
    _store, sid = live_session(data_dir, clock, _queued)

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await pilot.press("f9", "f10")
        await until(pilot, lambda: isinstance(app.screen, SpeakingDialog))
        await pilot.press("a")
        line = app.screen.query_one("#speaking-name")
        await until(pilot, lambda: bool(line._suggestion))

    assert snap_compare(make_app(session_id=sid), run_before=run_before, terminal_size=SIZE)


def test_find_line_over_a_record_table(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    _store, sid = live_session(data_dir, clock, four_resources)

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await until(pilot, lambda: app.focused is not None)
        await pilot.press("/", "t", "r")
        await until(pilot, lambda: isinstance(app.screen, FindLine))
        table = app.screen.target
        await until(pilot, lambda: table.cursor_row == 2)

    assert snap_compare(make_app(session_id=sid), run_before=run_before, terminal_size=SIZE)
