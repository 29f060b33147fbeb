"""The meeting itself: its details, participants, other people and the agenda."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from tui.model.base import Model, Record, RecordId, ScreenKey, StepKey
from tui.model.speaking import SpeakingQueue
from tui.model.text import Label, Line

Mode = Literal["summary", "formal"]
"""Compte rendu (summary) or procès-verbal (formal, with motions)."""
Lang = Literal["fr", "en"]
Attendance = Literal["present", "absent", "excused", "guest"]
AgendaKind = Literal["opening", "step", "closing"]
MinutesStatus = Literal["draft", "adopted"]


class Meeting(Model):
    """What identifies the meeting and frames its minutes."""

    title: Label
    collective: Line = ""
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    """The scheduled end (never printed as the adjournment)."""
    opened_at: dt.time | None = None
    """When the meeting opened (local time): its first agenda item started, or as typed."""
    adjourned_at: dt.time | None = None
    """When the facilitator closed the meeting (local time), once they did."""
    place: Line = ""
    mode: Mode = "summary"
    minutes_lang: Lang = "fr"
    facilitator: Line = ""
    note_taker: Line = ""
    next_date: dt.date | None = None
    next_time: dt.time | None = None
    next_place: Line = ""
    minutes_status: MinutesStatus = "draft"
    adopted_on: dt.date | None = None
    follows: RecordId | None = None
    """Id of the session this meeting follows up on."""
    resolution_prefix: Line = ""
    """The body's prefix of resolution numbers (``CA`` gives ``CA-2026-12-04-03``); a
    follow-up keeps it."""


class Participant(Record):
    """Someone invited to the meeting."""

    name: Label
    organisation: Line = ""
    role: Line = ""
    attendance: Attendance = "present"
    arrived_at: dt.time | None = None
    """A late arrival (local time), once noted."""
    left_at: dt.time | None = None
    """An early departure (local time), once noted."""


def present_at(participant: Participant, at: dt.time | None) -> bool:
    """Whether ``participant`` was in the room at ``at`` (None: at any time of the meeting)."""
    if participant.attendance != "present":
        return False
    if at is None:
        return True
    arrived = participant.arrived_at is None or participant.arrived_at <= at
    return arrived and (participant.left_at is None or at < participant.left_at)


def members_present(participants: list[Participant], at: dt.time | None) -> tuple[int, int]:
    """(members present at ``at``, members): guests are not members and do not vote."""
    members = [p for p in participants if p.attendance != "guest"]
    return sum(present_at(p, at) for p in members), len(members)


def quorum_needed(members: int) -> int:
    """Members who must be present for a decision: the majority of the members (more than
    half), the usual rule when the bylaws say nothing else."""
    return members // 2 + 1


class Person(Record):
    """Someone who is not at the meeting but counts in the plan (a matrix column)."""

    name: Label
    organisation: Line = ""


class AgendaItem(Record):
    """One item of the agenda, with its timebox and the time actually spent."""

    label: Label
    kind: AgendaKind = "step"
    step: ScreenKey | None = None
    timebox_min: int | None = Field(default=None, ge=0, le=24 * 60)
    spent_s: int = Field(default=0, ge=0)


class Progress(Model):
    """Where the meeting is: the screen shown and the agenda item running."""

    screen: ScreenKey = "meeting"
    agenda_item: RecordId | None = None
    agenda_started: dt.datetime | None = None
    """When the current agenda item was started (aware UTC), while the clock runs."""
    meeting_started: dt.datetime | None = None
    speaking: SpeakingQueue = Field(default_factory=SpeakingQueue)
    """The speaking queue (tour de parole); absent from older files, which need no migration."""


StepNotes = dict[StepKey | Literal["meeting"], str]
