"""Snapshots at 80×24 of the Minutes screen: the French demo (summary), the English (formal)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import counter

from tui.demo import demo_sessions
from tui.screens.minutes import MinutesScreen
from tui.storage.store import SessionStore

SIZE = (80, 24)


async def drawn(pilot: Any) -> None:
    """Wait for the whole preview to be drawn."""
    app = pilot.app
    for _ in range(500):
        screen = app.screen
        ready = isinstance(screen, MinutesScreen) and screen.is_mounted
        if ready and screen.preview.lines and not screen.rendering:
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError("the preview was never drawn")


@pytest.mark.parametrize(("lang", "which"), [("fr", 0), ("en", 1)])
def test_minutes(snap_compare, make_app, data_dir, clock, lang, which) -> None:  # type: ignore[no-untyped-def]
    session = demo_sessions(clock(), counter("d"))[which]
    sid = SessionStore(data_dir, clock=clock, new_id=counter("s")).write_new(session).id
    app = make_app(lang=lang, session_id=sid)
    assert snap_compare(app, terminal_size=SIZE, run_before=drawn)
