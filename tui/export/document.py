"""The minutes as a whole document, in one call: Markdown, HTML, Word, OpenDocument or PDF."""

from __future__ import annotations

from tui.export.html import render_html
from tui.export.minutes import render_minutes
from tui.model.session import Session

DOCUMENT_FORMATS = ("md", "html")
"""Formats that are text."""
FILE_FORMATS = ("docx", "odt", "pdf")
"""Formats that are files built from the same Markdown (see `tui.export.tree`)."""


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


def render_file(
    session: Session,
    fmt: str,
    *,
    mode: str | None = None,
    lang: str | None = None,
    previous: Session | None = None,
    isolated: bool = False,
) -> bytes:
    """The minutes of ``session`` as a ``fmt`` file (docx, odt, pdf): the Markdown's content.

    Pure; a PDF raises `tui.export.pdf.PdfUnavailable` when WeasyPrint cannot load, and is
    rendered in a child process when ``isolated`` (see `tui.export.pdf.render_pdf`).
    """
    lang = lang or session.meeting.minutes_lang
    text = render_minutes(session, mode or session.meeting.mode, lang, previous=previous)
    return markdown_file(text, session, fmt, lang, isolated=isolated)


def markdown_file(
    text: str, session: Session, fmt: str, lang: str, *, isolated: bool = False
) -> bytes:
    """The Markdown ``text`` of ``session``'s minutes (or of an extract of them) as a ``fmt``
    file (docx, odt, pdf), with the minutes' page frame. Pure, as `render_file`."""
    if fmt not in FILE_FORMATS:
        raise ValueError(f"unknown minutes format: {fmt!r}")
    from tui.export.frame import page_frame

    frame = page_frame(session, lang)
    if fmt == "pdf":
        from tui.export.pdf import render_pdf

        return render_pdf(text, frame, isolated=isolated)
    from tui.export.tree import document_tree

    nodes = document_tree(text)
    if fmt == "docx":
        from tui.export.word import render_docx

        return render_docx(nodes, frame)
    from tui.export.opendoc import render_odt

    return render_odt(nodes, frame)
