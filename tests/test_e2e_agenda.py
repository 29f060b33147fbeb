"""The chair's agenda controls in a real 80×24 terminal: shift+F9 and shift+F8 as xterm sends
them, a parked topic edited with keys typed before its form shows, agenda lines in one write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

if __package__:
    from .driver import TerminalDriver
    from .e2e_fixtures import SpawnApp
    from .test_e2e_terminals import CONCERTO, env_for
else:  # tests/ is on sys.path (no tests/__init__.py)
    from driver import TerminalDriver
    from e2e_fixtures import SpawnApp
    from test_e2e_terminals import CONCERTO, env_for

from conftest import Clock
from live_helpers import live_session

from tui.storage.store import SessionStore

pytestmark = pytest.mark.e2e


def _open(
    pty_app: SpawnApp, tmp_path: Path, preferences: str = ""
) -> tuple[SessionStore, str, TerminalDriver]:
    data_dir = tmp_path / "sessions"
    data_dir.mkdir()
    store, sid = live_session(data_dir, Clock())
    home = tmp_path / "home"
    (home / ".config" / "concerto").mkdir(parents=True)
    (home / ".config" / "concerto" / "config.toml").write_text(preferences)
    argv = [CONCERTO, "--data-dir", str(data_dir), "open", sid]
    term = pty_app(argv, env=env_for(home))
    term.wait_for(re.compile(r"saved$"), line=0, timeout=30)
    return SessionStore(data_dir), sid, term


def test_shift_f9_and_shift_f8_reach_the_app_and_a_topic_is_edited_before_its_form_shows(
    pty_app: SpawnApp, tmp_path: Path
) -> None:
    store, sid, term = _open(pty_app, tmp_path)
    term.press("f9")
    term.wait_for("Mot de bienvenue")
    term.press("f9")
    term.wait_for("Ressources │")
    term.press("shift+f9")
    term.wait_for("Mot de bienvenue │")
    term.wait_until(
        lambda: store.load(sid).progress.agenda_item == "a-welcome", 10, what="back on disk"
    )
    term.press("shift+f8")
    term.wait_for("Parked topics (1)")
    # Enter opens the topic's form; the keys after it, in the same write, go to the form.
    term.send(b"\r\x1b[F (STS)\r")
    term.wait_for("Transport adapté (STS)")
    term.press("b")
    term.wait_for("brought back to the agenda")

    def saved() -> bool:
        session = store.load(sid)
        return session.parking[0].fate == "agenda" and [a.label for a in session.agenda] == [
            "Mot de bienvenue",
            "Transport adapté (STS)",
            "Ressources",
            "Rôles",
            "Levée",
        ]

    term.wait_until(saved, 10, what="the topic on the agenda, on disk")
    assert store.load(sid).parking[0].label == "Transport adapté (STS)"


def test_agenda_items_typed_as_lines_in_one_write(pty_app: SpawnApp, tmp_path: Path) -> None:
    store, sid, term = _open(pty_app, tmp_path)
    term.press("shift+tab")  # from the title to the tabs
    term.press("right", "right")
    term.wait_for("Timebox")
    term.press("tab")
    # a, two lines and the empty Enter that closes, in one write: nothing reaches the list.
    term.send(b"aBudget 20\rDivers\r\r")
    term.wait_for(re.compile(r"Divers.*\n.*Levée"))
    term.wait_until(
        lambda: (
            [(a.label, a.timebox_min) for a in store.load(sid).agenda][-3:]
            == [("Budget", 20), ("Divers", None), ("Levée", None)]
        ),
        10,
        what="the two items on disk",
    )
    assert "New agenda items" not in term.screen_text()


def test_the_screen_follows_the_agenda_and_f3_with_its_answer_in_one_write_moves_both(
    pty_app: SpawnApp, tmp_path: Path
) -> None:
    store, sid, term = _open(pty_app, tmp_path, "follow_agenda = true\n")
    term.press("f9")
    term.wait_for("Mot de bienvenue │")
    term.press("f9")  # « Ressources » works on the Resources step: its screen shows
    term.wait_for("Ressources │")
    term.wait_for(re.compile(r"▸2 Res"))
    # F3 and Enter in one write: Enter answers the offer, never the screen below.
    term.send(b"\x1bOR\r")
    term.wait_for("Rôles │")
    term.wait_for(re.compile(r"▸4 Roles"))

    def moved() -> bool:
        progress = store.load(sid).progress
        return (progress.agenda_item, progress.screen) == ("a-roles", "roles")

    term.wait_until(moved, 10, what="the item and its screen on disk")
