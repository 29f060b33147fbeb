"""ctrl+q and F1 close what is open before they act on the app (Escape is never the only way)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from live_helpers import until

from tui.storage.store import SessionStore


def pane(selector: str) -> Callable[[Any], bool]:
    """Open when the screen shows a pane of this kind."""
    return lambda app: any(w.display for w in app.screen.query(selector))  # not a hidden one


def screen(name: str) -> Callable[[Any], bool]:
    """Open when the current screen is of this class."""
    return lambda app: type(app.screen).__name__ == name


OPENERS: dict[str, tuple[tuple[str, ...], Callable[[Any], bool]]] = {
    "record form": (("a",), pane("RecordPane")),
    "notes": (("n",), pane("NotesPane")),
    "go to": (("ctrl+g",), screen("GoTo")),
    "help": (("f1",), screen("HelpScreen")),
    "decision": (("f4",), screen("CaptureForm")),
    "quick capture": (("ctrl+t",), screen("QuickCapture")),
}


@pytest.mark.parametrize("what", list(OPENERS))
async def test_ctrl_q_closes_what_is_open_and_quits_only_then(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, what: str
) -> None:
    sid = SessionStore(data_dir).create("Table de quartier").id
    app = make_app(session_id=sid)
    keys, is_open = OPENERS[what]
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        await pilot.press("f3")  # the actions step: a table, its form and its notes
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "actions")
        await pilot.press(*keys)
        await until(pilot, lambda: is_open(app))
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not is_open(app))
        assert app.is_running, f"ctrl+q in the {what} quit the app"
        assert getattr(app.screen, "KEY", None) == "actions"
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running)


async def test_f1_closes_the_help_it_opened(make_app, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    sid = SessionStore(data_dir).create("Table de quartier").id
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await pilot.press("f1")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
