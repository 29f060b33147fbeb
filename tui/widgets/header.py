"""The session header: title, current agenda item and its timebox, clock, save state."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.i18n import _


def fit(parts: list[tuple[str, str]], width: int) -> Text:
    """Join header parts, dropping or cutting in the stated order until they fit in ``width``.

    Order of truncation at 80 columns: the agenda item's label is cut first, then the
    session title; the timebox, the clock and the save state always stay whole.
    """
    keep = {name: text for name, text in parts}
    fixed = sum(len(t) + 3 for n, t in parts if n not in ("title", "agenda"))
    room = max(0, width - fixed - 3)
    title, agenda = keep.get("title", ""), keep.get("agenda", "")
    if len(title) + len(agenda) + 3 > room:
        agenda = _cut(agenda, max(0, room - min(len(title), room // 2) - 3))
    if len(title) + len(agenda) + 3 > room:
        title = _cut(title, max(0, room - len(agenda) - 3))
    keep["title"], keep["agenda"] = title, agenda
    text = Text(no_wrap=True, overflow="ellipsis")
    for n, (name, _t) in enumerate(parts):
        value = keep[name]
        if not value:
            continue
        if n:
            text.append(" │ ", style="dim")
        style = "bold" if name == "title" else ("reverse" if name == "over" else "")
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
    clock = reactive("")
    state = reactive("")

    def render(self) -> Text:
        """Fit the parts into the width, in the stated truncation order."""
        box = ("over" if self.over else "timebox", self.timebox)
        parts = [("title", self.title), ("agenda", self.agenda), box]
        parts += [("clock", self.clock), ("state", self.state)]
        return fit(parts, self.size.width - 2)


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
