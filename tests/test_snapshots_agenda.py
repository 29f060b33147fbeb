"""Snapshots at 80×24, in French, of the chair's agenda controls: the parked topics, agenda
items one a line."""

from __future__ import annotations

from typing import Any

from live_helpers import live_session, until

from tui.model import ParkingItem, Session
from tui.screens.line_entry import LineDialog
from tui.screens.parking import ParkedTopics

SIZE = (80, 24)


def _parked(session: Session) -> None:
    session.parking = [
        ParkingItem(id="k-1", label="Transport adapté pour les personnes aînées", fate="carried"),
        ParkingItem(id="k-2", label="Local pour l’entraide", step="resources"),
        ParkingItem(id="k-3", label="Fête de quartier", carried_from="s-earlier"),
    ]
    session.progress.screen = "resources"


def test_parked_topics(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    _store, sid = live_session(data_dir, clock, _parked)

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "resources")
        await pilot.press("f9", "f9", "shift+f8")
        await until(pilot, lambda: isinstance(app.screen, ParkedTopics))
        await pilot.press("down", "b")
        await until(
            pilot, lambda: "inscrit" in str(app.screen.query_one("#parking-table").get_row_at(1)[2])
        )

    assert snap_compare(make_app(session_id=sid), run_before=run_before, terminal_size=SIZE)


def test_agenda_line(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    _store, sid = live_session(data_dir, clock)

    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await until(pilot, lambda: getattr(app.focused, "id", None) == "f-title")
        await pilot.press("shift+tab", "right", "right", "tab", "a")
        await until(pilot, lambda: isinstance(app.screen, LineDialog))
        await pilot.press(*"Objectifs 15", "enter", *"Divers")
        await until(pilot, lambda: "Objectifs" in str(app.screen.query_one("#line-said").render()))

    assert snap_compare(make_app(session_id=sid), run_before=run_before, terminal_size=SIZE)
