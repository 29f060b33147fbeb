"""The meeting's dates as a calendar (.ics), with the icalendar library.

The next meeting is an event at its date and time in the meeting's time zone (with that zone's
VTIMEZONE), or all day when no time was set; each open follow-up with a due date is an all-day
event on that date (common calendars ignore to-dos). UIDs come from record ids, so importing a
later export updates the events instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from tui.export.typography import typeset_session
from tui.i18n import pt
from tui.model.clean import clean_text
from tui.model.session import Session

PRODID = "-//Concerto//Concerto minutes//FR"


def _text(value: str) -> str:
    return clean_text(value, multiline=False).strip()


def has_next_meeting(session: Session) -> bool:
    """Whether the session says when the next meeting is."""
    return session.meeting.next_date is not None


def _stamp(event: Event, session: Session) -> None:
    event.add("dtstamp", session.updated.astimezone(dt.UTC))
    event.add("sequence", int(session.updated.timestamp()))  # later exports supersede


def _next_meeting(session: Session, lang: str, tz: str) -> Event | None:
    m = session.meeting
    if m.next_date is None:
        return None
    event = Event()
    event.add("uid", f"next-meeting-{session.id}@concerto")
    _stamp(event, session)
    title = _text(m.collective) or _text(m.title)
    event.add("summary", pt(lang, "calendar", "Next meeting — {title}", title=title))
    if m.next_time is None:
        event.add("dtstart", m.next_date)
        event.add("dtend", m.next_date + dt.timedelta(days=1))
    else:
        start = dt.datetime.combine(m.next_date, m.next_time.replace(tzinfo=None))
        event.add("dtstart", start.replace(tzinfo=ZoneInfo(tz)))
    if _text(m.next_place):
        event.add("location", _text(m.next_place))
    return event


def render_ics(session: Session, lang: str, tz: str) -> bytes:
    """The calendar of ``session``: next meeting, open follow-ups; in ``lang`` and zone ``tz``;
    typed text typeset as in the minutes."""
    session = typeset_session(session, lang)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _text(session.meeting.title))
    event = _next_meeting(session, lang, tz)
    if event is not None:
        cal.add_component(event)
    for item in session.action_items:
        if item.status != "open" or item.due is None:
            continue
        event = Event()
        event.add("uid", f"follow-up-{item.id}@concerto")
        _stamp(event, session)
        label, who = _text(item.label), _text(item.who)
        summary = pt(lang, "calendar", "{label} ({who})", label=label, who=who) if who else label
        event.add("summary", summary)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a due date does not make anyone busy
        if who:
            event.add("description", pt(lang, "calendar", "Who: {who}", who=who))
        cal.add_component(event)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data
