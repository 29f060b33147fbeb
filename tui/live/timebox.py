"""The agenda clock: current item, time left or over, time spent across resumes, projected end.

How time is counted: the running item's clock is wall time since ``progress.agenda_started``,
so it keeps counting while the app is closed or has crashed (the meeting goes on). The open
app folds the running time into ``spent_s`` once a minute (``checkpoint``), so the stored
start is never more than a minute old. A gap longer than ``PAUSE_AFTER`` since that start
(the app reopened much later, the laptop slept through a break) is taken as a pause: it is
not counted, and the clock restarts from the moment the gap was noticed. A resume after a
crash therefore counts the gap in full when it is short, and loses at most the last minute
before the crash when it is long.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from tui.i18n import _
from tui.i18n.fmt import format_duration
from tui.model import AgendaItem, Session
from tui.model.clean import local_time
from tui.model.speaking import clear

PAUSE_AFTER = 15 * 60
"""Seconds: a longer gap since the clock's last checkpoint is a pause and is not counted."""
CHECKPOINT_EVERY = 60
"""Seconds between two checkpoints of the running item (each one is a save)."""


@dataclass(frozen=True)
class AgendaStatus:
    """What the header shows of the agenda."""

    label: str = ""
    text: str = ""
    over: bool = False
    end: dt.datetime | None = None
    """Projected end of the meeting, if it is running."""


def current_item(session: Session) -> AgendaItem | None:
    """The agenda item the meeting is on, if any."""
    wanted = session.progress.agenda_item
    return next((a for a in session.agenda if a.id == wanted), None)


def finished(session: Session) -> bool:
    """True once the meeting went past its last agenda item."""
    p = session.progress
    return p.meeting_started is not None and p.agenda_item is None and bool(session.agenda)


def _running(session: Session, now: dt.datetime) -> int:
    """Seconds of the running part not folded yet (0 after a pause or a clock jump back)."""
    started = session.progress.agenda_started
    if started is None:
        return 0
    gap = int((now - started).total_seconds())
    return gap if 0 <= gap <= PAUSE_AFTER else 0


def elapsed(session: Session, item: AgendaItem, now: dt.datetime) -> int:
    """Seconds spent on ``item``, the running part included."""
    spent = item.spent_s
    if item.id == session.progress.agenda_item:
        spent += _running(session, now)
    return spent


def checkpoint(session: Session, now: dt.datetime) -> bool:
    """Fold the running time into ``spent_s`` when due (or drop a pause); True if changed."""
    item = current_item(session)
    started = session.progress.agenda_started
    if item is None or started is None:
        return False
    gap = (now - started).total_seconds()
    if 0 <= gap < CHECKPOINT_EVERY:
        return False
    item.spent_s += _running(session, now)
    session.progress.agenda_started = now
    return True


def left(session: Session, item: AgendaItem, now: dt.datetime) -> int | None:
    """Seconds left in the item's timebox (negative when over); None without a timebox."""
    if not item.timebox_min:
        return None
    return item.timebox_min * 60 - elapsed(session, item, now)


def projected_end(session: Session, now: dt.datetime) -> dt.datetime | None:
    """When the meeting ends if every remaining item keeps its timebox (None if not running)."""
    item = current_item(session)
    if item is None:
        return None
    rest = max(0, left(session, item, now) or 0)
    position = session.agenda.index(item)
    rest += sum((a.timebox_min or 0) * 60 for a in session.agenda[position + 1 :])
    return now + dt.timedelta(seconds=rest)


