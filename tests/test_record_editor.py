"""The record editor: add, edit, delete with undo, reorder, links, drafts, layout."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import counter, form_open, form_shown, until
from steps_data import write_plan

from tui.model import review
from tui.storage.store import SessionStore
from tui.widgets.record_editor import RecordEditor


def saved(data_dir: Path, clock, sid: str):  # type: ignore[no-untyped-def]
    """The session as its file holds it."""
    return SessionStore(data_dir, clock=clock, new_id=counter("z")).load(sid)


async def open_first_form(app, pilot, count: int) -> None:  # type: ignore[no-untyped-def]
    """Wait for the table's ``count`` rows, then open the first one's form with Enter."""
    await until(pilot, lambda: len(rows(app)) == count)
    await pilot.press("enter")
    await until(pilot, lambda: form_open(app))


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Row keys of the editor of the screen shown, in order."""
    return [r.key for r in app.screen.query_one(RecordEditor).rows]


def cursor_to(app, key: str) -> None:  # type: ignore[no-untyped-def]
    """Put the table's cursor on the row ``key``."""
    editor = app.screen.query_one(RecordEditor)
    editor.table.move_cursor(row=[r.key for r in editor.rows].index(key))


async def test_add_a_record_from_the_keyboard(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="actions")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: rows(app) == ["actions/a1", "actions/a2", "actions/a3"])
        await pilot.press("a")
        await until(pilot, lambda: form_open(app))
        await pilot.press(*"Jardins", "tab", *"A4", "tab", "tab", *"Comité", "tab")
        await pilot.press(*"2027-05-24", "escape")
        await until(pilot, lambda: len(rows(app)) == 4)
        assert rows(app)[-1] == "actions/r0001"
        assert app.flush_now()
    action = saved(data_dir, clock, sid).actions[-1]
    assert (action.label, action.code, action.lead, action.deadline) == (
        "Jardins",
        "A4",
        "Comité",
        dt.date(2027, 5, 24),
    )


async def test_a_new_record_without_its_label_is_not_added(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="actions")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: form_open(app))
        await pilot.press("tab", *"A9", "escape")
        await until(pilot, lambda: not form_open(app))
        assert len(app.ctx.session.actions) == 3


async def test_undo_after_delete_restores_record_links_and_position(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    sid = write_plan(data_dir, clock, screen="actions")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 3)
        await pilot.press("down")  # a2, linked from resource r2
        await pilot.press("delete")
        await until(pilot, lambda: "Confirm" in type(app.screen).__name__)
        await pilot.press("y")
        await until(pilot, lambda: rows(app) == ["actions/a1", "actions/a3"])
        assert app.flush_now()
        gone = saved(data_dir, clock, sid)
        assert [a.id for a in gone.actions] == ["a1", "a3"]
        assert gone.resources[1].action == "a2"  # kept, shown as broken in the review
        assert any(it.check == "broken_link" and it.record_id == "r2" for it in review(gone))
        await pilot.press("u")
        await until(pilot, lambda: len(rows(app)) == 3)
        assert app.screen.query_one(RecordEditor).current.key == "actions/a2"
        assert app.flush_now()
    back = saved(data_dir, clock, sid)
    assert [a.id for a in back.actions] == ["a1", "a2", "a3"]
    assert back.actions[1].label == "Cuisines collectives dans trois quartiers"
    assert not [it for it in review(back) if it.check == "broken_link"]


async def test_deleting_a_linked_record_can_be_declined(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="actions")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 3)
        await pilot.press("delete")
        await until(pilot, lambda: "Confirm" in type(app.screen).__name__)
        await pilot.press("n")
        await pilot.pause()
        assert rows(app) == ["actions/a1", "actions/a2", "actions/a3"]


async def test_a_record_nobody_links_to_is_deleted_at_once_and_undone(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    sid = write_plan(data_dir, clock, screen="watch")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: rows(app) == ["signals/x1", "signals/x2"])
        await pilot.press("delete")
        await until(pilot, lambda: rows(app) == ["signals/x2"])
        await pilot.press("u")
        await until(pilot, lambda: rows(app) == ["signals/x1", "signals/x2"])
        assert app.screen.query_one(RecordEditor).current.key == "signals/x1"


