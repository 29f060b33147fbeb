"""The step bar: every screen of a session, the current one marked, each step's progress."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.i18n import N_, _
from tui.model import SCREENS

NAMES: dict[str, str] = {
    "meeting": N_("Meeting"),
    "actions": N_("Actions"),
    "resources": N_("Resources"),
    "skills": N_("Skills"),
    "roles": N_("Roles"),
    "agreements": N_("Agreements"),
    "objectives": N_("Objectives"),
    "coordination": N_("Coordination"),
    "watch": N_("Watch"),
    "review": N_("Review"),
    "minutes": N_("Minutes"),
}
SHORT: dict[str, str] = {
    "meeting": N_("Mtg"),
    "review": N_("Rev"),
    "minutes": N_("Min"),
}


def screen_name(key: str) -> str:
    """The translated name of a session screen."""
    return _(NAMES[key])


def short_name(key: str) -> str:
    """A step's number, or the short name of a screen that has no number (at most 5 wide)."""
    if key in SHORT:
        return _(SHORT[key])
    return f"{SCREENS.index(key)}"


def _mark(share: float | None) -> str:
    if share is None:
        return "·"
    if share >= 1:
        return "✓"
    return f"{int(share * 100)}%"


class StepBar(Widget):
    """Numbers at 80 columns, names when wider; progress as text, never colour alone."""

    DEFAULT_CSS = """
    StepBar { height: 1; background: $boost; padding: 0 1; }
    """

    current = reactive("meeting")
    shares: reactive[dict[str, float | None]] = reactive(dict, always_update=True)

    def render(self) -> Text:
        """Draw the bar at the width it has."""
        wide = self.size.width >= 120
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, key in enumerate(SCREENS):
            if n:
                text.append(" ")
            if key in SHORT and not wide:
                label = _(SHORT[key])
            elif key in SHORT:
                label = _(NAMES[key])
            else:
                number = SCREENS.index(key)
                label = f"{number} {_(NAMES[key])}" if wide else str(number)
                label += f" {_mark(self.shares.get(key))}"
            style = "reverse bold" if key == self.current else ""
            text.append(f"▸{label} " if key == self.current else f" {label} ", style=style)
        return text
