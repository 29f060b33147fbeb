"""The demo sessions: complete, realistic, and fully determined by the clock and id factory."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import typing
from collections.abc import Callable

import pytest

from tui.demo import demo_sessions
from tui.model import RECORD_LISTS, Session, review, status
from tui.model.base import STEPS
from tui.model.plan import ResourceStatus

CLOCK = dt.datetime(2026, 11, 25, 13, 30, tzinfo=dt.UTC)


def counter(prefix: str = "r") -> Callable[[], str]:
    numbers = itertools.count(1)
    return lambda: f"{prefix}{next(numbers):04d}"


def demo(clock: dt.datetime = CLOCK) -> list[Session]:
    return demo_sessions(clock, counter())


def test_there_is_one_french_and_one_english_session() -> None:
    fr, en = demo()
    assert (fr.meeting.minutes_lang, en.meeting.minutes_lang) == ("fr", "en")
    assert fr.meeting.date == en.meeting.date == CLOCK.date()


def test_the_same_clock_and_ids_give_the_same_sessions() -> None:
    first = [s.model_dump_json() for s in demo()]
    assert first == [s.model_dump_json() for s in demo()]


def test_every_id_comes_from_the_factory() -> None:
    ids = []
    for session in demo_sessions(CLOCK, counter("demo")):
        ids.append(session.id)
        for name in RECORD_LISTS:
            ids += [r.id for r in getattr(session, name)]
    assert all(re.fullmatch(r"demo\d{4}", i) for i in ids)
    assert len(ids) == len(set(ids))


def test_every_date_moves_with_the_clock() -> None:
    later = CLOCK + dt.timedelta(days=10)
    for before, after in zip(demo(), demo(later), strict=True):
        assert after.meeting.next_date == before.meeting.next_date + dt.timedelta(days=10)
        assert after.decisions[0].number == "2026-12-05-01"
        due = [(a.due, b.due) for a, b in zip(before.action_items, after.action_items, strict=True)]
        assert all(b == a + dt.timedelta(days=10) for a, b in due if a is not None)


@pytest.mark.parametrize("index", [0, 1])
def test_every_step_holds_content(index: int) -> None:
    s = demo()[index]
    assert len(s.participants) >= 8 and s.people
    assert {p.attendance for p in s.participants} == {"present", "absent", "excused", "guest"}
    assert {a.kind for a in s.agenda} == {"opening", "step", "closing"}
    assert {a.step for a in s.agenda if a.kind == "step"} == set(STEPS)
    assert any(a.spent_s for a in s.agenda) and not all(a.spent_s for a in s.agenda)
    assert 4 <= len(s.actions) <= 5
    assert {r.kind for r in s.resources} == {"human", "financial", "material", "in_kind"}
    assert {r.status for r in s.resources} == set(typing.get_args(ResourceStatus))
    assert any(r.needed is None and r.needed_text for r in s.resources)  # a need in words
    assert any(r.accountable for r in s.roles) and any(g.kind == "both" for g in s.signals)
    assert s.meeting.adjourned_at is not None
    amounts = [r.needed for r in s.resources if r.kind == "financial" and r.needed]
    assert any(a != a.to_integral_value() for a in amounts)
    assert any(a == a.to_integral_value() for a in amounts)
    assert len(s.skills) == 6
    assert {status(k) for k in s.skills} == {"available", "fragile", "to_develop", "to_source"}
    assert any(r.lead is None for r in s.roles) and any(r.lead for r in s.roles)
    assert any(not g.reports_to for g in s.agreements)
    assert any(i.target is None for i in s.indicators)
    assert 2 <= len(s.objectives) <= 3 and s.bodies and s.working_groups and s.signals
    assert s.action_items and s.parking and s.notes


@pytest.mark.parametrize("index", [0, 1])
def test_decisions_are_numbered_in_order_and_some_are_formal_motions(index: int) -> None:
    s = demo()[index]
    day = f"{CLOCK.date():%Y-%m-%d}"
    assert [d.number for d in s.decisions] == [
        f"{day}-{n:02d}" for n in range(1, len(s.decisions) + 1)
    ]
    assert any(d.moved_by and d.seconded_by for d in s.decisions)
    assert any(d.votes_for is not None for d in s.decisions)
    assert any(not d.moved_by for d in s.decisions)
    # The demo's room chose every outcome; one table decided by consensus.
    assert None not in {d.outcome for d in s.decisions}
    assert "consensus" in {d.outcome for d in s.decisions}


@pytest.mark.parametrize("index", [0, 1])
def test_the_acceptance_matches_an_open_point_and_links_are_whole(index: int) -> None:
    s = demo()[index]
    points = review(s, include_accepted=True)
    assert {a.key for a in s.acceptances} <= {p.key for p in points}
    assert not [p for p in points if p.check == "broken_link"]
    checks = {p.check for p in review(s)}
    assert {"no_lead", "no_deadline", "not_confirmed", "no_decision"} <= checks
    assert {"no_accountability", "no_indicator", "no_target", "no_collector"} <= checks
    assert {"no_rule", "no_adjustment", "open_item"} <= checks
