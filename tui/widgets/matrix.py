"""The competency matrix: skills by people (or by organisation), levels, interest, status."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, ColumnKey, RowKey

from tui.i18n import N_, _, _n, _p, get_language
from tui.i18n.fmt import format_date, format_money
from tui.keymap import bindings_for
from tui.model.clean import clean_text
from tui.model.competency import Status, coverage, status
from tui.model.plan import Skill
from tui.widgets.choices import choice_word

SKILL, NEED, STATUS = "#skill", "#need", "#status"
"""Keys of the fixed columns ('#' cannot start a record id, so they never clash)."""
FIXED = (SKILL, NEED, STATUS)
SKILL_WIDTH = 18
PERSON_WIDTH = 6
ORG_WIDTH = 8
NO_ORG = "#none"
"""Key of the column of people without an organisation (the others are keyed "org:NAME")."""

WIDGET_ACTIONS = ("level_0", "level_1", "level_2", "level_3", "toggle_interest")
"""Keymap actions handled by the matrix itself (only while it has focus)."""
LEVEL_KEYS = Binding.Group(N_("level"), compact=True)


def _widget_bindings() -> list[Binding]:
    found = []
    for binding in bindings_for("matrix"):
        if binding.action not in WIDGET_ACTIONS:
            continue
        if binding.action.startswith("level_"):
            binding = dataclasses.replace(binding, group=LEVEL_KEYS)
        found.append(binding)
    return found


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


def short(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


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


def _headers(columns: Sequence[Column], width: int) -> list[str]:
    """Short, distinct column headers."""
    firsts = [(c.name.split() or ["?"])[0] for c in columns]
    heads = []
    for column, first in zip(columns, firsts, strict=True):
        if column.key == NO_ORG:
            heads.append(_("(none)"))
        elif column.members:
            heads.append(short(column.name, width))
        elif firsts.count(first) > 1 and len(column.name.split()) > 1:
            heads.append(first[: width - 2] + " " + column.name.split()[-1][0])
        else:
            heads.append(short(first, width))
    return heads


class CompetencyMatrix(DataTable[Text]):
    """Skills as rows, people (or organisations) as columns; digits set levels."""

    DEFAULT_CSS = """
    CompetencyMatrix { height: 1fr; }
    CompetencyMatrix > .matrix--available { color: $text-success; }
    CompetencyMatrix > .matrix--fragile { color: $text-warning; }
    CompetencyMatrix > .matrix--to_develop { color: $text-accent; }
    CompetencyMatrix > .matrix--to_source { color: $text-error; }
    """
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "matrix--available",
        "matrix--fragile",
        "matrix--to_develop",
        "matrix--to_source",
    }
    BINDINGS: ClassVar[list[BindingType]] = [*_widget_bindings()]

    by_organisation: reactive[bool] = reactive(False, init=False)
    """Show organisations (read-only) instead of people."""
    editable: reactive[bool] = reactive(True, init=False)

    class LevelSet(Message):
        """The facilitator set a person's level for a skill."""

        def __init__(self, skill_id: str, person_id: str, level: int) -> None:
            super().__init__()
            self.skill_id = skill_id
            self.person_id = person_id
            self.level = level

    class InterestToggled(Message):
        """The facilitator toggled a person's interest in learning a skill."""

        def __init__(self, skill_id: str, person_id: str) -> None:
            super().__init__()
            self.skill_id = skill_id
            self.person_id = person_id

    def __init__(self, *, id: str | None = None) -> None:
        """An empty matrix; ``show`` fills it."""
        super().__init__(id=id, cursor_type="cell", fixed_columns=len(FIXED), zebra_stripes=False)
        self.skills: dict[str, Skill] = {}
        self.columns_shown: list[Column] = []
        self._people: list[tuple[str, str, str]] = []

    # -- filling ---------------------------------------------------------------------------

    def show(self, skills: Sequence[Skill], people: Sequence[tuple[str, str, str]]) -> None:
        """Show ``skills`` against ``people`` (id, name, organisation), keeping the cursor."""
        keep = self._cursor_keys()
        self.skills = {s.id: s for s in skills}
        self._people = list(people)
        cols = organisation_columns(people) if self.by_organisation else person_columns(people)
        self.columns_shown = cols
        self.clear(columns=True)
        words: tuple[Status, ...] = ("available", "fragile", "to_develop", "to_source")
        width = max(len(status_word(s)) for s in words)
        self.add_column(_p("matrix column", "Skill"), width=SKILL_WIDTH, key=SKILL)
        self.add_column(_p("matrix column", "Req."), width=4, key=NEED)
        self.add_column(_p("matrix column", "Status"), width=width, key=STATUS)
        cell_width = ORG_WIDTH if self.by_organisation else PERSON_WIDTH
        for column, head in zip(cols, _headers(cols, cell_width), strict=True):
            self.add_column(Text(head, justify="center"), width=cell_width, key=column.key)
        for skill in skills:
            self.add_row(*self._row(skill), key=skill.id)
        self._restore_cursor(keep)

    def _row(self, skill: Skill) -> list[Text]:
        need = Text(f"{skill.required_level}×{skill.needed}", justify="center", end="")
        cells = [Text(short(skill.label, SKILL_WIDTH), end=""), need, self._status_cell(skill)]
        return cells + [self._level_cell(skill, c) for c in self.columns_shown]

    def _color(self, component: str) -> Style:
        """The foreground of a component class (its background would hide the cursor)."""
        return Style(color=self.get_component_rich_style(component).color)

    def _status_cell(self, skill: Skill) -> Text:
        value = status(skill)
        return Text(status_word(value), style=self._color(f"matrix--{value}"), end="")

    def _level_cell(self, skill: Skill, column: Column) -> Text:
        ids = column.members or (column.key,)
        known = [skill.levels[p] for p in ids if p in skill.levels]
        mark = "+" if any(p in skill.interested for p in ids) else " "
        if not known:  # a dot, not a colour: one style per line keeps repaints small
            return Text(f"·{mark}", justify="center", end="")
        return Text(f"{max(known)}{mark}", justify="center", end="")

    def update_skill(self, skill: Skill, person_ids: Iterable[str] | None = None) -> None:
        """Repaint the cells of ``skill`` that may have changed: its status, and its people."""
        self.skills[skill.id] = skill
        need = Text(f"{skill.required_level}×{skill.needed}", justify="center", end="")
        self._set_cell(skill.id, SKILL, Text(short(skill.label, SKILL_WIDTH), end=""))
        self._set_cell(skill.id, NEED, need)
        self._set_cell(skill.id, STATUS, self._status_cell(skill))
        wanted = None if person_ids is None else set(person_ids)
        for column in self.columns_shown:
            ids = set(column.members or (column.key,))
            if wanted is None or ids & wanted:
                self._set_cell(skill.id, column.key, self._level_cell(skill, column))

    def _set_cell(self, row: str, column: str, value: Text) -> None:
        """Change one cell and repaint that cell only.

        ``DataTable.update_cell`` refreshes the whole widget; a level typed in a live
        meeting should cost a few bytes, not a screenful.
        """
        row_key, column_key = RowKey(row), ColumnKey(column)
        try:
            if self.get_cell(row_key, column_key) == value:
                return
            coordinate = self.get_cell_coordinate(row_key, column_key)
        except CellDoesNotExist:
            return
        self._data[row_key][column_key] = value
        self._update_count += 1
        self.refresh_coordinate(coordinate)

    # -- cursor ----------------------------------------------------------------------------

    @property
    def skill_id(self) -> str | None:
        """The skill under the cursor."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return key

    @property
    def column(self) -> Column | None:
        """The person (or organisation) column under the cursor, if any."""
        n = self.cursor_column - len(FIXED)
        return self.columns_shown[n] if 0 <= n < len(self.columns_shown) else None

    def _cursor_keys(self) -> tuple[str | None, str | None]:
        column = self.column
        return self.skill_id, (column.key if column else None)

    def _restore_cursor(self, keys: tuple[str | None, str | None]) -> None:
        row_id, column_key = keys
        row = next((n for n, sid in enumerate(self.skills) if sid == row_id), self.cursor_row)
        first = len(FIXED) if self.columns_shown else 0
        col = next(
            (n + len(FIXED) for n, c in enumerate(self.columns_shown) if c.key == column_key),
            max(self.cursor_column, first),
        )
        self.cursor_coordinate = Coordinate(max(0, row), max(0, col))

    def focus_skill(self, skill_id: str) -> None:
        """Put the cursor on the row of ``skill_id``."""
        row = next((n for n, sid in enumerate(self.skills) if sid == skill_id), None)
        if row is not None:
            self.move_cursor(row=row, column=max(self.cursor_column, len(FIXED)))

    # -- keys ------------------------------------------------------------------------------

    def _target(self) -> tuple[str, str] | None:
        """The (skill, person) under the cursor, if levels can be set there."""
        if self.by_organisation:
            self.notify(_("The view by organisation is read-only: o shows people again."))
            return None
        if not self.editable:
            self.notify(_("This session is open read-only: nothing can be changed."))
            return None
        skill_id, column = self.skill_id, self.column
        if skill_id is None or column is None:
            self.notify(_("Move to a person's column to set a level."))
            return None
        return skill_id, column.key

    def set_level(self, level: int) -> None:
        """Ask for the level under the cursor to become ``level``."""
        target = self._target()
        if target is not None:
            self.post_message(self.LevelSet(target[0], target[1], level))

    def action_level_0(self) -> None:
        """Level 0: absent."""
        self.set_level(0)

    def action_level_1(self) -> None:
        """Level 1: notions."""
        self.set_level(1)

    def action_level_2(self) -> None:
        """Level 2: autonomous."""
        self.set_level(2)

    def action_level_3(self) -> None:
        """Level 3: can train others."""
        self.set_level(3)

    def action_toggle_interest(self) -> None:
        """Flag (or unflag) the person under the cursor as interested in learning the skill."""
        target = self._target()
        if target is not None:
            self.post_message(self.InterestToggled(*target))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Levels and interest are not offered where they cannot be set."""
        return action not in WIDGET_ACTIONS or (self.editable and not self.by_organisation)

    def watch_by_organisation(self) -> None:
        """Switch between people and organisations."""
        self.show(list(self.skills.values()), self._people)
        self.refresh_bindings()

    def watch_editable(self) -> None:
        """Offer the level keys only in a writable session."""
        self.refresh_bindings()
