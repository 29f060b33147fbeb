"""Undo and redo of the changes made to a session, whole tables at a time.

Every change a screen makes is reported with the tables it touched (the same report that
schedules the save). The history keeps each touched table as it was before and after, so that
undoing puts back exactly what was there: a matrix level, a record added, edited or deleted, a
capture, the drafts that went with it. Consecutive keys typed into one field make one step.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from tui.model.session import RECORD_LISTS, Session

UNDOABLE = ("meeting", "notes", "drafts", *RECORD_LISTS, "acceptances", "conflicts")
"""Tables whose changes are undone (not where the facilitator is: the screen, the agenda clock)."""
LIMIT = 500
"""Steps kept for undo while the session is open."""
TYPING_PAUSE = 5.0
"""Seconds after which keys typed into the same field start a new step."""


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    return TypeAdapter(Session.model_fields[name].annotation)  # type: ignore[arg-type]


def _snapshot(session: Session, name: str) -> Any:
    return _adapter(name).dump_python(getattr(session, name), mode="python")


@dataclass
class Step:
    """One undoable change: the tables it touched, before and after."""

    before: dict[str, Any]
    after: dict[str, Any]
    group: object | None = None
    at: float = 0.0


@dataclass
class Change:
    """What undo or redo did, to tell the facilitator."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    tables: tuple[str, ...] = ()


class History:
    """The undo and redo stacks of one open session."""

    def __init__(self, session: Session, *, clock: Callable[[], float] = time.monotonic) -> None:
        """Start from ``session`` as it is now."""
        self.clock = clock
        self._known = {name: _snapshot(session, name) for name in _present(UNDOABLE)}
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []

    def _diff(
        self, session: Session, tables: Iterable[str]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for name in _present(tables):
            now = _snapshot(session, name)
            if now != self._known[name]:
                before[name], after[name] = self._known[name], now
                self._known[name] = now
        return before, after

    def seen(self, session: Session, tables: Iterable[str] | None = None) -> None:
        """Take changes that are not the facilitator's keys (a timer, a reload) as the base."""
        self._diff(session, UNDOABLE if tables is None else tables)

    def record(
        self, session: Session, tables: Iterable[str] | None, group: object | None = None
    ) -> bool:
        """Record what changed in ``tables``; keys typed into one field (``group``) merge."""
        before, after = self._diff(session, UNDOABLE if tables is None else tables)
        if not before or (tables is not None and "progress" in tables):
            # Moving the meeting on (F9) is not undone: the agenda clock has its own keys.
            return False
        now = self.clock()
        last = self.undo_steps[-1] if self.undo_steps else None
        if (
            group is not None
            and last is not None
            and last.group == group
            and set(last.after) == set(after)
            and now - last.at < TYPING_PAUSE
        ):
            last.after, last.at = after, now
        else:
            self.undo_steps.append(Step(before, after, group, now))
            del self.undo_steps[:-LIMIT]
        self.redo_steps.clear()
        return True

    def undo(self, session: Session) -> Change | None:
        """Put back the tables of the last step; None when there is nothing to undo."""
        return self._move(session, self.undo_steps, self.redo_steps, "before")

    def redo(self, session: Session) -> Change | None:
        """Do again the last step undone; None when there is nothing to redo."""
        return self._move(session, self.redo_steps, self.undo_steps, "after")

    def _move(
        self, session: Session, source: list[Step], target: list[Step], to: str
    ) -> Change | None:
        self.seen(session)  # a change not recorded yet (a timer) stays as it is
        if not source:
            return None
        step = source.pop()
        wanted: dict[str, Any] = getattr(step, to)
        for name, value in wanted.items():
            setattr(session, name, _adapter(name).validate_python(value))
            self._known[name] = _snapshot(session, name)
        step.group = None  # typing after an undo starts a new step
        target.append(step)
        return describe(step.before, step.after)


def _present(tables: Iterable[str]) -> list[str]:
    return [name for name in tables if name in UNDOABLE and name in Session.model_fields]


def _records(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        return {r.get("id", str(n)): r for n, r in enumerate(value) if isinstance(r, dict)}
    return {}


def _name(record: Any) -> str:
    if not isinstance(record, dict):
        return ""
    for key in ("label", "text", "name", "title", "signal"):
        if isinstance(record.get(key), str) and record[key]:
            return str(record[key])
    return ""


def describe(old: dict[str, Any], new: dict[str, Any]) -> Change:
    """What the change from ``old`` to ``new`` added, removed and edited, by record name."""
    change = Change(tables=tuple(new))
    for name in new:
        was, now = _records(old.get(name)), _records(new.get(name))
        if not was and not now:
            change.edited.append(_name(new[name]))
            continue
        change.added += [_name(r) for rid, r in now.items() if rid not in was]
        change.removed += [_name(r) for rid, r in was.items() if rid not in now]
        change.edited += [_name(r) for rid, r in now.items() if rid in was and was[rid] != r]
    return change