async def test_a_wrong_date_shows_the_message_keeps_the_text_and_survives_a_reopen(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    sid = write_plan(data_dir, clock, screen="roles")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_form(app, pilot, 2)
        app.screen.query_one("#f-deadline").focus()
        await pilot.press("end", "backspace", "backspace", "3", "1")  # 2027-06-31
        await pilot.pause()
        error = app.screen.query_one("#e-deadline")
        assert error.display and "AAAA-MM-JJ" in str(error.render())
        assert app.screen.query_one("#f-deadline").value == "2027-06-31"
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    kept = saved(data_dir, clock, sid)
    assert kept.roles[0].deadline == dt.date(2027, 6, 30)  # the last valid value
    assert kept.drafts == {"roles/o1/deadline": "2027-06-31"}
    again = make_app(session_id=sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await open_first_form(again, pilot, 2)
        await pilot.pause()
        assert again.screen.query_one("#f-deadline").value == "2027-06-31"
        assert again.screen.query_one("#e-deadline").display


async def test_the_message_shows_right_under_its_field_and_goes_with_it(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    """The message of a field in error is the line under it, in the field's column; the next
    field moves down one line, then back up once the text is valid."""
    sid = write_plan(data_dir, clock, screen="resources")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_form(app, pilot, 3)
        field, after = app.screen.query_one("#f-needed"), app.screen.query_one("#f-needed_text")
        assert after.region.y == field.region.y + 1
        assert not app.screen.query(".form-error")  # a form that opens has no message line
        field.focus()
        await pilot.press("ctrl+u", "-", "5")
        await until(pilot, lambda: after.region.y == field.region.y + 2)
        error = app.screen.query_one("#e-needed")
        assert (error.region.x, error.region.y) == (field.region.x, field.region.y + 1)
        assert "négatif" in str(error.render())
        await pilot.press("backspace", "backspace")
        await until(pilot, lambda: after.region.y == field.region.y + 1)
        assert not error.display


async def test_a_negative_amount_shows_the_message_and_keeps_the_text(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    sid = write_plan(data_dir, clock, screen="resources")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_form(app, pilot, 3)
        app.screen.query_one("#f-needed").focus()
        await pilot.press("ctrl+u", "-", "5", "0", "0")
        await pilot.pause()
        assert "négatif" in str(app.screen.query_one("#e-needed").render())
        assert app.screen.query_one("#f-needed").value == "-500"
        await pilot.press("ctrl+u", *"42000")
        await pilot.pause()
        assert not app.screen.query_one("#e-needed").display
        assert app.flush_now()
    kept = saved(data_dir, clock, sid)
    assert kept.resources[0].needed == Decimal(42000)
    assert kept.drafts == {}


async def test_reorder_moves_a_record_among_its_siblings(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="objectives")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 5)
        cursor_to(app, "indicators/i2")
        await pilot.press("shift+up")
        await pilot.pause()
        assert rows(app)[:3] == ["objectives/b1", "indicators/i2", "indicators/i1"]
        await pilot.press("shift+up")  # already first under its objective
        cursor_to(app, "objectives/b2")
        await pilot.press("shift+up")
        await pilot.pause()
        assert rows(app) == [
            "objectives/b2",
            "indicators/i3",
            "objectives/b1",
            "indicators/i2",
            "indicators/i1",
        ]
        assert app.flush_now()
    kept = saved(data_dir, clock, sid)
    assert [o.id for o in kept.objectives] == ["b2", "b1"]
    assert [i.id for i in kept.indicators] == ["i2", "i1", "i3"]


async def test_an_indicator_is_added_under_the_selected_objective(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    sid = write_plan(data_dir, clock, screen="objectives")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 5)
        cursor_to(app, "indicators/i3")
        await pilot.press("i")
        await until(pilot, lambda: form_open(app))
        await pilot.press(*"Trajets réalisés", "escape")
        await until(pilot, lambda: len(rows(app)) == 6)
        assert rows(app)[-1] == "indicators/r0001"
        assert app.ctx.session.indicators[-1].objective == "b2"


async def test_indicators_of_a_deleted_objective_are_listed_apart(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    sid = write_plan(data_dir, clock, screen="objectives")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 5)
        cursor_to(app, "objectives/b2")
        await pilot.press("delete")
        await until(pilot, lambda: "Confirm" in type(app.screen).__name__)
        await pilot.press("enter")
        await until(pilot, lambda: "objectives/b2" not in rows(app))
        assert rows(app)[-2:] == ["indicators/-", "indicators/i3"]


async def test_links_are_chosen_from_lists(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="roles")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 2)
        await pilot.press("down", "enter")  # o2: no lead
        await until(pilot, lambda: form_open(app))
        await pilot.press("tab", "tab", "enter")  # lead: open the list
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # blank, Awa, Marc
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # accountable, then contributors: the chooser
        await until(pilot, lambda: "LinksChooser" in type(app.screen).__name__)
        await pilot.press("space", "down", "down", "space", "enter")
        await until(pilot, lambda: form_open(app))
        await pilot.press("escape")
        await pilot.pause()
        role = app.ctx.session.roles[1]
        assert (role.lead, role.contributors) == ("p2", ["p1", "p3"])
        names = str(app.screen.query_one(RecordEditor).table.get_row_at(1)[1])
        assert names == "Marc Tremblay"


async def test_a_multi_line_paste_in_a_one_line_field_is_kept_whole(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    sid = write_plan(data_dir, clock, screen="actions")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: form_open(app))
        await pilot.pause()
        app.screen.query_one("#f-label").post_message(
            __import__("textual").events.Paste("Première ligne\nDeuxième ligne\n")
        )
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.ctx.session.actions[-1].label == "Première ligne Deuxième ligne"


async def test_wider_terminals_show_more_columns(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="resources")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 3)
        narrow = len(app.screen.query_one(RecordEditor).table.columns)
    wide_app = make_app(session_id=sid)
    async with wide_app.run_test(size=(160, 24)) as pilot:
        await until(pilot, lambda: len(rows(wide_app)) == 3)
        wide = len(wide_app.screen.query_one(RecordEditor).table.columns)
    assert (narrow, wide) == (5, 8)


async def test_resource_totals_use_the_minutes_language(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="resources", minutes_lang="en")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 3)
        summary = str(app.screen.query_one(".editor-summary").render())
        assert "requis $35,850.75 · confirmé $31,000 · écart $4,850.75" in summary
        assert "3 ressources · 1 non confirmée" in summary


