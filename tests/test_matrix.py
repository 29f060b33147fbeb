"""The competency matrix, driven from the keyboard: levels, interest, status, decisions, people."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from matrix_data import people

from tui.model import Action, Skill, status
from tui.storage.store import SessionStore
from tui.terminal.keymap import KEYMAP
from tui.widgets.matrix import FIXED, STATUS, CompetencyMatrix
from tui.widgets.matrix_text import STATUSES, SYMBOLS, status_word

SKILLS = [  # id, label, required level, people needed
    ("k1", "Animation", 2, 1),
    ("k2", "Finances", 2, 2),
    ("k3", "Subventions", 3, 1),
    ("k4", "Communication", 2, 1),
    ("k5", "Logistique", 1, 1),
]


def _session(data_dir: Path, clock: Any, counter: Any, **extra: Any) -> tuple[SessionStore, str]:
    """Five participants (CDC, CISSS, Ville, …) and the five skills above, levels empty."""
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    s = store.create("Table de quartier")
    h = store.open(s.id)
    sess = h.session
    sess.participants, _ = people(5, 5)
    sess.skills = [
        Skill(id=k, label=label, required_level=r, needed=n)  # type: ignore[arg-type]
        for k, label, r, n in SKILLS
    ]
    sess.progress.screen = "skills"
    for name, value in extra.items():
        setattr(sess, name, value)
    h.save(sess)
    h.close()
    return store, s.id


class Cursor:
    """Moves the matrix cursor with the arrow keys to a (row, person column)."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot

    async def go(self, row: int, col: int) -> None:
        """Arrow keys from where the cursor is (a typed level moves it on) to the cell."""
        matrix = self.pilot.app.screen.query_one(CompetencyMatrix)
        at_row, at_col = matrix.cursor_row, matrix.cursor_column - len(FIXED)
        keys = ["down"] * (row - at_row) + ["up"] * (at_row - row)
        keys += ["right"] * (col - at_col) + ["left"] * (at_col - col)
        await self.pilot.press(*keys)

    async def put(self, row: int, col: int, *keys: str) -> None:
        """Go to a cell and type there."""
        await self.go(row, col)
        await self.pilot.press(*keys)


def _status_shown(matrix: CompetencyMatrix, row: int) -> str:
    """The status drawn on the row (its symbol, with its word when there is room), as a word."""
    shown = matrix.get_cell_at((row, FIXED.index(STATUS))).plain  # type: ignore[arg-type]
    words = {SYMBOLS[s]: status_word(s) for s in STATUSES}
    assert shown == shown[0] or shown == f"{shown[0]} {words[shown[0]]}"
    return words[shown[0]]


def _line(matrix: CompetencyMatrix, row: int) -> str:
    """The text of a row as the table renders it (header is line 0)."""
    return matrix.render_line(row + 1).text


