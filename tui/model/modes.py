"""The modes of participation, follow-up and communication of the coordination step (step 7).

The source text asks for « la définition des modes de coordination, de participation, de suivi
et de communication »: bodies and working groups (`tui.model.plan`) cover coordination; these
records cover the other three.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from tui.model.base import Record, RecordId
from tui.model.text import Block, Label, Line

ParticipationKind = Literal["consultation", "seat", "survey", "event"]
"""Consultation, citizen seat, survey, public event."""


class Participation(Record):
    """How the collective involves the people concerned: a consultation, a seat, a survey."""

    label: Label
    """The mechanism (« Consultation des résidentes et résidents »)."""
    kind: ParticipationKind | None = None
    invited: Block = ""
    """Who is invited."""
    date: dt.date | None = None
    frequency: Line = ""
    """How often, for a recurring mechanism (« deux fois par année »)."""
    organiser: Line = ""
    actions: list[RecordId] = Field(default_factory=list)
    """The actions of the plan it serves."""


class Monitoring(Record):
    """A follow-up (suivi) of the plan: what is reviewed, by which body, how often, with what."""

    label: Label
    """What is reviewed (« Tableau de bord trimestriel »)."""
    indicators: list[RecordId] = Field(default_factory=list)
    actions: list[RecordId] = Field(default_factory=list)
    body: RecordId | None = None
    """The body that reviews it."""
    frequency: Line = ""
    tool: Line = ""
    """The tool or report used (« tableau de bord », « bilan annuel »)."""


class Communication(Record):
    """An item of the communication plan: a message for an audience, its channel and who."""

    label: Label
    """The message or purpose."""
    audience: Line = ""
    channel: Line = ""
    languages: Line = ""
    frequency: Line = ""
    responsible: Line = ""
    """Who is responsible: a person or an organisation, as typed."""
