"""How each field of the plan shows in a follow-up's minutes when a meeting changed it.

A `View` covers one or more fields of a record and tells, for a record before and after,
what the minutes say (``old → new``), formatted as the minutes' own tables show them. The
earlier record is formatted with the previous meeting's context (its people and actions),
the later one with this meeting's. Every value is escaped (`tui.export.escape`) by the
formatters of the context and of the step sections.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tui.export import modes
from tui.export.context import Context
from tui.export.escape import EMPTY, cell
from tui.export.governance import accountability, period
from tui.export.steps import level_text, skill_decision
from tui.i18n import pt
from tui.model.competency import status

Show = Callable[[Context, Any], str]
"""A record's value as the minutes show it, in a context."""
Compare = Callable[[Context, Context, Any, Any], str | None]
"""``old → new`` for a record before (previous context) and after (this one), or None."""

ARROW = " → "


@dataclass(frozen=True)
class View:
    """One line of a changed record: the fields it covers, their name, and what changed."""

    fields: tuple[str, ...]
    name: str
    compare: Compare

    def text(self, p: Context, c: Context, before: Any, after: Any) -> str | None:
        """``name: old → new``, or None when what the minutes show did not change."""
        values = self.compare(p, c, before, after)
        if values is None:
            return None
        return pt(c.lang, "minutes", "{label}: {value}", label=self.name, value=values)


def _compare(show: Show) -> Compare:
    def compare(p: Context, c: Context, before: Any, after: Any) -> str | None:
        old, new = show(p, before), show(c, after)
        return None if old == new else f"{old}{ARROW}{new}"

    return compare


def _view(fields: str | tuple[str, ...], name: str, show: Show) -> View:
    return View((fields,) if isinstance(fields, str) else fields, name, _compare(show))


def _text(name: str) -> Show:
    return lambda c, r: cell(getattr(r, name))


def _date(name: str) -> Show:
    return lambda c, r: c.date(getattr(r, name))


def _amount(name: str) -> Show:
    return lambda c, r: c.amount(r.kind, getattr(r, name), r.unit)


def _levels(p: Context, c: Context, before: Any, after: Any) -> str | None:
    """The people whose level or wish to learn changed: ``name (1 → 2, wants to learn)``."""
    ids = [*before.levels, *before.interested, *after.levels, *after.interested]
    parts = []
    for pid in dict.fromkeys(ids):
        wants = pid in after.interested
        if wants != (pid in before.interested):
            text = f"{level_text(p, before, pid)}{ARROW}{level_text(c, after, pid)}"
        else:
            old, new = before.levels.get(pid, 0), after.levels.get(pid, 0)
            if old == new:
                continue
            text = f"{old}{ARROW}{new}"
            if wants:
                text = pt(c.lang, "minutes", "{level}, wants to learn", level=text)
        name = c.person(pid) if pid in c.people else p.person(pid)
        parts.append(f"{name} ({text})")
    return ", ".join(parts) or None


