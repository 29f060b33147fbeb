"""The planning model: pydantic records of a session and the analyses computed from them.

Knows nothing of Textual or TinyDB. Names are loaded on first use, so that importing
``tui.model.clean`` (text cleaning, screen keys, the clock) does not load pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE: dict[str, str] = {
    "ReviewItem": "analysis",
    "Totals": "analysis",
    "progress": "analysis",
    "resource_totals": "analysis",
    "review": "analysis",
    "Conflict": "conflict",
    "Record": "base",
    "is_valid_id": "base",
    "new_id": "base",
    "set_id_factory": "base",
    "SCREENS": "clean",
    "STEPS": "clean",
    "utcnow": "clean",
    "clean_text": "clean",
    "by_organisation": "competency",
    "coverage": "competency",
    "status": "competency",
    "Acceptance": "live",
    "ActionItem": "live",
    "Decision": "live",
    "ParkingItem": "live",
    "AgendaItem": "meeting",
    "Meeting": "meeting",
    "Participant": "meeting",
    "Person": "meeting",
    "Progress": "meeting",
    "Communication": "modes",
    "Monitoring": "modes",
    "Participation": "modes",
    "Action": "plan",
    "Agreement": "plan",
    "Body": "plan",
    "Indicator": "plan",
    "Objective": "plan",
    "Resource": "plan",
    "Role": "plan",
    "Signal": "plan",
    "Skill": "plan",
    "SkillDecision": "plan",
    "WorkingGroup": "plan",
    "RECORD_LISTS": "session",
    "SCHEMA_VERSION": "session",
    "Session": "session",
}

__all__ = [
    "Acceptance",
    "Action",
    "ActionItem",
    "AgendaItem",
    "Agreement",
    "Conflict",
    "Body",
    "Communication",
    "Decision",
    "Indicator",
    "Meeting",
    "Monitoring",
    "Objective",
    "ParkingItem",
    "Participant",
    "Participation",
    "Person",
    "Progress",
    "RECORD_LISTS",
    "Record",
    "Resource",
    "ReviewItem",
    "Role",
    "SCHEMA_VERSION",
    "SCREENS",
    "STEPS",
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
    "review",
    "set_id_factory",
    "status",
    "utcnow",
]


def __getattr__(name: str) -> Any:
    """Load a model name from its module on first use."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'tui.model' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"tui.model.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from tui.model.analysis import ReviewItem, Totals, progress, resource_totals, review
    from tui.model.base import Record, is_valid_id, new_id, set_id_factory
    from tui.model.clean import SCREENS, STEPS, clean_text, utcnow
    from tui.model.competency import by_organisation, coverage, status
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
        SkillDecision,
        WorkingGroup,
    )
    from tui.model.session import RECORD_LISTS, SCHEMA_VERSION, Session
