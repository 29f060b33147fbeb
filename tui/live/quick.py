"""Quick capture: the one-line syntax (d, a, p, n) and the live records it adds; pure."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from tui.i18n import N_
from tui.model import ActionItem, Decision, ParkingItem, Session
from tui.model.clean import local_time
from tui.model.numbering import next_number

Kind = Literal["decision", "action", "parking", "note"]
PREFIXES: dict[str, Kind] = {"d": "decision", "a": "action", "p": "parking", "n": "note"}
"""The letter that starts a quick-capture line, and what it records."""

_DATEISH = re.compile(r"^\d{4}-\d{1,2}(-\d{1,2})?$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class Capture:
    """What a quick-capture line asks to record."""

    kind: Kind
    text: str
    who: str = ""
    due: dt.date | None = None


@dataclass
class QuickError(ValueError):
    """A line that cannot be recorded: the msgid saying why, and its values."""

    msgid: str
    params: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.msgid)


def parse_line(line: str, names: Sequence[str] = ()) -> Capture:
    """Read ``d text``, ``a @name YYYY-MM-DD text``, ``p text`` or ``n text`` (QuickError)."""
    stripped = line.strip()
    if not stripped:
        raise QuickError(N_("Type a letter, a space and the text: d, a, p or n."))
    head, _sep, rest = stripped.partition(" ")
    kind = PREFIXES.get(head.casefold())
    if kind is None:
        raise QuickError(
            N_("Unknown kind «{head}»: start with d, a, p or n and a space."), {"head": head[:20]}
        )
    rest = rest.strip()
    who, due = "", None
    if kind == "action":
        who, due, rest = _action_parts(rest, names)
    if not rest:
        raise QuickError(N_("The text is missing after «{head}»."), {"head": head})
    return Capture(kind, rest, who, due)


def _action_parts(rest: str, names: Sequence[str]) -> tuple[str, dt.date | None, str]:
    """Take the optional ``@name`` and due date (in any order) off the front of ``rest``."""
    who, due = "", None
    for _round in range(2):
        if rest.startswith("@") and not who:
            who, rest = _name(rest[1:], names)
        elif _DATEISH.match(rest.split(" ", 1)[0]) and due is None:
            token, _sep, rest = rest.partition(" ")
            due = _date(token)
        rest = rest.strip()
    return who, due, rest


def _name(text: str, names: Sequence[str]) -> tuple[str, str]:
    """The participant whose name starts ``text`` (longest first), else one word as typed."""
    folded = text.casefold()
    for name in sorted(names, key=len, reverse=True):
        key = name.casefold()
        if folded.startswith(key) and (len(text) == len(key) or text[len(key)] == " "):
            return name, text[len(key) :]
    word, _sep, rest = text.partition(" ")
    if not word:
        raise QuickError(N_("A name is expected right after @."))
    found = [n for n in names if n.casefold().startswith(word.casefold())]
    return (found[0] if len(found) == 1 else word), rest


def _date(token: str) -> dt.date:
    m = _DATE.match(token)
    try:
        if m is None:
            raise ValueError(token)
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise QuickError(N_("«{value}» is not a date: use YYYY-MM-DD."), {"value": token}) from None


def complete_name(value: str, names: Sequence[str]) -> str | None:
    """``value`` with the ``@name`` being typed at its end completed from ``names``."""
    at = value.rfind("@")
    if at < 0 or (at > 0 and value[at - 1] != " "):
        return None
    typed = value[at + 1 :].casefold()
    if not typed:
        return None
    for name in names:
        if name.casefold().startswith(typed) and len(name) > len(typed):
            return f"{value[: at + 1]}{name} "
    return None


# -- the records a capture adds ------------------------------------------------------------


def local_day(now: dt.datetime, tz: str) -> dt.date:
    """The date of ``now`` in the meeting's time zone."""
    return now.astimezone(ZoneInfo(tz)).date()


def add_decision(session: Session, decision: Decision, now: dt.datetime, tz: str) -> Decision:
    """Number ``decision`` (once: an existing number is kept) and add it to the session."""
    if decision.number is None:
        day = local_day(now, tz)
        decision.number = next_number((d.number for d in session.decisions), day)
        if decision.taken_at is None:
            decision.taken_at = local_time(now, tz)
    session.decisions = [*session.decisions, decision]
    return decision


def add_note(session: Session, key: str, text: str) -> None:
    """Add a line to the free notes of screen ``key``."""
    current = session.notes.get(key, "").rstrip("\n")
    session.notes = {**session.notes, key: f"{current}\n{text}" if current.strip() else text}


def apply_capture(
    session: Session, capture: Capture, step: str, now: dt.datetime, tz: str
) -> ActionItem | Decision | ParkingItem | None:
    """Add what a quick-capture line says to ``session``; return the new record, if any."""
    where = step if step else None
    if capture.kind == "decision":
        return add_decision(session, Decision(text=capture.text, step=where), now, tz)  # type: ignore[arg-type]
    if capture.kind == "action":
        item = ActionItem(label=capture.text, who=capture.who, due=capture.due, step=where)  # type: ignore[arg-type]
        session.action_items = [*session.action_items, item]
        return item
    if capture.kind == "parking":
        parked = ParkingItem(label=capture.text, step=where)  # type: ignore[arg-type]
        session.parking = [*session.parking, parked]
        return parked
    add_note(session, step or "meeting", capture.text)
    return None


TABLES: dict[Kind, str] = {
    "decision": "decisions",
    "action": "action_items",
    "parking": "parking",
    "note": "notes",
}
"""The storage table each kind of capture changes."""
