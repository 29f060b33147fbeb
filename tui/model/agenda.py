"""The agenda as the meeting shapes it: items typed as one line, parked topics brought back
or carried to the next meeting. Pure functions on a session."""

from __future__ import annotations

import re

from tui.model.clean import SHORT_MAX
from tui.model.live import ParkingFate, ParkingItem
from tui.model.meeting import AgendaItem
from tui.model.session import Session

_MINUTES = re.compile(r"\s+(\d{1,4})\s*(?:min|mn|m)?\.?\s*$", re.IGNORECASE)
MAX_MINUTES = 24 * 60


def split_minutes(line: str) -> tuple[str, int | None]:
    """« Ressources 20 » → (« Ressources », 20): the timebox in minutes at the end, if typed."""
    found = _MINUTES.search(line)
    if found is None or not line[: found.start()].strip() or int(found.group(1)) > MAX_MINUTES:
        return line.strip(), None
    return line[: found.start()].strip(), int(found.group(1))


_SCREEN = re.compile(r"\s@(\S*)\s*$")


def read_line(line: str) -> tuple[str, int | None, str | None]:
    """« Ressources du projet @res 20 » → (« Ressources du projet », 20, « res »): the timebox
    in minutes and, after an @, the first letters of the item's screen, at the end in either
    order (each optional)."""
    label, minutes, screen = line.strip(), None, None
    for _round in range(2):
        if minutes is None:
            label, minutes = split_minutes(label)
        found = _SCREEN.search(f" {label}") if screen is None else None
        if found is not None and label[: found.start()].strip():
            label, screen = label[: found.start()].strip(), found.group(1)
    return label, minutes, screen


def placed(
    agenda: list[AgendaItem], item: AgendaItem, after: str | None = None
) -> list[AgendaItem]:
    """``agenda`` with ``item`` after the item ``after`` (if it is there), else before the
    closing items (a chair keeps « Levée » last)."""
    ids = [a.id for a in agenda]
    if after in ids:
        position = ids.index(after) + 1
    else:
        closing = [n for n, a in enumerate(agenda) if a.kind == "closing"]
        position = closing[0] if closing else len(agenda)
    return [*agenda[:position], item, *agenda[position:]]


def _item_label(text: str) -> str:
    """A topic's text as an agenda item's one-line label."""
    one = " ".join(text.split())
    return one if len(one) <= SHORT_MAX else one[: SHORT_MAX - 1] + "…"


def find_parked(session: Session, parked_id: str) -> ParkingItem | None:
    """The parked topic ``parked_id``, if it is still in the parking lot."""
    return next((p for p in session.parking if p.id == parked_id), None)


def brought_back_to(session: Session, parked: ParkingItem) -> AgendaItem | None:
    """The agenda item a topic was brought back to, if it is still on the agenda."""
    if parked.fate != "agenda" or parked.agenda_item is None:
        return None
    return next((a for a in session.agenda if a.id == parked.agenda_item), None)


def bring_back(session: Session, parked: ParkingItem) -> AgendaItem:
    """Make ``parked`` an agenda item, right after the running one (else before the closing
    items), taken up at the next F9; a topic already brought back keeps its item."""
    existing = brought_back_to(session, parked)
    if existing is not None:
        return existing
    item = carried_item(parked)
    session.agenda = placed(session.agenda, item, after=session.progress.agenda_item)
    _set_fate(session, parked, "agenda", item.id)
    return item


def carried_item(parked: ParkingItem) -> AgendaItem:
    """The agenda item a parked topic becomes (brought back now, or carried to the next)."""
    step = parked.step if parked.step not in (None, "meeting") else None
    return AgendaItem(label=_item_label(parked.label), step=step)


def toggle_carry(session: Session, parked: ParkingItem) -> bool:
    """Carry ``parked`` to the next meeting's agenda, or undecide it; True if now carried.

    A topic brought back to this meeting's agenda is not carried (ValueError): its item is
    on the agenda already.
    """
    if brought_back_to(session, parked) is not None:
        raise ValueError("brought back")
    carried = parked.fate != "carried"
    _set_fate(session, parked, "carried" if carried else None, None)
    return carried


def _set_fate(
    session: Session, parked: ParkingItem, fate: ParkingFate | None, item: str | None
) -> None:
    """Replace ``parked`` by a copy with its fate (the list is replaced: undo sees the change)."""
    changed = parked.model_copy(update={"fate": fate, "agenda_item": item})
    session.parking = [changed if p.id == parked.id else p for p in session.parking]
