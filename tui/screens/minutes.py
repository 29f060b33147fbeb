"""Minutes: the preview, drawn off the event loop; switch mode and language, export, copy."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from typing import Any, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker, get_current_worker

from tui.i18n import N_, _, get_language
from tui.i18n.fmt import format_number
from tui.model.clean import clean_text
from tui.model.session import Session
from tui.screens.base import SessionScreen
from tui.screens.minutes_export import MinutesExports
from tui.screens.palette import scope_commands
from tui.services.exporting import minutes_inputs, render_export
from tui.terminal.keymap import bindings_for
from tui.widgets.choices import choice_word
from tui.widgets.lines_view import LinesView
from tui.widgets.markdown_lines import (
    Look,
    PackedLine,
    Palette,
    collector_paused,
    draw,
    sections,
)
from tui.widgets.stepbar import StepBar

W = TypeVar("W", bound=Widget)

BATCH_SECONDS = 0.05
SAID_FOLLOWS_S = 3.0
"""A message said under the preview this recently follows the facilitator as a toast."""
"""Drawn lines reach the screen at least this often while the rest is drawn."""


@dataclass(frozen=True)
class Job:
    """What one drawing of the preview needs, taken on the event loop."""

    generation: int
    session: Session
    """A copy: the worker never reads the session the screens change."""
    mode: str
    lang: str
    look: Look
    width: int
    previous: str | None
    """The Markdown shown: the same text again is not drawn again."""
    app: Any = None
    """The app and the store, taken on the loop: the screen may be gone when the worker ends."""
    store: Any = None


@dataclass(frozen=True)
class Drawn:
    """Lines drawn by the worker, on their way to the preview."""

    generation: int
    lines: list[PackedLine] | None
    """None: the text is the one shown."""
    palette: Palette
    markdown: str | None
    """The whole Markdown, with the last lines."""


class MinutesScreen(MinutesExports, SessionScreen, inherit_bindings=False):
    """The minutes as they will be exported, in the session's mode and minutes language."""

    KEY = "minutes"
    SCOPE = "minutes"
    CSS_PATH = "minutes.tcss"
    BINDINGS = [  # the minutes' own keys first: the footer shows what fits at 80 columns
        *bindings_for("minutes"),
        *[b for b in Screen.BINDINGS if isinstance(b, Binding)],
        *SessionScreen.BINDINGS,
    ]
    AUTO_FOCUS = "#minutes-preview"
    HELP = N_(
        "The minutes as the exported file will hold them. m switches between a summary "
        "(compte rendu) and formal minutes (procès-verbal, with motions moved and seconded), "
        "l between French and English: both are the session's own settings, kept with it. "
        "e exports a Markdown file, h an HTML page to print, w a Word document, o an "
        "OpenDocument text, p a PDF (it takes a few seconds; keep working meanwhile), i a "
        "calendar of the next meeting and the follow-ups, x a workbook of the plan's tables: "
        "all in the exports folder of the data folder, never over an existing file; over SSH "
        "the scp line to fetch it is shown. "
        "c copies the Markdown to the clipboard (OSC 52)."
    )

    def __init__(self) -> None:
        """The minutes screen."""
        super().__init__()
        self._mode: str | None = None
        self._lang: str | None = None
        """A read-only session's own choice, for this preview only (nothing can be stored)."""
        self.rendering = False
        self.markdown = ""
        """The Markdown the preview shows, once drawn."""
        self._generation = 0
        self._width = 0
        self._fresh: list[PackedLine] = []
        self._swapped = False
        self._resize_timer: Timer | None = None
        self._stale = False

    def compose_body(self) -> ComposeResult:
        """What is shown, the preview, where the last export went."""
        yield Static("", id="minutes-state", markup=False)
        yield LinesView(id="minutes-preview")
        yield Static("", id="minutes-saved", markup=False)

    @property
    def preview(self) -> LinesView:
        """The preview widget."""
        return self.query_one("#minutes-preview", LinesView)

    @property
    def mode(self) -> str:
        """The minutes' mode shown: summary or formal."""
        return self._mode or self.ctx.session.meeting.mode

    @property
    def lang(self) -> str:
        """The minutes' language shown: fr or en."""
        return self._lang or self.ctx.session.meeting.minutes_lang

    def say_message(self, message: str, severity: str) -> bool:
        """Messages go to the line under the preview: no toast covers the minutes being read.

        Not once the screen is being left: then the message is a toast on the next screen.
        """
        if self.left or not self.is_current or self._part("#minutes-saved", Static) is None:
            return False
        self.app.clear_notifications()
        self._say(message)
        self._said = (message, severity, time.monotonic())
        return True

    def on_screen_suspend(self) -> None:
        """Left right after a message: it follows as a toast on the next screen."""
        message, severity, at = getattr(self, "_said", ("", "information", 0.0))
        if message and time.monotonic() - at < SAID_FOLLOWS_S:
            self._said = ("", severity, 0.0)
            self.app.call_later(self.app.notify, message, severity=severity, markup=False)

    def on_mount(self) -> None:
        """Also redraw when the theme changes (the preview's colours come from it); no toast
        left from the screen before covers the preview."""
        self.app.clear_notifications()
        self.query_one("#minutes-saved", Static).display = False
        self.watch(self.app, "theme", lambda _theme: self.redraw(), init=False)

    def load(self) -> None:
        """Draw the minutes of the session as it is now, once the preview has its size."""
        self.call_after_refresh(self.redraw)

    def relabel(self) -> None:
        """The interface language changed: the minutes keep theirs, only the words around."""
        self.tick()
        self.query_one(StepBar).refresh()
        self._show_state()

    def extra_commands(self) -> list[Any]:
        """The session-wide commands too (the app lists this screen's own scope)."""
        return [*super().extra_commands(), *scope_commands(self)]

    # -- drawing ---------------------------------------------------------------------------

    def redraw(self, *, only_if_changed: bool = False) -> None:
        """Draw the minutes again in a worker thread; what is shown stays until replaced."""
        if self.left or self._part("#minutes-preview", LinesView) is None:
            return
        self._generation += 1
        self._width = self.preview.text_width
        self._fresh = []
        self._swapped = False
        self.rendering = True
        self._show_state()
        job = Job(
            generation=self._generation,
            session=self.ctx.session.model_copy(deep=True),
            mode=self.mode,
            lang=self.lang,
            look=self.preview.look(),
            width=self._width,
            previous=self.markdown if only_if_changed else None,
            app=self.app,
            store=self.capp.store,
        )
        self._draw(job)

    def on_screen_resume(self) -> None:
        """Back from a dialog (a decision captured here, say): draw again if the text changed."""
        if self.rendering:
            self._stale = True
        elif self.markdown:
            self.redraw(only_if_changed=True)

    @work(thread=True, exclusive=True, group="minutes-draw")
    def _draw(self, job: Job) -> None:
        """Render the Markdown, then draw it section by section, sending lines as they come."""
        worker = get_current_worker()
        try:
            with collector_paused():
                self._draw_all(worker, job)
        except Exception as exc:  # a live meeting goes on: say it, keep the traceback
            if self.left:
                return  # the facilitator left the screen while it was drawing: nothing to say
            from tui.storage.config import write_crash_log

            write_crash_log(exc)
            with contextlib.suppress(RuntimeError):
                job.app.call_from_thread(self._draw_failed, job.generation, exc)

    def _send(self, job: Job, drawn: Drawn) -> None:
        """Hand drawn lines to the loop, unless the screen or the app is gone meanwhile."""
        if not self.left:
            with contextlib.suppress(RuntimeError):
                job.app.call_from_thread(self._drawn, drawn)

    def _draw_all(self, worker: Worker[None], job: Job) -> None:
        """Render the Markdown once, then parse and draw it section by section."""
        from tui.export import minutes_parser, render_minutes
        from tui.services.exporting import minutes_inputs

        shown, previous = minutes_inputs(job.store, job.session)
        markdown = render_minutes(shown, job.mode, job.lang, previous=previous)
        palette = Palette()
        if markdown == job.previous:
            self._send(job, Drawn(job.generation, None, palette, markdown))
            return
        parser = minutes_parser()
        parts = sections(markdown)
        batch: list[PackedLine] = []
        sent = time.monotonic()
        for n, part in enumerate(parts):
            if worker.is_cancelled:
                return
            if n:
                batch.append(())
            batch += draw(parser.parse(part), job.look, job.width, palette)
            last = n == len(parts) - 1
            if n == 0 or last or time.monotonic() - sent >= BATCH_SECONDS:
                drawn = Drawn(job.generation, batch, palette, markdown if last else None)
                self._send(job, drawn)
                batch, sent = [], time.monotonic()

    def _drawn(self, drawn: Drawn) -> None:
        """Show freshly drawn lines: replace the old ones once they fill what the eye sees."""
        if drawn.generation != self._generation or self.left:
            return
        view = self._part("#minutes-preview", LinesView)
        if view is None:  # the screen is being left: its widgets are already gone
            return
        if drawn.lines is None:
            pass  # the same text as shown
        elif self._swapped:
            view.add_lines(drawn.lines)
        else:
            self._fresh += drawn.lines
            seen = view.scroll_offset.y + view.size.height
            if drawn.markdown is not None or not view.lines or len(self._fresh) >= seen:
                view.set_lines(self._fresh, drawn.palette, self._width)
                self._swapped = True
        if drawn.markdown is not None:
            self.markdown = drawn.markdown
            self.rendering = False
            self._show_state()
            if self._stale:
                self._stale = False
                self.redraw(only_if_changed=True)

    def _part(self, selector: str, kind: type[W]) -> W | None:
        """One of this screen's widgets, or None once the screen is being left."""
        return next(iter(self.query(selector).results(kind)), None)

    def _draw_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation or self.left:
            return
        self.rendering = False
        error = clean_text(str(exc) or type(exc).__name__, multiline=False)
        message = _("The minutes could not be drawn: {error}", error=error)
        state = self._part("#minutes-state", Static)
        if state is not None:
            state.update(message)
        self.notify(message, severity="error", markup=False)

    def _show_state(self) -> None:
        text = _(
            "{mode}, in {language}", mode=choice_word(self.mode), language=choice_word(self.lang)
        )
        text = text[:1].upper() + text[1:]
        if self.ctx.read_only and (self._mode or self._lang):
            text += " " + _("(this preview only: the session is read-only)")
        if self.rendering:
            text += " · " + _("rendering…")
        state = self._part("#minutes-state", Static)
        if state is not None:
            state.update(text)

    def on_resize(self, event: Resize) -> None:
        """A new width draws the lines again, once the size settles."""
        if self._resize_timer is not None:
            self._resize_timer.stop()
        self._resize_timer = self.set_timer(0.2, self._check_width)

    def _check_width(self) -> None:
        self._resize_timer = None
        view = self._part("#minutes-preview", LinesView)
        if view is not None and view.text_width != self._width:
            self.redraw()

    # -- actions ---------------------------------------------------------------------------

    def action_toggle_mode(self) -> None:
        """Switch between a summary (compte rendu) and formal minutes (procès-verbal)."""
        mode = "formal" if self.mode == "summary" else "summary"
        if self.ctx.read_only:
            self._mode = mode
        else:
            self.ctx.session.meeting.mode = mode  # type: ignore[assignment]
            self.touch("meeting")
        self.redraw()

    def action_toggle_minutes_lang(self) -> None:
        """Switch the minutes between French and English."""
        lang = "en" if self.lang == "fr" else "fr"
        if self.ctx.read_only:
            self._lang = lang
        else:
            self.ctx.session.meeting.minutes_lang = lang  # type: ignore[assignment]
            self.touch("meeting")
        self.redraw()

    def action_copy_markdown(self) -> None:
        """Copy the minutes, as Markdown, to the clipboard of the facilitator's terminal."""
        self._copy(self.ctx.session.model_copy(deep=True), self.mode, self.lang)

    @work(thread=True, exclusive=True, group="minutes-copy")
    def _copy(self, session: Session, mode: str, lang: str) -> None:
        """Render off the loop; the terminal gets the text by OSC 52."""
        shown, previous = minutes_inputs(self.capp.store, session)
        text = render_export(shown, "md", mode=mode, lang=lang, previous=previous).text
        self.app.call_from_thread(self._copied, text)

    def _copied(self, text: str) -> None:
        self.app.copy_to_clipboard(text)
        size = format_number(len(text), get_language())
        self.notify(
            _(
                "Minutes copied to the clipboard by OSC 52 ({n} characters). If nothing arrives, "
                "the terminal or tmux blocks OSC 52: export a file instead.",
                n=size,
            ),
            markup=False,
            timeout=8,
        )
