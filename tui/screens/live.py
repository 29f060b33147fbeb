"""The live-capture commands of every session screen (forms and saving: recording.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.widgets import Input, TextArea

from tui.i18n import _
from tui.live.quick import TABLES, add_note, apply_capture, parse_line
from tui.model import ActionItem, Decision, ParkingItem, Session
from tui.model.clean import local_time
from tui.screens.capture import (
    NOTE_FIELDS,
    PARKING_FIELDS,
    Captured,
    CaptureForm,
    NoteEntry,
    QuickCapture,
    participant_names,
)
from tui.screens.host import Hosted
from tui.screens.recording import (
    action_form,
    decision_form,
    drafts_under,
    keep_typed,
    new_prefix,
    replace_drafts,
    save_decision,
    save_record,
)
from tui.widgets.stepbar import screen_name

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.live.context import SessionContext
    from tui.screens.host import Host


class LiveScreen(Protocol):
    """What the capture commands use of the session screen they are mixed into."""

    KEY: str
    app: Any

    @property
    def ctx(self) -> SessionContext:
        """The open session."""

    @property
    def capp(self) -> Host:
        """The app, as the host it is."""

    @property
    def focused(self) -> Widget | None:
        """The focused widget."""

    def notify(self, message: str, **options: Any) -> None:
        """Say something in a toast."""

    def reload(self) -> None:
        """Redraw the screen from the session."""


class LiveCapture(Hosted):
    """The capture commands of every session screen (mixed into SessionScreen)."""

    def _live_screen(self) -> LiveScreen:
        return cast("LiveScreen", self)

    def _live_session(self) -> Session | None:
        me = self._live_screen()
        if me.ctx.read_only:
            me.notify(_("Read-only: nothing can be recorded here."), severity="warning")
            return None
        return me.ctx.session

    def action_capture_decision(self) -> None:
        """Record a decision."""
        session = self._live_session()
        if session is not None:
            app = self._live_screen().capp
            now = local_time(app.clock(), app.tz)  # a new decision's time: its quorum
            form = decision_form(session, keep=self._live_keeper("decisions"), now=now)
            self._live_screen().app.push_screen(form, self._live_decision_saved)

    def action_capture_action(self) -> None:
        """Record an action item."""
        session = self._live_session()
        if session is not None:
            form = action_form(session, keep=self._live_keeper("action_items"))
            self._live_screen().app.push_screen(form, self._live_record_saved)

    def action_capture_parking(self) -> None:
        """Put a topic in the parking lot."""
        self._live_new(
            "parking", _("New topic for the parking lot"), PARKING_FIELDS, ParkingItem, "label"
        )

    def action_capture_note(self) -> None:
        """Add a line to the notes of the current screen."""
        self._live_new("notes", _("New note"), NOTE_FIELDS, NoteEntry, "text")

    def _live_new(
        self, kind: str, title: str, specs: list[Any], model: type[Any], first: str
    ) -> None:
        """A form for a new record of ``kind``: pre-filled with the step, its draft restored."""
        session = self._live_session()
        if session is None:
            return
        record = model.model_construct(**{first: ""}, step=session.progress.screen)
        form = CaptureForm(
            title,
            specs,
            record,
            names=participant_names(session),
            restore=drafts_under(session, new_prefix(kind)),
            keep=self._live_keeper(kind),
        )
        saved = self._live_note_saved if kind == "notes" else self._live_record_saved
        self._live_screen().app.push_screen(form, saved)

    def action_quick_capture(self) -> None:
        """Record from one line of short syntax."""
        session = self._live_session()
        if session is not None:
            line = drafts_under(session, new_prefix("quick")).get("line", "")
            form = QuickCapture(
                participant_names(session), line=line, keep=self._live_keeper("quick")
            )
            self._live_screen().app.push_screen(form, self._live_line_saved)

    def _live_keeper(self, kind: str) -> Callable[[dict[str, str]], None]:
        """What keeps the text of a new capture left unsaved, for the same key to bring back."""
        return functools.partial(keep_typed, self._live_screen().capp, new_prefix(kind))

    def action_live_lists(self) -> None:
        """The session's decisions and action items."""
        from tui.screens.lists import LiveLists

        self._live_screen().app.push_screen(LiveLists())

    # -- saving ------------------------------------------------------------------------------

    def _live_decision_saved(self, captured: Captured | None) -> None:
        if captured is not None:
            saved = save_decision(self._live_screen().capp, captured)
            self._live_screen().notify(_("Decision {number} recorded.", number=saved.number or ""))

    def _live_record_saved(self, captured: Captured | None) -> None:
        if captured is None:
            return
        saved = save_record(self._live_screen().capp, captured)
        if isinstance(saved, ActionItem):
            self._live_screen().notify(_("Action item recorded."))
        else:
            self._live_screen().notify(_("Topic put in the parking lot."))

    def _live_note_saved(self, captured: Captured | None) -> None:
        if captured is None:
            return
        note = cast(NoteEntry, captured.record)
        me = self._live_screen()
        add_note(me.ctx.session, note.step, note.text)
        replace_drafts(me.ctx.session, new_prefix("notes"), {})
        self._live_changed(["notes", "drafts"], note.step)
        me.notify(_("Note added to {screen}.", screen=screen_name(note.step)))

    def _live_line_saved(self, line: str | None) -> None:
        if line is None:
            return
        me = self._live_screen()
        session = me.ctx.session
        capture = parse_line(line, participant_names(session))
        step = session.progress.screen
        record = apply_capture(session, capture, step, me.capp.clock(), me.capp.tz)
        replace_drafts(session, new_prefix("quick"), {})
        tables = [TABLES[capture.kind], "drafts"]
        self._live_changed(tables, step if capture.kind == "note" else None)
        if isinstance(record, Decision):
            me.notify(_("Decision {number} recorded.", number=record.number or ""))
        elif isinstance(record, ActionItem):
            me.notify(_("Action item recorded."))
        elif isinstance(record, ParkingItem):
            me.notify(_("Topic put in the parking lot."))
        else:
            me.notify(_("Note added to {screen}.", screen=screen_name(step)))

    def _live_changed(self, tables: list[str], notes_of: str | None) -> None:
        """Save; when this screen's notes changed, show them without moving the cursor."""
        me = self._live_screen()
        me.capp.changed(tables)
        if notes_of == me.KEY:
            reload_keeping_cursor(me)


def reload_keeping_cursor(screen: LiveScreen) -> None:
    """Redraw ``screen`` from the session, its focused field keeping its cursor."""
    focused = screen.focused
    selection = focused.selection if isinstance(focused, TextArea | Input) else None
    screen.reload()
    if selection is not None and isinstance(focused, TextArea | Input):
        focused.selection = selection  # type: ignore[assignment]