async def test_filling_a_5x5_matrix_from_the_keyboard_stores_levels_flags_and_statuses(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    from conftest import counter

    store, sid = _session(data_dir, clock, counter)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        matrix = app.screen.query_one(CompetencyMatrix)
        assert matrix.has_focus
        cur = Cursor(pilot)
        await cur.put(0, 0, "2")  # Animation: Marie at 2 → available
        await cur.put(1, 0, "3")  # Finances, 2 needed: Marie 3, Jean 1 → fragile
        await cur.put(1, 1, "1")
        await cur.put(2, 2, "2", "+")  # Subventions (3): Sophie 2 and interested → to develop
        await cur.put(3, 3, "1")  # Communication (2): Luc 1, not interested → to source
        await cur.put(3, 4, "0", "+")  # Nadia 0 and interested: too far below to count
        await cur.put(4, 4, "3")  # Logistique (1): Nadia 3 → available
        await pilot.pause()
        shown = [_status_shown(matrix, r) for r in range(5)]
        assert shown == ["disponible", "fragile", "à développer", "à aller chercher", "disponible"]
        assert "↗" in _line(matrix, 2)  # to develop: a symbol as well as a colour
        assert app.flush_now()

        saved = {k.id: k for k in store.load(sid).skills}
        assert saved["k1"].levels == {"p01": 2}
        assert saved["k2"].levels == {"p01": 3, "p02": 1}
        assert saved["k3"].levels == {"p03": 2} and saved["k3"].interested == ["p03"]
        assert saved["k4"].levels == {"p04": 1, "p05": 0} and saved["k4"].interested == ["p05"]
        assert saved["k5"].levels == {"p05": 3}
        assert [status(saved[k]) for k, *_ in SKILLS] == [
            "available",
            "fragile",
            "to_develop",
            "to_source",
            "available",
        ]
        assert _line(matrix, 2).count("2+") == 1

        # One more level: Jean reaches 2 on Finances, the row's word changes on screen.
        await cur.put(1, 1, "2")
        await pilot.pause()
        assert _status_shown(matrix, 1) == "disponible" and "✓" in _line(matrix, 1)
        assert app.flush_now()
        assert status(store.load(sid).skills[1]) == "available"

        # Interest toggles off again.
        await cur.put(2, 2, "i")
        await pilot.pause()
        assert "✗" in _line(matrix, 2) and _status_shown(matrix, 2) == "à aller chercher"


async def test_organisation_view_shows_each_organisation_at_its_highest_level_read_only(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    from conftest import counter

    store, sid = _session(data_dir, clock, counter)
    h = store.open(sid)
    sess = h.session
    for p, org in zip(sess.participants, ("CDC", "CDC", "Ville", "", "Ville"), strict=True):
        p.organisation = org
    sess.skills[0].levels = {"p01": 1, "p02": 3, "p03": 2}  # type: ignore[dict-item]
    sess.skills[0].interested = ["p05"]
    h.save(sess)
    h.close()
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        matrix = app.screen.query_one(CompetencyMatrix)
        await pilot.press("o")
        await pilot.pause()
        assert [c.key for c in matrix.columns_shown] == ["org:CDC", "org:Ville", "#none"]
        cells = [matrix.get_cell_at((0, len(FIXED) + n)).plain.strip() for n in range(3)]
        assert cells == ["3", "2+", "·"]  # CDC: max(1, 3); Ville: 2 and Nadia's interest
        assert "(aucun)" in matrix.render_line(0).text
        await pilot.press("0")  # read-only: nothing changes
        await pilot.pause()
        assert app.flush_now()
        assert store.load(sid).skills[0].levels == {"p01": 1, "p02": 3, "p03": 2}
        await pilot.press("o")
        await pilot.pause()
        assert len(matrix.columns_shown) == 5


async def test_a_decision_and_its_cost_go_to_the_file_and_the_cost_to_the_resources(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    from conftest import counter

    store, sid = _session(data_dir, clock, counter, actions=[Action(id="a1", label="Halte")])
    h = store.open(sid)
    sess = h.session
    sess.skills[3].action = "a1"
    h.save(sess)
    h.close()
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down", "d")  # Communication: to source
        await pilot.pause()
        await pilot.press("enter", "down", "down", "down", "down", "enter")  # recruitment
        await pilot.press("tab", *"Luc", "tab", *"2026-12-15", "tab", *"1500")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.flush_now()
        saved = store.load(sid)
        decision = saved.skills[3].decision
        assert (decision.kind, decision.who, str(decision.due)) == (
            "recruitment",
            "Luc",
            "2026-12-15",
        )
        assert decision.cost == Decimal("1500")
        [resource] = saved.resources
        assert resource.kind == "financial" and resource.needed == Decimal("1500")
        assert resource.action == "a1" and "Communication" in resource.label
        await pilot.press("c")  # a second time updates the same resource
        await pilot.pause()
        assert app.flush_now()
        assert len(store.load(sid).resources) == 1


@pytest.mark.heavy(6)
async def test_skills_and_people_are_added_edited_and_removed_from_the_keyboard(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    from conftest import counter

    store, sid = _session(data_dir, clock, counter)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        matrix = app.screen.query_one(CompetencyMatrix)
        await pilot.press("a", *"Graphisme", "enter")
        await pilot.pause()
        assert matrix.row_count == 6 and matrix.skill_id == "r0001"
        await pilot.press("e", "tab", "enter", "down", "enter")  # required level 2 → 3
        await pilot.press("tab", "end", "backspace", "2", "escape")  # people needed: 1 → 2
        await pilot.pause()
        await pilot.press("p", *"Rosalie Morin", "enter", *"Ville", "enter")
        await pilot.pause()
        assert matrix.column is not None and matrix.column.name == "Rosalie Morin"
        await pilot.press("3")
        await pilot.pause()
        assert app.flush_now()
        saved = store.load(sid)
        added = saved.skills[-1]
        assert (added.label, added.required_level, added.needed) == ("Graphisme", 3, 2)
        [person] = saved.people
        assert (person.name, person.organisation) == ("Rosalie Morin", "Ville")
        assert added.levels == {person.id: 3}

        # A level typed on the last skill's last person moves on to the skill column
        # (a capital typed there starts the next skill): back to Rosalie's column.
        assert matrix.cursor_column == 0
        await pilot.press(*["right"] * (len(FIXED) + len(matrix.columns_shown) - 1))
        await pilot.press("X", "y")  # remove the person and their levels
        await pilot.pause()
        await pilot.press("delete", "y")  # delete the skill
        await pilot.pause()
        assert app.flush_now()
        saved = store.load(sid)
        assert saved.people == [] and [k.id for k in saved.skills] == [k for k, *_ in SKILLS]


def test_matrix_and_review_keys_do_not_collide_with_keys_active_everywhere() -> None:
    everywhere = {c.key for c in KEYMAP if c.scope in ("app", "session")}
    for scope in ("matrix", "review"):
        keys = [c.key for c in KEYMAP if c.scope == scope]
        assert len(keys) == len(set(keys)), scope
        assert not set(keys) & everywhere, scope
    editing = {f"ctrl+{c}" for c in "aedkuwxvcyz"} | {"f6", "f7", "escape", "ctrl+s", "ctrl+b"}
    assert not {c.key for c in KEYMAP if c.scope in ("matrix", "review")} & editing


async def test_keys_typed_in_one_write_after_e_land_in_the_skill_form(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    """e, Tab, Enter, Down, Enter in one write: the required level is chosen in its list.

    The form focused its first field only after a refresh, so the Tab typed with the key that
    opened it was undone and the rest landed in the wrong field.
    """
    from conftest import counter, until
    from typing_helpers import ENTER, Terminal

    store, sid = _session(data_dir, clock, counter)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        matrix = app.screen.query_one(CompetencyMatrix)
        await until(pilot, lambda: app.focused is matrix)
        skill_id = matrix.skill_id
        before = next(s for s in app.ctx.session.skills if s.id == skill_id).required_level
        Terminal(app).write("e\t" + ENTER + "\x1b[B" + ENTER)
        wanted = before + 1
        await until(
            pilot,
            lambda: (
                next(s for s in app.ctx.session.skills if s.id == skill_id).required_level == wanted
            ),
        )
        await pilot.press("escape")
        assert app.flush_now()
    assert next(s for s in store.load(sid).skills if s.id == skill_id).required_level == wanted
