"""The competency matrix: skills by people (or by organisation), levels, interest, status."""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.coordinate import Coordinate
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, ColumnKey, RowKey

from tui.i18n import N_, _, _p
from tui.keymap import bindings_for
from tui.model.competency import Status, status
from tui.model.plan import Skill
from tui.themes import status_colors
from tui.widgets.matrix_layout import NEED_WIDTH, Layout, cut, fit, legend
from tui.widgets.matrix_text import (
    NO_ORG,
    STATUSES,
    SYMBOLS,
    Column,
    describe_cell,
    describe_decision,
    describe_skill,
    level_word,
    organisation_columns,
    person_columns,
    status_legend,
    status_mark,
    status_word,
)

__all__ = [
    "Column",
    "CompetencyMatrix",
    "describe_cell",
    "describe_decision",
    "describe_skill",
    "level_word",
    "organisation_columns",
    "person_columns",
    "status_word",
]

SKILL, NEED, STATUS = "#skill", "#need", "#status"
"""Keys of the fixed columns ('#' cannot start a record id, so they never clash)."""
FIXED = (SKILL, NEED, STATUS)

WIDGET_ACTIONS = ("level_0", "level_1", "level_2", "level_3", "toggle_interest", "interest_last")
"""Keymap actions handled by the matrix itself (only while it has focus)."""
LEVEL_KEYS = Binding.Group(N_("level"), compact=True)
LEGEND_LINES = 2
TIMES = frozenset("xX*×")
"""Typed on the required-level column between the level and the number of people (« 2x2 »)."""


def _widget_bindings() -> list[Binding]:
    found = []
    for binding in bindings_for("matrix"):
        if binding.action not in WIDGET_ACTIONS:
            continue
        if binding.action.startswith("level_"):
            binding = dataclasses.replace(binding, group=LEVEL_KEYS)
        found.append(binding)
    return found


def need_text(skill: Skill) -> Text:
    """The required level and number of people, « 2×2 »."""
    return Text(f"{skill.required_level}×{skill.needed}", justify="center", end="")


