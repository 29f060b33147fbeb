"""The room page's views: what each shows, in the minutes language, at a frozen moment."""

from __future__ import annotations

import datetime as dt

from conftest import FROZEN

from tui.export.html import minutes_parser
from tui.export.minutes import render_minutes
from tui.model import Meeting, Session
from tui.model.live import Decision, ParkingItem
from tui.model.meeting import AgendaItem
from tui.model.plan import Resource
from tui.room.page import fragment, view_of


def session(lang: str = "en") -> Session:
    s = Session(
        id="s0001",
        created=FROZEN,
        updated=FROZEN,
        meeting=Meeting(title="Table de quartier", collective="CDC du Nord", minutes_lang=lang),
    )
    s.resources.append(Resource(label="Local pour l'épicerie", kind="material"))
    s.decisions.append(Decision(text="Adopter le budget", number="2026-11-25-01"))
    s.parking.append(ParkingItem(label="Transport adapté"))
    s.agenda.append(AgendaItem(label="Ressources", step="resources", timebox_min=20))
    s.progress.agenda_item = s.agenda[0].id
    s.progress.agenda_started = FROZEN
    s.progress.screen = "resources"
    return s


def test_follow_shows_the_facilitators_step_time_left_and_what_was_captured() -> None:
    html = fragment(session(), "follow", FROZEN + dt.timedelta(minutes=5))
    assert "<h2>Resources</h2>" in html
    assert "Local pour l'épicerie" in html
    assert 'data-left="900"' in html and "15:00 left" in html
    assert "Adopter le budget" in html and "Transport adapté" in html
    assert "CDC du Nord" in html and 'aria-current="page">Follow the meeting' in html


def test_time_over_is_said_in_words() -> None:
    s = session("fr")
    s.agenda[0].spent_s = 20 * 60  # the timebox was used up before this stretch
    html = fragment(s, "follow", FROZEN + dt.timedelta(minutes=2, seconds=5))
    assert 'data-left="-125"' in html and "dépassé de 02:05" in html


def test_a_picked_step_stays_put_when_the_facilitator_moves() -> None:
    s = session()
    s.progress.screen = "skills"
    html = fragment(s, "resources", FROZEN)
    assert "<h2>Resources</h2>" in html and "Nothing recorded yet" not in html
    assert "<h2>Skills</h2>" in fragment(s, "follow", FROZEN)
    assert "Nothing recorded yet." in fragment(s, "follow", FROZEN)


def test_the_minutes_view_is_the_html_minutes_in_the_sessions_language() -> None:
    s = session("fr")
    html = fragment(s, "minutes", FROZEN)
    assert minutes_parser().render(render_minutes(s, "summary", "fr")) in html
    assert "Compte rendu en cours" in html


def test_an_unknown_view_follows_the_facilitator() -> None:
    assert view_of("../../etc") == "follow" and view_of(None) == "follow"
    assert view_of("minutes") == "minutes"
