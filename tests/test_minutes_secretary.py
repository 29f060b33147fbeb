"""Minutes a secretary signs as they are: what each point of issue 20 puts in the minutes."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from secretary_data import CASES, secretary_session
from test_minutes import tables

from tui.export import minutes_parser, render_minutes
from tui.export.tree import document_tree
from tui.export.typography import typeset
from tui.export.workbook import render_xlsx
from tui.model import Action, Agreement, Indicator, Objective, review


def _rows(text: str, header: str) -> dict[str, list[str]]:
    """The rows of the first table whose first header is ``header``, by their first cell."""
    found = next(t for t in tables(text) if t[0][0] == header)
    return {row[0]: row for row in found[1:]}


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_a_lead_may_be_an_organisation_named_in_words(lang: str, mode: str) -> None:
    text = render_minutes(secretary_session(), mode, lang)
    task = "Tâche" if lang == "fr" else "Task"
    rows = _rows(text, task)
    tbd = "à déterminer" if lang == "fr" else "to be determined"
    assert rows["Cuisine mobile"][2] == "Centre communautaire"
    assert rows["Jardin"][2] == "Comité des jardins (Geneviève Lapointe)"
    assert rows["Épicerie"][2] == "Martin Gagnon"
    assert rows["Transport"][2] == tbd
    group = _rows(text, "Groupe de travail" if lang == "fr" else "Working group")
    assert group["Comité transport"][3] == "MRC"


def test_an_organisation_lead_is_no_review_point() -> None:
    points = {(it.record_id, it.check) for it in review(secretary_session())}
    assert ("r4", "no_lead") in points
    assert not {("r1", "no_lead"), ("r2", "no_lead"), ("w1", "no_lead")} & points


ARRIVALS = {
    "fr": ("Martin Gagnon (arrivée à 10 h 15)", "Nadia Ouellet (départ à 11 h 40)"),
    "en": ("Martin Gagnon (arrived at 10:15\u202fa.m.)", "Nadia Ouellet (left at 11:40\u202fa.m.)"),
}


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_late_arrivals_and_early_departures_are_in_the_attendance(lang: str, mode: str) -> None:
    text = render_minutes(secretary_session(), mode, lang)
    arrival, departure = ARRIVALS[lang]
    assert f"- {arrival}\n" in text and f"- {departure}\n" in text
    assert "- Geneviève Lapointe, CAB\n" in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_decision_counts_who_was_present_at_its_time(lang: str) -> None:
    formal = render_minutes(secretary_session(), "formal", lang)
    if lang == "fr":
        assert "**Quorum\u00a0:** 3 présences sur 3 membres.\n" in formal  # the opening
        assert "**Quorum\u00a0:** 2 présences sur 3 membres à 10 h" in formal
        assert "**Quorum\u00a0:** 3 présences sur 3 membres à 11 h" in formal
    else:
        assert "**Quorum:** 3 members present out of 3.\n" in formal
        assert "**Quorum:** 2 members present out of 3 at 10:00\u202fa.m." in formal
        assert "**Quorum:** 3 members present out of 3 at 11:00\u202fa.m." in formal
    summary = render_minutes(secretary_session(), "summary", lang)
    assert "Quorum" not in summary


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_vote_counting_more_than_the_members_present_is_an_open_point(lang: str) -> None:
    points = [(it.record_id, it.check) for it in review(secretary_session())]
    assert ("d1", "votes_exceed_present") in points
    assert ("d2", "votes_exceed_present") not in points
    text = render_minutes(secretary_session(), "formal", lang)
    sentence = {
        "fr": "Plus de votes comptés que de membres votants présents.",
        "en": "More votes counted than voting members present.",
    }[lang]
    assert f"| 2026-12-04-01 | {sentence} |" in text


VOTE = {"fr": "Adoptée à la majorité (3 pour).", "en": "Carried by a majority (3 for)."}
VOIDED = {
    "fr": ("Décision 2026-12-04-01", "ANNULÉE", "*Annulée\u00a0: inscrite par erreur*"),
    "en": ("Decision 2026-12-04-01", "VOIDED", "*Voided: recorded by mistake*"),
}
RESOLVED = {"fr": "Il est résolu\u00a0:", "en": "Resolved:"}
"""A procès-verbal's lead of a resolution carried with no mover noted."""


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_a_voided_decision_keeps_its_number_struck_through_with_its_reason(
    lang: str, mode: str
) -> None:
    session = secretary_session()
    reason = {"fr": "inscrite par erreur", "en": "recorded by mistake"}[lang]
    session.decisions[0] = session.decisions[0].model_copy(
        update={"voided": True, "void_reason": reason}
    )
    text = render_minutes(session, mode, lang)
    name, mark, why = VOIDED[lang]
    if mode == "formal":  # a procès-verbal's resolution: its lead struck through too
        name = name.replace("Décision", "Résolution").replace("Decision", "Resolution")
        motion = f"~~{RESOLVED[lang]}~~\n\n"
    else:
        motion = ""
    struck = f"~~Adopter l'ordre du jour~~\n\n~~{VOTE[lang]}~~"
    assert f"**{name}** — **{mark}**\n\n{motion}{struck}\n\n{why}\n" in text
    number = "2026-12-04-02"
    assert number in text  # the next decision keeps its own number
    # What Word, OpenDocument and PDF get from the Markdown: the text struck through.
    runs = [r for node in document_tree(text) for r in getattr(node, "runs", ())]
    struck_runs = [r.text for r in runs if r.strike]
    lead = [RESOLVED[lang]] if mode == "formal" else []
    assert struck_runs == [*lead, "Adopter l'ordre du jour", VOTE[lang]]
    assert "<s>Adopter l'ordre du jour</s>" in minutes_parser().render(text)
    # A voided decision needs no outcome and counts in no vote check.
    assert not [it for it in review(session) if it.record_id == "d1"]


