"""The words of the field: outcomes nobody invented, verbal promises apart, needs in words,
the accountable of a role, signals both ways, épicène attendance, the adjournment time."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from tui.export import render_minutes
from tui.i18n import set_language
from tui.model import Decision, Meeting, Participant, Resource, Role, Session, resource_totals
from tui.model import review as review_points
from tui.model.changes import ADOPTION_DECISION, adoption_in
from tui.model.plan import Signal
from tui.screens.review_text import sentence
from tui.screens.summaries import participants_summary, resources_summary

MODES = ("summary", "formal")
LANGS = ("fr", "en")
ADOPTION_WORDS = re.compile(
    r"Adopt[ée]|Carried|Rejet|Defeated|Report|Deferred|dépôt|Tabled|[Rr][ée]solu\b|[Rr]esolved"
)


def _session(*decisions: Decision, **meeting: object) -> Session:
    return Session(
        id="s1",
        meeting=Meeting(title="Rencontre", date=dt.date(2026, 11, 25), **meeting),  # type: ignore[arg-type]
        decisions=list(decisions),
    )


def _decisions_part(text: str) -> str:
    """The Decisions (Resolutions) section of the minutes, up to the next section."""
    found = re.search(r"^## (?:D[ée]cisions|R[ée]solutions)\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert found is not None, text
    return found.group(1)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("mode", MODES)
def test_a_decision_without_outcome_prints_no_adoption_wording(mode: str, lang: str) -> None:
    d = Decision(text="Créer le comité.", number="2026-11-25-01", moved_by="Awa")
    assert d.outcome is None
    text = render_minutes(_session(d), mode, lang)
    decisions = _decisions_part(text)
    assert "Créer le comité." in decisions
    assert not ADOPTION_WORDS.search(decisions), decisions
    # The open points say what is missing, in words.
    missing = {"fr": "Résultat non consigné.", "en": "Outcome not recorded."}[lang]
    assert missing in text


@pytest.mark.parametrize(
    ("lang", "mode", "outcome", "votes", "expected"),
    [
        ("fr", "summary", "consensus", None, "Adoptée par consensus."),
        ("fr", "formal", "consensus", None, "Adoptée par consensus."),
        ("en", "summary", "consensus", None, "Carried by consensus."),
        ("en", "formal", "consensus", None, "Carried by consensus."),
        (
            "fr",
            "formal",
            "carried",
            (7, 0, 1),
            "Adoptée à la majorité (7 pour, 0 contre, 1 abstention).",
        ),
        (
            "en",
            "summary",
            "carried",
            (7, 0, 2),
            "Carried by a majority (7 for, 0 against, 2 abstentions).",
        ),
        ("fr", "summary", "withdrawn", None, "Retirée."),
        ("en", "formal", "withdrawn", None, "Withdrawn."),
        ("fr", "summary", "tabled", None, "Mise en dépôt."),
        ("en", "summary", "unanimous", None, "Carried unanimously."),
        ("fr", "formal", None, (3, 2, None), "Vote\u00a0: 3 pour, 2 contre."),
    ],
)
def test_outcomes_read_as_sentences_in_both_modes_and_languages(  # type: ignore[no-untyped-def]
    lang, mode, outcome, votes, expected
) -> None:
    yes, no, abstain = votes or (None, None, None)
    d = Decision(
        text="Texte.",
        number="2026-11-25-01",
        moved_by="Awa",
        outcome=outcome,
        votes_for=yes,
        votes_against=no,
        abstentions=abstain,
    )
    text = render_minutes(_session(d), mode, lang)
    assert f"\n\n{expected}\n" in text


def test_an_adoption_adopts_once_its_outcome_is_chosen_consensus_included() -> None:
    adoption = Decision(id=ADOPTION_DECISION, text="Adoption", number="2027-01-27-01")
    follow = _session(adoption, follows="s0")
    assert adoption_in(follow, "s0") is None  # nobody chose an outcome: nothing adopted
    adoption.outcome = "consensus"
    found = adoption_in(follow, "s0")
    assert found is not None and found.on == dt.date(2027, 1, 27)


@pytest.mark.parametrize("lang", LANGS)
def test_no_adjournment_recorded_prints_no_adjournment_time(lang: str) -> None:
    scheduled = _session(start_time=dt.time(9, 30), end_time=dt.time(12, 15))
    text = render_minutes(scheduled, "formal", lang)
    assert "12 h 15" not in text and "12:15" not in text
    assert "Levée de la séance" not in text and "Adjournment" not in text
    adjourned = _session(
        start_time=dt.time(9, 30), end_time=dt.time(12, 15), adjourned_at=dt.time(11, 58)
    )
    text = render_minutes(adjourned, "formal", lang)
    said = {"fr": "La séance est levée à 11 h 58.", "en": "adjourned at 11:58\u202fa.m."}[lang]
    assert said in text


def _resources() -> list[Resource]:
    return [
        Resource(
            label="Subvention", needed=Decimal(1000), available=Decimal(600), status="confirmed"
        ),
        Resource(
            label="Promesse", needed=Decimal(500), available=Decimal(300), status="confirmed_verbal"
        ),
        Resource(label="En discussion", needed=Decimal(200), status="negotiating"),
        Resource(label="Prêt du camion", kind="material", needed_text="prêt du camion"),
    ]


def test_totals_count_only_written_confirmations_and_keep_verbal_promises_apart() -> None:
    session = Session(id="s1", meeting=Meeting(title="R"), resources=_resources())
    money = resource_totals(session)[("financial", "")]
    assert (money.needed, money.confirmed, money.verbal, money.gap) == (1700, 600, 300, 1100)
    assert ("material", "") not in resource_totals(session)  # a need in words has no number
    set_language("fr")
    summary = resources_summary(session)
    assert "confirmé 600\u00a0$" in summary and "promis verbalement 300\u00a0$" in summary
    text = render_minutes(session, "summary", "fr")
    assert "| Prêt du camion | — | prêt du camion | — |" in text
    assert "| Promesse | — | 500\u00a0$ | 300\u00a0$ | — | Confirmée verbalement |" in text
    assert "| 1\u00a0700\u00a0$ | 600\u00a0$ | 1\u00a0100\u00a0$ | 300\u00a0$ |" in text
    # A need said in words is not « amount not specified »; a verbal promise is not confirmed.
    checks = {(p.params["label"], p.check) for p in review_points(session)}
    assert ("Prêt du camion", "no_amount") not in checks
    assert ("Promesse", "not_confirmed") in checks


@pytest.mark.parametrize("lang", LANGS)
def test_a_role_names_its_accountable_and_a_signal_may_be_both(lang: str) -> None:
    session = Session(
        id="s1",
        meeting=Meeting(title="R"),
        roles=[Role(label="Épicerie", accountable="Comité de coordination")],
        signals=[Signal(label="Fermeture de l'épicerie", kind="both")],
    )
    text = render_minutes(session, "summary", lang)
    assert "| Épicerie | — | " in text and "| Comité de coordination |" in text
    both = {"fr": "| Menace et occasion |", "en": "| Threat and opportunity |"}[lang]
    assert both in text


def test_attendance_reads_for_everyone_in_french() -> None:
    set_language("fr")
    from tui.widgets.choices import choice_word

    words = [choice_word(v) for v in ("present", "absent", "excused", "guest")]
    assert words == ["présence", "absence", "absence motivée", "personne invitée"]
    came = (("Nadia", "present"), ("Awa", "present"), ("Luc", "excused"), ("Lou", "guest"))
    people = [Participant(name=n, attendance=a) for n, a in came]  # type: ignore[arg-type]
    session = Session(id="s1", meeting=Meeting(title="R"), participants=people)
    summary = participants_summary(session)
    assert "2 présences" in summary and "1 personne invitée" in summary
    assert "1 absence, motivée ou non" in summary
    text = render_minutes(session, "formal", "fr")
    assert "**Quorum\u00a0:** 2 présences sur 3 membres." in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_review_names_a_decision_without_outcome(lang: str) -> None:
    set_language(lang)
    session = _session(
        Decision(text="Sans résultat", number="2026-11-25-01"),
        Decision(text="Avec résultat", number="2026-11-25-02", outcome="consensus"),
    )
    points = [p for p in review_points(session) if p.table == "decisions"]
    assert [(p.record_id, p.check) for p in points] == [(session.decisions[0].id, "no_outcome")]
    said = {
        "fr": "Décision 2026-11-25-01 : résultat non consigné.",
        "en": "Decision 2026-11-25-01: outcome not recorded.",
    }[lang]
    assert sentence(points[0], session).replace("\u00a0", " ") == said
