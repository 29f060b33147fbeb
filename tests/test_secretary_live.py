"""In the app: organisation leads, arrivals and departures, voided decisions, follow-ups."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from docx import Document
from live_helpers import live_session, show, until
from secretary_data import CASES
from textual.widgets import DataTable, Static
from textual.widgets._toast import Toast

from tui.export import render_file, render_minutes
from tui.model import Decision, Role, Session, Skill, SkillDecision
from tui.screens.capture import CaptureForm
from tui.screens.help import HelpScreen
from tui.screens.lists import LiveLists
from tui.screens.skills import SkillsScreen
from tui.widgets.dialogs import AskText


def _screen_text(app: Any) -> str:
    """The rows of the focused screen's tables, as the facilitator reads them."""
    found = []
    for table in app.screen.query(DataTable):
        for row in range(table.row_count):
            found.append(" | ".join(str(c) for c in table.get_row_at(row)))
    return "\n".join(found)


async def test_a_role_carried_by_an_organisation_is_not_flagged_without_lead(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def edit(session: Session) -> None:
        session.roles = [
            Role(id="r1", label="Cuisine mobile", lead_org="Centre communautaire"),
            Role(id="r2", label="Transport"),
        ]

    _store, sid = live_session(data_dir, clock, edit)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "roles")
        await until(pilot, lambda: "Cuisine mobile" in _screen_text(app))
        rows = _screen_text(app).splitlines()
        assert "Centre communautaire" in rows[0] and "⚠" not in rows[0]
        assert "⚠ sans porteur" in rows[1]


async def test_r_and_x_on_a_participant_stamp_the_arrival_and_departure(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def edit(session: Session) -> None:
        session.participants[1].attendance = "absent"

    store, sid = live_session(data_dir, clock, edit)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "meeting")
        await until(pilot, lambda: bool(app.screen.query("#participants DataTable")))
        app.screen.show_tab("tab-participants")
        table = app.screen.query_one("#participants DataTable", DataTable)
        await until(pilot, lambda: table.region.height > 0)  # the tab shows
        table.focus()
        await until(pilot, lambda: app.focused is table)
        clock.advance(45 * 60)  # 10 h 15
        await pilot.press("down", "r")
        await until(pilot, lambda: "arrivée 10 h 15" in _screen_text(app))
        clock.advance(60 * 60)
        await pilot.press("up", "x")
        await until(pilot, lambda: "départ 11 h 15" in _screen_text(app))
        await pilot.press("ctrl+z")  # undo takes the departure back
        await until(pilot, lambda: "départ" not in _screen_text(app))
        await pilot.press("ctrl+y")
        await until(pilot, lambda: "départ 11 h 15" in _screen_text(app))
        app.flush_now()
    session = store.load(sid)
    late = session.participants[1]
    assert late.attendance == "present" and str(late.arrived_at) == "10:15:00"
    assert str(session.participants[0].left_at) == "11:15:00"
    text = render_minutes(session, "formal", "fr")
    assert "- Luc Gagnon (arrivée à 10 h 15)\n" in text
    assert "- Marie Tremblay (départ à 11 h 15)\n" in text


