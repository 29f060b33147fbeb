"""Agenda items one typed line each (« Ressources 20 »), at 80×24: a, the line, Enter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from live_helpers import live_session, until

from tui.model.agenda import read_line, split_minutes
from tui.screens.line_entry import LineDialog


def table_rows(app: Any) -> list[list[str]]:
    table = app.screen.query_one("#agenda RecordTable")
    return [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]


async def agenda_line(app: Any, pilot: Any) -> None:
    """From the meeting's title to the agenda's table (the row of tabs, twice right, into the
    table), then a: the line for new items."""
    await until(pilot, lambda: getattr(app.focused, "id", None) == "f-title")
    await pilot.press("shift+tab", "right", "right", "tab")
    await until(pilot, lambda: type(app.focused).__name__ == "RecordTable")
    await pilot.press("a")
    await until(pilot, lambda: isinstance(app.screen, LineDialog))


def test_the_timebox_is_read_off_the_end_of_the_line() -> None:
    assert split_minutes("Ressources 20") == ("Ressources", 20)
    assert split_minutes("Ressources  15 min") == ("Ressources", 15)
    assert split_minutes("Plan 2027") == ("Plan 2027", None)  # a year is no timebox
    assert split_minutes("Plan 2027-2030") == ("Plan 2027-2030", None)
    assert split_minutes("20") == ("20", None)  # a number alone is the label
    assert split_minutes("Suivi 5000") == ("Suivi 5000", None)  # more than a day: the label


def test_the_screen_letters_and_the_timebox_end_the_line_in_either_order() -> None:
    assert read_line("Ressources du projet @res 20") == ("Ressources du projet", 20, "res")
    assert read_line("Ressources du projet 20 @res") == ("Ressources du projet", 20, "res")
    assert read_line("Courriel à info@exemple.ca") == ("Courriel à info@exemple.ca", None, None)
    assert read_line("@res") == ("@res", None, None)  # a line needs its label


async def test_the_letters_after_an_at_pick_the_screen_and_unknown_ones_say_why(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await agenda_line(app, pilot)
        await pilot.press(*"Qui fait quoi @rol 25", "enter")
        said = app.screen.query_one("#line-said")
        await until(pilot, lambda: str(said.render()) == "Ajouté : « Qui fait quoi ».")
        await pilot.press(*"Partenaires @zz", "enter")
        await until(pilot, lambda: str(said.render()).startswith("⚠"))
        assert str(said.render()) == "⚠ Aucun écran ne commence par « zz »."
        assert app.screen.query_one("#line").value == "Partenaires @zz"  # kept as typed
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, LineDialog))
        app.flush_now()
    session = store.load(sid)
    added = session.agenda[-2]
    assert (added.label, added.step, added.timebox_min) == ("Qui fait quoi", "roles", 25)
    assert len(session.agenda) == 5
    assert session.drafts == {"capture/lines/agenda/line": "Partenaires @zz"}


async def test_agenda_items_typed_one_line_each_go_before_the_closing_item(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await agenda_line(app, pilot)
        await pilot.press(*"Objectifs 15", "enter")
        said = app.screen.query_one("#line-said")
        await until(pilot, lambda: str(said.render()) == "Ajouté : « Objectifs ».")
        assert app.screen.query_one("#line").value == ""  # ready for the next one
        await pilot.press(*"Divers", "enter")
        await until(pilot, lambda: str(said.render()) == "Ajouté : « Divers ».")
        await pilot.press("enter")  # an empty line closes
        await until(pilot, lambda: not isinstance(app.screen, LineDialog))
        shown = [(r[0], r[2], r[3]) for r in table_rows(app)]
        # Named as a screen, an item works on that screen (the screen may follow the agenda).
        assert shown[-3:] == [
            ("Objectifs", "Objectifs", "15 min"),
            ("Divers", "", ""),
            ("Levée", "", ""),
        ]
        app.flush_now()
        agenda = store.load(sid).agenda
        assert [(a.label, a.kind, a.step, a.timebox_min) for a in agenda[-3:]] == [
            ("Objectifs", "step", "objectives", 15),
            ("Divers", "step", None, None),
            ("Levée", "closing", None, None),
        ]
        await pilot.press("ctrl+z")  # one step per line: « Divers » goes, « Objectifs » stays
        await until(pilot, lambda: len(table_rows(app)) == 5)
        app.flush_now()
    assert [a.label for a in store.load(sid).agenda][-2:] == ["Objectifs", "Levée"]


async def test_a_line_too_long_says_why_and_adds_nothing(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await agenda_line(app, pilot)
        app.screen.query_one("#line").value = "x" * 600
        await pilot.press("enter")
        said = app.screen.query_one("#line-said")
        await until(pilot, lambda: str(said.render()).startswith("⚠"))
        assert "500" in str(said.render())
        assert isinstance(app.screen, LineDialog)
        await pilot.press("escape")
        app.flush_now()
    assert len(store.load(sid).agenda) == 4


async def test_a_line_left_with_esc_is_kept_as_a_draft_and_a_brings_it_back(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await agenda_line(app, pilot)
        await pilot.press(*"Budg", "escape")
        await until(pilot, lambda: not isinstance(app.screen, LineDialog))
        app.flush_now()
        assert store.load(sid).drafts == {"capture/lines/agenda/line": "Budg"}
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, LineDialog))
        assert app.screen.query_one("#line").value == "Budg"
        await pilot.press(*"et 10", "enter", "enter")
        await until(pilot, lambda: not isinstance(app.screen, LineDialog))
        app.flush_now()
    session = store.load(sid)
    assert session.drafts == {}
    assert [(a.label, a.timebox_min) for a in session.agenda][-2:] == [
        ("Budget", 10),
        ("Levée", None),
    ]
