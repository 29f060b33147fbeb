"""Fill the meeting's people and the seven record steps from the keyboard; quit; reopen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import counter, form_open, form_shown, until
from textual.widgets import DataTable

from tui.storage.store import SessionStore
from tui.widgets.record_editor import RecordEditor

STEPS = ("actions", "resources", "roles", "agreements", "objectives", "coordination", "watch")


def on_screen(app, key: str) -> bool:  # type: ignore[no-untyped-def]
    """The step ``key`` is shown and its table has the focus."""
    return getattr(app.screen, "KEY", None) == key and isinstance(app.focused, DataTable)


async def form(pilot, key: str, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Open a form with ``key`` (a, i, g), type ``keys`` into it, close it."""
    app = pilot.app
    await pilot.press(key)
    await until(pilot, lambda: form_open(app))
    for k in keys:
        await pilot.press(k)
    await pilot.press("escape")
    await until(pilot, lambda: not form_shown(app) and on_screen(app, app.screen.KEY))


def text(value: str) -> list[str]:
    """The keys that type ``value``."""
    return list(value)


async def next_step(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    """Go to the step ``key`` with F3 (skills, not a record step, is passed by)."""
    await pilot.press("f3")
    if key == "roles":
        await until(pilot, lambda: getattr(pilot.app.screen, "KEY", None) == "skills")
        await pilot.press("f3")
    await until(pilot, lambda: on_screen(pilot.app, key))


PICK_FIRST = ["enter", "down", "enter"]
"""Open a list, take its first entry after the blank, close it."""


@pytest.mark.heavy(70)
async def test_fill_every_step_from_the_keyboard_quit_and_reopen(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    sid = store.create("Table de concertation").id
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-title")
        await pilot.press("shift+tab", "right", "tab")  # the Participants tab, its table
        await until(pilot, lambda: isinstance(app.focused, DataTable))
        await form(pilot, "a", *text("Awa Diallo"), "tab", *text("CDC"), "tab", *text("présidente"))
        await form(
            pilot,
            "a",
            *text("Marc Tremblay"),
            "tab",
            *text("CAB"),
            "tab",
            "tab",
            "enter",
            "down",
            "down",
            "enter",
        )  # excused
        await next_step(pilot, "actions")
        await form(
            pilot,
            "a",
            *text("Épicerie solidaire"),
            "tab",
            *text("A1"),
            "tab",
            *text("Accès"),
            "tab",
            *text("Banque"),
            "tab",
            *text("2027-09-30"),
        )
        await form(pilot, "a", *text("Cuisines collectives"), "tab", *text("A2"))
        await next_step(pilot, "resources")
        await form(
            pilot,
            "a",
            *text("Subvention"),
            "tab",
            "tab",
            *PICK_FIRST,
            "tab",
            *text("31000"),
            "tab",
            "tab",  # the need in words: a number was given
            *text("12000"),
            "tab",
            "tab",
            *text("Fonds régional"),
            "tab",
            "enter",
            *["down"] * 4,  # requested, negotiating, confirmed verbally, confirmed in writing
            "enter",
            "tab",
            *text("2026-11-12"),
            "tab",
            *text("Martin"),
        )
        await form(
            pilot,
            "a",
            *text("Bénévoles"),
            "tab",
            "enter",
            "up",
            "enter",
            "tab",
            "tab",
            *text("400"),
            "tab",
            "tab",
            "tab",
            *text("heures"),
        )
        await next_step(pilot, "roles")
        await form(
            pilot,
            "a",
            *text("Mise sur pied"),
            "tab",
            *PICK_FIRST,
            "tab",
            *PICK_FIRST,
            "tab",
            *text("Comité de coordination"),
            "tab",
            "enter",
            "down",
            "space",
            "enter",
            "tab",
            "tab",
            "tab",
            *text("2027-06-30"),
            "tab",
            *text("Coordonner"),
        )
        await form(pilot, "a", *text("Transport"))
        await next_step(pilot, "agreements")
        await form(
            pilot,
            "a",
            *text("Entente avec la Ville"),
            "tab",
            "tab",
            "enter",
            "down",
            "enter",
            "tab",
            *text("CDC"),
            "enter",
            *text("Ville"),
            *["tab"] * 8,
            *text("Comité de coordination"),
        )
        await next_step(pilot, "objectives")
        await form(pilot, "a", *text("Améliorer l'accès"), "tab", *PICK_FIRST)
        await form(
            pilot,
            "i",
            *text("Ménages inscrits"),
            "tab",
            "tab",
            "tab",
            *text("ménages"),
            "tab",
            *text("0"),
            "tab",
            *text("250"),
        )
        await form(pilot, "a", *text("Réduire l'isolement"))
        await next_step(pilot, "coordination")
        await form(
            pilot,
            "a",
            *text("Comité de coordination"),
            "tab",
            "tab",
            "tab",
            *PICK_FIRST,
            "tab",
            *text("aux 6 semaines"),
        )
        await form(pilot, "g", *text("GT transport"), "tab", "tab", "tab", *PICK_FIRST)
        await next_step(pilot, "watch")
        await form(
            pilot,
            "a",
            *text("Hausse des demandes"),
            "tab",
            *text("CAB"),
            "tab",
            *text("2026-10-26"),
            "tab",
            "tab",
            "enter",
            "space",
            "enter",
        )
        await form(
            pilot, "a", *text("Appel de projets"), "tab", "tab", "tab", "enter", "down", "enter"
        )
        await pilot.press("shift+up")  # the opportunity first
        await pilot.pause()
        await pilot.press("ctrl+q")

    s = SessionStore(data_dir, clock=clock, new_id=counter("z")).load(sid)
    assert [(p.name, p.organisation, p.attendance) for p in s.participants] == [
        ("Awa Diallo", "CDC", "present"),
        ("Marc Tremblay", "CAB", "excused"),
    ]
    awa, marc = (p.id for p in s.participants)
    a1, a2 = s.actions
    assert (a1.label, a1.code, a1.orientation, a1.lead, a1.deadline) == (
        "Épicerie solidaire",
        "A1",
        "Accès",
        "Banque",
        dt.date(2027, 9, 30),
    )
    assert (a2.label, a2.code) == ("Cuisines collectives", "A2")
    r1, r2 = s.resources
    assert (r1.label, r1.kind, r1.action, r1.needed, r1.available, r1.source) == (
        "Subvention",
        "financial",
        a1.id,
        Decimal(31000),
        Decimal(12000),
        "Fonds régional",
    )
    assert (r1.status, r1.confirmed_on, r1.owner) == ("confirmed", dt.date(2026, 11, 12), "Martin")
    assert (r2.label, r2.kind, r2.needed, r2.unit) == ("Bénévoles", "human", Decimal(400), "heures")
    o1, o2 = s.roles
    assert (o1.label, o1.action, o1.lead, o1.contributors) == ("Mise sur pied", a1.id, awa, [marc])
    assert (o1.deadline, o1.mandate) == (dt.date(2027, 6, 30), "Coordonner")
    assert o1.accountable == "Comité de coordination"
    assert (o2.label, o2.lead) == ("Transport", None)
    (e1,) = s.agreements
    assert (e1.label, e1.status, e1.parties, e1.reports_to) == (
        "Entente avec la Ville",
        "negotiating",
        "CDC\nVille",
        "Comité de coordination",
    )
    b1, b2 = s.objectives
    assert (b1.label, b1.action, b2.label) == ("Améliorer l'accès", a1.id, "Réduire l'isolement")
    (i1,) = s.indicators
    assert (i1.label, i1.objective, i1.unit, i1.baseline, i1.target) == (
        "Ménages inscrits",
        b1.id,
        "ménages",
        Decimal(0),
        Decimal(250),
    )
    (c1,) = s.bodies
    assert (c1.label, c1.decision_rule, c1.frequency) == (
        "Comité de coordination",
        "consensus",
        "aux 6 semaines",
    )
    (w1,) = s.working_groups
    assert (w1.label, w1.reports_to, w1.lead) == ("GT transport", c1.id, awa)
    x1, x2 = s.signals
    assert (x1.label, x1.kind) == ("Appel de projets", "opportunity")
    assert (x2.label, x2.source, x2.date, x2.actions) == (
        "Hausse des demandes",
        "CAB",
        dt.date(2026, 10, 26),
        [a1.id],
    )
    assert s.drafts == {}

    expected = {
        "actions": [f"actions/{a1.id}", f"actions/{a2.id}"],
        "resources": [f"resources/{r1.id}", f"resources/{r2.id}"],
        "roles": [f"roles/{o1.id}", f"roles/{o2.id}"],
        "agreements": [f"agreements/{e1.id}"],
        "objectives": [f"objectives/{b1.id}", f"indicators/{i1.id}", f"objectives/{b2.id}"],
        "coordination": [f"bodies/{c1.id}", f"working_groups/{w1.id}"],
        "watch": [f"signals/{x1.id}", f"signals/{x2.id}"],
    }
    again = make_app(session_id=sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: on_screen(again, "watch"))
        for step in STEPS:
            again.show_screen(step)
            await until(pilot, lambda step=step: on_screen(again, step))
            editor = again.screen.query_one(RecordEditor)
            assert [r.key for r in editor.rows] == expected[step]
            assert editor.table.row_count == len(expected[step])
