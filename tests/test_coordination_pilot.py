"""Step 7 from the keyboard: a working group's frequency, then one participation, one follow-up
and one communication item, each in its tab; read back from the file and from the minutes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import counter, form_open, form_shown, until
from steps_data import write_plan
from test_minutes import tables
from textual.widgets import DataTable, TabbedContent
from typing_helpers import Terminal

from tui.export import render_minutes
from tui.storage.store import SessionStore


def without_modes(data_dir: Path, clock: Any) -> str:
    """The step tests' plan, with no participation, follow-up or communication yet."""
    sid = write_plan(data_dir, clock, screen="coordination")
    handle = SessionStore(data_dir, clock=clock, new_id=counter("z")).open(sid)
    handle.session.participation, handle.session.monitoring, handle.session.communication = (
        [],
        [],
        [],
    )
    handle.save(handle.session)
    handle.close()
    return sid


def on_table(app: Any) -> bool:
    """A table of the step has the focus, no form open."""
    return not form_shown(app) and isinstance(app.focused, DataTable)


async def to_tab(pilot: Any, pane_id: str) -> None:
    """From a table, shift+tab to the tabs, the arrows to ``pane_id``, tab into its table."""
    app = pilot.app
    await pilot.press("shift+tab")
    await until(pilot, lambda: type(app.focused).__name__ == "ContentTabs")
    while app.screen.query_one(TabbedContent).active != pane_id:
        await pilot.press("right")
    await pilot.press("tab")
    await until(pilot, lambda: on_table(app) and app.screen.shown_editor().table is app.focused)
    assert app.screen.shown_editor().parent.id == pane_id


async def fill(pilot: Any, label: str, *steps: str | tuple[str, ...]) -> None:
    """``a``, the label typed in one write, then each step: a line typed in one write after a
    tab, or keys pressed (a choice, a link); Esc closes the form."""
    app = pilot.app
    term = Terminal(app)
    await pilot.press("a")
    await until(pilot, lambda: form_open(app))
    term.write(label)
    for step in steps:
        if isinstance(step, tuple):
            await pilot.press(*step)
        else:
            term.write("\t" + step)
        await pilot.pause()
    await pilot.press("escape")
    await until(pilot, lambda: on_table(app))


PICK_FIRST = ("tab", "enter", "down", "enter")
"""Tab to a choice or a link, take its first entry after the blank."""
CHECK_FIRST = ("tab", "enter", "space", "enter")
"""Tab to a list of links, check the first one."""


COMMUNICATION = (
    "Faire connaître l'épicerie",
    "Ménages à faible revenu",
    "affiches trilingues",
    "français, anglais, espagnol",
    "chaque saison",
    "Lise Gagnon",
)
"""A communication item as typed, field by field, and as its row of the minutes shows it."""


