"""Demo sessions: one complete fictional meeting in French and one in English.

The content lives in `tui.demo_fr` and `tui.demo_en` as plain tables (rows in a fixed column
order, records referring to each other by short keys, dates as days from the meeting); this
module turns them into sessions. Ids come from ``new_id`` and dates from ``clock_now`` only,
so the same clock and id factory always give the same sessions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tui.i18n.fmt import format_date
from tui.model.session import Session

Row = Sequence[Any] | Mapping[str, Any]
Spec = Mapping[str, Any]

COLUMNS: dict[str, tuple[str, ...]] = {
    "participants": ("key", "name", "organisation", "role", "attendance"),
    "people": ("key", "name", "organisation"),
    "agenda": ("label", "kind", "step", "timebox_min", "spent_s"),
    "actions": ("key", "label", "orientation", "lead", "deadline"),
    "resources": (
        "label", "kind", "action", "needed", "available", "unit", "status", "confirmed_on",
        "source", "owner",
    ),
    "skills": ("label", "required_level", "needed", "action", "levels", "interested", "decision"),
    "roles": ("label", "action", "lead", "contributors", "consulted", "informed", "deadline"),
    "agreements": (),
    "objectives": ("key", "label", "action", "deadline"),
    "indicators": (
        "key", "label", "objective", "kind", "unit", "baseline", "target", "deadline", "source",
        "frequency", "collector",
    ),
    "bodies": ("key", "label", "decision_rule", "frequency", "channel", "convener", "purpose",
               "members"),
    "working_groups": ("label", "lead", "reports_to", "deadline", "deliverable", "members",
                       "mandate", "frequency"),
    "participation": ("label", "kind", "invited", "date", "frequency", "organiser", "actions"),
    "monitoring": ("label", "indicators", "actions", "body", "frequency", "tool"),
    "communication": ("label", "audience", "channel", "languages", "frequency", "responsible"),
    "signals": ("label", "kind", "state", "date", "source", "actions", "owner", "effect",
                "adjustment"),
    "decisions": ("key", "step", "outcome", "moved_by", "seconded_by", "votes", "text"),
    "action_items": ("label", "who", "due", "status", "decision", "step"),
    "parking": ("label", "step"),
}  # fmt: skip
"""Column order of each table of a demo spec (agreements are written as mappings)."""

_PEOPLE = {name: "people" for name in ("lead", "contributors", "consulted", "informed")}
REFERENCES: dict[str, dict[str, str]] = {
    "resources": {"action": "actions"},
    "skills": {"action": "actions", "interested": "people"},
    "roles": {"action": "actions", **_PEOPLE},
    "objectives": {"action": "actions"},
    "indicators": {"objective": "objectives"},
    "working_groups": {"lead": "people", "reports_to": "bodies"},
    "participation": {"actions": "actions"},
    "monitoring": {"indicators": "indicators", "actions": "actions", "body": "bodies"},
    "signals": {"actions": "actions"},
    "action_items": {"decision": "decisions"},
}
"""By table, the fields holding record ids and the table their keys refer to."""

DATES = frozenset({"deadline", "confirmed_on", "start", "end", "date", "due"})
"""Fields holding dates, written in a spec as days from the meeting."""


class _Builder:
    """Turns the rows of a spec into record data with ids, resolved keys and real dates."""

    def __init__(self, spec: Spec, now: dt.datetime, new_id: Callable[[], str]) -> None:
        self.spec = spec
        self.day = now.date()
        self.new_id = new_id
        self.ids: dict[str, dict[str, str]] = {"people": {}}
        self.previous = format_date(self.on(-63), spec["meeting"]["minutes_lang"])

    def on(self, days: int) -> dt.date:
        """The date ``days`` after the meeting."""
        return self.day + dt.timedelta(days=days)

    def ref(self, table: str, key: str) -> str:
        """The id of the record of ``table`` written ``key`` in the spec."""
        return self.ids[table][key]

    def value(self, table: str, name: str, value: Any) -> Any:
        """A field's value as the model takes it: dates, ids and `{previous}` resolved."""
        if value is None:
            return None
        if name in DATES:
            return self.on(value)
        if table == "skills" and name == "levels":
            return {self.ref("people", k): level for k, level in value.items()}
        if table == "skills" and name == "decision":
            return {k: self.value("", k, v) for k, v in value.items()}
        target = REFERENCES.get(table, {}).get(name)
        if target is not None:
            if isinstance(value, str):
                return self.ref(target, value)
            return [self.ref(target, k) for k in value]
        if isinstance(value, str):
            return value.replace("{previous}", self.previous)
        return value

    def rows(self, table: str) -> list[dict[str, Any]]:
        """The records of ``table`` as data, each with a fresh id."""
        found: list[dict[str, Any]] = []
        columns = COLUMNS[table]
        for row in self.spec.get(table, ()):
            raw = dict(row) if isinstance(row, Mapping) else dict(zip(columns, row, strict=True))
            key = raw.pop("key", None)
            if table == "actions":
                raw["code"] = key
            data = {"id": self.new_id(), **{k: self.value(table, k, v) for k, v in raw.items()}}
            if key is not None:
                group = "people" if table in ("participants", "people") else table
                self.ids.setdefault(group, {})[key] = data["id"]
            found.append(data)
        return found


def _decisions(b: _Builder) -> list[dict[str, Any]]:
    found = b.rows("decisions")
    for n, data in enumerate(found, start=1):
        data["number"] = f"{b.day:%Y-%m-%d}-{n:02d}"
        votes = data.pop("votes")
        if votes is not None:
            data["votes_for"], data["votes_against"], data["abstentions"] = votes
    return found


def _acceptances(b: _Builder, tables: Mapping[str, list[dict[str, Any]]]) -> list[dict[str, str]]:
    found = []
    for table, label, check, reason in b.spec.get("acceptances", ()):
        record = next(r for r in tables[table] if r["label"] == label)
        found.append({"key": f"{table}/{record['id']}/{check}", "reason": reason})
    return found


def build(spec: Spec, clock_now: dt.datetime, new_id: Callable[[], str]) -> Session:
    """The session described by ``spec``, held on the day of ``clock_now``."""
    b = _Builder(spec, clock_now, new_id)
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in COLUMNS:
        # Decisions get their numbers; action items, after them, can refer to them.
        tables[table] = _decisions(b) if table == "decisions" else b.rows(table)
    meeting = dict(spec["meeting"])
    meeting["date"] = b.day
    meeting["next_date"] = b.on(meeting.pop("next_in_days"))
    for name in ("start_time", "end_time", "opened_at", "adjourned_at", "next_time"):
        meeting[name] = dt.time.fromisoformat(meeting[name])
    data = {
        "id": new_id(),
        "created": clock_now - dt.timedelta(days=14),
        "updated": clock_now,
        "meeting": meeting,
        "progress": {"screen": "minutes", "meeting_started": clock_now - dt.timedelta(hours=3)},
        **tables,
        "notes": dict(spec.get("notes", {})),
        "acceptances": _acceptances(b, tables),
    }
    return Session.model_validate(data)


def demo_sessions(clock_now: dt.datetime, new_id: Callable[[], str]) -> list[Session]:
    """The demo sessions: French (a Québec round table), then English (a coalition)."""
    from tui.demo_en import DEMO_EN
    from tui.demo_fr import DEMO_FR

    return [build(DEMO_FR, clock_now, new_id), build(DEMO_EN, clock_now, new_id)]
