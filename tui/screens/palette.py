"""The command palette in the interface language, and the palette entries of the session-wide
commands for screens with a scope of their own."""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from tui.i18n import _
from tui.terminal.keymap import KEYMAP


class TranslatedPalette(CommandPalette):
    """Textual's command palette whose own texts (placeholder, no match) are translated."""

    def __init__(self) -> None:
        """The palette of the app (ctrl+p)."""
        super().__init__(placeholder=_("Search for commands…"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, with « No matches found » in the interface language (textual 8.2.8)."""
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)


def scope_commands(screen: Any, scope: str = "session") -> list[SystemCommand]:
    """The palette entries of ``scope``'s commands that ``screen`` can run.

    The app lists the commands of a screen's own SCOPE; the matrix and the review have one
    ("matrix", "review"), so the session-wide ones (captures, navigation) are added here.
    """
    found: list[SystemCommand] = []
    seen: set[str] = set()
    for command in KEYMAP:
        if command.scope != scope or command.action in seen:
            continue
        action = getattr(screen, f"action_{command.action}", None)
        if action is None:
            continue
        seen.add(command.action)
        key = command.key_display or command.key
        found.append(SystemCommand(command.palette_text(), _("Key: {key}", key=key), action))
    return found
