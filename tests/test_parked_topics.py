"""Parked topics during the meeting at 80×24: listed, edited in their form, brought back to the
agenda, carried to the next meeting; undo; the minutes and the follow-up say what became of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from live_helpers import live_session, until

from tui.export.minutes import render_minutes
from tui.model import ParkingItem, Session
from tui.screens.capture import CaptureForm
from tui.screens.parking import ParkedTopics
from tui.storage.followup import build_followup


def _parked(session: Session) -> None:
    session.parking = [
        ParkingItem(id="k-1", label="Transport adapté"),
        ParkingItem(id="k-2", label="Local pour l’entraide", step="resources"),
        ParkingItem(id="k-3", label="Fête de quartier"),
    ]


def rows(app: Any) -> list[list[str]]:
    """The parked topics' table as shown, cell by cell."""
    table = app.screen.query_one("#parking-table")
    return [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]


async def open_list(app: Any, pilot: Any) -> None:
    await until(pilot, lambda: getattr(app.screen, "KEY", None) is not None)
    await pilot.press("shift+f8")
    await until(pilot, lambda: isinstance(app.screen, ParkedTopics))


async def test_shift_f8_lists_the_parked_topics_with_their_step_and_no_fate_yet(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock, _parked)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        assert str(app.screen.query_one("#parking-title").render()) == "Sujets à reprendre (3)"
        assert rows(app) == [
            ["Transport adapté", "", ""],
            ["Local pour l’entraide", "Ressources", ""],
            ["Fête de quartier", "", ""],
        ]
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ParkedTopics))


async def test_b_brings_a_topic_back_right_after_the_current_item_and_ctrl_z_undoes_it(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _parked)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "KEY", None) is not None)
        await pilot.press("f9", "f9")  # on « Ressources »
        await open_list(app, pilot)
        await pilot.press("down", "b")
        await until(pilot, lambda: rows(app)[1][2] == "inscrit à l’ordre du jour")
        detail = str(app.screen.query_one("#parking-detail").render())
        assert detail == "Local pour l’entraide\nÀ l’ordre du jour : « Local pour l’entraide »."
        await pilot.press("b")  # again: the same item, not a second one
        app.flush_now()
        session = store.load(sid)
        labels = [a.label for a in session.agenda]
        assert labels == [
            "Mot de bienvenue",
            "Ressources",
            "Local pour l’entraide",
            "Rôles",
            "Levée",
        ]
        new = session.agenda[2]
        assert (new.step, new.kind, new.timebox_min, new.spent_s) == ("resources", "step", None, 0)
        assert (session.parking[1].fate, session.parking[1].agenda_item) == ("agenda", new.id)
        # F9 from the list's screen takes it up next.
        await pilot.press("escape", "f9")
        await until(pilot, lambda: app.screen.query_one("#header").agenda == new.label)
        await pilot.press("shift+f8")
        await until(pilot, lambda: isinstance(app.screen, ParkedTopics))
        await pilot.press("ctrl+z")  # F9 is not undone (where the meeting is); the return is
        await until(pilot, lambda: rows(app)[1][2] == "")
        app.flush_now()
    session = store.load(sid)
    assert [a.label for a in session.agenda] == ["Mot de bienvenue", "Ressources", "Rôles", "Levée"]
    assert (session.parking[1].fate, session.parking[1].agenda_item) == (None, None)


async def test_c_carries_a_topic_and_the_follow_up_lists_it_on_its_agenda(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _parked)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await pilot.press("c")
        await until(pilot, lambda: rows(app)[0][2] == "reporté à la prochaine rencontre")
        await pilot.press("down", "down", "c", "c")  # c again: no longer carried
        await until(pilot, lambda: rows(app)[2][2] == "")
        await pilot.press("up", "b")
        await until(pilot, lambda: rows(app)[1][2] == "inscrit à l’ordre du jour")
        await pilot.press("c")  # brought back: it is on this agenda, not carried
        await pilot.pause()
        assert rows(app)[1][2] == "inscrit à l’ordre du jour"
        app.flush_now()
    session = store.load(sid)
    assert [p.fate for p in session.parking] == ["carried", "agenda", None]
    text = render_minutes(session, "summary", "fr")
    assert "- Transport adapté — reporté à la prochaine rencontre\n" in text
    assert "- Local pour l’entraide (Ressources) — inscrit à l’ordre du jour\n" in text
    assert "- Fête de quartier\n" in text
    english = render_minutes(session, "summary", "en")
    assert "- Transport adapté — carried to the next meeting\n" in english
    follow = build_followup(session, clock())
    labels = [a.label for a in follow.agenda]
    # Carried: on the next agenda, before its closing; brought back: dealt with, not again.
    assert labels[-2:] == ["Transport adapté", "Levée"]
    assert "Local pour l’entraide" not in labels
    assert [(p.label, p.fate) for p in follow.parking] == [("Fête de quartier", None)]


async def test_enter_edits_a_topic_in_its_form_and_the_file_keeps_it(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _parked)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        assert str(app.screen.query_one("#capture-title").render()) == "Sujet à reprendre"
        await pilot.press("end", *" (STS)", "enter")
        await until(pilot, lambda: isinstance(app.screen, ParkedTopics))
        await until(pilot, lambda: rows(app)[0][0] == "Transport adapté (STS)")
        app.flush_now()
        assert store.load(sid).parking[0].label == "Transport adapté (STS)"
        await pilot.press("ctrl+z")
        await until(pilot, lambda: rows(app)[0][0] == "Transport adapté")
        app.flush_now()
    assert store.load(sid).parking[0].label == "Transport adapté"


async def test_a_read_only_session_lists_topics_but_changes_nothing(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _parked)
    holder = store.open(sid)  # another facilitator has it open
    try:
        before = store.path(sid).read_bytes()
        app = make_app(session_id=sid)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_list(app, pilot)
            await pilot.press("b", "c", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ParkedTopics)
            assert [r[2] for r in rows(app)] == ["", "", ""]
        assert store.path(sid).read_bytes() == before
    finally:
        holder.close()
