"""A follow-up's minutes: what the meeting changed, the whole plan annexed, the adoption shown.

The follow-up is made from a demo session the way the app makes it (`create_followup`, a real
store in a test folder), then changed as a meeting would: a resource added, one changed
(amount and status), one removed, a skill level raised, the previous minutes adopted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from strategies import sessions
from test_minutes import CLOCK, GOLDEN, demo, plain_text, raw_rows, tables

from tui.cli.main import main
from tui.export import minutes_parser, render_html, render_minutes
from tui.export.diffs import views
from tui.export.labels import words
from tui.export.typography import typeset
from tui.i18n import t
from tui.model import Decision, Resource, Session
from tui.model.changes import ADOPTION_DECISION, ADOPTION_ITEM, REVIEW_ITEM, STEP_TABLES
from tui.model.session import RECORD_LISTS
from tui.storage.followup import create_followup, minutes_inputs, previous_of
from tui.storage.store import SessionStore

LANGS = ("fr", "en")
SCENARIO: dict[str, dict[str, Any]] = {
    "fr": {
        "changed": "Contribution au service de transport collectif",
        "removed": "Camion réfrigéré",
        "skill": "Animation de cuisines collectives",
        "person": "Amina Diallo",
        "added": "Traiteur pour les ateliers de cuisine collective",
        "source": "Fondation communautaire du Lac",
        "owner": "Isabelle Roy",
        "action": "A2",
        "excused": "François Bélanger",
        "notes": "La MRC confirme verbalement sa contribution; la lettre suivra en février.",
        "moved": ("Nadia Ouellet", "Isabelle Roy"),
    },
    "en": {
        "changed": "Printing of the services directory",
        "removed": "Snow shovels and ice melter",
        "skill": "Coordinating volunteer drivers",
        "person": "Bill Turner",
        "added": "Honoraria for guest speakers",
        "source": "Alder Creek Community Foundation",
        "owner": "David Okafor",
        "action": "1.2",
        "excused": "Jean-Marc Leblanc",
        "notes": "The printer agreed to hold its price until March.",
        "moved": ("David Okafor", "Priya Raman"),
    },
}
CHANGES = {
    "fr": """\
## Ce que la rencontre a changé

Modifications apportées au plan depuis la rencontre du 25 novembre 2026. Le plan complet \
figure en annexe.

### Ressources

La MRC confirme verbalement sa contribution; la lettre suivra en février.

**Ajouts** (1)

- Traiteur pour les ateliers de cuisine collective

**Modifications** (1)

- Contribution au service de transport collectif
  - Disponible\u00a0: 8\u00a0000\u00a0$ → 12\u00a0500\u00a0$
  - Statut\u00a0: En négociation → Demandée

**Retraits** (1)

- Camion réfrigéré

### Compétences

**Modifications** (1)

- Animation de cuisines collectives
  - Personnes (niveau)\u00a0: Amina Diallo (1 → 2, souhaite apprendre)
  - Statut\u00a0: Fragile → Disponible
""",
    "en": """\
## What this meeting changed

Changes to the plan since the meeting of November 25, 2026. The whole plan is in the annex.

### Resources

The printer agreed to hold its price until March.

**Added** (1)

- Honoraria for guest speakers

**Changed** (1)

- Printing of the services directory
  - Available: — → $1,200
  - Status: To request → Requested

**Removed** (1)

- Snow shovels and ice melter

### Skills

**Changed** (1)

- Coordinating volunteer drivers
  - People (level): Bill Turner (1 → 2, wants to learn)
  - Status: Fragile → Available
