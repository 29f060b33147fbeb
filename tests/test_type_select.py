"""Type-to-select: letters in Go to, in every Select (open or closed), `/` in record tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from live_helpers import four_resources, live_session, press_to, ready, show, until

from tui.screens.capture import CaptureForm
from tui.screens.find import FindLine
from tui.screens.lists import LiveLists
from tui.widgets.dialogs import GoTo
from tui.widgets.type_select import PAUSE as PAUSE_S
from tui.widgets.type_select import TypedPrefix, find


class Ticks:
    """A clock for the typed prefix that moves only when told."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


LABELS = ["0  Rencontre", "1  Actions", "2  Ressources", "3  Compétences", "9  Révision"]


def test_find_by_text_then_by_word_without_case_or_accents() -> None:
    assert find(["Élise", "élan", "Luc"], "EL") == 0
    assert find(LABELS, "res") == 2  # a word of the text starts with it
    assert find(LABELS, "rev") == 4  # « Révision », accent folded
    assert find(["adoptée à l'unanimité", "rejetée"], "u") == 0
    assert find(LABELS, "x") is None and find(LABELS, "") is None


def test_the_same_letter_again_goes_on_to_the_next_entry() -> None:
    names = ["Marie", "Luc", "Mathieu", "Mo"]
    assert find(names, "mm", current=0) == 2
    assert find(names, "mmm", current=3) == 0  # round the list


def test_a_pause_starts_a_new_search() -> None:
    ticks = Ticks()
    typed = TypedPrefix(clock=ticks)
    assert typed.feed("r") == "r" and typed.feed("e") == "re"
    ticks.now += PAUSE_S + 0.1
    assert typed.feed("c") == "c"


async def test_go_to_takes_the_first_letters_of_a_screen(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+g", *"res", "enter")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "resources")
        await press_to(pilot, GoTo, "ctrl+g")
        listing = app.screen.query_one("OptionList")
        ticks = Ticks()
        listing.typed.clock = ticks
        await pilot.press("r", "e")
        assert listing.highlighted_option.id == "meeting"  # « Rencontre »
        ticks.now += PAUSE_S + 0.1  # a pause: « c » is a new search, not « rec »
        await pilot.press("c")
        assert listing.highlighted_option.id == "skills"  # « Compétences »
        await pilot.press("4")  # digits still open a screen at once
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "roles")


async def test_a_closed_select_takes_letters_and_the_record_keeps_the_choice(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press_to(pilot, CaptureForm, "f4")
        await pilot.press(*"Budget adopté", "tab", "tab", "tab")
        outcome = app.screen.query_one("#f-outcome")
        assert app.focused is outcome
        await pilot.press(*"maj")  # a word of « adoptée à la majorité »
        await until(pilot, lambda: outcome.value == "carried")
        await pilot.press("enter")  # opens the list, on the value chosen
        await until(pilot, lambda: outcome.expanded)
        await pilot.press(*"rep", "enter")  # letters in the open list: « reportée »
        await until(pilot, lambda: outcome.value == "deferred" and not outcome.expanded)
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureForm))
        await until(pilot, lambda: app.save_state == "saved" and not app.ctx.pending)
    assert [d.outcome for d in store.load(sid).decisions] == ["deferred"]


async def test_slash_finds_a_row_in_a_record_table_and_esc_goes_back(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock, four_resources)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        table = app.focused
        assert table is not None and table.cursor_row == 0
        await pilot.press("/", *"sa", "enter")  # typed while the line opens: nothing lost
        await until(pilot, lambda: not isinstance(app.screen, FindLine))
        assert table.cursor_row == 3 and app.focused is table  # « Salle »
        await pilot.press("/", *"tr")
        await until(pilot, lambda: table.cursor_row == 2)  # moves as it is typed
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, FindLine))
        assert table.cursor_row == 3  # Esc: back where it was
        assert len(app.ctx.session.resources) == 4  # no letter reached the table's keys


async def test_slash_in_the_lists_of_decisions_and_action_items(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press_to(pilot, LiveLists, "ctrl+l")
        await pilot.press("a")  # the action items
        table = app.screen.query_one("#lists-table")
        await until(pilot, lambda: table.row_count == 3)
        await press_to(pilot, LiveLists, "/", *"reserv", "enter")
        row = table.get_row_at(table.cursor_row)
        assert "Réserver la salle" in " ".join(str(cell) for cell in row)


async def test_slash_in_the_matrix_and_in_the_review(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def skills(session: Any) -> None:
        from tui.model import Skill

        session.skills = [
            Skill(id=f"k{n}", label=label)
            for n, label in enumerate(["Gestion financière", "Communication", "Évaluation"])
        ]

    _store, sid = live_session(data_dir, clock, skills)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "skills")
        matrix = app.focused
        await pilot.press("/", *"eval", "enter")  # « Évaluation », accent folded
        await until(pilot, lambda: not isinstance(app.screen, FindLine))
        assert matrix is not None and matrix.cursor_row == 2
        assert [k.levels for k in app.ctx.session.skills] == [{}, {}, {}]  # no level typed
        await show(app, pilot, "review")
        points = app.focused
        before = points.highlighted
        await pilot.press("/", *"comm", "enter")  # a word of a point (its text is padded)
        await until(pilot, lambda: not isinstance(app.screen, FindLine))
        assert (before, points.highlighted) == (1, 5)  # « La compétence « Communication »… »


async def test_a_letter_that_is_a_key_of_the_screen_keeps_its_use(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        lists = await press_to(pilot, LiveLists, "ctrl+l", "a")
        who = lists.query_one("#filter-who")
        who.focus()
        await pilot.press("l")  # no key of the lists: selects « Luc Gagnon »
        await until(pilot, lambda: who.value == "Luc Gagnon")
        await pilot.press("d")  # the lists' key: the decisions, not a name starting with d
        await until(pilot, lambda: "Décisions" in str(lists.query_one("#lists-title").render()))
        assert who.value == "Luc Gagnon"