def views(lang: str) -> dict[str, tuple[View, ...]]:
    """The views of every record list of the plan, by list name, in the model's field order."""

    def col(msgid: str) -> str:
        return pt(lang, "minutes column", msgid)

    action, deadline, status_name = col("Action"), col("Deadline"), col("Status")
    owner, type_name, source = col("Owner"), col("Type"), col("Source")
    members, lead, frequency = col("Members"), col("Lead"), col("Frequency")
    actions = _view("action", action, lambda c, r: c.action(r.action))
    return {
        "actions": (
            _view("label", action, _text("label")),
            _view("code", col("Code"), _text("code")),
            _view("orientation", col("Orientation"), _text("orientation")),
            _view("lead", lead, _text("lead")),
            _view("deadline", deadline, _date("deadline")),
        ),
        "resources": (
            _view("label", col("Need"), _text("label")),
            _view("kind", col("Kind"), lambda c, r: c.words.resource_kinds[r.kind]),
            actions,
            _view("needed", col("Needed"), _amount("needed")),
            _view("needed_text", pt(lang, "minutes field", "Need in words"), _text("needed_text")),
            _view("available", col("Available"), _amount("available")),
            _view("unit", col("Unit"), _text("unit")),
            _view("source", source, _text("source")),
            _view("status", status_name, lambda c, r: c.words.resource_statuses[r.status]),
            _view(
                "confirmed_on",
                pt(lang, "minutes field", "Confirmed in writing on"),
                _date("confirmed_on"),
            ),
            _view("owner", owner, _text("owner")),
        ),
        "skills": (
            _view("label", col("Skill"), _text("label")),
            _view(
                "required_level",
                col("Required level"),
                lambda c, r: f"{r.required_level} ({c.words.levels[r.required_level]})",
            ),
            _view("needed", pt(lang, "minutes field", "People needed"), lambda c, r: str(r.needed)),
            actions,
            View(("levels", "interested"), col("People (level)"), _levels),
            _view(
                ("required_level", "needed", "levels", "interested"),
                status_name,
                lambda c, r: c.words.competency[status(r)],
            ),
            _view("decision", col("Decision"), skill_decision),
            _view("decision", col("Who"), lambda c, r: cell(r.decision.who)),
            _view("decision", col("Due"), lambda c, r: c.date(r.decision.due)),
        ),
        "people": (
            _view("name", pt(lang, "minutes field", "Name"), _text("name")),
            _view("organisation", pt(lang, "minutes field", "Organization"), _text("organisation")),
        ),
        "roles": (
            _view("label", col("Task"), _text("label")),
            actions,
            _view(("lead", "lead_org"), lead, lambda c, r: c.lead(r)),
            _view("accountable", col("Accountable"), _text("accountable")),
            _view("contributors", col("Contributors"), lambda c, r: c.persons(r.contributors)),
            _view("consulted", col("Consulted"), lambda c, r: c.persons(r.consulted)),
            _view("informed", col("Informed"), lambda c, r: c.persons(r.informed)),
            _view("deadline", deadline, _date("deadline")),
            _view("mandate", col("Mandate"), _text("mandate")),
        ),
        "agreements": (
            _view("label", col("Agreement"), _text("label")),
            _view(("kind", "kind_other"), type_name, lambda c, r: c.agreement_kind(r)),
            _view("parties", col("Parties"), _text("parties")),
            _view("mandating", pt(lang, "minutes field", "Mandating party"), _text("mandating")),
            _view("mandated", pt(lang, "minutes field", "Mandated party"), _text("mandated")),
            _view("purpose", pt(lang, "minutes field", "Purpose"), _text("purpose")),
            _view(("start", "end"), col("Period"), period),
            _view("commitments", pt(lang, "minutes field", "Commitments"), _text("commitments")),
            _view("deliverables", pt(lang, "minutes field", "Deliverables"), _text("deliverables")),
            _view(
                ("reports_to", "report_frequency", "report_form"),
                col("Accountability"),
                accountability,
            ),
            _view("status", status_name, lambda c, r: c.words.agreement_statuses[r.status]),
        ),
        "objectives": (
            _view("label", pt(lang, "minutes field", "Objective"), _text("label")),
            actions,
            _view("deadline", deadline, _date("deadline")),
        ),
        "indicators": (
            _view("label", col("Indicator"), _text("label")),
            _view(
                "objective",
                pt(lang, "minutes field", "Objective"),
                lambda c, r: c.objective(r.objective),
            ),
            _view("kind", type_name, lambda c, r: c.words.indicator_kinds[r.kind]),
            _view("unit", col("Unit"), _text("unit")),
            _view("baseline", col("Baseline"), lambda c, r: c.number(r.baseline)),
            _view("target", col("Target"), lambda c, r: c.number(r.target)),
            _view("deadline", deadline, _date("deadline")),
            _view(("source", "frequency"), col("Source and frequency"), _source_frequency),
            _view("collector", col("Collected by"), _text("collector")),
        ),
        "bodies": (
            _view("label", col("Body"), _text("label")),
            _view("purpose", col("Purpose"), _text("purpose")),
            _view("members", members, _text("members")),
            _view("decision_rule", col("Decision rule"), _rule),
            _view("frequency", frequency, _text("frequency")),
            _view("channel", col("Channel"), _text("channel")),
            _view("convener", col("Convened by"), _text("convener")),
        ),
        "working_groups": (
            _view("label", col("Working group"), _text("label")),
            _view("mandate", col("Mandate"), _text("mandate")),
            _view("deliverable", col("Deliverable"), _text("deliverable")),
            _view(("lead", "lead_org"), lead, lambda c, r: c.lead(r)),
            _view("members", members, _text("members")),
            _view("frequency", frequency, _text("frequency")),
            _view("reports_to", col("Reports to"), lambda c, r: c.body(r.reports_to)),
            _view("deadline", deadline, _date("deadline")),
        ),
        "participation": (
            _view("label", col("Mechanism"), _text("label")),
            _view("kind", type_name, _participation_kind),
            _view("invited", col("Who is invited"), _text("invited")),
            _view(("date", "frequency"), col("When"), modes.when),
            _view("organiser", col("Organized by"), _text("organiser")),
            _view("actions", col("Actions"), modes.actions),
        ),
        "monitoring": (
            _view("label", col("What is reviewed"), _text("label")),
            _view("indicators", col("Indicators"), modes.indicators),
            _view("actions", col("Actions"), modes.actions),
            _view("body", col("Reviewed by"), modes.reviewer),
            _view("frequency", frequency, _text("frequency")),
            _view("tool", col("Tool or report"), _text("tool")),
        ),
        "communication": (
            _view("label", col("Message or purpose"), _text("label")),
            _view("audience", col("Audience"), _text("audience")),
            _view("channel", col("Channel"), _text("channel")),
            _view("languages", col("Languages"), _text("languages")),
            _view("frequency", frequency, _text("frequency")),
            _view("responsible", col("Responsible"), modes.responsible),
        ),
        "signals": (
            _view("label", col("Signal"), _text("label")),
            _view("source", source, _text("source")),
            _view("date", pt(lang, "minutes header", "Date"), _date("date")),
            _view("kind", type_name, lambda c, r: c.words.signal_kinds[r.kind]),
            _view("actions", col("Actions affected"), modes.actions),
            _view("effect", col("Anticipated effect"), _text("effect")),
            _view("adjustment", col("Adjustment"), _text("adjustment")),
            _view("owner", owner, _text("owner")),
            _view("state", col("State"), lambda c, r: c.words.signal_states[r.state]),
        ),
    }


def _source_frequency(c: Context, r: Any) -> str:
    return ", ".join(cell(v) for v in (r.source, r.frequency) if v.strip()) or EMPTY


def _rule(c: Context, r: Any) -> str:
    return EMPTY if r.decision_rule is None else c.words.decision_rules[r.decision_rule]


def _participation_kind(c: Context, r: Any) -> str:
    return EMPTY if r.kind is None else c.words.participation_kinds[r.kind]


def changed_lines(
    table: str,
    fields: tuple[str, ...],
    p: Context,
    c: Context,
    before: Any,
    after: Any,
    found: dict[str, tuple[View, ...]],
) -> list[str]:
    """What the minutes say changed in one record, one line per view whose text changed."""
    changed = set(fields)
    lines = []
    for view in found.get(table, ()):
        if changed.isdisjoint(view.fields):
            continue
        text = view.text(p, c, before, after)
        if text is not None:
            lines.append(text)
    return lines