TYPED = "Porteur externe : Centre, « 8 000 $ » soit 20 % à 13h30"
SET = {
    "fr": "Porteur externe\u00a0: Centre, «\u00a08\u00a0000\u00a0$\u00a0» soit 20\u00a0% "
    "à 13\u00a0h\u00a030",
    "en": "Porteur externe: Centre, « 8 000 $ » soit 20 % à 13h30",
}


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_typed_text_is_typeset_in_every_section_but_stored_as_typed(lang: str, mode: str) -> None:
    session = secretary_session()
    session.meeting.place = TYPED
    session.roles[0].mandate = TYPED
    session.decisions[1].text = TYPED
    session.participants[0].role = TYPED
    session.notes = {"meeting": TYPED, "review": TYPED}
    dump = session.model_dump_json()
    text = render_minutes(session, mode, lang)
    assert text.count(SET[lang]) == 6, text  # header, attendance, notes, mandate, decision, review
    if lang == "fr":
        assert TYPED not in text
    assert session.model_dump_json() == dump  # what is stored never changes


@pytest.mark.parametrize(
    ("typed", "fr", "en"),
    [
        ("Note: voir", "Note\u00a0: voir", "Note: voir"),
        ("Note  : voir", "Note\u00a0: voir", "Note: voir"),
        ("«texte»", "«\u00a0texte\u00a0»", "«texte»"),
        ("31 000,50 $ et 8000$", "31\u00a0000,50\u00a0$ et 8000\u00a0$", "31 000,50 $ et 8000$"),
        ("de 9h à 13 h 30", "de 9\u00a0h à 13\u00a0h\u00a030", "de 9h à 13 h 30"),
        ("https://x.org à 13:30, 2 heures", "https://x.org à 13:30, 2 heures", None),
    ],
)
def test_typeset_follows_each_language(typed: str, fr: str, en: str | None) -> None:
    assert typeset(typed, "fr") == fr
    assert typeset(typed, "en") == (typed if en is None else en)


KINDS = {
    "fr": ["Convention de prêt", "Entente de service", "Protocole d'entente", "Pacte de quartier"],
    "en": [
        "Loan agreement",
        "Service agreement",
        "Memorandum of understanding",
        "Pacte de quartier",
    ],
}


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_agreement_types_a_table_writes_and_others_named_in_words(lang: str, mode: str) -> None:
    agreements = [
        Agreement(id="g1", label="Camion", kind="loan"),
        Agreement(id="g2", label="Repas", kind="service_contract"),
        Agreement(id="g3", label="Cadre", kind="protocol"),
        Agreement(id="g4", label="Pacte", kind="other", kind_other="Pacte de quartier"),
        Agreement(id="g5", label="Sans nom", kind="other"),
    ]
    text = render_minutes(secretary_session(agreements=agreements), mode, lang)
    rows = _rows(text, "Entente" if lang == "fr" else "Agreement")
    kinds = [rows[label][1] for label in ("Camion", "Repas", "Cadre", "Pacte", "Sans nom")]
    assert kinds == [*KINDS[lang], "Autre" if lang == "fr" else "Other"]


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_deadlines_already_past_on_the_meeting_date_are_open_points(lang: str, mode: str) -> None:
    day = dt.date(2026, 12, 4)  # the meeting's date
    session = secretary_session(
        actions=[
            Action(id="a1", label="Halte", deadline=day - dt.timedelta(days=1)),
            Action(id="a2", label="Jardin", deadline=day),
        ],
        objectives=[
            Objective(id="o1", label="Rejoindre 200 familles", deadline=dt.date(2026, 6, 1))
        ],
        indicators=[
            Indicator(id="i1", label="Familles", objective="o1", deadline=dt.date(2026, 9, 30)),
            Indicator(id="i2", label="Repas", objective="o1", deadline=dt.date(2027, 9, 30)),
        ],
    )
    past = {(it.record_id) for it in review(session) if it.check == "past_deadline"}
    assert past == {"a1", "o1", "i1"}
    text = render_minutes(session, mode, lang)
    said = {
        "fr": "Échéance déjà passée à la date de la rencontre.",
        "en": "Deadline already past on the meeting's date.",
    }[lang]
    rows = [row for row in text.splitlines() if said in row]
    assert [row.split(" | ")[1] for row in rows] == ["Halte", "Rejoindre 200 familles", "Familles"]
    undated = session.model_copy(
        update={"meeting": session.meeting.model_copy(update={"date": None})}
    )
    assert not [it for it in review(undated) if it.check == "past_deadline"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_workbook_keeps_each_decision_time_and_why_it_was_voided(lang: str) -> None:
    session = secretary_session()
    session.decisions[0] = session.decisions[0].model_copy(
        update={"voided": True, "void_reason": "inscrite par erreur : doublon"}
    )
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(session, lang)))
    sheet = book[{"fr": "Décisions", "en": "Decisions"}[lang]]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    time, voided = {"fr": ("Heure", "Annulation"), "en": ("Time", "Voided")}[lang]
    first, second = ({h: v for h, v in zip(header, row, strict=True)} for row in rows[1:])
    assert first[time] == {"fr": "10 h", "en": "10:00\u202fa.m."}[lang]
    colon = {"fr": "\u00a0:", "en": ":"}[lang]  # typed text typeset as in the minutes
    assert first[voided] == f"inscrite par erreur{colon} doublon"
    assert second[voided] is None and second[time] == {"fr": "11 h", "en": "11:00\u202fa.m."}[lang]
