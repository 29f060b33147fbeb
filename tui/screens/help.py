"""Help: the screen's own text, then the whole keymap."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.i18n import N_, _
from tui.terminal.keymap import keymap_lines
from tui.widgets.dialogs import CANCEL, Dialog


class HelpScreen(Dialog[None]):
    """What this screen is for, and every key."""

    DEFAULT_CSS = """
    HelpScreen > VerticalScroll {
        width: 78; max-width: 100%; height: 1fr; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    BINDINGS = [CANCEL, Binding("f1,question_mark", "cancel", N_("Close"))]

    def __init__(self, help_msgid: str) -> None:
        """Help for a screen whose HELP is ``help_msgid``."""
        super().__init__()
        self.help_msgid = help_msgid

    def compose(self) -> ComposeResult:
        """The text and the keymap."""
        with VerticalScroll():
            yield Static(_("Help"), classes="dialog-title")
            if self.help_msgid:
                yield Static(_(self.help_msgid), markup=False)
            yield Static(keymap_text(), markup=False, id="keymap")
            yield Static(_("Esc, F1 or ctrl+q closes this help."), classes="dialog-hint")


def keymap_text() -> str:
    """The keymap as text, grouped by where keys apply."""
    lines: list[str] = []
    current = None
    for where, key, what in keymap_lines():
        if where != current:
            lines += ["", where]
            current = where
        lines.append(f"  {key:<8} {what}")
    return "\n".join(lines)