async def test_roles_without_a_lead_are_flagged_in_words(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="roles")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 2)
        table = app.screen.query_one(RecordEditor).table
        assert str(table.get_row_at(1)[1]) == "⚠ sans porteur"
        assert "1 sans porteur" in str(app.screen.query_one(".editor-summary").render())


async def test_notes_of_a_step_open_with_a_key(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="resources")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 3)
        await pilot.press("n")
        await until(pilot, lambda: bool(app.screen.query("NotesPane")))
        await pilot.press("end", "ctrl+end", *" OK")
        await pilot.press("escape")
        assert app.flush_now()
    assert saved(data_dir, clock, sid).notes["resources"].endswith("Fonds. OK")


async def test_a_read_only_session_offers_no_change(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="actions")
    holder = SessionStore(data_dir, clock=clock, new_id=counter("h")).open(sid)
    try:
        app = make_app(session_id=sid)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: len(rows(app)) == 3)
            await pilot.press("a", "delete", "shift+down")
            await pilot.pause()
            assert rows(app) == ["actions/a1", "actions/a2", "actions/a3"]
            assert not form_shown(app)
    finally:
        holder.close()


@pytest.mark.parametrize("wait", [False, True], ids=["while-it-mounts", "once-mounted"])
async def test_the_first_form_of_a_step_is_made_ahead_and_takes_the_keys_typed_with_it(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock, wait: bool
) -> None:
    """Once a step's table shows, the form of its records is mounted, hidden: the first ``a``
    only fills it. Keys typed in the same write as ``a``, while that form still mounts or once
    it has, reach it in order: the record gets its whole name, the next field the rest."""
    from typing_helpers import Terminal

    from tui.widgets.record_pane import RecordPane

    sid = write_plan(data_dir, clock, screen="resources")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 3)
        ahead = list(app.screen.query(RecordPane))
        if wait:
            await until(pilot, lambda: any(p.ready for p in app.screen.query(RecordPane)))
            ahead = list(app.screen.query(RecordPane))
        assert len(ahead) == 1 and not ahead[0].display  # made ahead, hidden
        Terminal(app).write("a" + "Prêt de salle" + "\t\t\t" + "1200")
        await until(pilot, lambda: app.ctx.session.resources[-1].needed == Decimal(1200))
        assert app.ctx.session.resources[-1].label == "Prêt de salle"
        shown = [p for p in app.screen.query(RecordPane) if p.display]
        assert shown == ahead  # the form opened is the one made ahead: nothing mounted
        assert app.focused is app.screen.query_one("#f-needed")
