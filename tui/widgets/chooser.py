"""Choosing several linked records from a list: the form field and its dialog."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.i18n import _
from tui.terminal.keymap import bindings_for


def missing_name(record_id: str) -> str:
    """How a link to a record that no longer exists is shown."""
    return _("⚠ missing record ({id})", id=record_id)


class LinksChooser(ModalScreen[list[str] | None]):
    """Check the records to link; Enter keeps the choice, Esc or ctrl+q cancels."""

    DEFAULT_CSS = """
    LinksChooser { align: center middle; }
    LinksChooser > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    LinksChooser .dialog-title { text-style: bold; }
    LinksChooser SelectionList { height: auto; max-height: 16; }
    LinksChooser .dialog-hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        dataclasses.replace(b, priority=True) for b in bindings_for("chooser")
    ]

    def __init__(self, title: str, options: list[tuple[str, str]], chosen: list[str]) -> None:
        """Offer ``options`` (name, id), with ``chosen`` checked."""
        super().__init__()
        self.title_text = title
        known = {value for _name, value in options}
        extra = [(missing_name(v), v) for v in chosen if v not in known]
        self.options = options + extra
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        """Title, the list, the keys."""
        with Vertical():
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield SelectionList[str](
                *[Selection(Text(name), v, v in self.chosen) for name, v in self.options]
            )
            if not self.options:
                yield Static(_("Nothing to choose from yet."), markup=False)
            yield Static(
                _("Space: check or uncheck · Enter: done · Esc: cancel"), classes="dialog-hint"
            )

    def action_done(self) -> None:
        """Keep the checked records, in the order of the list."""
        checked = set(self.query_one(SelectionList).selected)
        self.dismiss([value for _name, value in self.options if value in checked])

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)


class LinksField(Static, can_focus=True):
    """A form field showing the linked records; Enter or space opens the chooser."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings_for("links")]

    class Changed(Message):
        """The linked records were chosen again."""

        def __init__(self, field: LinksField, value: list[str]) -> None:
            super().__init__()
            self.field = field
            self.value = value

    def __init__(self, title: str, *, id: str, classes: str = "") -> None:
        """A field whose chooser is titled ``title``."""
        super().__init__("", id=id, classes=classes, markup=False)
        self.title_text = title
        self.options: list[tuple[str, str]] = []
        self.value: list[str] = []

    def set(self, options: list[tuple[str, str]], value: list[str]) -> None:
        """Show ``value`` among ``options``."""
        self.options = options
        self.value = list(value)
        names = dict((v, n) for n, v in options)
        shown = ", ".join(names.get(v) or missing_name(v) for v in self.value)
        self.update(Text(shown or "—"))

    def action_choose(self) -> None:
        """Open the chooser."""
        if not self.disabled:
            self.app.push_screen(
                LinksChooser(self.title_text, self.options, self.value), self._chosen
            )

    def _chosen(self, chosen: list[str] | None) -> None:
        if chosen is None or chosen == self.value:
            return
        self.set(self.options, chosen)
        self.post_message(self.Changed(self, chosen))
