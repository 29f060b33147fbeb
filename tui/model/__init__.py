"""The planning model: pydantic records of a session and the analyses computed from them.

Knows nothing of Textual or TinyDB.
"""

from tui.model.analysis import ReviewItem, Totals, progress, resource_totals, review
from tui.model.base import SCREENS, STEPS, Record, is_valid_id, new_id, set_id_factory
from tui.model.competency import by_organisation, coverage, status
from tui.model.live import Acceptance, ActionItem, Decision, ParkingItem
from tui.model.meeting import AgendaItem, Meeting, Participant, Person, Progress
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
    SkillDecision,
    WorkingGroup,
)
from tui.model.session import RECORD_LISTS, SCHEMA_VERSION, Session, utcnow
from tui.model.text import clean_text

__all__ = [
    "RECORD_LISTS",
    "SCHEMA_VERSION",
    "SCREENS",
    "STEPS",
    "Acceptance",
    "Action",
    "ActionItem",
    "AgendaItem",
    "Agreement",
    "Body",
    "Decision",
    "Indicator",
    "Meeting",
    "Objective",
    "ParkingItem",
    "Participant",
    "Person",
    "Progress",
    "Record",
    "Resource",
    "ReviewItem",
    "Role",
    "Session",
    "Signal",
    "Skill",
    "SkillDecision",
    "Totals",
    "WorkingGroup",
    "by_organisation",
    "clean_text",
    "coverage",
    "is_valid_id",
    "new_id",
    "progress",
    "resource_totals",
    "set_id_factory",
    "review",
    "status",
    "utcnow",
]