async def test_a_decision_records_its_time_and_counts_who_was_there(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def edit(session: Session) -> None:
        session.participants[2].arrived_at = dt.time(11, 0)

    store, sid = live_session(data_dir, clock, edit)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        await pilot.press(*"Adopter le budget", "enter")
        await until(pilot, lambda: bool(app.ctx.session.decisions))
        app.flush_now()
    decision = store.load(sid).decisions[0]
    assert str(decision.taken_at) == "09:30:00"
    text = render_minutes(store.load(sid), "formal", "fr")
    assert "**Quorum\u00a0:** 2 présences sur 3 membres à 9 h 30." in text


async def test_v_in_the_decisions_list_voids_a_decision_with_its_reason(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def edit(session: Session) -> None:
        session.decisions = [
            Decision(id="d1", number="2026-11-25-01", text="Adopter le budget"),
            Decision(id="d2", number="2026-11-25-02", text="Fixer la date"),
        ]

    store, sid = live_session(data_dir, clock, edit)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LiveLists))
        await pilot.press("delete")  # a decision is never deleted
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, AskText))
        await pilot.press(*"inscrite par erreur", "enter")
        await until(pilot, lambda: app.ctx.session.decisions[0].voided)
        await until(pilot, lambda: "ANNULÉE" in _screen_text(app))
        app.flush_now()
    session = store.load(sid)
    assert [d.number for d in session.decisions] == ["2026-11-25-01", "2026-11-25-02"]
    assert session.decisions[0].void_reason == "inscrite par erreur"
    docx = Document(io.BytesIO(render_file(session, "docx", mode="formal")))
    struck = [r.text for p in docx.paragraphs for r in p.runs if r.font.strike]
    assert struck == ["Adopter le budget"]
    assert "Annulée\u00a0: inscrite par erreur" in "\n".join(p.text for p in docx.paragraphs)


async def test_shift_d_makes_a_skill_follow_up_a_numbered_decision_once(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def edit(session: Session) -> None:
        follow_up = SkillDecision(kind="training", who="Luc Gagnon", due=dt.date(2027, 3, 1))
        session.skills = [Skill(id="k1", label="Graphisme", decision=follow_up)]
        session.progress.screen = "skills"

    store, sid = live_session(data_dir, clock, edit)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SkillsScreen))
        await until(pilot, lambda: "Suite à donner" in _lines(app))
        await pilot.press("D")
        await until(pilot, lambda: len(app.ctx.session.decisions) == 1)
        await pilot.press("D")  # again: the same decision, never a second number
        await pilot.pause()
        app.flush_now()
    session = store.load(sid)
    [decision] = session.decisions
    assert decision.number == "2026-11-25-01" and decision.step == "skills"
    assert decision.text == "Formation ou mentorat\u00a0: Graphisme — Luc Gagnon, 1er mars 2027"
    assert session.skills[0].decision.decision == decision.id
    for lang, mode in CASES:
        text = render_minutes(session, mode, lang)
        header = {
            "fr": "| Statut | Suite à donner | Responsable |",
            "en": "| Status | Follow-up | Who |",
        }
        assert header[lang] in text
        kind = {"fr": "Décision", "en": "Decision"}[lang]
        if mode == "formal":  # a procès-verbal's resolution
            kind = {"fr": "Résolution", "en": "Resolution"}[lang]
        step = {"fr": "Compétences", "en": "Skills"}[lang]
        assert f"**{kind} 2026-11-25-01** — {step}" in text


def _lines(app: Any) -> str:
    """What the screen's static lines say."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def test_messages_come_one_at_a_time_and_never_over_the_minutes(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await show(app, pilot, "resources")
        for n in range(3):
            app.notify(f"message {n}")
        await until(pilot, lambda: [m.message for m in app._notifications] == ["message 2"])
        await until(pilot, lambda: len(app.screen.query(Toast)) == 1)
        await show(app, pilot, "minutes")
        app.notify("Rien à annuler.")
        line = app.screen.query_one("#minutes-saved", Static)
        await until(pilot, lambda: str(line.render()) == "Rien à annuler.")
        assert not app._notifications and not app.screen.query(Toast)


async def test_f1_lists_the_keys_of_the_screen_first_then_the_rest(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "skills")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = str(app.screen.query_one("#keymap", Static).render())
        here, rest = text.split("\nPartout\n", 1)
        assert here.lstrip().startswith("Touches de cet écran")
        assert "matrice: Niveau 0" in here and "Faire de la suite à donner" in here
        assert "F4       consigner: Décision" in here  # the session keys act here too
        assert "Ajouter un indicateur" not in here and "Ajouter un indicateur" in rest
        assert "Faire de la suite à donner" not in rest  # each key once
        await pilot.press("escape")
        await show(app, pilot, "resources")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = str(app.screen.query_one("#keymap", Static).render())
        here = text.split("\nPartout\n", 1)[0]
        assert "Ajouter" in here and "matrice" not in here