def agenda_status(session: Session, now: dt.datetime) -> AgendaStatus:
    """Label, time left (or over, said in words) of the current item, and the projected end."""
    item = current_item(session)
    if item is None:
        return AgendaStatus(_("Agenda finished")) if finished(session) else AgendaStatus()
    end = projected_end(session, now)
    remaining = left(session, item, now)
    if remaining is None:
        spent = format_duration(elapsed(session, item, now), "fr")
        return AgendaStatus(item.label, _("{time} spent", time=spent), end=end)
    if remaining >= 0:
        text = _("{time} left", time=format_duration(remaining, "fr"))
        return AgendaStatus(item.label, text, end=end)
    text = _("OVER by {time}", time=format_duration(-remaining, "fr"))
    return AgendaStatus(item.label, text, True, end)


def next_item(session: Session, now: dt.datetime, tz: str) -> AgendaItem | None:
    """Close the running item (adding its time) and start the next one; None at the end.

    The first item to start opens the meeting: its time (local to ``tz``, to the minute) is
    recorded for the minutes, unless one was typed already.
    """
    item = current_item(session)
    if item is None and finished(session):
        return None
    if item is not None:
        item.spent_s = elapsed(session, item, now)
    position = session.agenda.index(item) + 1 if item is not None else 0
    if position >= len(session.agenda):
        session.progress.agenda_item = None
        session.progress.agenda_started = None
        return None
    session.progress.agenda_item = session.agenda[position].id
    session.progress.agenda_started = now
    if session.progress.meeting_started is None:
        session.progress.meeting_started = now
        if session.meeting.opened_at is None:
            session.meeting.opened_at = local_time(now, tz)
    return session.agenda[position]


def previous_item(session: Session, now: dt.datetime) -> AgendaItem | None:
    """Go back to the item before the running one (or to the last, once the agenda is
    finished): the running item stops, its time kept; the one taken up again goes on from
    the time already spent on it. None at the first item or before the meeting started.

    Going back past the end reopens the meeting: its adjournment time is cleared.
    """
    item = current_item(session)
    if item is None and not finished(session):
        return None
    position = session.agenda.index(item) if item is not None else len(session.agenda)
    if position == 0:
        return None
    if item is not None:
        item.spent_s = elapsed(session, item, now)
    else:
        session.meeting.adjourned_at = None
    back = session.agenda[position - 1]
    session.progress.agenda_item = back.id
    session.progress.agenda_started = now
    return back


def adjourn(session: Session, now: dt.datetime, tz: str) -> dt.time:
    """Close the meeting now: the running item ends (its time added), the adjournment time
    (local, to the minute) is recorded for the minutes; return that time."""
    item = current_item(session)
    if item is not None:
        item.spent_s = elapsed(session, item, now)
    session.progress.agenda_item = None
    session.progress.agenda_started = None
    local = local_time(now, tz)
    session.meeting.adjourned_at = local
    clear(session.progress.speaking)  # the floor closes with the meeting
    return local


def no_previous_item(session: Session) -> str:
    """Why shift+F9 did not go back: the meeting has not started, or this is its first item."""
    if current_item(session) is None:
        return _("The agenda has not started: F9 starts its first item.")
    return _("This is the first agenda item.")


def no_next_item(session: Session) -> str:
    """Why F9 did not start an item: the agenda is empty, or finished."""
    if not session.agenda:
        return _("The agenda is empty: add its items on the Meeting screen.")
    return _("The agenda is finished.")


class BellWatch:
    """Tells when the current item's timebox has just run out (once per item)."""

    def __init__(self) -> None:
        """Nothing seen yet: the first look never rings (it ran out while away)."""
        self._seen: WeakKeyDictionary[object, tuple[str, bool]] = WeakKeyDictionary()

    def ran_out(self, owner: object, session: Session, now: dt.datetime) -> bool:
        """True at the first look where the item of ``owner``'s session is over its timebox."""
        item = current_item(session)
        remaining = left(session, item, now) if item is not None else None
        if item is None or remaining is None:
            self._seen.pop(owner, None)
            return False
        over = remaining <= 0
        before = self._seen.get(owner)
        self._seen[owner] = (item.id, over)
        return over and before == (item.id, False)


BELL = BellWatch()
"""The app's bell watch, one state per open session context."""
