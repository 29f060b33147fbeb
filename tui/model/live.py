"""What is captured live during the meeting: decisions, action items, parking lot."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field

from tui.model.base import Model, Record, RecordId, ScreenKey
from tui.model.text import Line, LongLabel

Outcome = Literal[
    "consensus", "unanimous", "carried", "defeated", "deferred", "tabled", "withdrawn"
]
"""What the room decided; a decision has none until the facilitator chooses one."""
ADOPTING_OUTCOMES: tuple[Outcome, ...] = ("consensus", "unanimous", "carried")
"""Outcomes that carry a motion (adopt what it proposes)."""
ItemStatus = Literal["open", "done", "dropped"]
ParkingFate = Literal["agenda", "carried"]
"""What the meeting did with a parked topic: brought back to its agenda, or carried to the next."""


VOTE_LINE = re.compile(r"(\d{1,5})\s*[-/ ]\s*(\d{1,5})(?:\s*[-/ ]\s*(\d{1,5}))?")
"""A vote in one line: for, against and, maybe, abstentions."""


class Decision(Record):
    """A decision or motion; its number is assigned once and never changes."""

    text: LongLabel
    number: str | None = None
    """`YYYY-MM-DD-NN`, in the meeting's time zone, assigned when first recorded."""
    step: ScreenKey | None = None
    taken_at: dt.time | None = None
    """When it was recorded (local time): who was present then counts for its quorum."""
    moved_by: Line = ""
    seconded_by: Line = ""
    outcome: Outcome | None = None
    """None until chosen: the minutes never print an outcome nobody chose."""
    votes_for: int | None = Field(default=None, ge=0)
    votes_against: int | None = Field(default=None, ge=0)
    abstentions: int | None = Field(default=None, ge=0)
    amends: RecordId | None = None
    """Id of the decision (recorded before this one) that this amendment amends."""
    voided: bool = False
    """Withdrawn from the register as recorded by mistake: it keeps its number and stays shown."""
    void_reason: Line = ""

    def set_votes(self, line: str) -> bool:
        """Read a vote typed in one line, « 7-0-1 » (for, against, abstentions; also « 7/0/1 »
        or « 7 0 1 », or two numbers, for and against): the counts are set, True. Anything
        else leaves them as they are: False."""
        found = VOTE_LINE.fullmatch(line.strip())
        if found is None:
            return False
        counts = [int(n) for n in found.groups() if n is not None]
        self.votes_for, self.votes_against = counts[0], counts[1]
        self.abstentions = counts[2] if len(counts) == 3 else None
        return True

    def votes_cast(self) -> int | None:
        """The votes given, for, against and abstaining; None when no count was given."""
        counts = [
            v for v in (self.votes_for, self.votes_against, self.abstentions) if v is not None
        ]
        return sum(counts) if counts else None


class ActionItem(Record):
    """Something someone will do after the meeting."""

    label: LongLabel
    who: Line = ""
    due: dt.date | None = None
    status: ItemStatus = "open"
    decision: RecordId | None = None
    step: ScreenKey | None = None
    carried_from: RecordId | None = None
    """Session id this item was carried from, in a follow-up."""


class ParkingItem(Record):
    """A topic set aside for later (the parking lot)."""

    label: LongLabel
    step: ScreenKey | None = None
    carried_from: RecordId | None = None
    fate: ParkingFate | None = None
    """None until the facilitator decides: the minutes never print a fate nobody chose."""
    agenda_item: RecordId | None = None
    """The agenda item it was brought back to (fate "agenda")."""


class Acceptance(Model):
    """An open point of the review that the facilitator accepts as it is."""

    key: str
    reason: Line
