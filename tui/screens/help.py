"""Help: the screen's own text, then the whole keymap."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.i18n import N_, _
from tui.keymap import KEYMAP
from tui.screens.dialogs import CANCEL, Dialog

SCOPES = {
    "app": N_("Everywhere"),
    "home": N_("Sessions"),
    "session": N_("In a session"),
}


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
    for scope, title in SCOPES.items():
        lines.append("")
        lines.append(_(title))
        for c in KEYMAP:
            if c.scope == scope:
                key = c.key_display or c.key
                lines.append(f"  {key:<8} {c.palette_text()}")
    return "\n".join(lines)
