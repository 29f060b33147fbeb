"""The session header: title, current agenda item, its timebox, projected end, clock, save state.

One line when everything fits whole; otherwise two: the session (title, clock, save state), then
the meeting's moment (agenda item, timebox, projected end, the speaker). Text is cut only when a
line still does not fit, always with an ellipsis; the timebox, clock and save state never are.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.i18n import _

SEP = " │ "
CUT_ORDER = ("agenda", "title", "end")
"""Parts cut first when a line does not fit, each down to an ellipsis before the next; the
timebox (time left or over), the speaker's time, the clock and the save state never are."""
Part = tuple[str, str]


def _width(parts: list[Part]) -> int:
    shown = [text for _name, text in parts if text]
    return sum(len(t) for t in shown) + len(SEP) * max(0, len(shown) - 1)


def fit_line(parts: list[Part], width: int) -> Text:
    """One header line: ``parts`` joined, the cuttable ones cut (with an ellipsis) to fit."""
    keep = dict(parts)
    for name in CUT_ORDER:
        excess = _width(list(keep.items())) - width
        if excess > 0 and keep.get(name):
            keep[name] = _cut(keep[name], max(2, len(keep[name]) - excess))
    text = Text(no_wrap=True, overflow="ellipsis")
    first = True
    for name, _text in parts:
        value = keep[name]
        if not value:
            continue
        if not first:
            text.append(SEP, style="dim")
        first = False
        style = "bold" if name == "title" else ("reverse bold" if name == "over" else "")
        text.append(value, style=style)
    return text


def fit(parts: list[Part], width: int) -> Text:
    """The header: one line if every part fits whole, else the session line and the moment's."""
    if _width(parts) <= width:
        return fit_line(parts, width)
    names = dict(parts)
    session: list[Part] = [(n, names[n]) for n in ("title", "clock", "state") if n in names]
    moment = [(n, t) for n, t in parts if n not in ("title", "clock", "state")]
    lines = [fit_line(session, width), fit_line(moment, width)]
    return Text("\n").join(line for line in lines if line.plain)


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…" if width > 0 else ""


class SessionHeader(Widget):
    """The top of every session screen: one line, or two when the title and item need them."""

    DEFAULT_CSS = """
    SessionHeader { height: auto; max-height: 2; background: $panel; color: $foreground;
                    padding: 0 1; }
    """

    title = reactive("")
    agenda = reactive("")
    timebox = reactive("")
    over = reactive(False)
    end = reactive("")
    speaker = reactive("")
    """Who has the floor and for how long (the speaking queue), or nothing."""
    clock = reactive("")
    state = reactive("")

    def render(self) -> Text:
        """Fit the parts into the width."""
        box = ("over" if self.over else "timebox", self.timebox)
        parts = [("title", self.title), ("agenda", self.agenda), box, ("end", self.end)]
        parts += [("speaker", self.speaker), ("clock", self.clock), ("state", self.state)]
        return fit(parts, self.content_size.width or self.size.width)


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
