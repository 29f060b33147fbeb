"""Settling conflicts, and the session as the minutes show it while some are open."""

from __future__ import annotations

from typing import Any

from tui.model.conflict import MISSING, Conflict, conflict_key, set_path
from tui.model.numbering import next_number, number_day
from tui.model.session import RECORD_LISTS, Session


def _record_doc(data: dict[str, Any], c: Conflict) -> dict[str, Any] | None:
    if c.table == "meeting":
        return data["meeting"]  # type: ignore[no-any-return]
    if c.table == "notes":
        return data["notes"]  # type: ignore[no-any-return]
    for doc in data.get(c.table, []):
        if doc.get("id") == c.record:
            return doc  # type: ignore[no-any-return]
    return None


def settle(session: Session, conflict: Conflict, value: Any) -> Session:
    """``session`` with ``conflict`` settled to ``value`` (JSON); raises ValidationError.

    ``value`` is one side's value or one typed by the facilitator (text that the field's
    type validates). A settled number that another decision holds moves that one on to the
    next free number of its day, so that no two decisions ever share a number.
    """
    data = session.model_dump(mode="json")
    data["conflicts"] = [c for c in data["conflicts"] if conflict_key(c) != conflict.key]
    doc = _record_doc(data, conflict)
    if doc is not None:
        if conflict.field == "":
            if value is False:
                data[conflict.table] = [d for d in data[conflict.table] if d is not doc]
        elif conflict.number:
            _settle_number(data["decisions"], doc, value, str(conflict.theirs or ""))
        elif conflict.table == "notes":
            set_path(doc, conflict.field, MISSING if value in (None, "") else value)
        else:
            set_path(doc, conflict.field, value)
    return Session.model_validate(data)


def _settle_number(
    decisions: list[dict[str, Any]], doc: dict[str, Any], value: Any, contested: str
) -> None:
    taken = [d.get("number") for d in decisions]
    day = number_day(str(value or "")) or number_day(contested)
    if not value:
        doc["number"] = next_number(taken, day) if day else None
        return
    for other in decisions:
        if other is not doc and other.get("number") == value:
            other["number"] = next_number(taken, day) if day else None
    doc["number"] = value


def settled_view(session: Session) -> Session:
    """The session as the minutes may show it: every conflicted field left out.

    A field that has a default takes it; a record whose required field (its label) is in
    conflict, or whose very existence is, is left out; decisions keep their numbers unique.
    """
    if not session.conflicts:
        return session
    data = session.model_dump(mode="json")
    dropped: set[tuple[str, str]] = set()
    for c in session.conflicts:
        doc = _record_doc(data, c)
        if doc is None:
            continue
        top = c.field.split(".")[0]
        if c.table in RECORD_LISTS and (c.field == "" or _required(c.table, top)):
            dropped.add((c.table, c.record))
        elif c.table == "meeting" and _required("meeting", top):
            doc[top] = "…"
        elif c.table == "notes" or "." in c.field:
            set_path(doc, c.field, MISSING)
        else:
            doc.pop(top, None)
    for table, record in dropped:
        data[table] = [d for d in data[table] if d.get("id") != record]
    data["conflicts"] = []
    return Session.model_validate(data)


def _required(table: str, field: str) -> bool:
    from tui.model.meeting import Meeting

    model = Meeting if table == "meeting" else RECORD_LISTS[table]
    info = model.model_fields.get(field)
    return info is not None and info.is_required()
