"""What every session screen shares: header, step bar, save banner, footer and keys."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from tui.i18n import _
from tui.live.timebox import BELL, checkpoint
from tui.model import SCREENS, progress
from tui.screens.agenda_controls import AgendaControls
from tui.screens.find import FindCommands
from tui.screens.live import LiveCapture
from tui.screens.speaking import SpeakingCommands, floor_text, limit_s
from tui.terminal.keymap import bindings_for
from tui.widgets.footer import TranslatedFooter
from tui.widgets.header import SessionHeader, clock_text, end_text, state_word
from tui.widgets.screens import StyledOnce
from tui.widgets.stepbar import StepBar, screen_name

if TYPE_CHECKING:
    from tui.live.context import SessionContext
    from tui.screens.host import Host


class SessionScreen(
    SpeakingCommands, FindCommands, LiveCapture, AgendaControls, StyledOnce, Screen[None]
):
    """Base of the screens of an open session."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings_for("session")]
    AUTO_FOCUS = "#body Input, #body DataTable, #body TextArea, #body Select"
    SCOPE = "session"
    KEY = "meeting"
    HELP = ""

    @property
    def ctx(self) -> SessionContext:
        """The open session."""
        assert self.capp.ctx is not None
        return self.capp.ctx

    @property
    def left(self) -> bool:
        """The screen was left or its session closed: a worker's late result is dropped."""
        return not self.is_attached or self.capp.ctx is None

    def compose(self) -> ComposeResult:
        """Header, step bar, banner, the screen's body, footer."""
        yield SessionHeader(id="header")
        yield StepBar(id="stepbar")
        yield Static("", id="banner", markup=False)
        with Vertical(id="body"):
            yield from self.compose_body()
        yield TranslatedFooter()

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets."""
        yield from ()

    def on_mount(self) -> None:
        """Fill the screen from the session and keep the header current."""
        self.watch(self.app, "save_state", self._update_state)
        self.watch(self.app, "revision", lambda _r: self.reload(), init=False)
        self.set_interval(1.0, self.tick)
        self.reload()
        self.mounted()
        from tui.screens.lists import greet

        self.call_after_refresh(greet, self)

    def mounted(self) -> None:
        """The screen shows the session: put the focus where it starts.

        Textual calls the ``on_mount`` of each class a screen derives from: a subclass that
        called this one's as well would watch, tick and load twice. Subclasses extend this.
        """

    def reload(self) -> None:
        """Show the session as it is now (on mount, and when a followed save arrives)."""
        self.tick()
        bar = self.query_one(StepBar)
        bar.current = self.KEY
        bar.shares = progress(self.ctx.session)
        self.load()

    def load(self) -> None:
        """Fill the screen's own widgets from the session."""

    def touch(self, *tables: str) -> None:
        """This screen changed ``tables`` of the session: save soon, refresh progress."""
        self.capp.changed(tables)
        self.query_one(StepBar).shares = progress(self.ctx.session)

    def tick(self) -> None:
        """Update the header: agenda item, timebox, clock."""
        from tui.live.timebox import agenda_status

        if self.left:  # the session was closed under the screen (ctrl+o): its timer is late
            return
        header = self.query_one(SessionHeader)
        session = self.ctx.session
        now = self.capp.clock()
        keep_time(self.capp, self.ctx, now)
        header.title = session.meeting.title
        status = agenda_status(session, now)
        header.agenda = status.label
        header.timebox = status.text
        header.over = status.over
        header.end = end_text(status.end, self.capp.tz)
        header.clock = clock_text(now, self.capp.tz)
        floor = floor_text(session.progress.speaking, now, limit_s(self.capp.config))
        header.speaker, header.speaker_over = floor
        self._update_state(self.capp.save_state)

    def _update_state(self, state: str) -> None:
        self.query_one(SessionHeader).state = state_word(state)
        text, kind = "", ""
        if state == "failed":
            text, kind = self.capp.save_error_text() + " " + _("Retrying…"), "failed"
        elif state == "read-only":
            holder = self.ctx.handle.holder
            who = holder.describe() if holder else "?"
            text = _("Read-only: this session is open elsewhere, by {who}.", who=who)
            kind = "read-only"
        banner = self.query_one("#banner", Static)
        if (text, kind) == getattr(self, "_banner", None):
            return  # unchanged: no layout, no repaint while typing
        self._banner = (text, kind)
        banner.update(text)
        banner.set_classes(kind)
        banner.display = bool(text)

    def relabel(self) -> None:
        """Redraw in the interface language."""
        self.reload()

    # -- navigation ------------------------------------------------------------------------

    def action_prev_screen(self) -> None:
        """Show the previous screen of the session."""
        n = SCREENS.index(self.KEY)
        self.capp.show_screen(SCREENS[max(0, n - 1)])

    def action_next_screen(self) -> None:
        """Show the next screen of the session (the option on, first offer the next item)."""
        if not self.offers_next_item():
            self.next_screen()

    def next_screen(self) -> None:
        """Show the next screen of the session."""
        n = SCREENS.index(self.KEY)
        self.capp.show_screen(SCREENS[min(len(SCREENS) - 1, n + 1)])

    def action_go_to(self) -> None:
        """Choose a screen to go to."""
        from tui.widgets.dialogs import GoTo

        self.app.push_screen(GoTo(self.KEY), self._go)

    def _go(self, key: str | None) -> None:
        if key:
            self.capp.show_screen(key)

    def action_undo(self) -> None:
        """Undo the last change made from the keyboard, on whichever screen it was made."""
        self.capp.undo()

    def action_redo(self) -> None:
        """Redo the last change undone."""
        self.capp.undo(redo=True)

    def action_home(self) -> None:
        """Back to the list of sessions."""
        self.capp.go_home()

    def action_next_agenda(self) -> None:
        """Move the meeting on to the next agenda item; past the last one, adjourn it."""
        from tui.live.timebox import current_item, next_item, no_next_item

        if self.ctx.read_only:
            return
        session = self.ctx.session
        last, opened = current_item(session), session.meeting.opened_at
        started = next_item(session, self.capp.clock(), self.capp.tz)
        if started is not None:
            self.touch("meeting", "agenda", "progress")
            if opened is None and session.meeting.opened_at is not None:
                self.reload()  # the opening time now shows in the meeting's form
            self.show_item_screen(started)
        elif last is not None:  # the last item just ended: the meeting is adjourned
            self._adjourn(True)
            return
        else:
            self.notify(no_next_item(session))
        self.tick()

    def action_share_room(self) -> None:
        """Serve a live read-only page of the session to the room (tui/screens/room.py)."""
        from tui.screens.room import share_room

        share_room(self.app, self.capp.store.folder, self.ctx.session.id)

    def action_adjourn(self) -> None:
        """Adjourn the meeting now (after a confirmation): the minutes give this time."""
        from tui.widgets.dialogs import Confirm

        if self.ctx.read_only:
            return
        now = self.capp.clock().astimezone(ZoneInfo(self.capp.tz))
        question = _("Adjourn the meeting now, at {time}?", time=now.strftime("%H:%M"))
        self.app.push_screen(Confirm(question), self._adjourn)

    def _adjourn(self, confirmed: bool | None) -> None:
        from tui.live.timebox import adjourn

        if not confirmed or self.left:
            return
        at = adjourn(self.ctx.session, self.capp.clock(), self.capp.tz)
        self.touch("meeting", "agenda", "progress")
        self.reload()
        self.notify(_("Meeting adjourned at {time}.", time=at.strftime("%H:%M")))

    def extra_commands(self) -> list[Any]:
        """Palette entries for every screen of the session ("step: Skills")."""
        from textual.app import SystemCommand

        return [
            SystemCommand(
                f"{_('step')}: {screen_name(key)}",
                _("Show this screen"),
                lambda key=key: self.capp.show_screen(key),
            )
            for key in SCREENS
        ]


def keep_time(app: Host, ctx: SessionContext, now: dt.datetime) -> None:
    """Each second: checkpoint the running item (a save) and ring when its timebox runs out."""
    if ctx.read_only:
        return
    if checkpoint(ctx.session, now):
        app.changed(["agenda", "progress"])
    if BELL.ran_out(ctx, ctx.session, now) and app.config.bell:
        app.bell()
