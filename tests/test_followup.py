"""Follow-up meetings: what is carried, the adoption lookup, the earlier file left alone."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from live_helpers import live_session, until

from tui.export.minutes import render_minutes
from tui.model import Action, Decision, Objective, Person, Session, Signal
from tui.model.changes import ADOPTION_DECISION, ADOPTION_ITEM, REVIEW_ITEM, plan_changes
from tui.model.live import Acceptance
from tui.screens.capture import CaptureForm
from tui.screens.lists import LiveLists, SinceLastMeeting
from tui.storage.followup import adoption_lookup, adoption_of, as_minutes, create_followup
from tui.storage.store import SessionStore


def _digest(store: SessionStore, session_id: str) -> str:
    return hashlib.sha256(store.path(session_id).read_bytes()).hexdigest()


def _previous(session: Session) -> None:
    session.meeting.next_date = dt.date(2026, 12, 9)
    session.meeting.place = "Centre communautaire"
    session.people = [Person(id="pe-1", name="Agente de la Ville")]
    session.actions = [Action(id="act-1", label="Halte-garderie", lead="CDC")]
    session.objectives = [Objective(id="obj-1", label="100 familles")]
    session.signals = [Signal(id="sig-1", label="Nouveau programme")]
    session.decisions = [Decision(id="dec-1", text="Budget adopté", number="2026-11-25-01")]
    session.action_items[1].decision = "dec-1"
    session.participants[2].attendance = "excused"
    session.notes = {"resources": "Notes de la rencontre"}
    session.drafts = {"resources/res-1/needed": "12 0", "meeting/date": "2026-1"}
    session.acceptances = [Acceptance(key="resources/res-1/no_amount", reason="à venir")]


def test_a_follow_up_carries_the_plan_open_items_and_parking_and_nothing_else(  # type: ignore[no-untyped-def]
    data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _previous)
    before = _digest(store, sid)
    follow = create_followup(store, sid)
    assert _digest(store, sid) == before  # the earlier file is only read
    previous = store.load(sid)
    again = store.load(follow.id)
    assert again.id != sid and again.meeting.follows == sid
    assert (again.meeting.title, again.meeting.date, again.meeting.place) == (
        "Table de quartier",
        dt.date(2026, 12, 9),
        "Centre communautaire",
    )
    assert again.meeting.minutes_status == "draft"
    for table in ("people", "actions", "resources", "objectives", "signals"):
        assert getattr(again, table) == getattr(previous, table), table
    assert [p.name for p in again.participants] == [p.name for p in previous.participants]
    assert {p.attendance for p in again.participants} == {"present"}
    carried = {a.id: a for a in again.action_items}
    assert set(carried) == {"i-late", "i-soon"}  # the done one stays behind
    assert {a.carried_from for a in carried.values()} == {sid}
    assert carried["i-soon"].decision is None  # decisions are not carried
    assert [(p.label, p.carried_from) for p in again.parking] == [("Transport adapté", sid)]
    assert again.decisions == [] and again.notes == {}
    assert again.drafts == {"resources/res-1/needed": "12 0"}
    assert [a.key for a in again.acceptances] == ["resources/res-1/no_amount"]
    assert [(a.id, a.kind, a.spent_s) for a in again.agenda[:3]] == [
        ("a-welcome", "opening", 0),
        (ADOPTION_ITEM, "opening", 0),
        (REVIEW_ITEM, "opening", 0),
    ]
    assert again.agenda[1].label == "Adoption du compte rendu de la rencontre du 25 novembre 2026"
    assert again.agenda[2].label == "Suivis de la rencontre précédente"


async def test_opening_a_follow_up_shows_carried_actions_overdue_first(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _previous)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query("#sessions"))
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, SinceLastMeeting))
        table = app.screen.query_one("#since-table")
        await until(pilot, lambda: table.row_count > 0)  # filled once mounted
        rows = [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]
        assert [r[0] for r in rows] == ["EN RETARD", "ouvert"]
        assert rows[0][3] == "Demande au bailleur"
        await pilot.press("enter")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
    follow_ids = [x.id for x in store.list() if x.follows == sid]
    assert len(follow_ids) == 1


async def test_recording_the_adoption_marks_the_previous_minutes_adopted(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _previous)
    before = _digest(store, sid)
    follow = create_followup(store, sid)
    assert adoption_of(store, sid) is None
    app = make_app(session_id=follow.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SinceLastMeeting))
        await pilot.press("escape")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        await pilot.press("f9", "f9")  # welcome, then the adoption of the minutes
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        assert app.screen.query_one("#capture-adopts").value
        await pilot.press("tab", "tab", "tab", "enter")  # the text is ready: open the outcome
        outcome = app.screen.query_one("#f-outcome")
        await until(pilot, lambda: outcome.expanded)
        await pilot.press("down", "enter", "tab", "enter")  # by consensus; Enter records it
        await until(pilot, lambda: not isinstance(app.screen, CaptureForm))
        app.flush_now()
    decision = store.load(follow.id).decisions[0]
    assert (decision.id, decision.number) == (ADOPTION_DECISION, "2026-11-25-01")
    assert decision.outcome == "consensus"  # consensus adopts the minutes
    adoption = adoption_of(store, sid)
    assert adoption is not None and adoption.on == dt.date(2026, 11, 25)
    assert adoption.follow_up == follow.id
    minutes = render_minutes(as_minutes(store.load(sid), adoption_lookup(store)), "summary", "fr")
    assert "Adopté le 25 novembre 2026." in minutes and "PROJET" not in minutes
    assert _digest(store, sid) == before


async def test_closing_an_action_in_the_follow_up_leaves_the_original_file_unchanged(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _previous)
    follow = create_followup(store, sid)
    before = _digest(store, sid)
    app = make_app(session_id=follow.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SinceLastMeeting))
        await pilot.press("escape")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LiveLists))
        await pilot.press("a", "space")  # action items; the first one is done
        await pilot.pause()
        app.flush_now()
    assert [a.status for a in store.load(follow.id).action_items] == ["done", "open"]
    assert [a.status for a in store.load(sid).action_items] == ["open", "open", "done"]
    assert _digest(store, sid) == before


def test_a_defeated_adoption_adopts_nothing(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    store, sid = live_session(data_dir, clock)
    follow = create_followup(store, sid)
    handle = store.open(follow.id)
    session = handle.session
    session.decisions = [Decision(id=ADOPTION_DECISION, text="Adoption", outcome="deferred")]
    handle.save(session)
    handle.close()
    assert adoption_of(store, sid) is None
    assert as_minutes(store.load(sid), adoption_lookup(store)).meeting.minutes_status == "draft"


def test_plan_changes_lists_added_changed_and_removed_records_per_step(  # type: ignore[no-untyped-def]
    data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock, _previous)
    previous = store.load(sid)
    current = create_followup(store, sid)
    current.resources[0].needed = 5000  # type: ignore[assignment]
    current.actions.append(Action(id="act-2", label="Cuisine collective"))
    current.signals = []
    changes = plan_changes(previous, current)
    assert list(changes) == [
        "actions",
        "resources",
        "skills",
        "roles",
        "agreements",
        "objectives",
        "coordination",
        "watch",
    ]
    assert [(c.record_id, c.kind) for c in changes["actions"].changes] == [("act-2", "added")]
    (changed,) = changes["resources"].changed
    assert (changed.label, changed.fields) == ("Subvention Centraide", ("needed",))
    assert [c.label for c in changes["watch"].removed] == ["Nouveau programme"]
    assert changes["objectives"].empty and changes["skills"].empty
