"""Follow-up meetings: a new session that carries the plan forward, and the adoption lookup.

The earlier session's file is only ever read here: a follow-up is written as a new session,
and the adoption of the earlier minutes is found by looking up the follow-ups that say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tui.i18n import t
from tui.i18n.fmt import format_date
from tui.model import AgendaItem, Meeting, Session
from tui.model.changes import (
    ADOPTION_ITEM,
    REVIEW_ITEM,
    STEP_TABLES,
    Adoption,
    find_adoption,
    with_adoption,
)
from tui.storage.rawcheck import DamagedFile
from tui.storage.store import SessionStore, StoreError

PLAN_TABLES = ("participants", *(name for names in STEP_TABLES.values() for name in names))
"""What a follow-up carries as it is, ids included (so that changes can be shown)."""
ADOPTION_MINUTES = 5
REVIEW_MINUTES = 10


def _opening_items(previous: Session) -> list[AgendaItem]:
    lang = previous.meeting.minutes_lang
    if previous.meeting.date is not None:
        when = format_date(previous.meeting.date, lang)
        label = t(lang, "Adoption of the minutes of the meeting of {date}", date=when)
    else:
        label = t(lang, "Adoption of the minutes of the previous meeting")
    return [
        AgendaItem(id=ADOPTION_ITEM, label=label, kind="opening", timebox_min=ADOPTION_MINUTES),
        AgendaItem(
            id=REVIEW_ITEM,
            label=t(lang, "Review of the carried action items"),
            kind="opening",
            timebox_min=REVIEW_MINUTES,
        ),
    ]


def _agenda(previous: Session) -> list[AgendaItem]:
    """The previous agenda, clocks reset, with the two follow-up items after its opening."""
    ours = (ADOPTION_ITEM, REVIEW_ITEM)
    kept = [a.model_copy(update={"spent_s": 0}) for a in previous.agenda if a.id not in ours]
    opening = [a for a in kept if a.kind == "opening"]
    return [*opening, *_opening_items(previous), *(a for a in kept if a.kind != "opening")]


def build_followup(previous: Session, now: dt.datetime) -> Session:
    """The next meeting of the same collective (pure; its id is given when written)."""
    m = previous.meeting
    meeting = Meeting(
        title=m.title,
        collective=m.collective,
        date=m.next_date,
        start_time=m.next_time,
        place=m.next_place or m.place,
        mode=m.mode,
        minutes_lang=m.minutes_lang,
        facilitator=m.facilitator,
        note_taker=m.note_taker,
        follows=previous.id,
        resolution_prefix=m.resolution_prefix,
    )
    plan = {
        name: [r.model_copy(deep=True) for r in getattr(previous, name)] for name in PLAN_TABLES
    }
    plan["participants"] = [
        p.model_copy(update={"attendance": "present"}) for p in previous.participants
    ]
    carried = [
        a.model_copy(update={"carried_from": previous.id, "decision": None})
        for a in previous.action_items
        if a.status == "open"
    ]
    parking = [p.model_copy(update={"carried_from": previous.id}) for p in previous.parking]
    kept_ids = {a.id for a in carried}
    drafts = {
        key: text
        for key, text in previous.drafts.items()
        if key.split("/", 1)[0] in PLAN_TABLES
        or (key.startswith("action_items/") and key.split("/")[1] in kept_ids)
    }
    acceptances = [a for a in previous.acceptances if a.key.split("/", 1)[0] in PLAN_TABLES]
    return Session(
        id="new",
        created=now,
        updated=now,
        meeting=meeting,
        agenda=_agenda(previous),
        action_items=carried,
        parking=parking,
        drafts=drafts,
        acceptances=acceptances,
        **plan,  # type: ignore[arg-type]
    )


def create_followup(store: SessionStore, session_id: str) -> Session:
    """Write the follow-up of ``session_id`` as a new session (one write); return it."""
    previous = store.load(session_id)
    return store.write_new(build_followup(previous, store.clock()))


def follow_ups(store: SessionStore, session_id: str) -> list[Session]:
    """The valid sessions of the folder that follow ``session_id`` (read, never written)."""
    needle = f'"follows":"{session_id}"'.encode()
    found: list[Session] = []
    for path in store.files():
        try:
            if needle not in path.read_bytes():
                continue
            session = store.load(path.stem)
        except Exception:  # damaged or vanished: it adopts nothing
            continue
        if session.meeting.follows == session_id:
            found.append(session)
    return found


def adoption_of(store: SessionStore, session_id: str) -> Adoption | None:
    """The adoption of ``session_id``'s minutes by a follow-up, if one recorded it."""
    return find_adoption(session_id, follow_ups(store, session_id))


def adoption_lookup(store: SessionStore) -> Callable[[str], Adoption | None]:
    """A lookup to hand to pure code: session id to the adoption of its minutes."""
    return lambda session_id: adoption_of(store, session_id)


def as_minutes(session: Session, lookup: Callable[[str], Adoption | None]) -> Session:
    """``session`` with its minutes status as the follow-ups say (draft until adopted)."""
    return with_adoption(session, lookup(session.id))


def previous_of(store: SessionStore, session: Session) -> Session | None:
    """The session ``session`` follows, if it is a follow-up and that file can be read.

    A missing, trashed or damaged earlier file gives None: the minutes then show the whole
    plan as usual. The file is only read.
    """
    follows = session.meeting.follows
    if follows is None:
        return None
    try:
        return store.load(follows)
    except (StoreError, DamagedFile, OSError, ValueError):
        return None


def minutes_inputs(store: SessionStore, session: Session) -> tuple[Session, Session | None]:
    """What `render_minutes` needs for ``session``: the session as shown, and its previous one.

    The first is ``session`` with its minutes adopted if a follow-up adopted them; the second
    is the session it follows when that can be read, else None. Reads files (run it off the
    event loop) and writes nothing. Use as ``shown, previous = minutes_inputs(store, session)``
    then ``render_minutes(shown, mode, lang, previous=previous)``.
    """
    return as_minutes(session, adoption_lookup(store)), previous_of(store, session)
