"""The Minutes screen's exports: every format rendered and written in a worker thread.

A PDF takes seconds to render: while it does, a progress line counts the seconds and the
screen keeps answering keys (the rendering runs in a child process, waited on by a worker).
"""

from __future__ import annotations

import time
from typing import Any

from textual import work
from textual.timer import Timer
from textual.widgets import Static

from tui.i18n import _
from tui.model.clean import clean_text
from tui.model.session import Session
from tui.services.exporting import export_session, failure_message, pdf_unavailable, saved_message

SLOW_FORMATS = frozenset({"pdf"})
"""Formats whose rendering takes long enough to show a progress line."""


class MinutesExports:
    """Export actions of the Minutes screen (mixed into `MinutesScreen`)."""

    _progress: Timer | None = None
    _started = 0.0

    def _start_export(self: Any, fmt: str) -> None:
        """Render ``fmt`` off the loop from a copy of the session as it is now."""
        session = self.ctx.session.model_copy(deep=True)
        if fmt in SLOW_FORMATS:
            self._started = time.monotonic()
            self._show_progress(fmt)
            if self._progress is not None:
                self._progress.stop()
            self._progress = self.set_interval(1.0, lambda: self._show_progress(fmt))
        self._export(session, fmt, self.mode, self.lang, self.capp.tz)

    def action_export_markdown(self) -> None:
        """Write the minutes to a Markdown file in the exports folder."""
        self._start_export("md")

    def action_export_html(self) -> None:
        """Write the minutes to a printable HTML page in the exports folder."""
        self._start_export("html")

    def action_export_docx(self) -> None:
        """Write the minutes to a Word document."""
        self._start_export("docx")

    def action_export_odt(self) -> None:
        """Write the minutes to an OpenDocument text."""
        self._start_export("odt")

    def action_export_pdf(self) -> None:
        """Render the minutes to a PDF (takes a few seconds; the screen stays usable)."""
        self._start_export("pdf")

    def action_export_ics(self) -> None:
        """Write the next meeting and the open follow-ups to a calendar file."""
        self._start_export("ics")

    def action_export_xlsx(self) -> None:
        """Write the plan's tables to a workbook."""
        self._start_export("xlsx")

    def _show_progress(self: Any, fmt: str) -> None:
        seconds = int(time.monotonic() - self._started)
        text = _("Rendering the {format} file… ({n} s)", format=fmt.upper(), n=seconds)
        self._say(text)

    def _say(self: Any, message: str) -> None:
        saved = self._part("#minutes-saved", Static)
        if saved is not None:
            saved.update(message)
            saved.display = True

    def _stop_progress(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    @work(thread=True, group="minutes-export")
    def _export(
        self: Any, session: Session, fmt: str, mode: str, lang: str, tz: str, **keep: bool
    ) -> None:
        """Render and write off the loop; a file of the same name is replaced only if the
        facilitator says so (``keep``: force, or keep_both)."""
        from tui.export.pdf import PdfError, PdfUnavailable
        from tui.storage.exports import ExistsError

        store = self.capp.store
        try:
            path = export_session(store, session, fmt, mode=mode, lang=lang, tz=tz, **keep)
        except ExistsError as exc:
            again = (session, fmt, mode, lang, tz)
            self.app.call_from_thread(self._ask_replace, str(exc), again)
            return
        except PdfUnavailable as exc:
            self.app.call_from_thread(self._export_failed, pdf_unavailable(exc))
            return
        except PdfError as exc:
            reason = clean_text(str(exc), multiline=False)
            message = _("The PDF could not be made: {reason}", reason=reason)
            self.app.call_from_thread(self._export_failed, message)
            return
        except OSError as exc:
            self.app.call_from_thread(self._export_failed, failure_message(exc))
            return
        message = saved_message(path)
        if fmt == "ics" and session.meeting.next_date is None:
            note = _("No date for the next meeting: the calendar holds the follow-ups only.")
            message = f"{message}\n{note}"
        self.app.call_from_thread(self._exported, message)

    @work
    async def _ask_replace(self: Any, path: str, again: tuple[Any, ...]) -> None:
        """The file exists: replace it (yes), or keep both under a numbered name (no)."""
        from pathlib import Path

        from tui.widgets.dialogs import Confirm

        name = clean_text(Path(path).name, multiline=False)
        question = _("{name} exists. Replace it? (n keeps both)", name=name)
        replace = bool(await self.app.push_screen_wait(Confirm(question)))
        self._export(*again, force=replace, keep_both=not replace)

    def _export_failed(self: Any, message: str) -> None:
        self._stop_progress()
        self._say(message)
        self.app.notify(message, severity="error", markup=False)  # a toast if the screen is left

    def _exported(self: Any, message: str) -> None:
        self._stop_progress()
        self._say(message)
        self.app.notify(message, markup=False, timeout=8)
