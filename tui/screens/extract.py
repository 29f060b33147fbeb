"""The certified extract of one resolution, from the decisions list: choose a format, then the
extract is rendered and written in a worker thread (a PDF in a child process), as the command
line writes it (``concerto export ID --extract NUMBER``)."""

from __future__ import annotations

from typing import Any

from tui.i18n import _
from tui.model import Decision, Session
from tui.model.clean import clean_text
from tui.model.resolution import resolution_number

EXTRACT_FORMATS = (("docx", "Word (.docx)"), ("pdf", "PDF"), ("md", "Markdown"))
"""What a secretary signs and sends first; format names are not translated."""


def ask_extract(screen: Any, session: Session, decision: Decision) -> None:
    """Ask for the format of the extract of ``decision``, then write it off the loop."""
    from tui.widgets.dialogs import Choose

    if not decision.number:
        screen.notify(_("This decision has no number: there is no extract of it."), markup=False)
        return
    number = resolution_number(session.meeting.resolution_prefix, decision.number)
    title = _("Certified extract of resolution {number}", number=number)
    copy = session.model_copy(deep=True)

    def chosen(fmt: str | None) -> None:
        if fmt:
            screen.notify(_("Writing the extract…"), markup=False)
            _write(screen, copy, fmt, decision.number or "")

    options = [(name, fmt) for fmt, name in EXTRACT_FORMATS]
    screen.app.push_screen(Choose(clean_text(title, multiline=False), options), chosen)


def _write(
    screen: Any,
    session: Session,
    fmt: str,
    number: str,
    *,
    force: bool = False,
    keep_both: bool = False,
) -> None:
    """Write off the loop; a file of the same name is replaced only if the facilitator says so
    (``force``), else kept beside the new one (``keep_both``)."""
    from tui.export.pdf import PdfError, PdfUnavailable
    from tui.services.exporting import (
        export_extract,
        failure_message,
        pdf_unavailable,
        saved_message,
    )
    from tui.storage.exports import ExistsError

    def writing() -> None:
        try:
            path = export_extract(
                screen.app.store, session, fmt, number, force=force, keep_both=keep_both
            )
        except ExistsError as exc:
            screen.app.call_from_thread(_ask_replace, screen, str(exc), (session, fmt, number))
        except PdfUnavailable as exc:
            _say(screen, pdf_unavailable(exc), error=True)
        except PdfError as exc:
            reason = clean_text(str(exc), multiline=False)
            _say(screen, _("The PDF could not be made: {reason}", reason=reason), error=True)
        except OSError as exc:
            _say(screen, failure_message(exc), error=True)
        else:
            _say(screen, saved_message(path))

    screen.run_worker(writing, thread=True, group="extract", exit_on_error=False)


def _ask_replace(screen: Any, path: str, again: tuple[Session, str, str]) -> None:
    """The file exists: replace it (yes), or keep both under a numbered name (no)."""
    from pathlib import Path

    from tui.widgets.dialogs import Confirm

    name = clean_text(Path(path).name, multiline=False)
    question = _("{name} exists. Replace it? (n keeps both)", name=name)

    def answered(replace: bool | None) -> None:
        _write(screen, *again, force=bool(replace), keep_both=not replace)

    screen.app.push_screen(Confirm(question), answered)


def _say(screen: Any, message: str, *, error: bool = False) -> None:
    severity = "error" if error else "information"
    screen.app.call_from_thread(
        screen.app.notify, message, severity=severity, markup=False, timeout=8
    )
