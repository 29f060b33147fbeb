"""A session exported to a file: its text, its generated name, where it went, how to fetch it.

The command line (``concerto export``), the Minutes screen and the home screen all export
through here, so the three always write the same bytes under the same kind of name.
"""

from __future__ import annotations

import getpass
import os
import shlex
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.model.session import Session
    from tui.storage.store import SessionStore

FORMATS: tuple[str, ...] = ("md", "html", "json", "docx", "odt", "pdf", "ics", "xlsx")
"""The minutes (Markdown, HTML, Word, OpenDocument, PDF), the whole session (JSON), the
calendar of the next meeting and the follow-ups (ics), the plan as a workbook (xlsx)."""

MINUTES_FORMATS: tuple[str, ...] = ("md", "html", "docx", "odt", "pdf")
"""The formats that hold the minutes (a mode and a language apply)."""


@dataclass(frozen=True)
class Rendered:
    """An export ready to write: its bytes, the stem of its file name and its extension."""

    data: bytes
    stem: str
    ext: str

    @property
    def text(self) -> str:
        """The export as text (Markdown, HTML, JSON, ics)."""
        return self.data.decode("utf-8")


def export_stem(session: Session) -> str:
    """``<date>-<slug of the title>``: the meeting's date, else the day it was created."""
    from tui.storage.exports import slugify

    day = session.meeting.date or session.created.date()
    return f"{day.isoformat()}-{slugify(session.meeting.title)}"


def render_export(
    session: Session,
    fmt: str,
    *,
    mode: str | None = None,
    lang: str | None = None,
    previous: Session | None = None,
    tz: str = "UTC",
    isolated: bool = False,
) -> Rendered:
    """``session`` exported as ``fmt``; the minutes in ``mode`` and ``lang``, else its own.

    ``previous`` (see `minutes_inputs`) makes a follow-up's minutes show what changed; ``tz``
    is the meeting's time zone (the calendar's events). A PDF raises `PdfUnavailable` when
    WeasyPrint cannot load; ``isolated`` renders it in a child process (the app does).
    """
    lang = lang or session.meeting.minutes_lang
    data: bytes
    if fmt == "json":
        from tui.storage.codec import export_json

        data = export_json(session).encode("utf-8")
    elif fmt in ("md", "html"):
        from tui.export import render_document

        text = render_document(session, fmt, mode=mode, lang=lang, previous=previous)
        data = text.encode("utf-8")
    elif fmt == "ics":
        from tui.export.ical import render_ics

        data = render_ics(session, lang, tz)
    elif fmt == "xlsx":
        from tui.export.workbook import render_xlsx

        data = render_xlsx(session, lang)
    else:
        from tui.export import render_file

        data = render_file(session, fmt, mode=mode, lang=lang, previous=previous, isolated=isolated)
    return Rendered(data, export_stem(session), fmt)


def render_extract_export(
    session: Session, fmt: str, wanted: str, *, lang: str | None = None, isolated: bool = False
) -> Rendered:
    """The certified extract of resolution ``wanted`` (its number, with or without the prefix,
    or its last part) of ``session`` as ``fmt`` (a minutes format); raises
    `tui.model.resolution.ResolutionNotFound`, and `ValueError` for a format that is not one."""
    from tui.export.document import FILE_FORMATS, markdown_file
    from tui.export.extract import render_extract
    from tui.export.html import render_html
    from tui.i18n import pt
    from tui.model.resolution import find_resolution, resolution_number
    from tui.storage.exports import slugify

    if fmt not in MINUTES_FORMATS:
        raise ValueError(f"not a format of the minutes: {fmt!r}")
    lang = lang or session.meeting.minutes_lang
    prefix = session.meeting.resolution_prefix
    decision = find_resolution(session.decisions, prefix, wanted)
    text = render_extract(session, decision, lang)
    if fmt in FILE_FORMATS:
        data = markdown_file(text, session, fmt, lang, isolated=isolated)
    elif fmt == "html":
        title = pt(lang, "extract", "Certified true extract of the minutes")
        data = render_html(text, title, lang).encode("utf-8")
    else:
        data = text.encode("utf-8")
    word = pt(lang, "extract", "extract")
    name = slugify(f"{word} {resolution_number(prefix, decision.number)}")
    return Rendered(data, f"{export_stem(session)}-{name}", fmt)


