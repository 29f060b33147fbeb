"""Words of the competency matrix: statuses (symbol and word), levels, the lines under the grid."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.i18n import _, _n, _p, get_language
from tui.i18n.fmt import format_date, format_money
from tui.model.clean import clean_text
from tui.model.competency import Status, coverage, status
from tui.model.plan import Skill
from tui.widgets.choices import choice_word

STATUSES: tuple[Status, ...] = ("available", "fragile", "to_develop", "to_source")
SYMBOLS: dict[Status, str] = {"available": "✓", "fragile": "!", "to_develop": "↗", "to_source": "✗"}
"""Each status has a symbol as well as a word and a colour (never a colour alone)."""
NO_ORG = "#none"
"""Key of the column of people without an organisation (the others are keyed "org:NAME")."""


@dataclass(frozen=True)
class Column:
    """A column of people: one person, or one organisation and its people."""

    key: str
    name: str
    organisation: str = ""
    members: tuple[str, ...] = ()
    """Person ids behind an organisation column (empty for a person column)."""


def person_columns(people: Iterable[tuple[str, str, str]]) -> list[Column]:
    """Columns for (id, name, organisation) triples, in the order given."""
    return [
        Column(pid, clean_text(name, multiline=False), clean_text(org, multiline=False))
        for pid, name, org in people
    ]


def organisation_columns(people: Iterable[tuple[str, str, str]]) -> list[Column]:
    """One column per organisation (first appearance order); people without one last."""
    members: dict[str, list[str]] = {}
    for pid, _name, org in people:
        members.setdefault(clean_text(org, multiline=False).strip() or NO_ORG, []).append(pid)
    order = sorted(members, key=lambda org: org == NO_ORG)
    return [
        Column(NO_ORG, _("(no organisation)"), "", tuple(members[org]))
        if org == NO_ORG
        else Column(f"org:{org}", org, org, tuple(members[org]))
        for org in order
    ]


def status_word(value: Status) -> str:
    """The competency status as a word in the interface language."""
    words = {
        "available": _p("matrix", "available"),
        "fragile": _p("matrix", "fragile"),
        "to_develop": _p("matrix", "to develop"),
        "to_source": _p("matrix", "to source"),
    }
    return words[value]


def level_word(level: int) -> str:
    """What a level means, in the interface language."""
    words = {
        0: _p("matrix level", "absent"),
        1: _p("matrix level", "notions"),
        2: _p("matrix level", "autonomous"),
        3: _p("matrix level", "can train"),
    }
    return words.get(level, str(level))


def describe_skill(skill: Skill) -> str:
    """One line on a skill: its whole label, what it requires and how far it is covered."""
    return _n(
        "{label}: level {level} required, {n} person; {covered} at that level",
        "{label}: level {level} required, {n} people; {covered} at that level",
        skill.needed,
        label=skill.label,
        level=skill.required_level,
        covered=coverage(skill),
    )


def describe_decision(skill: Skill) -> str:
    """One line on the follow-up a skill calls for, or on its absence."""
    lang = get_language()
    d = skill.decision
    if d.kind is None:
        if status(skill) == "available":
            return ""
        return _("No follow-up yet: d records one.")
    parts = [choice_word(d.kind), d.who, format_date(d.due, lang) if d.due else ""]
    parts.append(format_money(d.cost, lang) if d.cost is not None else "")
    return _("Follow-up: {decision}", decision=", ".join(p for p in parts if p))


def describe_cell(skill: Skill, column: Column) -> str:
    """One line on the cell under the cursor: whose level it is, and what it means."""
    ids = column.members or (column.key,)
    level = max((skill.levels.get(p, 0) for p in ids), default=0)
    word = level_word(level)
    if column.members:
        line = _n(
            "{name} ({n} person): highest level {level}, {word}",
            "{name} ({n} people): highest level {level}, {word}",
            len(column.members),
            name=column.name,
            level=level,
            word=word,
        )
    elif column.organisation:
        line = _(
            "{name} ({organisation}): level {level}, {word}",
            name=column.name,
            organisation=column.organisation,
            level=level,
            word=word,
        )
    else:
        line = _("{name}: level {level}, {word}", name=column.name, level=level, word=word)
    if any(p in skill.interested for p in ids):
        line += " · " + _("interested in learning")
    return line


def status_mark(value: Status) -> str:
    """The status as its symbol and its word (« ✓ available »)."""
    return f"{SYMBOLS[value]} {status_word(value)}"


def status_legend() -> str:
    """What the status symbols mean, for the legend line."""
    return " · ".join(status_mark(value) for value in STATUSES)