@pytest.mark.heavy(14)
async def test_one_record_of_each_mode_typed_reaches_the_file_and_both_minutes(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    sid = without_modes(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "coordination")
        await until(pilot, lambda: on_table(app))
        # The working group (second row): its frequency is the sixth field.
        await pilot.press("down", "enter")
        await until(pilot, lambda: form_open(app))
        Terminal(app).write("\t\t\t\t\thebdomadaire au lancement")
        await until(pilot, lambda: app.ctx.session.working_groups[0].frequency != "")
        await pilot.press("escape")
        await until(pilot, lambda: on_table(app))

        await to_tab(pilot, "tab-participation")
        await fill(
            pilot,
            "Consultation des résidentes et résidents",
            ("tab", "enter", "down", "down", "enter"),  # citizen seat
            "Ménages du quartier",
            "2027-02-10",
            "deux fois par année",
            "CDC",
            CHECK_FIRST,  # serves A1
        )
        await to_tab(pilot, "tab-monitoring")
        await fill(
            pilot,
            "Tableau de bord trimestriel",
            ("tab", "enter", "space", "down", "space", "enter"),  # indicators i1 and i2
            ("tab",),  # no action
            PICK_FIRST,  # the coordinating committee
            "chaque trimestre",
            "tableau de bord partagé",
        )
        await to_tab(pilot, "tab-communication")
        await fill(pilot, *COMMUNICATION)
        await pilot.press("ctrl+q")

    raw = json.loads((data_dir / f"{sid}.json").read_text("utf-8"))
    assert raw["meta"]["1"]["schema_version"] == 5
    assert raw["working_groups"]["1"]["frequency"] == "hebdomadaire au lancement"
    (participation,) = raw["participation"].values()
    assert {k: v for k, v in participation.items() if k != "id"} == {
        "label": "Consultation des résidentes et résidents",
        "kind": "seat",
        "invited": "Ménages du quartier",
        "date": "2027-02-10",
        "frequency": "deux fois par année",
        "organiser": "CDC",
        "actions": ["a1"],
    }
    (monitoring,) = raw["monitoring"].values()
    assert {k: v for k, v in monitoring.items() if k != "id"} == {
        "label": "Tableau de bord trimestriel",
        "indicators": ["i1", "i2"],
        "actions": [],
        "body": "c1",
        "frequency": "chaque trimestre",
        "tool": "tableau de bord partagé",
    }
    (communication,) = raw["communication"].values()
    fields = ("label", "audience", "channel", "languages", "frequency", "responsible")
    assert communication == {
        "id": communication["id"],
        **dict(zip(fields, COMMUNICATION, strict=True)),
    }

    session = SessionStore(data_dir, clock=clock, new_id=counter("y")).load(sid)
    fr = {t[0][0]: t[1:] for t in tables(render_minutes(session, "summary", "fr"))}
    assert fr["Mécanisme"] == [
        [
            "Consultation des résidentes et résidents",
            "Siège citoyen",
            "Ménages du quartier",
            "10 février 2027, deux fois par année",
            "CDC",
            "A1",
        ]
    ]
    assert fr["Ce qui est suivi"] == [
        [
            "Tableau de bord trimestriel",
            "Ménages inscrits, Part des ménages satisfaits",
            "—",
            "Comité de coordination",
            "chaque trimestre",
            "tableau de bord partagé",
        ]
    ]
    assert fr["Message ou objectif"] == [list(COMMUNICATION)]
    assert fr["Groupe de travail"][0][5] == "hebdomadaire au lancement"
    en = {t[0][0]: t for t in tables(render_minutes(session, "formal", "en"))}
    assert en["Mechanism"][0] == [
        "Mechanism",
        "Type",
        "Who is invited",
        "When",
        "Organized by",
        "Actions",
    ]
    assert en["Mechanism"][1][1:4] == [
        "Citizen seat",
        "Ménages du quartier",
        "February 10, 2027, deux fois par année",
    ]
    assert en["What is reviewed"][1][3] == "Comité de coordination"
    assert en["Message or purpose"][0][-1] == "Responsible"
    assert en["Working group"][0][5] == "Frequency"
    # i3 is followed by nobody: the review says so under step 7.
    from tui.model import review

    assert [(p.step, p.record_id) for p in review(session) if p.check == "not_followed"] == [
        ("coordination", "i3")
    ]


async def test_an_indicator_nobody_follows_jumps_to_the_follow_up_tab(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    from test_review import _go, _shown

    from tui.screens.review import ReviewScreen

    sid = without_modes(data_dir, clock)
    handle = SessionStore(data_dir, clock=clock, new_id=counter("x")).open(sid)
    handle.session.progress.screen = "review"
    handle.save(handle.session)
    handle.close()
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        review = app.screen
        keys = [it.key for it in review.items]
        assert {"indicators/i1/not_followed", "indicators/i3/not_followed"} <= set(keys)
        assert "L’indicateur « Trajets offerts » n’est examiné par aucun suivi." in _shown(review)
        await _go(pilot, review, "indicators/i3/not_followed")
        await pilot.press("enter")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "coordination")
        screen = app.screen
        await until(pilot, lambda: on_table(app))
        assert screen.query_one(TabbedContent).active == "tab-monitoring"
        assert screen.shown_editor().table is app.focused
