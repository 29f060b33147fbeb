"""Snapshots at 80×24, in French, of live capture: forms, the quick line, lists, follow-up."""

from __future__ import annotations

from typing import Any

from live_helpers import live_session, until

from tui.model import Decision, Session
from tui.screens.capture import CaptureForm, QuickCapture
from tui.screens.lists import LiveLists, SinceLastMeeting
from tui.storage.followup import create_followup

SIZE = (80, 24)


def _decided(session: Session) -> None:
    session.decisions = [
        Decision(
            id="d1",
            text="Le budget 2027 est adopté tel que présenté.",
            number="2026-11-25-01",
            step="resources",
            moved_by="Marie Tremblay",
            seconded_by="Luc Gagnon",
            outcome="unanimous",
        ),
        Decision(
            id="d2",
            text="La demande au bailleur est reportée à janvier.",
            number="2026-11-25-02",
            step="resources",
            outcome="deferred",
            votes_for=4,
            votes_against=6,
            abstentions=1,
        ),
        Decision(
            id="d3",
            text="Le comité de coordination se réunit chaque mois.",
            number="2026-11-25-03",
            step="coordination",
            outcome="carried",
        ),
    ]
    session.progress.screen = "resources"


def test_decision_form(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    _store, sid = live_session(data_dir, clock)

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await pilot.press("f9", "f4")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        await pilot.press(*"Le comité adopte le budget 2027", "tab", "m", "a")
        line = app.screen.query_one("#f-moved_by")
        await until(pilot, lambda: bool(line._suggestion))

    assert snap_compare(make_app(session_id=sid), run_before=run_before, terminal_size=SIZE)


def test_quick_capture_line_with_a_malformed_date(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    _store, sid = live_session(data_dir, clock)

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await pilot.press("ctrl+t")
        await until(pilot, lambda: isinstance(app.screen, QuickCapture))
        await pilot.press(*"a @Luc Gagnon 2026-12-32 Réserver la salle", "enter")
        await until(pilot, lambda: app.screen.query_one("#quick-error").display)

    assert snap_compare(make_app(session_id=sid), run_before=run_before, terminal_size=SIZE)


def test_decisions_list(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    _store, sid = live_session(data_dir, clock, _decided)

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "resources")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LiveLists))
        await pilot.press("down")

    assert snap_compare(make_app(session_id=sid), run_before=run_before, terminal_size=SIZE)


def test_action_items_list(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    _store, sid = live_session(data_dir, clock, _decided)

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "resources")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LiveLists))
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(make_app(session_id=sid), run_before=run_before, terminal_size=SIZE)


def test_since_last_meeting(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    store, sid = live_session(data_dir, clock, _decided)
    follow = create_followup(store, sid)

    async def run_before(pilot: Any) -> None:
        await until(pilot, lambda: isinstance(pilot.app.screen, SinceLastMeeting))

    assert snap_compare(make_app(session_id=follow.id), run_before=run_before, terminal_size=SIZE)
