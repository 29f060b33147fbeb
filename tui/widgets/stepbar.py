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


ABBREVIATED: dict[str, str] = {
    "meeting": N_("Mtg"),
    "actions": N_("Act."),
    "resources": N_("Res."),
    "skills": N_("Skills"),
    "roles": N_("Roles"),
    "agreements": N_("Agr."),
    "objectives": N_("Obj."),
    "coordination": N_("Coord."),
    "watch": N_("Watch"),
    "review": N_("Rev"),
    "minutes": N_("Min"),
}
"""Step names abbreviated for a narrow bar (an abbreviation, not a cut: no ellipsis)."""
SEP = "  "


def _mark(share: float | None) -> str:
    if share is None:
        return ""  # not started: no mark
    if share >= 1:
        return "✓"
    return f"{int(share * 100)}%"


def _label(key: str, detail: int, share: float | None) -> str:
    """A step's label at a level of detail: -1 its number alone, 0 with its progress,
    1 abbreviated, 2 its whole name."""
    names = (SHORT.get(key, ""), ABBREVIATED[key], NAMES[key])
    name = _(names[max(0, detail)]) if names[max(0, detail)] else ""
    if key in SHORT:
        return name
    number = str(SCREENS.index(key))
    return " ".join(p for p in (number, name, _mark(share) if detail >= 0 else "") if p)


def labels(width: int, current: str, shares: dict[str, float | None]) -> list[str]:
    """Each screen's label, as detailed as ``width`` allows: the current one whole, then
    its neighbours named first (nearest first), abbreviated before whole."""
    here = SCREENS.index(current) if current in SCREENS else 0
    detail = {key: 2 if key == current else 0 for key in SCREENS}

    def shown() -> list[str]:
        return [_label(key, detail[key], shares.get(key)) for key in SCREENS]

    def used(found: list[str]) -> int:
        return sum(len(label) for label in found) + len(SEP) * (len(found) - 1) + 2

    order = sorted(SCREENS, key=lambda key: abs(SCREENS.index(key) - here))
    for key in reversed(order):  # too narrow even so: the farthest lose their progress first
        if used(shown()) <= width:
            break
        if key != current:
            detail[key] = -1
    for level in (1, 2):
        for key in order:
            if detail[key] >= level:
                continue
            before = detail[key]
            detail[key] = level
            if used(shown()) > width:
                detail[key] = before
    return shown()


class StepBar(Widget):
    """Every screen's label, the current one whole, as detailed as the width allows;
    progress as text, never colour alone."""

    DEFAULT_CSS = """
    StepBar { height: 1; background: $boost; padding: 0 1; }
    """

    current = reactive("meeting")
    shares: reactive[dict[str, float | None]] = reactive(dict, always_update=True)

    def render(self) -> Text:
        """Draw the bar at the width it has."""
        text = Text(no_wrap=True, overflow="ellipsis")
        found = labels(self.content_size.width, self.current, self.shares)
        for n, (key, label) in enumerate(zip(SCREENS, found, strict=True)):
            if n:
                text.append(SEP)
            if key == self.current:
                text.append(f"▸{label} ", style="reverse bold")
            else:
                text.append(label)
        return text