def export_extract(
    store: SessionStore, session: Session, fmt: str, wanted: str, *, lang: str | None = None
) -> Path:
    """Render the certified extract as the CLI does and write it to ``exports/``; off the loop."""
    shown, _previous = minutes_inputs(store, session)
    rendered = render_extract_export(shown, fmt, wanted, lang=lang, isolated=True)
    return write_rendered(store.folder, rendered)


def minutes_inputs(store: SessionStore, session: Session) -> tuple[Session, Session | None]:
    """The session as its minutes show it (adopted or not) and the one it follows, if readable.

    Reads the data folder: call it off the event loop.
    """
    from tui.storage.followup import minutes_inputs as inputs

    return inputs(store, session)


def write_rendered(
    folder: Path, rendered: Rendered, *, output: Path | None = None, force: bool = False
) -> Path:
    """Write to ``output``, or to ``exports/`` under a new name; never overwrites unless forced."""
    from tui.storage.exports import write_export

    return write_export(
        folder, rendered.stem, rendered.ext, rendered.data, output=output, force=force
    )


def export_session(
    store: SessionStore,
    session: Session,
    fmt: str,
    *,
    mode: str | None = None,
    lang: str | None = None,
    tz: str = "UTC",
) -> Path:
    """Render ``session`` as the CLI does and write it to ``exports/``; run off the loop.

    A PDF renders in a child process, so that the app answers keys while it does.
    """
    shown, previous = minutes_inputs(store, session) if fmt != "json" else (session, None)
    rendered = render_export(
        shown, fmt, mode=mode, lang=lang, previous=previous, tz=tz, isolated=True
    )
    return write_rendered(store.folder, rendered)


def ssh_host(env: Mapping[str, str] | None = None) -> str | None:
    """This server's address as the SSH client reached it, or None when not over SSH."""
    env = os.environ if env is None else env
    fields = env.get("SSH_CONNECTION", "").split()
    if len(fields) >= 3:
        return fields[2]
    if env.get("SSH_CLIENT"):  # no server address there: the host name is the best guess
        return socket.gethostname() or None
    return None


def scp_command(path: Path, env: Mapping[str, str] | None = None) -> str | None:
    """The line to fetch ``path`` from the facilitator's own computer, when over SSH."""
    host = ssh_host(env)
    if host is None:
        return None
    if ":" in host:  # IPv6
        host = f"[{host}]"
    source = f"{getpass.getuser()}@{host}:{Path(path).absolute()}"
    return f"scp {shlex.quote(source)} ."


def saved_message(path: Path, env: Mapping[str, str] | None = None) -> str:
    """Where an export went, in the interface language, with the ``scp`` line over SSH."""
    from tui.i18n import _
    from tui.model.clean import clean_text

    lines = [_("Saved to {path}", path=clean_text(str(path), multiline=False))]
    command = scp_command(path, env)
    if command is not None:
        lines += [_("To fetch it, on your own computer:"), clean_text(command, multiline=False)]
    return "\n".join(lines)


def failure_message(exc: OSError) -> str:
    """Why an export could not be written, in the interface language."""
    from tui.i18n import _
    from tui.model.clean import clean_text

    reason = exc.strerror or str(exc)
    return _("The file could not be written: {reason}", reason=clean_text(reason, multiline=False))


def pdf_unavailable(exc: Exception) -> str:
    """Why no PDF can be made here, and what to install."""
    from tui.i18n import _
    from tui.model.clean import clean_text

    return _(
        "PDF export needs WeasyPrint and Pango: pip install 'concerto[pdf]' and, on Debian, "
        "apt install libpango-1.0-0 libpangoft2-1.0-0 ({reason})",
        reason=clean_text(str(exc), multiline=False)[:120],
    )
