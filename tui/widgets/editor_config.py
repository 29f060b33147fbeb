"""How a step configures the record editor: its tables, columns, form fields and summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rich.text import Text

from tui.i18n import N_
from tui.i18n.fmt import format_money, format_number
from tui.model import Record, Session
from tui.widgets.choices import choice_word
from tui.widgets.chooser import missing_name
from tui.widgets.fields import FieldSpec
from tui.widgets.links import names


class View:
    """What cells need to name things: the session, linked names, the minutes' money format."""

    def __init__(self, session: Session) -> None:
        """A view of ``session``."""
        self.session = session
        self._names: dict[str, dict[str, str]] = {}

    def name(self, target: str, record_id: str) -> str:
        """The name of a linked record, or a word saying it is missing."""
        if target not in self._names:
            self._names[target] = names(self.session, target)
        return self._names[target].get(record_id) or missing_name(record_id)

    def money(self, value: Decimal) -> str:
        """An amount in the minutes language's money format."""
        return format_money(value, self.session.meeting.minutes_lang)

    def number(self, value: Decimal | int) -> str:
        """A number in the minutes language's format."""
        return format_number(value, self.session.meeting.minutes_lang)


Cell = Callable[[Any, View], "str | Text"]
"""The text of one cell for a record."""


@dataclass(frozen=True)
class Column:
    """A column of the table: header msgid, width (0: takes what is left), when it shows."""

    header: str
    cell: Cell
    width: int = 0
    wide: int = 0
    """Shown only when the editor is at least this many cells wide."""
    child: Cell | None = None
    """The cell of a grouped child record (None: the same as ``cell``)."""
    right: bool = False


@dataclass(frozen=True)
class TableConfig:
    """One list of records of the session and its form."""

    table: str
    model: type[Record]
    fields: tuple[FieldSpec, ...]
    title: str
    """msgid naming one record, e.g. "Resource"."""
    new_title: str
    """msgid of the form's title for a new record, e.g. "New resource"."""


@dataclass(frozen=True)
class QuickLine:
    """Records typed one line each: ``a`` opens the line, Enter adds and stays for the next."""

    question: str
    """msgid of the line's title, saying what may follow the label (« Ressources 20 »)."""
    add: Callable[[Session, str], Record]
    """Adds the record a line says to the session (ValueError if it cannot); returns it."""


@dataclass(frozen=True)
class EditorConfig:
    """A record editor: its main table, optionally a child table grouped under it."""

    main: TableConfig
    columns: tuple[Column, ...]
    empty: str
    """msgid shown while there is no record."""
    summary: Callable[[Session], str] | None = None
    child: TableConfig | None = None
    parent_field: str = ""
    """The child's field holding its parent's id."""
    child_action: str = ""
    """The keymap action adding a child (add_indicator, add_group)."""
    orphans: str = ""
    """msgid heading the children whose parent is missing."""
    line: QuickLine | None = None
    """When set, ``a`` adds records one typed line each (the form stays for editing)."""

    def table_config(self, table: str) -> TableConfig:
        """The config of ``table`` (main or child)."""
        if self.child is not None and table == self.child.table:
            return self.child
        return self.main


@dataclass(frozen=True)
class EditorTab:
    """One tab of a step that holds several editors: its pane id, its label msgid, its editor."""

    id: str
    label: str
    editor: EditorConfig


# -- cells -------------------------------------------------------------------------------


def _first_line(value: object) -> str:
    text = "" if value is None else str(value)
    return text.split("\n", 1)[0]


def text(name: str) -> Cell:
    """A text field, its first line."""
    return lambda r, v: _first_line(getattr(r, name))


def word(name: str, words: Callable[[Any], str] = choice_word) -> Cell:
    """A choice field, as its translated word."""
    return lambda r, v: "" if getattr(r, name) is None else words(getattr(r, name))


def date(name: str) -> Cell:
    """A date field, as YYYY-MM-DD."""
    return lambda r, v: "" if getattr(r, name) is None else getattr(r, name).isoformat()


def number(name: str) -> Cell:
    """A number field in the minutes language's format."""
    return lambda r, v: "" if getattr(r, name) is None else v.number(getattr(r, name))


def amount(name: str) -> Cell:
    """An amount: money when the record's kind is financial, else a quantity with its unit."""

    def cell(record: Any, v: View) -> str:
        value = getattr(record, name)
        if value is None:
            return ""
        if record.kind == "financial":
            return v.money(value)
        return f"{v.number(value)} {record.unit}".strip()

    return cell


def need(name: str, words: str) -> Cell:
    """An amount (see ``amount``), or the need said in words when there is no number."""
    shown = amount(name)
    return lambda r, v: shown(r, v) or _first_line(getattr(r, words))


def link(name: str, target: str, none: str = "") -> Cell:
    """A link field, as the linked record's name; ``none`` when empty."""
    return lambda r, v: none if getattr(r, name) is None else v.name(target, getattr(r, name))


def links(name: str, target: str) -> Cell:
    """A field of several links, as names separated by commas."""
    return lambda r, v: ", ".join(v.name(target, rid) for rid in getattr(r, name))


def first(*cells: Cell) -> Cell:
    """The first of ``cells`` that is not empty for the record (a lead: person or organisation)."""

    def shown(r: object, v: View) -> str | Text:
        for cell in cells:
            text = cell(r, v)
            if text:
                return text
        return ""

    return shown


LEAD = first(link("lead", "people"), text("lead_org"))
"""Who carries a role or a working group: the person, else the organisation named in words."""
LEAD_ORG_HELP = N_("An organisation or a committee that carries it, when no one at the table does.")


def const(value: str) -> Cell:
    """The same text for every record (a msgid translated when drawn)."""
    from tui.i18n import _

    return lambda r, v: _(value)


def blank(record: object, view: View) -> str:
    """An empty cell."""
    return ""


def flag(cell: Cell, word_msgid: str) -> Cell:
    """``cell``, or ``word_msgid`` as a warning in words when it would be empty."""
    from tui.i18n import _

    def flagged(r: object, v: View) -> str | Text:
        shown = cell(r, v)
        return shown if shown else Text(f"⚠ {_(word_msgid)}", style="bold")

    return flagged
