"""The procès-verbal's formal parts: opening, resolutions, amendments, signatures (Markdown)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import FROZEN

from tui.export import render_minutes
from tui.live.timebox import next_item
from tui.model import AgendaItem, Meeting, Participant, Session
from tui.model.changes import ADOPTION_DECISION
from tui.model.live import Decision
from tui.model.resolution import ResolutionNotFound, find_resolution, resolution_number
from tui.storage.followup import build_followup

NB = "\u00a0"
LANGS = ("fr", "en")


def _session(*decisions: Decision, **meeting: object) -> Session:
    fields: dict[str, object] = {"title": "Rencontre", "date": dt.date(2026, 12, 4)}
    fields.update(meeting)
    return Session(
        id="s1",
        meeting=Meeting(**fields),  # type: ignore[arg-type]
        participants=[
            Participant(name="Awa", attendance="present"),
            Participant(name="Léo", attendance="present"),
            Participant(name="Inès", attendance="excused"),
            Participant(name="Zoé", attendance="guest"),
        ],
        decisions=list(decisions),
    )


def _section(text: str, title: str) -> str:
    found = re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert found is not None, text
    return found.group(1)


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.strip().split("\n\n") if p]


RESOLUTIONS = {"fr": "Résolutions", "en": "Resolutions"}


@pytest.mark.parametrize(
    ("lang", "moved", "seconded", "outcome", "votes", "lead", "closing"),
    [
        (
            "fr",
            "Awa",
            "Léo",
            "carried",
            (5, 1, 0),
            f"Il est proposé par Awa, appuyé par Léo, et résolu{NB}:",
            "Adoptée à la majorité (5 pour, 1 contre, 0 abstention).",
        ),
        (
            "en",
            "Awa",
            "Léo",
            "carried",
            (5, 1, 0),
            "Moved by Awa, seconded by Léo, and resolved:",
            "Carried by a majority (5 for, 1 against, 0 abstentions).",
        ),
        ("fr", "Awa", "", "unanimous", None, f"Il est proposé par Awa et résolu{NB}:",
         "Adoptée à l'unanimité."),
        ("en", "", "", "consensus", None, "Resolved:", "Carried by consensus."),
        ("fr", "", "", "consensus", None, f"Il est résolu{NB}:", "Adoptée par consensus."),
        ("fr", "Awa", "Léo", "defeated", None, f"Il est proposé par Awa, appuyé par Léo{NB}:",
         "Rejetée."),
        ("en", "Awa", "Léo", "tabled", None, "Moved by Awa, seconded by Léo:", "Tabled."),
        ("fr", "Awa", "Léo", None, (3, 2, None), f"Il est proposé par Awa, appuyé par Léo{NB}:",
         f"Vote{NB}: 3 pour, 2 contre."),
        ("en", "", "Léo", None, None, "Seconded by Léo:", None),
    ],
)  # fmt: skip
def test_a_resolution_says_resolved_only_once_an_adopting_outcome_was_chosen(  # type: ignore[no-untyped-def]
    lang, moved, seconded, outcome, votes, lead, closing
) -> None:
    yes, no, abstain = votes or (None, None, None)
    d = Decision(
        text="Créer le comité.",
        number="2026-12-04-03",
        moved_by=moved,
        seconded_by=seconded,
        outcome=outcome,
        votes_for=yes,
        votes_against=no,
        abstentions=abstain,
    )
    text = render_minutes(_session(d), "formal", lang)
    part = _paragraphs(_section(text, RESOLUTIONS[lang]))
    name = {"fr": "Résolution", "en": "Resolution"}[lang]
    assert part[:3] == [f"**{name} 2026-12-04-03**", lead, "Créer le comité."]
    assert part[3:] == ([closing] if closing else [])
    if outcome not in ("carried", "unanimous", "consensus"):
        assert not re.search(r"r[ée]solu\b|[Rr]esolved|Adopt|Carried", "\n".join(part))


@pytest.mark.parametrize("lang", LANGS)
def test_summary_minutes_keep_decisions_without_formal_parts(lang: str) -> None:
    d = Decision(text="Créer le comité.", number="2026-12-04-01", moved_by="Awa")
    text = render_minutes(
        _session(d, resolution_prefix="CA", opened_at=dt.time(9, 2)), "summary", lang
    )
    assert "Résolution" not in text and "Resolution" not in text and "CA-" not in text
    assert "Signature" not in text and "Awa" in text
    assert "ouverte" not in text and "called to order" not in text


@pytest.mark.parametrize(
    ("prefix", "full"),
    [("CA", "CA-2026-12-04-03"), (" CA- ", "CA-2026-12-04-03"), ("", "2026-12-04-03")],
)
def test_resolutions_carry_the_body_prefix_and_action_items_cite_them(
    prefix: str, full: str
) -> None:
    from tui.model.live import ActionItem

    d = Decision(id="d3", text="Créer le comité.", number="2026-12-04-03", outcome="carried")
    session = _session(d, resolution_prefix=prefix)
    session.action_items = [ActionItem(label="Convoquer le comité", decision="d3")]
    text = render_minutes(session, "formal", "fr")
    assert f"**Résolution {full}**" in text
    assert f"| Convoquer le comité (résolution {full}) |" in text
    assert resolution_number(prefix, "2026-12-04-03") == full


def test_amendments_are_recorded_under_their_proposal_with_their_own_motion() -> None:
    proposal = Decision(id="p", text="Acheter un camion.", number="2026-12-04-01",
                        moved_by="Awa", seconded_by="Léo", outcome="carried",
                        votes_for=5, votes_against=1)  # fmt: skip
    other = Decision(id="o", text="Lever la séance.", number="2026-12-04-02", outcome="consensus")
    first = Decision(id="a1", text="Remplacer « camion » par « fourgonnette ».",
                     number="2026-12-04-03", amends="p", moved_by="Léo", seconded_by="Awa",
                     outcome="defeated", votes_for=2, votes_against=4)  # fmt: skip
    second = Decision(id="a2", text="Ajouter « usagé ».", number="2026-12-04-04", amends="p",
                      moved_by="Inès", outcome="unanimous")  # fmt: skip
    text = render_minutes(
        _session(proposal, other, first, second, resolution_prefix="CA"), "formal", "fr"
    )
    part = _paragraphs(_section(text, "Résolutions"))
    assert part == [
        "**Résolution CA-2026-12-04-01**",
        f"Il est proposé par Awa, appuyé par Léo, et résolu{NB}:",
        "Acheter un camion.",
        "**Amendement CA-2026-12-04-03**",
        f"Il est proposé par Léo, appuyé par Awa{NB}:",
        f"Remplacer «{NB}camion{NB}» par «{NB}fourgonnette{NB}».",  # typed text typeset
        "Amendement rejeté (2 pour, 4 contre).",  # agrees with « amendement »
        "**Amendement CA-2026-12-04-04**",
        f"Il est proposé par Inès et résolu{NB}:",
        f"Ajouter «{NB}usagé{NB}».",
        "Amendement adopté à l'unanimité.",
        "Adoptée à la majorité (5 pour, 1 contre).",  # the proposal's outcome, after them
        "**Résolution CA-2026-12-04-02**",
        f"Il est résolu{NB}:",
        "Lever la séance.",
        "Adoptée par consensus.",
    ]
    english = render_minutes(_session(proposal, other, first, second), "formal", "en")
    assert "**Amendment 2026-12-04-03**\n\nMoved by Léo, seconded by Awa:" in english
    assert "\n\nAmendment defeated (2 for, 4 against).\n\n" in english


def test_an_amendment_of_a_later_or_missing_decision_is_never_lost() -> None:
    early = Decision(id="e", text="Amender plus tard.", number="2026-12-04-01", amends="l")
    late = Decision(id="l", text="Proposition.", number="2026-12-04-02", amends="e")
    lost = Decision(id="x", text="Orpheline.", number="2026-12-04-03", amends="gone")
    text = render_minutes(_session(early, late, lost), "formal", "fr")
    part = _section(text, "Résolutions")
    assert part.count("**Résolution ") == 2 and part.count("**Amendement ") == 1
    for words in ("Amender plus tard.", "Proposition.", "Orpheline."):
        assert part.count(words) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_opening_gives_the_time_only_when_recorded_and_notes_the_quorum(lang: str) -> None:
    scheduled = _session(start_time=dt.time(9, 30))
    text = render_minutes(scheduled, "formal", lang)
    title = {"fr": "Ouverture de la séance", "en": "Opening of the meeting"}[lang]
    opening = _paragraphs(_section(text, title))
    said = {"fr": "La séance est ouverte.", "en": "The meeting was called to order."}[lang]
    quorum = {"fr": f"**Quorum{NB}:** 2 présences sur 3 membres.",
              "en": "**Quorum:** 2 members present out of 3."}[lang]  # fmt: skip
    assert opening == [said, quorum]  # never the scheduled start as the opening time
    assert text.count("Quorum") == 1  # in the opening, not again with the attendance
    opened = render_minutes(
        _session(start_time=dt.time(9, 30), opened_at=dt.time(9, 34)), "formal", lang
    )
    at = {
        "fr": "La séance est ouverte à 9 h 34.",
        "en": "The meeting was called to order at 9:34\u202fa.m.",
    }
    assert _paragraphs(_section(opened, title))[0] == at[lang]


def test_the_first_agenda_item_records_the_opening_time_once_in_the_meeting_zone() -> None:
    session = _session()
    session.agenda = [AgendaItem(id="a", label="Accueil"), AgendaItem(id="b", label="Budget")]
    next_item(session, FROZEN, "America/Montreal")  # 14:30 UTC
    assert session.meeting.opened_at == dt.time(9, 30)
    next_item(session, FROZEN + dt.timedelta(minutes=12), "America/Montreal")
    assert session.meeting.opened_at == dt.time(9, 30)
    typed = _session(opened_at=dt.time(9, 0))
    typed.agenda = [AgendaItem(id="a", label="Accueil")]
    next_item(typed, FROZEN, "America/Montreal")
    assert typed.meeting.opened_at == dt.time(9, 0)  # what the secretary typed stays


@pytest.mark.parametrize("lang", LANGS)
def test_the_signature_block_names_the_chair_and_the_secretary(lang: str) -> None:
    session = _session(facilitator="Julie Bérubé", note_taker="Nadia Ouellet")
    text = render_minutes(session, "formal", lang)
    assert text.endswith("\n")
    block = _paragraphs(_section(text, "Signatures"))
    colon = {"fr": f"{NB}:", "en": ":"}[lang]
    sign, day = f"**Signature{colon}** {'_' * 30}", f"**Date{colon}** {'_' * 20}"
    roles = {"fr": ("Présidence de la séance", "Secrétaire de la séance"),
             "en": ("Chair of the meeting", "Secretary of the meeting")}[lang]  # fmt: skip
    assert block == [
        "\\\n".join([sign, "Julie Bérubé", roles[0], day]),
        "\\\n".join([sign, "Nadia Ouellet", roles[1], day]),
    ]
    unnamed = _paragraphs(_section(render_minutes(_session(), "formal", lang), "Signatures"))
    assert unnamed == ["\\\n".join([sign, roles[0], day]), "\\\n".join([sign, roles[1], day])]


def test_adoptions_are_numbered_resolutions_only_when_recorded() -> None:
    agenda = Decision(text="Adopter l'ordre du jour.", number="2026-12-04-01", outcome="unanimous")
    minutes = Decision(id=ADOPTION_DECISION, text="Le procès-verbal précédent est adopté.",
                       number="2026-12-04-02", moved_by="Awa", seconded_by="Léo",
                       outcome="carried")  # fmt: skip
    text = render_minutes(
        _session(agenda, minutes, follows="s0", resolution_prefix="CA"), "formal", "fr"
    )
    assert (
        "**Résolution CA-2026-12-04-01**\n\nIl est résolu\u00a0:\n\nAdopter l'ordre du jour."
        in text
    )
    assert "**Résolution CA-2026-12-04-02**\n\nIl est proposé par Awa, appuyé par Léo" in text
    nothing = render_minutes(_session(follows="s0"), "formal", "fr")
    assert "Résolution" not in nothing and "adopté" not in nothing.lower()  # none invented


def test_a_follow_up_keeps_the_body_prefix_but_not_the_times() -> None:
    previous = _session(
        resolution_prefix="CA", opened_at=dt.time(9, 0), adjourned_at=dt.time(11, 0)
    )
    follow = build_followup(previous, FROZEN)
    assert follow.meeting.resolution_prefix == "CA"
    assert follow.meeting.opened_at is None and follow.meeting.adjourned_at is None


def test_a_resolution_is_found_by_its_number_with_or_without_prefix_or_its_last_part() -> None:
    decisions = [Decision(text=f"R{n}", number=f"2026-12-04-0{n}") for n in (1, 2, 3)]
    decisions.append(Decision(text="late", number="2026-12-05-04"))
    for wanted in ("2026-12-04-03", "CA-2026-12-04-03", "ca-2026-12-04-03", "03", "3", " 3 "):
        assert find_resolution(decisions, "CA", wanted).text == "R3", wanted
    for wanted in ("", "9", "XY-2026-12-04-03", "2026-12-04", "a|b"):
        with pytest.raises(ResolutionNotFound):
            find_resolution(decisions, "CA", wanted)
    twice = [*decisions, Decision(text="again", number="2026-12-05-03")]
    with pytest.raises(ResolutionNotFound) as found:
        find_resolution(twice, "CA", "03")
    assert found.value.matches == ("CA-2026-12-04-03", "CA-2026-12-05-03")


async def test_f9_on_the_first_item_records_the_opening_for_the_form_and_the_minutes(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    from live_helpers import live_session, until
    from textual.widgets import Input

    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
        await pilot.press("f9")
        await until(pilot, lambda: app.screen.query_one("#f-opened_at", Input).value == "9:30")
        app.flush_now()
    session = store.load(sid)
    assert session.meeting.opened_at == dt.time(9, 30)  # 14:30 UTC in Montréal
    assert "La séance est ouverte à 9 h 30." in render_minutes(session, "formal", "fr")


async def test_the_decision_form_records_which_decision_an_amendment_amends(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    from live_helpers import live_session, until
    from textual.widgets import Select

    from tui.screens.capture import CaptureForm

    def proposal(session: Session) -> None:
        session.decisions = [Decision(id="d1", text="Acheter un camion.", number="2026-11-25-01")]

    store, sid = live_session(data_dir, clock, proposal)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "KEY", None) is not None)
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        form = app.screen
        await pilot.press(*"Ajouter usage", "tab", *"Awa")
        amends = form.query_one("#f-amends", Select)
        amends.focus()
        await pilot.press("enter")  # opens the list of the decisions recorded before
        await until(pilot, lambda: amends.expanded)
        await pilot.press("down", "enter")
        await until(pilot, lambda: amends.value == "d1")
        form.query_one("#f-text").focus()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureForm))
        app.flush_now()
    session = store.load(sid)
    assert [(d.text, d.amends, d.moved_by) for d in session.decisions] == [
        ("Acheter un camion.", None, ""),
        ("Ajouter usage", "d1", "Awa"),
    ]
    text = render_minutes(session, "formal", "fr")
    assert "**Amendement 2026-11-25-02**\n\nIl est proposé par Awa\u00a0:\n\nAjouter usage" in text
