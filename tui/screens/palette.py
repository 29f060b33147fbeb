"""Palette entries of the session-wide commands for screens with a scope of their own."""

from __future__ import annotations

from typing import Any

from textual.app import SystemCommand

from tui.i18n import _
from tui.keymap import KEYMAP


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
