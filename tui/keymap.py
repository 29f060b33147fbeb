"""The one keymap: every command, its key, its words; it feeds bindings, footer, palette, help."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from tui.i18n import N_, _


@dataclass(frozen=True)
class Command:
    """A command reachable by a key, the footer, the palette and the help."""

    action: str
    key: str
    label: str
    """msgid of what it does, e.g. "Next screen"."""
    area: str
    """msgid of the palette area, e.g. "step", "session"."""
    scope: str
    """Where it applies: app, home, session, editor, matrix, minutes."""
    show: bool = True
    """Shown in the footer (every command is in the palette and the help)."""
    key_display: str | None = None

    def palette_text(self) -> str:
        """The palette entry, "area: action"."""
        return f"{_(self.area)}: {_(self.label)}"


KEYMAP: tuple[Command, ...] = (
    Command("help", "f1", N_("Help"), N_("app"), "app", key_display="F1"),
    Command("help", "question_mark", N_("Help"), N_("app"), "app", show=False, key_display="?"),
    Command("quit", "ctrl+q", N_("Quit"), N_("app"), "app", key_display="^q"),
    Command("toggle_language", "f12", N_("Français / English"), N_("app"), "app", show=False),
    Command("new_session", "n", N_("New"), N_("session"), "home"),
    Command("resume", "enter", N_("Resume"), N_("session"), "home", key_display="⏎"),
    Command("copy_session", "c", N_("Copy"), N_("session"), "home"),
    Command("delete_session", "delete", N_("Delete"), N_("session"), "home", key_display="del"),
    Command("show_trash", "t", N_("Trash"), N_("session"), "home"),
    Command("demo", "d", N_("Demo sessions"), N_("session"), "home", show=False),
    Command("filter", "slash", N_("Filter"), N_("session"), "home", key_display="/"),
    Command("prev_screen", "f2", N_("Previous screen"), N_("step"), "session", key_display="F2"),
    Command("next_screen", "f3", N_("Next screen"), N_("step"), "session", key_display="F3"),
    Command("go_to", "ctrl+g", N_("Go to"), N_("step"), "session", key_display="^g"),
    Command("next_agenda", "f9", N_("Next agenda item"), N_("agenda"), "session", key_display="F9"),
    Command("home", "ctrl+o", N_("Sessions"), N_("session"), "session", show=False),
    # -- record editor (scope "editor") --------------------------------------------------
    # -- competency matrix (scope "matrix") and review (scope "review") -----------------
    # -- live capture: decisions, action items, parking lot, notes (scope "session") -----
    # -- minutes (scope "minutes") -------------------------------------------------------
)


def commands_for(scope: str) -> list[Command]:
    """The commands of one scope, in keymap order."""
    return [c for c in KEYMAP if c.scope == scope]


def bindings_for(scope: str) -> list[Binding]:
    """Textual bindings of one scope; descriptions are msgids, translated when drawn."""
    return [
        Binding(c.key, c.action, c.label, show=c.show, key_display=c.key_display)
        for c in commands_for(scope)
    ]
