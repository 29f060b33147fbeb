"""The minutes as a whole document: Markdown or a printable HTML page, in one call."""

from __future__ import annotations

from tui.export.html import render_html
from tui.export.minutes import render_minutes
from tui.model.session import Session

DOCUMENT_FORMATS = ("md", "html")


def render_document(
    session: Session,
    fmt: str,
    *,
    mode: str | None = None,
    lang: str | None = None,
    previous: Session | None = None,
) -> str:
    """The minutes of ``session`` as ``fmt`` (md, html), in ``mode`` and ``lang`` (else its own).

    ``previous`` is the session this one follows, as for `render_minutes`. Pure.
    """
    if fmt not in DOCUMENT_FORMATS:
        raise ValueError(f"unknown minutes format: {fmt!r}")
    meeting = session.meeting
    lang = lang or meeting.minutes_lang
    text = render_minutes(session, mode or meeting.mode, lang, previous=previous)
    return render_html(text, meeting.title, lang) if fmt == "html" else text
