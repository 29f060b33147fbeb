"""Issue 18: a vote typed in one line fills a decision's counts; the quorum of the members
present is shown in the decision form before the vote, and a decision taken without it is an
open point of the review and of the minutes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from live_helpers import live_session, show, until
from secretary_data import secretary_session
from test_capture import Keys
from textual.widgets import Static

from tui.export import render_minutes
from tui.model import Decision, Session, review
from tui.screens.capture import CaptureForm
from tui.screens.review_text import sentence


@pytest.mark.parametrize(
    ("line", "counts"),
    [
        ("7-0-1", (7, 0, 1)),
        ("7/0/1", (7, 0, 1)),
        ("7 0 1", (7, 0, 1)),
        (" 12 - 3 - 0 ", (12, 3, 0)),
        ("5-2", (5, 2, None)),
    ],
)
def test_a_vote_in_one_line_sets_for_against_and_abstentions(
    line: str, counts: tuple[int, int, int | None]
) -> None:
    decision = Decision(text="Adopter le budget", abstentions=4)
    assert decision.set_votes(line)
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == counts


@pytest.mark.parametrize("line", ["7", "7-0-1-2", "sept-0-1", "7--1", "", "7-0-1 pour"])
def test_anything_else_leaves_the_counts_as_they_were(line: str) -> None:
    decision = Decision(text="Adopter le budget", votes_for=3)
    assert not decision.set_votes(line)
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (3, None, None)


def _quorum_points(session: Session) -> list[str]:
    return [i.record_id for i in review(session) if i.check == "no_quorum"]


def test_a_decision_taken_without_the_majority_of_members_is_an_open_point() -> None:
    session = secretary_session()  # three members (one guest): the majority is two
    session.participants[2] = session.participants[2].model_copy(
        update={"left_at": dt.time(10, 30)}  # Nadia leaves at 10:30
    )
    session.participants[0] = session.participants[0].model_copy(
        update={"left_at": dt.time(10, 45)}  # Geneviève at 10:45: Martin alone at 11:00
    )
    assert _quorum_points(session) == ["d2"]  # d1 at 10:00 had two of three
    (item,) = [i for i in review(session) if i.check == "no_quorum"]
    assert sentence(item, session) == (
        "La décision 2026-12-04-02 a été prise sans quorum\u00a0: 1 des 3 membres présents "
        "(majorité\u00a0: 2)."
    )
    for lang, said in (("fr", "Prise sans quorum"), ("en", "Taken without quorum")):
        text = render_minutes(session, "formal", lang)
        assert f"| 2026-12-04-02 | {said} (" in text  # among the minutes' open points
    session.decisions[1] = session.decisions[1].model_copy(update={"voided": True})
    assert _quorum_points(session) == []  # a voided decision is no open point


async def test_f4_shows_the_quorum_and_takes_mover_seconder_and_vote_in_8_keys(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)  # three members present
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        keys = Keys(pilot)
        await keys.cmd("f4")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        notice = str(app.screen.query_one("#capture-notice", Static).render())
        assert notice == "Quorum\u00a0: 3 des 3 membres présents (majorité\u00a0: 2)."
        await keys.text("Adopter le budget")
        await keys.cmd("tab")
        await keys.text("ma")
        await keys.cmd("right", "tab")  # « Marie Tremblay » moves
        await keys.text("lu")
        await keys.cmd("right", "tab", "tab")  # « Luc Gagnon » seconds; past the outcome
        await keys.text("2-0-1")
        await keys.cmd("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureForm))
        app.flush_now()
    (decision,) = [d for d in store.load(sid).decisions if d.text == "Adopter le budget"]
    assert (decision.moved_by, decision.seconded_by) == ("Marie Tremblay", "Luc Gagnon")
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (2, 0, 1)
    assert decision.outcome is None  # a count is no outcome: never written for them
    assert keys.count == 8


async def test_the_form_says_when_the_quorum_is_not_met(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def edit(session: Session) -> None:
        for p in session.participants[1:]:
            p.attendance = "absent"

    _store, sid = live_session(data_dir, clock, edit)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        notice = str(app.screen.query_one("#capture-notice", Static).render())
        assert notice == "⚠ Pas de quorum\u00a0: 1 des 3 membres présents (majorité\u00a0: 2)."
        await pilot.press(*"Vote sans quorum", "tab", "tab", "tab", "tab", *"1 0 0", "tab")
        await until(pilot, lambda: app.screen.query_one("#f-votes_for").value == "1")
        assert [
            app.screen.query_one(f"#f-{n}").value for n in ("votes_against", "abstentions")
        ] == [
            "0",
            "0",
        ]
        await pilot.press("escape")
