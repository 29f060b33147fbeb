"""The speaking queue (tour de parole): who has the floor, since when, and who waits; pure.

The queue lives in the session's ``progress`` (where the meeting is), so that it survives a
dropped connection and the room view, which follows the session file, can show it. It is the
meeting's running state, like the agenda clock: never printed in the minutes, never undone.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from tui.model.base import Model
from tui.model.text import Label

LIMIT_S = 120
"""Default soft limit of one speaker's turn, in seconds (the preference ``speaking_limit``)."""


class Speaker(Model):
    """Who has the floor, and since when (aware UTC)."""

    name: Label
    since: dt.datetime

    @field_validator("since")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(dt.UTC)


class SpeakingQueue(Model):
    """The floor and the people waiting for it, in the order they asked."""

    speaker: Speaker | None = None
    waiting: list[Label] = Field(default_factory=list)


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def enqueue(queue: SpeakingQueue, name: str) -> bool:
    """Add ``name`` at the end of the queue; False if they are waiting already."""
    name = name.strip()
    if not name or any(_same(name, w) for w in queue.waiting):
        return False
    queue.waiting = [*queue.waiting, name]
    return True


def call_next(queue: SpeakingQueue, now: dt.datetime) -> Speaker | None:
    """Give the floor to the first person waiting (their clock starts at ``now``).

    With nobody waiting, the floor closes: the last speaker is done. Return the new speaker.
    """
    if not queue.waiting:
        queue.speaker = None
        return None
    first, *rest = queue.waiting
    queue.speaker = Speaker(name=first, since=now)
    queue.waiting = rest
    return queue.speaker


def withdraw(queue: SpeakingQueue, position: int) -> str | None:
    """Take the person at ``position`` (0 is the next one) off the queue; their name."""
    if not 0 <= position < len(queue.waiting):
        return None
    name = queue.waiting[position]
    queue.waiting = queue.waiting[:position] + queue.waiting[position + 1 :]
    return name


def speaking_for(queue: SpeakingQueue, now: dt.datetime) -> int | None:
    """Seconds the current speaker has had the floor (None when nobody has it)."""
    if queue.speaker is None:
        return None
    return max(0, int((now - queue.speaker.since).total_seconds()))


def clear(queue: SpeakingQueue) -> bool:
    """Close the floor and empty the queue (the meeting is adjourned); True if it changed."""
    if queue.speaker is None and not queue.waiting:
        return False
    queue.speaker = None
    queue.waiting = []
    return True
