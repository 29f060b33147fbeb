"""The session header: title, current agenda item, its timebox, projected end, clock, save state."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.i18n import _

SEP = " │ "
AGENDA_MIN = 14
TITLE_MIN = 8
WHOLE = ("timebox", "over", "clock", "state")
"""Parts never cut: the timebox (time left or over), the clock and the save state."""


def fit(parts: list[tuple[str, str]], width: int) -> Text:
    """Join header parts, cutting or dropping them in the stated order until they fit ``width``.

    Order of truncation: 1. the agenda item's label is cut down to 14 characters; 2. the
    session title down to 8; 3. the title is dropped (the room knows which meeting it is);
    4. the projected end is dropped; 5. the agenda label is cut further. The timebox, the
    clock and the save state always stay whole (at 80 columns there is room for them all).
    """
    keep = {name: text for name, text in parts}

    def total() -> int:
        shown = [t for t in keep.values() if t]
        return sum(len(t) for t in shown) + len(SEP) * max(0, len(shown) - 1)

    def cut(name: str, floor: int) -> None:
        excess = total() - width
        if excess > 0 and keep.get(name):
            keep[name] = _cut(keep[name], max(floor, len(keep[name]) - excess))

    cut("agenda", AGENDA_MIN)
    cut("title", TITLE_MIN)
    for name in ("title", "end"):
        if total() > width:
            keep[name] = ""
    cut("agenda", 0)
    text = Text(no_wrap=True, overflow="ellipsis")
    first = True
    for name, _t in parts:
        value = keep[name]
        if not value:
            continue
        if not first:
            text.append(SEP, style="dim")
        first = False
        style = "bold" if name == "title" else ("reverse bold" if name == "over" else "")
        text.append(value, style=style)
    return text


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…" if width > 0 else ""


class SessionHeader(Widget):
    """One line at the top of every session screen."""

    DEFAULT_CSS = """
    SessionHeader { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    title = reactive("")
    agenda = reactive("")
    timebox = reactive("")
    over = reactive(False)
    end = reactive("")
    clock = reactive("")
    state = reactive("")

    def render(self) -> Text:
        """Fit the parts into the width, in the stated truncation order."""
        box = ("over" if self.over else "timebox", self.timebox)
        parts = [("title", self.title), ("agenda", self.agenda), box, ("end", self.end)]
        parts += [("clock", self.clock), ("state", self.state)]
        return fit(parts, self.size.width)


def state_word(state: str) -> str:
    """The save state as a word (never a colour alone)."""
    return {
        "saved": _("saved"),
        "pending": _("saving…"),
        "failed": _("NOT SAVED"),
        "read-only": _("READ-ONLY"),
    }.get(state, state)


def clock_text(now: dt.datetime, tz: str) -> str:
    """The meeting clock, HH:MM in the meeting's time zone."""
    from zoneinfo import ZoneInfo

    return now.astimezone(ZoneInfo(tz)).strftime("%H:%M")


def end_text(end: dt.datetime | None, tz: str) -> str:
    """The projected end of the meeting, as the header shows it."""
    return _("ends ~{time}", time=clock_text(end, tz)) if end is not None else ""
