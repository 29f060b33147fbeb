"""ctrl+z and ctrl+y across screens; text left in a form is a draft, never a loss; no key leaks
through a dialog into the screen below."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from live_helpers import live_session, show, until
from test_matrix import _session
from typing_helpers import CTRL_G, CTRL_T, CTRL_Z, ENTER, ESC, F1, F4, F8, Terminal

from tui.screens.capture import CaptureForm, QuickCapture
from tui.storage.store import SessionStore
from tui.widgets.matrix import CompetencyMatrix


def messages(app: Any) -> list[str]:
    """The notifications shown, oldest first."""
    return [str(n.message) for n in app._notifications]


def saved(data_dir: Path, app: Any) -> Any:
    """The session as a second reader finds it on disk, once what is pending is written."""
    assert app.flush_now()
    handle = SessionStore(data_dir).open(app.ctx.session.id)
    try:
        return handle.session
    finally:
        handle.close()


async def test_undo_and_redo_a_matrix_level_say_what_they_did(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    from conftest import counter

    _store, sid = _session(data_dir, clock, counter)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.focused, CompetencyMatrix))
        await pilot.press("2", "3")  # Marie 2, Jean 3 (a typed level moves on to the next)
        assert saved(data_dir, app).skills[0].levels == {"p01": 2, "p02": 3}
        await pilot.press("ctrl+z")  # Jean's level
        assert saved(data_dir, app).skills[0].levels == {"p01": 2}
        assert messages(app)[-1] == "Annulé : modification de « Animation »"
        await pilot.press("ctrl+y")
        assert saved(data_dir, app).skills[0].levels == {"p01": 2, "p02": 3}
        assert messages(app)[-1] == "Rétabli : modification de « Animation »"
        matrix = app.screen.query_one(CompetencyMatrix)
        assert "3" in matrix.render_line(1).text  # the screen shows the level back


async def test_a_record_added_then_deleted_is_undone_step_by_step(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        Terminal(app).write("aLocal du CLSC" + ENTER)
        await until(pilot, lambda: len(app.ctx.session.resources) == 2)
        await pilot.press("escape")
        await until(pilot, lambda: app.focused is not None and app.focused.id != "f-kind")
        assert [r.label for r in saved(data_dir, app).resources][-1] == "Local du CLSC"
        await pilot.press("ctrl+z")  # typing the label was one step: the record goes
        assert [r.label for r in saved(data_dir, app).resources] == ["Subvention Centraide"]
        assert messages(app)[-1] == "Annulé : ajout de « Local du CLSC »"
        await pilot.press("ctrl+y")
        assert [r.label for r in saved(data_dir, app).resources][-1] == "Local du CLSC"
        await until(pilot, lambda: "Local du CLSC" in _table_text(app))


def _table_text(app: Any) -> str:
    from tui.widgets.record_table import RecordTable

    table = app.screen.query_one(RecordTable)
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


async def test_a_capture_is_undone_from_another_screen(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        Terminal(app).write(F8 + "Stationnement du camion" + ENTER)
        await until(pilot, lambda: len(app.ctx.session.parking) == 2)
        await show(app, pilot, "watch")
        Terminal(app).write(CTRL_Z)
        await until(pilot, lambda: len(app.ctx.session.parking) == 1)
        assert [p.label for p in saved(data_dir, app).parking] == ["Transport adapté"]
        assert messages(app)[-1] == "Annulé : ajout de « Stationnement du camion »"


async def test_undo_with_nothing_done_says_so_and_changes_nothing(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store, sid = live_session(data_dir, clock)
    path = data_dir / f"{sid}.json"
    before = path.read_bytes()
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        await pilot.press("ctrl+z")
        assert messages(app)[-1] == "Rien à annuler."
    assert _content(path.read_bytes()) == _content(before)


# -- drafts ---------------------------------------------------------------------------------


async def test_esc_keeps_a_half_typed_decision_that_f4_brings_back(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        Terminal(app).write(F4 + "Le budget est adopté" + "\t" + "Luc")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-moved_by")
        Terminal(app).write(ESC, escape=True)
        await until(pilot, lambda: not isinstance(app.screen, CaptureForm))
        assert messages(app)[-1] == "Gardé comme brouillon : la même touche le ramène."
        on_disk = saved(data_dir, app)
        assert on_disk.decisions == []  # nothing recorded as decided
        assert on_disk.drafts == {
            "capture/decisions/text": "Le budget est adopté",
            "capture/decisions/moved_by": "Luc",
        }
        Terminal(app).write(F4)
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        assert app.screen.query_one("#f-text").value == "Le budget est adopté"
        assert app.screen.query_one("#f-moved_by").value == "Luc"
        Terminal(app).write(" à l'unanimité" + ENTER)  # the cursor is at the end of the text
        await until(pilot, lambda: len(app.ctx.session.decisions) == 1)
        on_disk = saved(data_dir, app)
        assert on_disk.decisions[0].text == "Le budget est adopté à l'unanimité"
        assert on_disk.decisions[0].moved_by == "Luc"
        assert on_disk.drafts == {}


async def test_the_quick_line_left_with_esc_comes_back(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        Terminal(app).write(CTRL_T + "p Transport adapté le soir")
        await until(pilot, lambda: isinstance(app.screen, QuickCapture))
        Terminal(app).write(ESC, escape=True)
        await until(pilot, lambda: not isinstance(app.screen, QuickCapture))
        assert saved(data_dir, app).drafts == {"capture/quick/line": "p Transport adapté le soir"}
        Terminal(app).write(CTRL_T + ENTER)
        await until(pilot, lambda: len(app.ctx.session.parking) == 2)
        assert saved(data_dir, app).drafts == {}


async def test_quitting_with_a_form_open_keeps_its_text(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        Terminal(app).write(F8 + "Salle pour l'assemblée")
        await until(
            pilot,
            lambda: (
                isinstance(app.screen, CaptureForm)
                and app.screen.query_one("#f-label").value == "Salle pour l'assemblée"
            ),
        )
        assert app.flush_now()  # what quitting and a dropped connection do first
    session = SessionStore(data_dir).load(sid)
    assert session.drafts == {"capture/parking/label": "Salle pour l'assemblée"}


# -- no key leaks through a dialog ------------------------------------------------------------


def _content(raw: bytes) -> dict[str, Any]:
    """The session file without where the facilitator is and when it was saved."""
    tables = json.loads(raw)
    tables.pop("progress")
    for doc in tables["meta"].values():
        doc.pop("updated")
    return dict(tables)


async def test_keys_typed_with_a_dialog_open_never_reach_the_matrix(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    """Help, the palette, Go to and a confirmation, each opened and closed in one write with
    digits, letters and Enter typed while it is open: the file holds the same plan."""
    from conftest import counter

    _store, sid = _session(data_dir, clock, counter)
    path = data_dir / f"{sid}.json"
    before = path.read_bytes()
    app = make_app(session_id=sid)
    tours = [
        F1 + "3" + "2i" + ENTER + "a" + ESC,  # help
        "\x10" + "30xp" + ESC,  # palette (ctrl+p): typing filters, Esc closes
        CTRL_G + "ai" + ESC,  # Go to: letters do nothing, Esc closes
        "\x1b[3~" + "3" + "2" + "n",  # delete skill asks: digits ignored, n says no
    ]
    async with app.run_test(size=(80, 24)) as pilot:
        matrix = app.screen.query_one(CompetencyMatrix)
        await until(pilot, lambda: app.focused is matrix)
        for tour in tours:
            Terminal(app).write(tour, escape=tour.endswith(ESC))
            await pilot.pause()  # the app's queue is empty: every key of the write was handled
            assert app.focused is matrix and app.screen is matrix.screen, tour
        assert app.flush_now()
        assert app.ctx.session.skills[0].levels == {}
    assert _content(path.read_bytes()) == _content(before)


async def test_a_record_edited_then_deleted_comes_back_with_ctrl_z(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        Terminal(app).write(ENTER + " 2027")  # edit: the cursor is at the end of the label
        await until(pilot, lambda: app.ctx.session.resources[0].label.endswith("2027"))
        await pilot.press("escape")
        await until(pilot, lambda: type(app.focused).__name__ == "RecordTable")
        await pilot.press("delete")
        await until(pilot, lambda: not app.ctx.session.resources)
        assert saved(data_dir, app).resources == []
        await pilot.press("ctrl+z")
        assert [r.label for r in saved(data_dir, app).resources] == ["Subvention Centraide 2027"]
        assert messages(app)[-1] == "Annulé : suppression de « Subvention Centraide 2027 »"
        await pilot.press("ctrl+z")
        assert [r.label for r in saved(data_dir, app).resources] == ["Subvention Centraide"]
        assert messages(app)[-1] == "Annulé : modification de « Subvention Centraide 2027 »"
        await until(pilot, lambda: "Subvention Centraide" in _table_text(app))
