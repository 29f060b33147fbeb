"""Links between records: which fields point where, the names to choose from, who links here."""

from __future__ import annotations

from dataclasses import dataclass

from tui.model import Record, Session

TARGETS: dict[str, tuple[str, ...]] = {
    "actions": ("actions",),
    "people": ("participants", "people"),
    "objectives": ("objectives",),
    "indicators": ("indicators",),
    "bodies": ("bodies",),
}
"""Each kind of link target and the session lists that hold its records."""


@dataclass(frozen=True)
class Link:
    """A field of a list of records that holds the id (or ids) of other records."""

    table: str
    field: str
    target: str


LINKS: tuple[Link, ...] = (
    Link("resources", "action", "actions"),
    Link("skills", "action", "actions"),
    Link("skills", "interested", "people"),
    Link("skills", "levels", "people"),
    Link("roles", "action", "actions"),
    Link("roles", "lead", "people"),
    Link("roles", "contributors", "people"),
    Link("roles", "consulted", "people"),
    Link("roles", "informed", "people"),
    Link("objectives", "action", "actions"),
    Link("indicators", "objective", "objectives"),
    Link("working_groups", "lead", "people"),
    Link("working_groups", "reports_to", "bodies"),
    Link("participation", "actions", "actions"),
    Link("monitoring", "indicators", "indicators"),
    Link("monitoring", "actions", "actions"),
    Link("monitoring", "body", "bodies"),
    Link("signals", "actions", "actions"),
)
"""Every link of the plan (the review reports those whose target is gone)."""


def target_kind(table: str) -> str | None:
    """The kind of link target the records of ``table`` are, if any."""
    return next((kind for kind, tables in TARGETS.items() if table in tables), None)


def record_name(record: Record) -> str:
    """How a record is named in lists and tables (an action with its code first)."""
    code = getattr(record, "code", "")
    name = str(getattr(record, "label", None) or getattr(record, "name", "") or record.id)
    return f"{code} {name}" if code else name


def options(session: Session, target: str) -> list[tuple[str, str]]:
    """The records a link to ``target`` may choose from, as (name, id) in session order."""
    found: list[tuple[str, str]] = []
    for table in TARGETS[target]:
        for record in getattr(session, table):
            name = record_name(record)
            organisation = getattr(record, "organisation", "")
            found.append((f"{name} ({organisation})" if organisation else name, record.id))
    return found


def names(session: Session, target: str) -> dict[str, str]:
    """Name of every record of ``target``, by id."""
    return {
        record.id: record_name(record)
        for table in TARGETS[target]
        for record in getattr(session, table)
    }


def _ids(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, dict)):
        return [str(v) for v in value]  # lists, and dicts keyed by id
    return []


def incoming(session: Session, table: str, record_id: str) -> list[tuple[str, Record]]:
    """Records that link to ``record_id`` of ``table``: (their table, the record), each once."""
    kind = target_kind(table)
    found: list[tuple[str, Record]] = []
    for link in LINKS:
        if link.target != kind:
            continue
        for record in getattr(session, link.table):
            if record_id in _ids(getattr(record, link.field)) and all(
                r is not record for _t, r in found
            ):
                found.append((link.table, record))
    return found