""",
}
ANNEX = {"fr": "## Annexe — Plan complet", "en": "## Annex — Full plan"}
CHANGED = {"fr": "## Ce que la rencontre a changé", "en": "## What this meeting changed"}


def _store(folder: Path) -> SessionStore:
    ids = itertools.count(1)
    return SessionStore(folder, clock=lambda: CLOCK, new_id=lambda: f"s{next(ids):04d}")


def _digest(store: SessionStore, session_id: str) -> str:
    return hashlib.sha256(store.path(session_id).read_bytes()).hexdigest()


def _named(records: Sequence[Any], label: str) -> Any:
    """The record of ``records`` with this label."""
    return next(r for r in records if getattr(r, "label", None) == label)


def _meeting(session: Session, lang: str) -> None:
    """What a follow-up meeting does to its plan and records, in its own language."""
    s = SCENARIO[lang]
    people = {p.name: p.id for p in session.people_by_id().values()}
    for participant in session.participants:
        if participant.name == s["excused"]:
            participant.attendance = "excused"
    # The previous meeting's own "adoption of the minutes" item gives way to the follow-up's.
    stale = session.agenda.pop(2)
    assert stale.kind == "opening" and stale.id not in (ADOPTION_ITEM, REVIEW_ITEM)
    for n, item in enumerate(session.agenda):
        item.spent_s = max(0, (item.timebox_min or 0) * 60 + (n % 3 - 1) * 90)
    changed = _named(session.resources, s["changed"])
    changed.available = changed.needed
    changed.status = "requested"
    session.resources.remove(_named(session.resources, s["removed"]))
    session.resources.append(
        Resource(
            id="res-added",
            label=s["added"],
            kind="financial",
            action=next(a.id for a in session.actions if a.code == s["action"]),
            needed=Decimal(600),
            source=s["source"],
            status="requested",
            owner=s["owner"],
        )
    )
    skill = _named(session.skills, s["skill"])
    skill.levels = {**skill.levels, people[s["person"]]: 2}
    session.notes = {"resources": s["notes"]}
    session.meeting.end_time = dt.time(11, 40) if lang == "fr" else dt.time(20, 45)
    mover, seconder = s["moved"]
    adoption = Decision(
        id=ADOPTION_DECISION,
        number="2027-01-27-01",
        text=t(lang, "The minutes of the previous meeting are adopted."),
        step="meeting",
        moved_by=mover,
        seconded_by=seconder,
        outcome="unanimous",
    )
    session.decisions = [adoption]
    session.action_items[0].status = "done"


def _follow_up(folder: Path, lang: str, *, meet: bool = True) -> tuple[SessionStore, str, str]:
    """A store holding a demo session and its follow-up (after its meeting, unless not)."""
    store = _store(folder)
    previous = store.write_new(demo()[lang])
    follow = create_followup(store, previous.id)
    if meet:
        handle = store.open(follow.id)
        session = handle.session
        _meeting(session, lang)
        handle.save(session)
        handle.close()
    return store, previous.id, follow.id


def _minutes(store: SessionStore, session_id: str, lang: str, mode: str | None = None) -> str:
    shown, previous = minutes_inputs(store, store.load(session_id))
    return render_minutes(shown, mode or shown.meeting.mode, lang, previous=previous)


def _section(text: str, title: str) -> str:
    """One second-level section of the minutes, from its heading to the next one."""
    start = text.index(title + "\n")
    end = text.find("\n## ", start + len(title))
    return text[start : len(text) if end < 0 else end + 1]


@pytest.mark.parametrize("lang", LANGS)
def test_the_minutes_list_exactly_what_the_meeting_changed(lang: str, tmp_path: Path) -> None:
    store, _, fid = _follow_up(tmp_path, lang)
    for mode in ("summary", "formal"):
        text = _minutes(store, fid, lang, mode)
        assert _section(text, CHANGED[lang]) == CHANGES[lang] + "\n"
        found = tables(text)  # and every table, body and annex, is well formed
        assert len(found) >= 14
        for table in found:
            assert all(len(row) == len(table[0]) for row in table)
        assert sum(1 for _ in raw_rows(text)) == sum(len(table) + 1 for table in found)


@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_plan_is_in_the_annex_and_only_there(lang: str, tmp_path: Path) -> None:
    store, _, fid = _follow_up(tmp_path, lang)
    session = store.load(fid)
    text = _minutes(store, fid, lang)
    body, annex = text.split(ANNEX[lang] + "\n", 1)
    assert "\n## " not in annex  # the annex comes last
    steps = words(lang).steps
    body_headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert not {f"## {steps[step]}" for step in STEP_TABLES} & set(body_headings)
    shown = plain_text(annex)
    labels = [
        getattr(r, "label", None) or r.name
        for names in STEP_TABLES.values()
        for name in names
        for r in getattr(session, name)
    ]
    assert len(labels) > 40
    assert [label for label in labels if typeset(label, lang) not in shown] == []
    assert SCENARIO[lang]["removed"] not in shown
    assert SCENARIO[lang]["notes"] not in annex  # the notes stay in the body
    # The steps are one level down in the annex; the body holds no plan table.
    headings = [line for line in annex.splitlines() if line.startswith("#")]
    assert f"### {steps['resources']}" in headings
    assert headings and all(line.startswith("###") for line in headings)
    assert len(tables(annex)) >= 12
    assert len(tables(body)) == 4  # agenda, action items, open points, points accepted


@pytest.mark.parametrize("lang", LANGS)
def test_follow_up_minutes_match_their_golden_file(lang: str, tmp_path: Path) -> None:
    store, _, fid = _follow_up(tmp_path, lang)
    text = _minutes(store, fid, lang)
    assert text == _minutes(store, fid, lang)
    path = GOLDEN / f"followup-{lang}.md"
    if os.environ.get("CONCERTO_UPDATE_GOLDEN") == "1":
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes() == text.encode("utf-8"), f"{path.name} differs; review and update"


@pytest.mark.parametrize("lang", LANGS)
def test_the_adoption_shows_in_the_previous_minutes_and_its_file_is_not_written(
    lang: str, tmp_path: Path
) -> None:
    store = _store(tmp_path)
    sid = store.write_new(demo()[lang]).id
    before = _digest(store, sid)
    draft = _minutes(store, sid, lang)
    assert draft == render_minutes(demo()[lang], demo()[lang].meeting.mode, lang)
    follow = create_followup(store, sid)
    assert _minutes(store, sid, lang) == draft  # a follow-up alone adopts nothing
    handle = store.open(follow.id)
    session = handle.session
    _meeting(session, lang)
    handle.save(session)
    handle.close()
    adopted = _minutes(store, sid, lang)
    mark = {"fr": "Adopté le 27 janvier 2027.", "en": "Adopted on January 27, 2027."}[lang]
    draft_mark = {"fr": "**PROJET**", "en": "**DRAFT**"}[lang]
    assert draft_mark in draft and draft_mark not in adopted
    assert "PROJET" not in adopted
    assert adopted.split("\n\n")[1] == mark
    assert adopted.split("\n\n")[2:] == draft.split("\n\n")[2:]  # nothing else changes
    assert _digest(store, sid) == before


def test_without_the_previous_session_the_minutes_are_as_before(tmp_path: Path) -> None:
    store, sid, fid = _follow_up(tmp_path, "fr")
    session = store.load(fid)
    plain = render_minutes(session, "summary", "fr")
    assert CHANGED["fr"] not in plain and ANNEX["fr"] not in plain
    assert "## Ressources\n\nLa MRC confirme verbalement" in plain
    other = demo()["en"]  # not the session it follows: ignored
    assert render_minutes(session, "summary", "fr", previous=other) == plain
    previous = store.load(sid)
    assert render_minutes(previous, "summary", "fr", previous=session) == render_minutes(
        previous, "summary", "fr"
    )


def test_a_missing_or_damaged_previous_file_gives_the_usual_minutes(tmp_path: Path) -> None:
    store, sid, fid = _follow_up(tmp_path, "fr")
    session = store.load(fid)
    assert previous_of(store, session) is not None
    store.path(sid).write_bytes(b'{"meta": {"1": {"app": "concerto"')
    shown, previous = minutes_inputs(store, session)
    assert previous is None and shown == session
    store.path(sid).unlink()
    assert minutes_inputs(store, session) == (session, None)
    assert minutes_inputs(store, store.load(fid).model_copy(deep=True))[1] is None
    text = _minutes(store, fid, "fr")
    assert text == render_minutes(session, "summary", "fr")


def test_a_follow_up_that_changed_nothing_says_so(tmp_path: Path) -> None:
    store, _, fid = _follow_up(tmp_path, "en", meet=False)
    text = _minutes(store, fid, "en")
    section = _section(text, CHANGED["en"])
    assert section == (
        "## What this meeting changed\n\n"
        "The plan has not changed since the meeting of November 25, 2026. "
        "The whole plan is in the annex.\n\n"
    )
    assert ANNEX["en"] in text


def test_hostile_text_in_changes_stays_literal_and_well_formed(tmp_path: Path) -> None:
    store, _, fid = _follow_up(tmp_path, "fr")
    hostile = "- 1. # <script>alert(1)</script> | `x` [a](javascript:b) *c*\n> d"
    handle = store.open(fid)
    session = handle.session
    session.resources[-1].label = hostile
    _named(session.resources, SCENARIO["fr"]["changed"]).source = hostile
    session.people[0].name = hostile
    handle.save(session)
    handle.close()
    text = _minutes(store, fid, "fr")
    section = _section(text, CHANGED["fr"])
    tokens = minutes_parser().parse(section)
    kinds = [tok.type for tok in tokens]
    assert kinds.count("heading_open") == 3  # the section and its two steps
    assert kinds.count("blockquote_open") == 0 and kinds.count("html_block") == 0
    items = [tok for tok in tokens if tok.type == "list_item_open"]
    # Resources: 1 added, 1 changed with 3 lines, 1 removed; skills: 2 changed with 2 and 1.
    assert len(items) == 1 + (1 + 3) + 1 + (1 + 2) + (1 + 1)
    shown = plain_text(section)
    stored = store.load(fid).resources[-1].label  # a label is one line: the model joins them
    assert stored.startswith("- 1. # <script>") and stored in shown
    assert f"Source : MRC du Lac-aux-Hérons → {stored}\n" in shown.replace("\u00a0", " ")
    assert f"{stored} (personne de la matrice)" in shown
    page = render_html(text, "x", "fr")
    assert "<script" not in page and 'href="javascript' not in page
    for table in tables(text):
        assert all(len(row) == len(table[0]) for row in table)


def test_every_field_of_the_plan_shows_when_it_changes() -> None:
    covered = {table: {f for view in found for f in view.fields}
               for table, found in views("fr").items()}  # fmt: skip
    for tables_of_step in STEP_TABLES.values():
        for table in tables_of_step:
            fields = set(RECORD_LISTS[table].model_fields) - {"id"}
            assert fields == covered[table], table


def test_the_command_line_exports_follow_ups_and_adopted_minutes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store, sid, fid = _follow_up(tmp_path, "fr")
    before = _digest(store, sid)
    assert main(["--data-dir", str(tmp_path), "export", fid, "-o", "-"]) == 0
    assert capsys.readouterr().out == _minutes(store, fid, "fr")
    assert main(["--data-dir", str(tmp_path), "export", sid, "--format", "html", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert "Adopté le 27 janvier 2027." in out and "PROJET" not in out
    assert main(["--data-dir", str(tmp_path), "export", sid, "--format", "json", "-o", "-"]) == 0
    assert '"minutes_status":"draft"' in capsys.readouterr().out.replace(" ", "")
    assert _digest(store, sid) == before


@pytest.mark.heavy(6)
@settings(max_examples=30, deadline=None)
@given(sessions(), sessions())
def test_any_two_sessions_give_well_formed_changes(previous: Session, current: Session) -> None:
    previous = previous.model_copy(update={"id": "s0000"})
    update: dict[str, Any] = {"meeting": current.meeting.model_copy(update={"follows": "s0000"})}
    for names in STEP_TABLES.values():  # records in the same place are versions of one record
        for name in names:
            now, before = getattr(current, name), getattr(previous, name)
            kept = [r.model_copy(update={"id": b.id}) for r, b in zip(now, before, strict=False)]
            update[name] = kept + now[len(kept) :]
    current = current.model_copy(update=update)
    for lang in LANGS:
        text = render_minutes(current, "formal", lang, previous=previous)
        assert text == render_minutes(current, "formal", lang, previous=previous)
        section = _section(text, CHANGED[lang])
        steps = set(words(lang).steps.values())
        tokens = minutes_parser().parse(section)
        opened = [n for n, tok in enumerate(tokens) if tok.type == "heading_open"]
        found = [tokens[n + 1].content for n in opened if tokens[n].tag == "h3"]
        assert set(found) <= steps and len(found) == len(set(found))
        assert [tok.tag for tok in tokens if tok.type == "heading_open"].count("h2") == 1
        for table in tables(text):
            assert all(len(row) == len(table[0]) for row in table)
        assert sum(1 for _ in raw_rows(text)) == sum(len(t) + 1 for t in tables(text))