class CompetencyMatrix(DataTable[Text]):
    """Skills as rows, people (or organisations) as columns; digits set levels."""

    DEFAULT_CSS = """
    CompetencyMatrix { height: 1fr; }
    """
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

    class NeedSet(Message):
        """The facilitator typed a skill's required level or number of people in the grid."""

        def __init__(self, skill_id: str, level: int | None, needed: int | None) -> None:
            super().__init__()
            self.skill_id = skill_id
            self.level = level
            self.needed = needed

    class AddTyped(Message):
        """A capital letter typed on the skill column: a new skill whose label starts with it."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Refitted(Message):
        """The columns were fitted again (the legend may have changed)."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty matrix; ``show`` fills it."""
        super().__init__(id=id, cursor_type="cell", fixed_columns=len(FIXED), zebra_stripes=False)
        self.skills: dict[str, Skill] = {}
        self.columns_shown: list[Column] = []
        self.fitted = Layout(18, 1, 3, (), False)
        self._people: list[tuple[str, str, str]] = []
        self._times = False
        """« x » was typed on the required-level column: the next digit is a number of people."""
        self._typed: tuple[tuple[str, str], Coordinate] | None = None
        """The (skill, person) whose level was typed last, and where the cursor went then:
        « + » typed right after flags that person's interest."""

    # -- filling ---------------------------------------------------------------------------

    def _width(self) -> int:
        width = self.size.width or (self.app.size.width if self.is_attached else 80)
        return width - self.styles.scrollbar_size_vertical

    def _fit(self, cols: Sequence[Column]) -> Layout:
        words = max(len(status_mark(s)) for s in STATUSES)
        names = [_("(none)") if c.key == NO_ORG else c.name for c in cols]
        longest = max((len(s.label) for s in self.skills.values()), default=0)
        return fit(names, self._width(), words, longest, first_names=not self.by_organisation)

    def show(self, skills: Sequence[Skill], people: Sequence[tuple[str, str, str]]) -> None:
        """Show ``skills`` against ``people`` (id, name, organisation), keeping the cursor."""
        keep = self._cursor_keys()
        self.skills = {s.id: s for s in skills}
        self._people = list(people)
        cols = organisation_columns(people) if self.by_organisation else person_columns(people)
        self.columns_shown = cols
        self.fitted = layout = self._fit(cols)
        self.clear(columns=True)
        self.add_column(_p("matrix column", "Skill"), width=layout.skill, key=SKILL)
        self.add_column(_p("matrix column", "Req."), width=NEED_WIDTH, key=NEED)
        status_head = _p("matrix column", "Status") if layout.status_words else ""
        self.add_column(cut(status_head, layout.status), width=layout.status, key=STATUS)
        for column, head in zip(cols, layout.heads, strict=True):
            self.add_column(Text(head, justify="center"), width=layout.cell, key=column.key)
        for skill in skills:
            self.add_row(*self._row(skill), key=skill.id)
        self._restore_cursor(keep)

    def legend_lines(self, width: int) -> list[str]:
        """What the symbols and initials of the grid stand for (nothing when words show).

        The initials' legend takes two lines of ``width`` at most, then ends with an ellipsis.
        """
        lines = [] if self.fitted.status_words else [status_legend()]
        if self.fitted.initials:
            names = [c.name for c in self.columns_shown]
            wrapped = textwrap.wrap(legend(self.fitted.heads, names), width)
            if len(wrapped) > LEGEND_LINES:
                wrapped[LEGEND_LINES - 1] = cut(wrapped[LEGEND_LINES - 1] + " …", width)
            lines += wrapped[:LEGEND_LINES]
        return lines

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns to the new width."""
        if self.columns_shown and self._fit(self.columns_shown) != self.fitted:
            self.show(list(self.skills.values()), self._people)
            self.post_message(self.Refitted())

    def _row(self, skill: Skill) -> list[Text]:
        label = Text(cut(skill.label, self.fitted.skill), end="")
        cells = [label, need_text(skill), self._status_cell(skill)]
        return cells + [self._level_cell(skill, c) for c in self.columns_shown]

    def _color(self, value: Status) -> Style:
        """The status's own colour in this theme (a foreground: a background hides the cursor)."""
        color = status_colors(self.app.current_theme)[value]
        return Style(color=Color.parse(color).rich_color)

    def _status_cell(self, skill: Skill) -> Text:
        value = status(skill)
        mark = status_mark(value) if self.fitted.status_words else SYMBOLS[value]
        return Text(mark, style=self._color(value), end="")

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
        self._set_cell(skill.id, SKILL, Text(cut(skill.label, self.fitted.skill), end=""))
        self._set_cell(skill.id, NEED, need_text(skill))
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
        """Put the cursor on the row of ``skill_id``, at its first person."""
        row = next((n for n, sid in enumerate(self.skills) if sid == skill_id), None)
        if row is not None:
            self.move_cursor(row=row, column=len(FIXED) if self.columns_shown else 0)

    def validate_scroll_x(self, value: float) -> float:
        """Scroll by whole columns: a column is shown whole or not at all, never its edge."""
        value = super().validate_scroll_x(value)
        start = 0
        for column in self.ordered_columns[len(FIXED) :]:
            if start >= value:
                return start
            start += column.get_render_width(self)
        return value

    def _advance(self) -> None:
        """After a level: the next person; after the last, the next skill's first person.

        After the last skill's last person, the skill column: a capital letter typed there
        starts the next skill.
        """
        last = len(FIXED) + len(self.columns_shown) - 1
        if self.cursor_column < last:
            self.move_cursor(column=self.cursor_column + 1)
        elif self.cursor_row < self.row_count - 1:
            self.move_cursor(row=self.cursor_row + 1, column=len(FIXED))
        else:
            self.move_cursor(column=0)

    # -- keys ------------------------------------------------------------------------------

    def _writable(self) -> bool:
        if self.by_organisation:
            self.notify(_("The view by organisation is read-only: o shows people again."))
            return False
        if not self.editable:
            self.notify(_("This session is open read-only: nothing can be changed."))
            return False
        return True

    def _target(self) -> tuple[str, str] | None:
        """The (skill, person) under the cursor, if levels can be set there."""
        if not self._writable():
            return None
        skill_id, column = self.skill_id, self.column
        if skill_id is None or column is None:
            self.notify(_("Move to a person's column to set a level."))
            return None
        return skill_id, column.key

    def set_level(self, level: int) -> None:
        """Set the level under the cursor to ``level``, then move on to the next person."""
        target = self._target()
        if target is not None:
            self.post_message(self.LevelSet(target[0], target[1], level))
            self._advance()
            self._typed = (target, self.cursor_coordinate)

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

    def action_interest_last(self) -> None:
        """Flag the person whose level was just typed (the cursor stays put)."""
        typed = self._typed
        if typed is None or typed[1] != self.cursor_coordinate:
            self.action_toggle_interest()
        elif self._writable():
            self.post_message(self.InterestToggled(*typed[0]))

    def on_key(self, event: events.Key) -> None:
        """Typing on the fixed columns: « 2x2 » on the required level, a capital on the skill."""
        char = event.character or ""
        if self.skill_id is None or not char or len(char) != 1:
            return
        if self.cursor_column == FIXED.index(NEED) and (char.isdigit() or char in TIMES):
            event.stop()
            event.prevent_default()
            self._type_need(char)
        elif self.cursor_column == 0 and char.isupper() and self.editable:
            event.stop()
            event.prevent_default()
            if self._writable():
                self.post_message(self.AddTyped(char))

    def _type_need(self, char: str) -> None:
        skill_id = self.skill_id
        if skill_id is None or not self._writable():
            return
        if char in TIMES:
            self._times = True
            return
        digit, times, self._times = int(char), self._times, False
        if times and digit >= 1:
            self.post_message(self.NeedSet(skill_id, None, digit))
        elif not times and 1 <= digit <= 3:
            self.post_message(self.NeedSet(skill_id, digit, None))
        else:
            self.notify(_("Required level: 1 to 3, then x and the number of people (2x2)."))

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        """Leaving the required-level column forgets a half-typed « 2x »."""
        super().watch_cursor_coordinate(old, new)
        if old.column != new.column:
            self._times = False

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
