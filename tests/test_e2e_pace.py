"""Keeping pace with the room, in a real 80×24 terminal (issue 18): the fast matrix, the bars."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

if __package__:
    from .e2e_fixtures import SpawnApp
    from .test_e2e_terminals import CONCERTO, env_for
else:  # tests/ is on sys.path (no tests/__init__.py)
    from e2e_fixtures import SpawnApp
    from test_e2e_terminals import CONCERTO, env_for

from matrix_data import people

from tui.storage.store import SessionStore

pytestmark = pytest.mark.e2e


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """The facilitator's home folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def skills_session(data_dir: Path) -> str:
    """Five participants, no skill yet, open at the Skills step; return its id."""
    store = SessionStore(data_dir)
    session = store.create("Table de quartier", minutes_lang="en")
    handle = store.open(session.id)
    handle.session.participants, _others = people(5, 5)
    handle.session.progress.screen = "skills"
    handle.save(handle.session)
    handle.close()
    return session.id


def status_colour(term: Any, label: str) -> str:
    """The foreground colour of the status symbol on the row of ``label``."""
    with term.lock:
        for y in range(term.screen.lines):
            line = term.screen.display[y]
            if label in line:
                x = next(i for i, ch in enumerate(line) if ch in "✓!↗✗")
                return str(term.screen.buffer[y][x].fg)
    raise AssertionError(f"{label} not on screen\n{term.dump()}")


def test_a_matrix_row_is_typed_in_one_go_and_the_bars_read_at_80x24(
    pty_app: SpawnApp, tmp_path: Path, home: Path
) -> None:
    data_dir = tmp_path / "sessions"
    sid = skills_session(data_dir)
    term = pty_app(
        [CONCERTO, "--data-dir", str(data_dir), "open", sid], term="xterm", env=env_for(home)
    )
    term.wait_for(re.compile(r"saved$"), line=0, timeout=30)
    bar = term.line(1)
    assert "▸3 Skills" in bar and "2 Res." in bar and "4 Roles" in bar  # names, not numbers
    term.press("a")
    term.wait_for("New skill (2x2 at the end")
    # One line for the skill and what it requires; then a level per person, moving on by itself.
    term.type("Grant writing 2x2")
    term.press("enter", "1", "2", "0", "3", "+", "0")
    term.wait_for(re.compile(r"Grant writing\s+2×2\s+✓\s+1\s+2\s+0\s+3\+\s+0"))
    # The cursor is back on the skill column: a capital letter starts the next skill.
    term.type("Communication")
    term.wait_for("New skill")
    term.press("enter", "0", "1")
    term.wait_for(re.compile(r"Communication\s+2×1\s+✗\s+0\s+1\s"))
    term.press("left", "left", "left", "left")  # to the required level: « 3x2 » typed there
    term.type("3x2")
    term.wait_for(re.compile(r"Communication\s+3×2\s+✗"))
    assert status_colour(term, "Grant writing") != status_colour(term, "Communication")
    assert "…" not in term.line(1) and "Traceback" not in term.screen_text()

    def saved() -> bool:
        skills = SessionStore(data_dir).load(sid).skills
        return [(s.label, s.required_level, s.needed) for s in skills] == [
            ("Grant writing", 2, 2),
            ("Communication", 3, 2),
        ]

    term.wait_until(saved, 15, what="both skills on disk")
    grant = SessionStore(data_dir).load(sid).skills[0]
    assert grant.levels == {"p01": 1, "p02": 2, "p03": 0, "p04": 3, "p05": 0}
    assert grant.interested == ["p04"]
    term.press("ctrl+q")
    assert term.wait_exit(15) == 0


def test_the_empty_list_hint_works_from_the_row_of_tabs(
    pty_app: SpawnApp, tmp_path: Path, home: Path
) -> None:
    data_dir = tmp_path / "sessions"
    sid = SessionStore(data_dir).create("Table de quartier", minutes_lang="en").id
    term = pty_app([CONCERTO, "--data-dir", str(data_dir), "open", sid], env=env_for(home))
    term.wait_for(re.compile(r"saved$"), line=0, timeout=30)
    term.press("shift+tab", "right")  # from the title to the row of tabs, then Participants
    term.wait_for("No participant yet. Press a to add one.")
    term.press("a")  # the focus is still on the tabs
    term.wait_for("New participant")
    term.type("Awa Diallo")
    term.press("enter")

    def saved() -> bool:
        return [p.name for p in SessionStore(data_dir).load(sid).participants] == ["Awa Diallo"]

    term.wait_until(saved, 15, what="the participant on disk")
    term.press("ctrl+q")  # closes the participant's form
    term.wait_gone("New participant")
    term.press("ctrl+q")
    assert term.wait_exit(15) == 0
