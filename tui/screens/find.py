"""The find line (`/`): type the first letters of a row of the focused list, the cursor follows.

Record tables, the matrix, the review and the lists of decisions use single letters as keys
(`a` adds, `x` extracts…), so their type-to-select starts with `/`: a line opens at the
bottom, the cursor moves to the first row starting with what is typed (or with one of its
words), Enter keeps that row, Esc puts the cursor back where it was.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.i18n import N_, _
from tui.screens.capture import HELP_KEY
from tui.widgets.dialogs import CANCEL
from tui.widgets.line_input import LineInput
from tui.widgets.type_select import cursor, entries, jump, move_to


class FindLine(ModalScreen[None]):
    """One line at the bottom that moves the cursor of ``target`` as it is typed."""

    CSS_PATH = "find.tcss"
    BINDINGS = [CANCEL, HELP_KEY]
    HELP = N_(
        "Find a row: type its first letters, or those of one of its words (without minding "
        "accents or capitals); the cursor follows as you type. Enter keeps that row, Esc "
        "goes back to the row you were on."
    )

    def __init__(self, target: Widget) -> None:
        """Search the rows of ``target`` (a DataTable or an OptionList)."""
        super().__init__()
        self.target = target
        self.start = cursor(target)

    def compose(self) -> ComposeResult:
        """The line and what it found."""
        with Vertical(id="find-box"):
            yield LineInput(id="find-line", compact=True, placeholder=_("First letters"))
            yield Static(_("⏎ keep this row · esc: back"), id="find-hint", markup=False)

    def on_mount(self) -> None:
        """Focus the line."""
        self.query_one("#find-line").focus()

    @on(Input.Changed, "#find-line")
    def _typed(self, event: Input.Changed) -> None:
        hint = self.query_one("#find-hint", Static)
        text = event.value.strip()
        if not text or jump(self.target, text):
            hint.update(_("⏎ keep this row · esc: back"))
        else:
            hint.update(_("No row starts with « {text} ».", text=text[:30]))

    @on(Input.Submitted, "#find-line")
    def _keep(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Back to the row the cursor was on."""
        move_to(self.target, self.start)
        self.dismiss(None)


class FindCommands:
    """`/` on a screen whose focused widget is a list (mixed into the screens that have one)."""

    def action_find_row(self) -> None:
        """Find a row of the focused list by its first letters."""
        screen = self if isinstance(self, Screen) else None
        focused = screen.focused if screen is not None else None
        if screen is None or focused is None or entries(focused) is None:
            if screen is not None:
                screen.notify(_("Put the cursor in a list first, then /."))
            return
        screen.app.push_screen(FindLine(focused))
