"""Between two meetings: what the plan changed, and whether a follow-up adopted the minutes."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from tui.model.base import STEPS, Record
from tui.model.live import ADOPTING_OUTCOMES
from tui.model.session import Session

ADOPTION_DECISION = "adopt-previous-minutes"
"""Id of the follow-up's decision that adopts the previous meeting's minutes."""
ADOPTION_ITEM = "adopt-previous-minutes"
"""Id of the follow-up's opening agenda item for that adoption."""
REVIEW_ITEM = "review-carried-actions"
"""Id of the follow-up's opening agenda item reviewing the carried action items."""
ADOPTING = ADOPTING_OUTCOMES
"""Outcomes of the adoption decision that adopt the minutes (consensus too)."""

STEP_TABLES: dict[str, tuple[str, ...]] = {
    "actions": ("actions",),
    "resources": ("resources",),
    "skills": ("skills", "people"),
    "roles": ("roles",),
    "agreements": ("agreements",),
    "objectives": ("objectives", "indicators"),
    "coordination": ("bodies", "working_groups", "participation", "monitoring", "communication"),
    "watch": ("signals",),
}
"""The record lists of the plan, by step (people are the matrix's columns)."""

ChangeKind = Literal["added", "changed", "removed"]


@dataclass(frozen=True)
class RecordChange:
    """One record of the plan added, changed or removed since the previous meeting."""

    table: str
    record_id: str
    kind: ChangeKind
    label: str
    """The record's label now (or, when removed, as it was)."""
    fields: tuple[str, ...] = ()
    """The fields whose value changed (for a changed record), in the model's order."""
    before: Record | None = None
    after: Record | None = None


@dataclass(frozen=True)
class StepChanges:
    """The changes of one step: added and changed records in their order, then removed ones."""

    step: str
    changes: tuple[RecordChange, ...] = ()

    def _of(self, kind: ChangeKind) -> tuple[RecordChange, ...]:
        return tuple(c for c in self.changes if c.kind == kind)

    @property
    def added(self) -> tuple[RecordChange, ...]:
        """Records new since the previous meeting."""
        return self._of("added")

    @property
    def changed(self) -> tuple[RecordChange, ...]:
        """Records whose values changed."""
        return self._of("changed")

    @property
    def removed(self) -> tuple[RecordChange, ...]:
        """Records of the previous meeting that are gone."""
        return self._of("removed")

    @property
    def empty(self) -> bool:
        """True when this step did not change."""
        return not self.changes


def _label(record: Record) -> str:
    return str(getattr(record, "label", None) or getattr(record, "name", "") or record.id)


def _table_changes(table: str, before: list[Record], after: list[Record]) -> list[RecordChange]:
    old = {r.id: r for r in before}
    new = {r.id: r for r in after}
    found: list[RecordChange] = []
    for record in after:
        previous = old.get(record.id)
        if previous is None:
            found.append(RecordChange(table, record.id, "added", _label(record), (), None, record))
            continue
        a, b = previous.model_dump(), record.model_dump()
        fields = tuple(name for name in b if name != "id" and a.get(name) != b[name])
        if fields:
            found.append(
                RecordChange(table, record.id, "changed", _label(record), fields, previous, record)
            )
    for record in before:
        if record.id not in new:
            found.append(
                RecordChange(table, record.id, "removed", _label(record), (), record, None)
            )
    return found


def plan_changes(previous: Session, current: Session) -> dict[str, StepChanges]:
    """Per step (in order), the plan's records added, changed and removed since ``previous``.

    Records are matched by id (a follow-up keeps the ids of what it carries). Pure.
    """
    result: dict[str, StepChanges] = {}
    for step in STEPS:
        found: list[RecordChange] = []
        for table in STEP_TABLES[step]:
            found += _table_changes(table, getattr(previous, table), getattr(current, table))
        result[step] = StepChanges(step, tuple(found))
    return result


# -- adoption of the previous minutes ----------------------------------------------------


@dataclass(frozen=True)
class Adoption:
    """A follow-up meeting adopted these minutes: when, by which decision."""

    on: dt.date | None
    number: str | None
    follow_up: str


def adoption_in(follow_up: Session, previous_id: str) -> Adoption | None:
    """The adoption of ``previous_id``'s minutes recorded in ``follow_up``, if carried."""
    if follow_up.meeting.follows != previous_id:
        return None
    decision = next((d for d in follow_up.decisions if d.id == ADOPTION_DECISION), None)
    if decision is None or decision.outcome not in ADOPTING:
        return None
    on = follow_up.meeting.date
    if decision.number:
        with contextlib.suppress(ValueError):
            on = dt.date.fromisoformat(decision.number[:10])
    return Adoption(on, decision.number, follow_up.id)


def find_adoption(previous_id: str, candidates: Iterable[Session]) -> Adoption | None:
    """The first adoption of ``previous_id``'s minutes among ``candidates`` (earliest date)."""
    found = [a for s in candidates if (a := adoption_in(s, previous_id)) is not None]
    found.sort(key=lambda a: (a.on or dt.date.max, a.follow_up))
    return found[0] if found else None


def with_adoption(session: Session, adoption: Adoption | None) -> Session:
    """``session`` as its minutes should say it: adopted (and when) if a follow-up adopted them."""
    if adoption is None:
        return session
    meeting = session.meeting.model_copy(
        update={"minutes_status": "adopted", "adopted_on": adoption.on}
    )
    return session.model_copy(update={"meeting": meeting})
