"""The room view of a session as HTML: a projector layout and the minutes being written.

Pure functions of a session and a moment: the server renders each view once per saved
change and sends the same bytes to every viewer. Every text typed by users reaches the page
through the minutes' Markdown escaping (`tui.export.escape`) and a Markdown parser that
allows no raw HTML, or through `html.escape`; nothing here builds markup from user text.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from tui.export.blocks import Block, join
from tui.export.closing import action_items, parking
from tui.export.context import Context, make_context
from tui.export.html import minutes_parser
from tui.export.minutes import render_minutes, step_section
from tui.export.opening import agenda
from tui.export.resolutions import resolutions
from tui.i18n import LANGS, pt
from tui.i18n.fmt import format_duration
from tui.model import STEPS, Session
from tui.model.clean import clean_text
from tui.timebox import current_item, left

FOLLOW = "follow"
MINUTES = "minutes"
VIEWS: tuple[str, ...] = (FOLLOW, *STEPS, MINUTES)
"""What a viewer may pick: follow the facilitator, one step, or the minutes being written."""

ASSETS = ("room.css", "room.js")
"""The page's only other files, served beside it (no inline style or script: strict CSP)."""


def view_of(value: str | None) -> str:
    """The view a query asks for; anything unknown follows the facilitator."""
    return value if value in VIEWS else FOLLOW


def _esc(text: str) -> str:
    return html.escape(clean_text(text, multiline=False), quote=True)


def _md(blocks: list[Block]) -> str:
    return minutes_parser().render(join(blocks))


def _lang(session: Session) -> str:
    lang = session.meeting.minutes_lang
    return lang if lang in LANGS else LANGS[0]


def followed_step(session: Session) -> str | None:
    """The step the facilitator is on: the screen shown, else the current agenda item's step."""
    screen = session.progress.screen
    if screen in STEPS:
        return screen
    item = current_item(session)
    if item is not None and item.step in STEPS:
        return item.step
    return None


@dataclass(frozen=True)
class Clock:
    """What the page needs of the agenda clock at one moment."""

    label: str
    left_s: int | None
    """Seconds left in the current item's timebox (negative when over), None without one."""


def agenda_clock(session: Session, now: dt.datetime) -> Clock:
    """The current agenda item and its time left at ``now``."""
    item = current_item(session)
    if item is None:
        return Clock("", None)
    return Clock(item.label, left(session, item, now))


def time_left_text(lang: str, left_s: int | None) -> str:
    """``12:05 left`` or ``over by 02:10``, in the minutes language; empty without a timebox."""
    if left_s is None:
        return ""
    if left_s >= 0:
        return pt(lang, "room", "{time} left", time=format_duration(left_s, lang))
    return pt(lang, "room", "over by {time}", time=format_duration(-left_s, lang))


def _nav(lang: str, c: Context, view: str) -> str:
    names = {FOLLOW: pt(lang, "room", "Follow the meeting"), **c.words.steps}
    names[MINUTES] = pt(lang, "room", "Minutes so far")
    links = []
    for key in VIEWS:
        current = ' aria-current="page"' if key == view else ""
        href = "./" if key == FOLLOW else f"./?view={key}"
        links.append(f'<li><a href="{href}"{current}>{_esc(names[key])}</a></li>')
    label = _esc(pt(lang, "room", "Sections"))
    return f'<nav aria-label="{label}"><ul>{"".join(links)}</ul></nav>\n'


def _header(lang: str, session: Session, clock: Clock) -> str:
    m = session.meeting
    parts = ['<header class="bar">']
    if m.collective.strip():
        parts.append(f'<p class="collective">{_esc(m.collective)}</p>')
    parts.append(f"<h1>{_esc(m.title)}</h1>")
    if clock.label:
        left_attr = "" if clock.left_s is None else f' data-left="{clock.left_s}"'
        over = " over" if clock.left_s is not None and clock.left_s < 0 else ""
        parts.append(
            f'<p class="agenda"><span class="item">{_esc(clock.label)}</span> '
            f'<span class="left{over}"{left_attr}'
            f' data-left-text="{_esc(pt(lang, "room", "{time} left"))}"'
            f' data-over-text="{_esc(pt(lang, "room", "over by {time}"))}">'
            f"{_esc(time_left_text(lang, clock.left_s))}</span></p>"
        )
    parts.append("</header>\n")
    return "".join(parts)


def _section(c: Context, step: str | None) -> str:
    lang = c.lang
    if step is None:
        blocks = agenda(c)
        if not blocks:
            return f'<p class="empty">{_esc(pt(lang, "room", "The meeting has not started."))}</p>'
        return _md(blocks)
    blocks = step_section(c, step)
    if blocks:
        return _md(blocks)
    title = f"<h2>{_esc(c.words.steps[step])}</h2>"
    return f'{title}<p class="empty">{_esc(pt(lang, "room", "Nothing recorded yet."))}</p>'


def _captured(c: Context) -> str:
    blocks = [*resolutions(c), *action_items(c), *parking(c)]
    return f'<section class="captured">{_md(blocks)}</section>' if blocks else ""


def fragment(session: Session, view: str, now: dt.datetime, *, minutes: Session | None = None,
             previous: Session | None = None) -> str:  # fmt: skip
    """What the page shows inside ``<div id="room">`` for ``view``, at ``now``.

    ``minutes`` is the session as its minutes show it and ``previous`` the one it follows
    (see `tui.exporting.minutes_inputs`); without them the minutes show ``session``.
    """
    lang = _lang(session)
    c = make_context(session, session.meeting.mode, lang)
    out = [_header(lang, session, agenda_clock(session, now)), _nav(lang, c, view)]
    if view == MINUTES:
        shown = minutes or session
        text = render_minutes(shown, shown.meeting.mode, lang, previous=previous)
        out.append(f'<main class="minutes">{minutes_parser().render(text)}</main>\n')
    else:
        step = followed_step(session) if view == FOLLOW else view
        follows = ""
        if view == FOLLOW:
            follows = (
                f'<p class="follows">{_esc(pt(lang, "room", "Following the facilitator"))}</p>'
            )
        out.append(f'<main class="projector">{follows}<section class="current">')
        out.append(f"{_section(c, step)}</section>{_captured(c)}</main>\n")
    return "".join(out)


def gone_fragment(lang: str) -> str:
    """What the page says once the session was deleted or moved while served."""
    text = pt(lang, "room", "This session was deleted or moved: this page no longer follows it.")
    return f'<main class="gone"><p role="alert">{_esc(text)}</p></main>\n'


def page(title: str, lang: str, body: str) -> str:
    """The whole page around a fragment: styles and script are files beside it."""
    lang = lang if lang in LANGS else LANGS[0]
    live = _esc(pt(lang, "room", "Read-only view, updated as the meeting goes."))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_esc(title)}</title>\n"
        '<link rel="stylesheet" href="room.css">\n'
        '<script src="room.js" defer></script>\n'
        "</head>\n<body>\n"
        f'<div id="room" aria-live="polite">{body}</div>\n'
        f'<footer><p class="status">{live}</p></footer>\n'
        "</body>\n</html>\n"
    )
