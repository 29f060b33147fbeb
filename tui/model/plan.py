"""The records of the planning steps: actions, resources, skills, roles, agreements, ..."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from tui.model.base import Amount, Model, Record, RecordId
from tui.model.text import Block, Label, Line

ResourceKind = Literal["human", "financial", "material", "in_kind"]
ResourceStatus = Literal[
    "to_request", "requested", "negotiating", "confirmed_verbal", "confirmed", "refused"
]
"""From to request to confirmed (in writing, the only one counted as confirmed) or refused."""
DecisionKind = Literal["role", "pairing", "training", "recruitment", "partnership", "consultant"]
AgreementKind = Literal[
    "partnership", "mandate", "protocol", "service_contract", "loan", "letter", "other"
]
"""Entente de partenariat, mandat, protocole d'entente, entente de service, convention de prêt,
lettre d'engagement, or another type named in words (``Agreement.kind_other``)."""
AgreementStatus = Literal["draft", "negotiating", "signed"]
IndicatorKind = Literal["output", "outcome"]
DecisionRule = Literal["consensus", "consent", "vote"]
SignalKind = Literal["threat", "opportunity", "both"]
SignalState = Literal["open", "closed"]
Level = Literal[0, 1, 2, 3]


class Action(Record):
    """An action of the strategic plan to make concrete (step 1)."""

    label: Label
    code: Line = ""
    orientation: Line = ""
    lead: Line = ""
    deadline: dt.date | None = None


class Resource(Record):
    """A need for human, financial, material or in-kind resources (step 2)."""

    label: Label
    kind: ResourceKind = "financial"
    action: RecordId | None = None
    needed: Amount = None
    needed_text: Line = ""
    """A need said in words rather than a number (« prêt du camion »)."""
    available: Amount = None
    unit: Line = ""
    """Unit of a non-financial quantity (hours, days, rooms); financial amounts are money."""
    source: Line = ""
    status: ResourceStatus = "to_request"
    confirmed_on: dt.date | None = None
    owner: Line = ""


class SkillDecision(Model):
    """The follow-up (suite à donner) a skill that is not available calls for."""

    kind: DecisionKind | None = None
    who: Line = ""
    due: dt.date | None = None
    cost: Amount = None
    note: Block = ""
    decision: RecordId | None = None
    """The numbered decision of the meeting it was made into, if it was."""


class Skill(Record):
    """A required skill: a row of the competency matrix (step 3)."""

    label: Label
    required_level: Literal[1, 2, 3] = 2
    needed: int = Field(default=1, ge=1, le=99)
    action: RecordId | None = None
    levels: dict[RecordId, Level] = Field(default_factory=dict)
    """Level of each person (participant or other), by person id; missing means 0."""
    interested: list[RecordId] = Field(default_factory=list)
    """People flagged as interested in learning this skill."""
    decision: SkillDecision = Field(default_factory=SkillDecision)


class Role(Record):
    """Who does what for a task or an action (step 4), RACI style."""

    label: Label
    action: RecordId | None = None
    lead: RecordId | None = None
    lead_org: Line = ""
    """A lead that is an organisation or a committee, named in words (nobody at the table)."""
    accountable: Line = ""
    """Who answers for it (the A of RACI): a person or a body, as typed."""
    contributors: list[RecordId] = Field(default_factory=list)
    consulted: list[RecordId] = Field(default_factory=list)
    informed: list[RecordId] = Field(default_factory=list)
    deadline: dt.date | None = None
    mandate: Block = ""


def has_lead(record: Role | WorkingGroup) -> bool:
    """Whether a role or a working group has a lead: a person, or an organisation in words."""
    return record.lead is not None or bool(record.lead_org.strip())


class Agreement(Record):
    """A partnership agreement, mandate or service contract (step 5)."""

    label: Label
    kind: AgreementKind = "partnership"
    kind_other: Line = ""
    """The type in words when it is « other »."""
    parties: Block = ""
    mandating: Line = ""
    mandated: Line = ""
    purpose: Block = ""
    start: dt.date | None = None
    end: dt.date | None = None
    commitments: Block = ""
    deliverables: Block = ""
    reports_to: Line = ""
    report_frequency: Line = ""
    report_form: Line = ""
    status: AgreementStatus = "draft"


class Objective(Record):
    """A specific objective (step 6); its indicators point to it."""

    label: Label
    action: RecordId | None = None
    deadline: dt.date | None = None


class Indicator(Record):
    """An indicator of an objective (step 6)."""

    label: Label
    objective: RecordId | None = None
    kind: IndicatorKind = "output"
    unit: Line = ""
    baseline: Amount = None
    target: Amount = None
    deadline: dt.date | None = None
    source: Line = ""
    frequency: Line = ""
    collector: Line = ""


class Body(Record):
    """A body of the coordination step (step 7): a committee, an assembly."""

    label: Label
    purpose: Block = ""
    members: Block = ""
    decision_rule: DecisionRule | None = None
    frequency: Line = ""
    channel: Line = ""
    convener: Line = ""


class WorkingGroup(Record):
    """A working group (step 7)."""

    label: Label
    mandate: Block = ""
    deliverable: Line = ""
    lead: RecordId | None = None
    lead_org: Line = ""
    """A lead that is an organisation or a committee, named in words (nobody at the table)."""
    members: Block = ""
    frequency: Line = ""
    """How often it meets (« hebdomadaire au lancement »)."""
    reports_to: RecordId | None = None
    """The body it reports to."""
    deadline: dt.date | None = None


class Signal(Record):
    """A signal from the community or the environment (step 8)."""

    label: Label
    source: Line = ""
    date: dt.date | None = None
    kind: SignalKind = "threat"
    actions: list[RecordId] = Field(default_factory=list)
    effect: Block = ""
    adjustment: Block = ""
    owner: Line = ""
    state: SignalState = "open"
