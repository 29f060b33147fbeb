"""The session header: title, current agenda item, its timebox, projected end, clock, save state.

One line when everything fits whole; otherwise two: the session (title, clock, save state), then
the meeting's moment (agenda item, timebox, projected end), the speaker where it fits (a third
line while someone has the floor, if neither has room). Text is cut only when a
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
OVER = ("over", "speaker-over")
FLOOR = ("speaker", "speaker-over")
"""Parts shown in reverse when a time is over (their text says so too: never colour alone)."""


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
        style = "bold" if name == "title" else ("reverse bold" if name in OVER else "")
        text.append(value, style=style)
    return text


def fit(parts: list[Part], width: int) -> Text:
    """The header: one line if every part fits whole, else the session line and the moment's.

    The speaker joins the moment's line, else the session's, where it fits whole; else it
    gets a third line (only while someone has the floor or waits for it).
    """
    if _width(parts) <= width:
        return fit_line(parts, width)
    names = dict(parts)
    session: list[Part] = [(n, names[n]) for n in ("title", "clock", "state") if n in names]
    floor = [(n, t) for n, t in parts if n in FLOOR and t]
    moment = [(n, t) for n, t in parts if n not in ("title", "clock", "state", *FLOOR)]
    lines = [session, moment]
    if floor and _width(moment + floor) <= width:
        lines[1] = moment + floor
    elif floor and _width(session + floor) <= width:
        lines[0] = session[:1] + floor + session[1:]
    elif floor:
        lines.append(floor)
    return Text("\n").join(line for line in (fit_line(x, width) for x in lines) if line.plain)


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…" if width > 0 else ""


class SessionHeader(Widget):
    """The top of every session screen: one line, or more when the title and item need them."""

    DEFAULT_CSS = """
    SessionHeader { height: auto; max-height: 3; background: $panel; color: $foreground;
                    padding: 0 1; }
    """

    title = reactive("")
    agenda = reactive("")
    timebox = reactive("")
    over = reactive(False)
    end = reactive("")
    speaker = reactive("")
    """Who has the floor and for how long (the speaking queue), or nothing."""
    speaker_over = reactive(False)
    """The speaker went past the soft limit of a turn."""
    clock = reactive("")
    state = reactive("")
    _lines = 1
    """Lines drawn last time; the parts change every second, the height seldom."""

    def render(self) -> Text:
        """Fit the parts into the width."""
        box = ("over" if self.over else "timebox", self.timebox)
        parts = [("title", self.title), ("agenda", self.agenda), box, ("end", self.end)]
        floor = ("speaker-over" if self.speaker_over else "speaker", self.speaker)
        parts += [floor, ("clock", self.clock), ("state", self.state)]
        text = fit(parts, self.content_size.width or self.size.width)
        lines = text.plain.count("\n") + 1
        if lines != self._lines:  # one line more or less: the screen below moves (a layout)
            self._lines = lines
            self.refresh(layout=True)
        return text


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
