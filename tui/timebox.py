"""The agenda clock: current item, time left or over, time spent across resumes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tui.i18n import _
from tui.i18n.fmt import format_duration
from tui.model import AgendaItem, Session


@dataclass(frozen=True)
class AgendaStatus:
    """What the header shows of the agenda."""

    label: str = ""
    text: str = ""
    over: bool = False


def current_item(session: Session) -> AgendaItem | None:
    """The agenda item the meeting is on, if any."""
    wanted = session.progress.agenda_item
    return next((a for a in session.agenda if a.id == wanted), None)


def elapsed(session: Session, item: AgendaItem, now: dt.datetime) -> int:
    """Seconds spent on ``item``, the running part included."""
    spent = item.spent_s
    started = session.progress.agenda_started
    if item.id == session.progress.agenda_item and started is not None:
        spent += max(0, int((now - started).total_seconds()))
    return spent


def agenda_status(session: Session, now: dt.datetime) -> AgendaStatus:
    """Label, time left (or over, said in words) of the current agenda item."""
    item = current_item(session)
    if item is None:
        return AgendaStatus()
    spent = elapsed(session, item, now)
    if not item.timebox_min:
        return AgendaStatus(item.label, format_duration(spent, "fr"))
    left = item.timebox_min * 60 - spent
    if left >= 0:
        return AgendaStatus(item.label, _("{time} left", time=format_duration(left, "fr")))
    return AgendaStatus(item.label, _("OVER {time}", time=format_duration(-left, "fr")), True)


def next_item(session: Session, now: dt.datetime) -> AgendaItem | None:
    """Close the running item (adding its time) and start the next one."""
    item = current_item(session)
    if item is not None:
        item.spent_s = elapsed(session, item, now)
    order = [a.id for a in session.agenda]
    if not order:
        return None
    position = order.index(item.id) + 1 if item is not None else 0
    if position >= len(order):
        session.progress.agenda_item = None
        session.progress.agenda_started = None
        return None
    session.progress.agenda_item = order[position]
    session.progress.agenda_started = now
    if session.progress.meeting_started is None:
        session.progress.meeting_started = now
    return session.agenda[position]
