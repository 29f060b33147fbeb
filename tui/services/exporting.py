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


DANGLING = frozenset(
    ("a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par")
    + ("pour", "sur", "the", "of", "and", "for", "in", "on", "to", "at", "by")
)
"""Short words a name is not left ending with once cut."""


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


def export_stem(
    session: Session, fmt: str, mode: str | None, lang: str | None, *, kind: str = ""
) -> str:
    """``<date>-<collective>-<kind>-<language>``, e.g.
    ``2026-12-04-table-de-concertation-en-securite-proces-verbal-fr``: the meeting's date (else
    the day it was created), the collective (else the title) cut at a word boundary, what the
    file holds (``kind``, else said by ``fmt`` and ``mode``) in the language it is written in,
    and that language."""
    from tui.i18n import pt
    from tui.storage.exports import slugify

    meeting = session.meeting
    lang = lang or meeting.minutes_lang
    kinds = {
        "json": pt(lang, "file name", "session"),
        "ics": pt(lang, "file name", "calendar"),
        "xlsx": pt(lang, "file name", "plan"),
        "summary": pt(lang, "file name", "meeting summary"),
        "formal": pt(lang, "file name", "minutes"),
    }
    kind = kind or kinds.get(fmt) or kinds[mode or meeting.mode]
    day = meeting.date or session.created.date()
    words = slugify(meeting.collective or meeting.title, limit=48).split("-")
    while len(words) > 1 and words[-1] in DANGLING:
        words.pop()  # « …-alimentaire-de » reads as cut: end on a word that says something
    who = "-".join(words)
    return f"{day.isoformat()}-{who}-{slugify(kind)}-{lang}"


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
    return Rendered(data, export_stem(session, fmt, mode, lang), fmt)


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
    kind = f"{pt(lang, 'extract', 'extract')} {resolution_number(prefix, decision.number)}"
    return Rendered(data, export_stem(session, fmt, None, lang, kind=kind), fmt)


def export_extract(
    store: SessionStore,
    session: Session,
    fmt: str,
    wanted: str,
    *,
    lang: str | None = None,
    force: bool = False,
    keep_both: bool = False,
) -> Path:
    """Render the certified extract as the CLI does and write it to ``exports/``; off the loop.
    A file of the same name raises `ExistsError` unless ``force`` or ``keep_both``."""
    shown, _previous = minutes_inputs(store, session)
    rendered = render_extract_export(shown, fmt, wanted, lang=lang, isolated=True)
    return write_rendered(store.folder, rendered, force=force, keep_both=keep_both)


def minutes_inputs(store: SessionStore, session: Session) -> tuple[Session, Session | None]:
    """The session as its minutes show it (adopted or not) and the one it follows, if readable.

    Reads the data folder: call it off the event loop.
    """
    from tui.storage.followup import minutes_inputs as inputs

    return inputs(store, session)


def write_rendered(
    folder: Path,
    rendered: Rendered,
    *,
    output: Path | None = None,
    force: bool = False,
    keep_both: bool = False,
) -> Path:
    """Write to ``output``, or to ``exports/``; an existing file raises `ExistsError` unless
    ``force`` replaces it or ``keep_both`` gives the new one a numbered name."""
    from tui.storage.exports import write_export

    data, stem, ext = rendered.data, rendered.stem, rendered.ext
    return write_export(folder, stem, ext, data, output=output, force=force, keep_both=keep_both)


def export_session(
    store: SessionStore,
    session: Session,
    fmt: str,
    *,
    mode: str | None = None,
    lang: str | None = None,
    tz: str = "UTC",
    force: bool = False,
    keep_both: bool = False,
) -> Path:
    """Render ``session`` as the CLI does and write it to ``exports/``; run off the loop.

    A PDF renders in a child process, so that the app answers keys while it does. A file of
    the same name raises `ExistsError` unless ``force`` or ``keep_both`` (`write_rendered`).
    """
    shown, previous = minutes_inputs(store, session) if fmt != "json" else (session, None)
    rendered = render_export(
        shown, fmt, mode=mode, lang=lang, previous=previous, tz=tz, isolated=True
    )
    return write_rendered(store.folder, rendered, force=force, keep_both=keep_both)


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
