"""Help: the screen's own text, then the whole keymap."""

from __future__ import annotations

from collections.abc import Collection

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.i18n import N_, _
from tui.terminal.keymap import commands_for, keymap_line, ordered_commands
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

    def __init__(self, help_msgid: str, here: Collection[tuple[str, str]] = ()) -> None:
        """Help for a screen whose HELP is ``help_msgid`` and whose keys are ``here``
        (action, key): they are listed first."""
        super().__init__()
        self.help_msgid = help_msgid
        self.here = frozenset(here)

    def compose(self) -> ComposeResult:
        """The text and the keymap."""
        with VerticalScroll():
            yield Static(_("Help"), classes="dialog-title")
            if self.help_msgid:
                yield Static(_(self.help_msgid), markup=False)
            yield Static(keymap_text(self.here), markup=False, id="keymap")
            yield Static(_("Esc, F1 or ctrl+q closes this help."), classes="dialog-hint")


def keymap_text(here: Collection[tuple[str, str]] = ()) -> str:
    """The keymap as text: the keys of this screen (``here``: action, key) first, then every
    other key grouped by where it applies."""
    lines: list[str] = []
    first = [c for c in ordered_commands() if (c.action, c.key) in here]
    first.sort(key=lambda c: c.scope == "session")  # the screen's own, then the session's
    if first:
        lines += ["", _("Keys of this screen")]
        rows = [_row(*keymap_line(c)[1:]) for c in first]
        lines += list(dict.fromkeys(rows))  # a key shared by two scopes is listed once
    current = None
    for c in ordered_commands():
        if (c.action, c.key) in here:
            continue
        where, key, what = keymap_line(c)
        if where != current:
            lines += ["", where]
            current = where
        lines.append(_row(key, what))
    return "\n".join(lines)


def _row(key: str, what: str) -> str:
    return f"  {key:<8} {what}"


def screen_keys(screen: Screen[object]) -> set[tuple[str, str]]:
    """(action, key) of the keymap's commands that act on ``screen`` now, but the app's own
    (F1, quit, language, theme: listed under « everywhere »)."""
    app_keys = {(c.action, c.key) for c in commands_for("app")}
    found = set()
    for active in screen.active_bindings.values():
        if active.enabled:
            for key in active.binding.key.split(","):
                found.add((active.binding.action, key.strip()))
    return found - app_keys
