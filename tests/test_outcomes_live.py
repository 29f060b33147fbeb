"""Live, in the app: a decision gets no outcome nobody chose, Enter opens a choice list, the
review names what is missing, the meeting's own adjournment time, the palette in French."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from live_helpers import live_session, show, until

from tui.cli import main
from tui.export import render_minutes
from tui.screens.capture import CaptureForm, QuickCapture
from tui.screens.dialogs import Confirm
from tui.screens.lists import LiveLists
from tui.storage.store import SessionStore

ADOPTION = re.compile(
    r"Adopt[ée]e|Carried|Rejet|Defeated|Report[ée]e|Deferred|dépôt|Tabled|[Rr][ée]solu\b|[Rr]esolved"
)


def _stored_decisions(data_dir: Path, sid: str) -> list[dict[str, Any]]:
    """The decisions as the session file on disk holds them."""
    tables = json.loads((data_dir / f"{sid}.json").read_text("utf-8"))
    return list(tables["decisions"].values())


def _decisions_section(text: str) -> str:
    found = re.search(r"^## (?:D[ée]cisions|R[ée]solutions)\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert found is not None, text
    return found.group(1)


async def _quick(app: Any, pilot: Any, line: str) -> None:
    """Record ``line`` through the quick-capture line (ctrl+t)."""
    await pilot.press("ctrl+t")
    await until(pilot, lambda: isinstance(app.screen, QuickCapture))
    await pilot.press(*line, "enter")
    await until(pilot, lambda: not isinstance(app.screen, QuickCapture))


@asynccontextmanager
async def _meeting(make_app: Any, data_dir: Path, clock: Any, screen: str) -> AsyncIterator[Any]:
    """The live meeting open in the app at 80×24 on ``screen``: (store, id, app, pilot)."""
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, screen)
        yield store, sid, app, pilot
        app.flush_now()


async def _decision_form(app: Any, pilot: Any) -> CaptureForm:
    await show(app, pilot, "resources")
    await pilot.press("f4")
    await until(pilot, lambda: isinstance(app.screen, CaptureForm))
    return app.screen  # type: ignore[no-any-return]


async def test_f4_text_enter_records_a_decision_with_no_outcome(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _decision_form(app, pilot)
        assert form.query_one("#f-outcome").value is form.query_one("#f-outcome").NULL
        await pilot.press(*"Le comité retient le trajet pilote", "enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureForm))
        await _quick(app, pilot, "d Reporter la question du local")
        app.flush_now()
    stored = _stored_decisions(data_dir, sid)
    assert [(d["text"], d["outcome"]) for d in stored] == [
        ("Le comité retient le trajet pilote", None),
        ("Reporter la question du local", None),
    ]
    session = store.load(sid)
    for mode in ("summary", "formal"):
        for lang in ("fr", "en"):
            decisions = _decisions_section(render_minutes(session, mode, lang))
            assert "Le comité retient le trajet pilote" in decisions
            assert not ADOPTION.search(decisions), (mode, lang, decisions)


async def test_enter_on_the_outcome_opens_it_and_consensus_round_trips(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock, tmp_path: Path, capsys
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _decision_form(app, pilot)
        await pilot.press(*"Créer le groupe de travail", "tab", "tab", "tab")
        outcome = form.query_one("#f-outcome")
        assert form.focused is outcome
        await pilot.press("enter")  # opens the list, does not save the form
        await until(pilot, lambda: outcome.expanded)
        assert isinstance(app.screen, CaptureForm)
        await pilot.press("down", "enter")  # the first outcome: consensus
        await until(pilot, lambda: not outcome.expanded)
        assert outcome.value == "consensus" and isinstance(app.screen, CaptureForm)
        await pilot.press("tab", "enter")  # Enter in a text field saves
        await until(pilot, lambda: not isinstance(app.screen, CaptureForm))
        app.flush_now()
    assert [d["outcome"] for d in _stored_decisions(data_dir, sid)] == ["consensus"]
    exported = tmp_path / "session.json"
    args = ["--data-dir", str(data_dir)]
    assert main([*args, "export", sid, "--format", "json", "-o", str(exported)]) == 0
    assert main([*args, "import", str(exported)]) == 0
    capsys.readouterr()
    imported = [s for s in SessionStore(data_dir).list() if s.id != sid]
    assert len(imported) == 1
    copy = store.load(imported[0].id)
    assert [d.outcome for d in copy.decisions] == ["consensus"]
    for mode in ("summary", "formal"):
        assert "Adoptée par consensus." in render_minutes(copy, mode, "fr")
        assert "Carried by consensus." in render_minutes(copy, mode, "en")


async def test_enter_on_a_choice_of_the_record_form_opens_it(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    async with _meeting(make_app, data_dir, clock, "resources") as (_store, _sid, app, pilot):
        await pilot.press("enter")  # edit the resource
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-label")
        await pilot.press("tab")  # Type, a choice list
        kind = app.screen.query_one("#f-kind")
        assert app.focused is kind
        await pilot.press("enter")
        await until(pilot, lambda: kind.expanded)
        await pilot.press("down", "enter")  # financial → material
        await until(pilot, lambda: not kind.expanded)
        assert kind.value == "material"


async def test_the_review_lists_the_missing_outcome_and_goes_to_it(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await _quick(app, pilot, "d Retenir le trajet")
        await show(app, pilot, "review")
        screen = app.screen
        texts = [str(it.params.get("label")) + "/" + it.check for it in screen.items]
        assert "2026-11-25-01/no_outcome" in texts
        index = texts.index("2026-11-25-01/no_outcome")
        screen.points.highlighted = screen.points.get_option_index(f"p{index}")
        shown = str(screen.points.get_option_at_index(screen.points.highlighted).prompt.renderable)
        assert "Décision 2026-11-25-01 : résultat non consigné." in shown.replace("\u00a0", " ")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LiveLists))
        lists = app.screen
        assert lists.mode == "decisions" and lists._selected().text == "Retenir le trajet"
        assert "non consigné" in str(lists.query_one("DataTable").get_row_at(0)[2])


async def test_f9_past_the_last_item_records_the_adjournment(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    async with _meeting(make_app, data_dir, clock, "resources") as (store, sid, app, pilot):
        for _item in range(4):
            await pilot.press("f9")
            clock.advance(20 * 60)
        await pilot.pause()
        assert app.ctx.session.meeting.adjourned_at is None  # the last item is still on
        await pilot.press("f9")  # past the last item: 9 h 30 + 80 min
        await until(pilot, lambda: app.ctx.session.meeting.adjourned_at is not None)
        app.flush_now()
    session = store.load(sid)
    assert session.meeting.adjourned_at.isoformat() == "10:50:00"
    assert "La séance est levée à 10 h 50." in render_minutes(session, "formal", "fr")


async def test_adjourn_command_asks_then_records_and_the_field_edits_it(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    async with _meeting(make_app, data_dir, clock, "meeting") as (store, sid, app, pilot):
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert "9:30" in app.screen.question
        await pilot.press("n")  # no: nothing recorded
        await until(pilot, lambda: not isinstance(app.screen, Confirm))
        assert app.ctx.session.meeting.adjourned_at is None
        clock.advance(150 * 60)
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: app.ctx.session.meeting.adjourned_at is not None)
        field = app.screen.query_one("#f-adjourned_at")
        await until(pilot, lambda: field.value == "12:00")
        field.focus()
        await pilot.press("ctrl+u", *"12:10")  # the facilitator corrects it
        await until(pilot, lambda: str(app.ctx.session.meeting.adjourned_at) == "12:10:00")
        app.flush_now()
    text = render_minutes(store.load(sid), "summary", "fr")
    assert "La séance est levée à 12 h 10." in text and "12 h 00" not in text


@pytest.mark.parametrize("lang", ["fr"])
async def test_the_palette_speaks_french(make_app, data_dir: Path, clock, lang: str) -> None:  # type: ignore[no-untyped-def]
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "resources")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen.id == "--command-palette")
        palette = app.screen
        search = palette.query_one("#--input Input")
        assert search.placeholder == "Rechercher une commande…"
        await pilot.press(*"zzqq")
        results = palette.query_one("CommandList")
        await until(pilot, lambda: results.option_count == 1)
        assert "Aucun résultat" in str(results.get_option_at_index(0).prompt.renderable)
        assert "No matches" not in str(results.get_option_at_index(0).prompt.renderable)
        await pilot.press("ctrl+u", *"lever")
        await until(
            pilot,
            lambda: any(
                "Lever la séance" in str(results.get_option_at_index(n).prompt)
                for n in range(results.option_count)
            ),
        )


async def test_an_open_choice_list_says_its_keys_in_french(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    async with _meeting(make_app, data_dir, clock, "meeting") as (_store, _sid, app, pilot):
        mode = app.screen.query_one("#f-mode")
        mode.focus()
        await pilot.press("enter")
        await until(pilot, lambda: mode.expanded)
        await pilot.pause()
        keys = [str(k.description) for k in app.screen.query("FooterKey")]
        assert "Fermer la liste" in keys and "Dismiss menu" not in keys


def test_the_version_help_line_is_translated(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "--help"])
    out = capsys.readouterr().out
    assert "afficher la version et quitter" in out and "show program's version" not in out
