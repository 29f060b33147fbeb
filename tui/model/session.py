"""A whole session: one meeting and the plan it works on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, field_validator

from tui.model.base import Model, Record, RecordId
from tui.model.clean import clean_text
from tui.model.clean import utcnow as utcnow
from tui.model.conflict import Conflict
from tui.model.live import Acceptance, ActionItem, Decision, ParkingItem
from tui.model.meeting import AgendaItem, Meeting, Participant, Person, Progress
from tui.model.modes import Communication, Monitoring, Participation
from tui.model.plan import (
    Action,
    Agreement,
    Body,
    Indicator,
    Objective,
    Resource,
    Role,
    Signal,
    Skill,
    WorkingGroup,
)

SCHEMA_VERSION = 5
"""Version of the session format; the store migrates older files on open."""

RECORD_LISTS: dict[str, type[Record]] = {
    "participants": Participant,
    "people": Person,
    "agenda": AgendaItem,
    "actions": Action,
    "resources": Resource,
    "skills": Skill,
    "roles": Role,
    "agreements": Agreement,
    "objectives": Objective,
    "indicators": Indicator,
    "bodies": Body,
    "working_groups": WorkingGroup,
    "participation": Participation,
    "monitoring": Monitoring,
    "communication": Communication,
    "signals": Signal,
    "decisions": Decision,
    "action_items": ActionItem,
    "parking": ParkingItem,
}
"""Every list of records of a session, by field name (one storage table each)."""


class Session(Model):
    """One meeting of a collective, with its plan, its live records and its drafts."""

    id: RecordId
    created: dt.datetime = Field(default_factory=utcnow)
    updated: dt.datetime = Field(default_factory=utcnow)
    meeting: Meeting
    progress: Progress = Field(default_factory=Progress)
    participants: list[Participant] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    working_groups: list[WorkingGroup] = Field(default_factory=list)
    participation: list[Participation] = Field(default_factory=list)
    monitoring: list[Monitoring] = Field(default_factory=list)
    """The plan's follow-up (suivi): what is reviewed, by which body, how often."""
    communication: list[Communication] = Field(default_factory=list)
    signals: list[Signal] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    action_items: list[ActionItem] = Field(default_factory=list)
    parking: list[ParkingItem] = Field(default_factory=list)
    notes: dict[str, str] = Field(default_factory=dict)
    """Free notes per screen key."""
    acceptances: list[Acceptance] = Field(default_factory=list)
    drafts: dict[str, str] = Field(default_factory=dict)
    """Values typed but not valid yet, by `table/record-id/field`, kept as typed."""
    conflicts: list[Conflict] = Field(default_factory=list)
    """Fields changed differently on two computers (a sync), until the facilitator settles them."""

    @field_validator("created", "updated")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(dt.UTC)

    @field_validator("notes", "drafts")
    @classmethod
    def _clean_values(cls, value: dict[str, str]) -> dict[str, str]:
        return {clean_text(k, multiline=False): clean_text(v) for k, v in value.items()}

    def people_by_id(self) -> dict[str, Participant | Person]:
        """Every person of the plan (participants first, then others), by id."""
        found: dict[str, Participant | Person] = {p.id: p for p in self.participants}
        found.update({p.id: p for p in self.people})
        return found

    def find(self, table: str, record_id: str) -> Record | None:
        """Return the record ``record_id`` of list ``table``, if there is one."""
        records: list[Record] = getattr(self, table)
        return next((r for r in records if r.id == record_id), None)

    def accepted(self) -> dict[str, str]:
        """Accepted review points, key to reason."""
        return {a.key: a.reason for a in self.acceptances}


def session_from_data(data: dict[str, Any]) -> Session:
    """Validate a session from its JSON-compatible dump."""
    return Session.model_validate(data)
