"""The Concerto app: its factory, its screens, autosave, signals and crash handling."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from tui.app.memory import QuietCollector
from tui.app.preferences import PaletteAndLanguage
from tui.app.shutdown import ShutdownMixin
from tui.app.styling import MountedStyles
from tui.app.syncing import SyncCommand
from tui.i18n import _, set_language
from tui.model import SCREENS, utcnow
from tui.model.clean import clean_text
from tui.storage.config import Config, load_config, log_path, write_crash_log
from tui.storage.messages import save_error
from tui.storage.store import SessionStore, new_session_id
from tui.terminal.keymap import bindings_for
from tui.terminal.typeahead import InOrderKeys
from tui.widgets.toasts import OneMessage

if TYPE_CHECKING:
    from tui.live.context import SessionContext
    from tui.screens.host import Host

SAVE_DELAY = 0.2
"""Seconds between a change and its save (every change reaches the disk within half a second)."""
FOLLOW_INTERVAL = 0.5


class ConcertoApp(
    SyncCommand,
    PaletteAndLanguage,
    ShutdownMixin,
    InOrderKeys,
    OneMessage,
    MountedStyles,
    App[int],
):
    """Facilitate a planning meeting: home, the meeting, the steps, review and minutes."""

    # Home's sheet comes with the app's: a screen's own CSS_PATH re-parses every sheet when
    # it is first shown, and home is the first screen unless the app opens a session.
    CSS_PATH = ["app.tcss", "../screens/home.tcss"]
    TITLE = "Concerto"
    BINDINGS = [
        *bindings_for("app"),
        # Focus moves before the next key is typed (see keymap.bindings_for).
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]
    ENABLE_COMMAND_PALETTE = True

    # repaint=False: their watchers redraw what shows them; repainting the App itself would
    # rewrite the whole screen (about 9 KB at 80×24) at every save.
    save_state: reactive[str] = reactive("saved", repaint=False)
    """saved, pending, failed or read-only: shown in the header."""
    revision: reactive[int] = reactive(0, repaint=False)
    """Bumped when the session changed under the screens (followed save, reload)."""

    def __init__(
        self,
        store: SessionStore,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        tz: str = "America/Montreal",
        config: Config | None = None,
        session_id: str | None = None,
        display_path: str | None = None,
        blink: bool = True,
    ) -> None:
        """Build the app on ``store``; ``clock`` and the store's ids make tests repeatable."""
        super().__init__()
        self.blink = blink
        self.settle_memory = False
        """Full collections of garbage only in the pauses between keys (see QuietCollector):
        the app's own process only, not an app among others in a test run."""
        self.memory: QuietCollector | None = None
        self.persist_preferences = True
        self.store = store
        self.clock = clock
        self.tz = tz
        self.config = config or Config()
        self.start_session = session_id
        self.display_path = display_path or str(store.folder)
        self.ctx: SessionContext | None = None
        self._save_timer: Any = None

    def get_driver_class(self) -> Any:
        """Textual's driver, reading input that hostile bytes cannot turn against the app."""
        from tui.terminal.paste_guard import guard_input

        guard_input()
        return super().get_driver_class()

    # -- start and stop ------------------------------------------------------------------

    def on_mount(self) -> None:
        """Open the requested session, or the home screen."""
        from tui.screens.home import HomeScreen
        from tui.terminal.themes import CONTRAST, pick_theme

        self.register_theme(CONTRAST)
        self.theme = pick_theme(self.config.theme, os.environ, self.no_color)
        self.install_signal_handlers()
        if self.settle_memory:
            self.memory = QuietCollector()
            self.memory.start()
            self.set_interval(0.5, self.memory.tick, name="collector")
        if self.start_session:
            self.open_session(self.start_session)
        if self.ctx is None:  # no session asked for, or it did not open: the list of sessions
            self.push_screen(HomeScreen())

    async def on_event(self, event: events.Event) -> None:
        """Note when keys arrive (full collections wait for a pause), then route them."""
        if self.memory is not None and isinstance(event, events.Key | events.Paste):
            self.memory.typed()
        await super().on_event(event)

    def flush_now(self) -> bool:
        """Write pending changes synchronously (quit, signals, crashes).

        The text of forms still open is kept as drafts first: a dropped connection or a quit
        loses nothing that was typed.
        """
        if self.ctx is None:
            return True
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_draft", None)
            if keep is not None and screen.is_mounted:
                keep()
        ok = self.ctx.flush(final=True)
        self._show_save_state()
        return ok

    def _handle_exception(self, error: Exception) -> None:
        try:
            self.flush_now()
        finally:
            write_crash_log(error)
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """The traceback goes to the log file; the terminal gets one line (see run_app)."""
        self._exit_renderables.clear()

    async def action_quit(self) -> None:
        """Save what is pending and leave."""
        if not self.flush_now() and self.ctx is not None:
            from tui.widgets.dialogs import SaveFailedQuit

            self.push_screen(SaveFailedQuit(self.ctx))
            return
        self.close_session()
        self.exit(0)

    # -- the session ---------------------------------------------------------------------

    def open_session(self, session_id: str) -> None:
        """Open a session (read-only if held elsewhere) at the screen where it was left."""
        from tui.storage.messages import failure

        self.close_session()
        try:
            handle = self.store.open(session_id)
        except Exception as exc:  # refused, damaged or unreadable: say why in words, write nothing
            self.notify(failure(exc), severity="error", markup=False)
            return
        from tui.live.context import SessionContext

        self.ctx = SessionContext(handle)
        self.save_state = "read-only" if handle.read_only else "saved"
        if handle.read_only:
            self.set_interval(FOLLOW_INTERVAL, self._follow, name="follow")
        self.show_screen(self.ctx.session.progress.screen)

    def close_session(self) -> None:
        """Save and release the open session, if any."""
        if self.ctx is None:
            return
        self.ctx.flush(final=True)
        self.ctx.close()
        self.ctx = None

    def show_screen(self, key: str) -> None:
        """Show one screen of the session (meeting, a step, review, minutes)."""
        from tui.screens.registry import make_screen

        if self.ctx is None:
            return
        if key not in SCREENS:
            key = "meeting"
        if self.ctx.session.progress.screen != key and not self.ctx.read_only:
            self.ctx.session.progress.screen = key  # type: ignore[assignment]
            self.changed(["progress"])
        screen = make_screen(key)
        if isinstance(self.screen, _session_screen_type()):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def go_home(self) -> None:
        """Back to the list of sessions."""
        from tui.screens.home import HomeScreen

        self.close_session()
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_sessions()
        else:  # the app started on a session: the list is made when first asked for
            self.push_screen(HomeScreen())

    def changed(self, tables: Iterable[str] | None = None, *, undoable: bool = True) -> None:
        """A screen changed the session: save it shortly, off the event loop.

        A change made while a key is handled is the facilitator's: ctrl+z can undo it.
        """
        if self.ctx is None or self.ctx.read_only:
            return
        tables = None if tables is None else list(tables)
        history, session = self.ctx.history, self.ctx.session
        if undoable and self.typing:
            history.record(session, tables, group=self.typing_group)
        else:
            history.seen(session, tables)
        self.ctx.mark(tables)
        self.save_state = "pending"
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self._save_soon)

    def undo(self, *, redo: bool = False) -> None:
        """Undo (or redo) the last change made from the keyboard, and say what it was."""
        from tui.storage.messages import undone

        ctx = self.ctx
        if ctx is None or ctx.read_only:
            return
        change = ctx.history.redo(ctx.session) if redo else ctx.history.undo(ctx.session)
        if change is None:
            self.notify(_("Nothing to redo.") if redo else _("Nothing to undo."))
            return
        self.changed(change.tables, undoable=False)
        self.revision += 1  # every screen shows the session as it is now
        self.notify(undone(change, redo=redo), markup=False)

    def _save_soon(self) -> None:
        self._save_timer = None
        self._save_worker()

    @work(thread=True, exclusive=True, group="save")
    def _save_worker(self) -> None:
        ctx = self.ctx
        if ctx is not None:
            ctx.flush()
            self.call_from_thread(self._show_save_state)

    def _show_save_state(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if ctx.read_only:
            self.save_state = "read-only"
        elif ctx.error is not None:
            self.save_state = "failed"
            if self._save_timer is None:  # keep retrying while the fault lasts
                self._save_timer = self.set_timer(2.0, self._save_soon)
        else:
            self.save_state = "pending" if ctx.pending else "saved"

    def save_error_text(self) -> str:
        """The banner shown while saves fail."""
        if self.ctx is None or self.ctx.error is None:
            return ""
        err = self.ctx.error
        folder = str(err.folder)
        if Path(folder) == self.store.folder:
            folder = self.display_path  # the data folder, as the home screen names it
        return save_error(err.code, clean_text(folder, multiline=False))

    def _follow(self) -> None:
        if self.ctx is not None and self.ctx.follow():
            self.revision += 1


def _session_screen_type() -> type:
    from tui.screens.base import SessionScreen

    return SessionScreen


def make_app(
    folder: Path,
    *,
    lang: str | None = None,
    clock: Callable[[], dt.datetime] = utcnow,
    tz: str = "America/Montreal",
    new_id: Callable[[], str] = new_session_id,
    config: Config | None = None,
    session_id: str | None = None,
    display_path: str | None = None,
    record_ids: Callable[[], str] | None = None,
    blink: bool | None = None,
) -> ConcertoApp:
    """The app factory the command line and the tests both call."""
    if lang:
        set_language(lang)
    if record_ids is not None:
        from tui.model import set_id_factory  # loads the models: only tests ask for it

        set_id_factory(record_ids)
    if blink is None:
        blink = os.environ.get("CONCERTO_CURSOR_BLINK", "1") != "0"
    store = SessionStore(folder, clock=clock, new_id=new_id)
    return ConcertoApp(
        store,
        clock=clock,
        tz=tz,
        config=config,
        session_id=session_id,
        display_path=display_path,
        blink=blink,
    )


def run_app(folder: Path, *, session_id: str | None, tz: str, config: Config | None) -> int:
    """Run the app in this terminal; return the exit status."""
    app = make_app(folder, tz=tz, config=config or load_config(), session_id=session_id)
    app.settle_memory = True
    _settled()  # modules, classes and constants: before the first frame
    try:
        app.run()
    finally:
        if app.memory is not None:
            app.memory.stop()
    if app.return_code not in (None, 0):
        path = log_path()
        print(
            _("Concerto stopped on an unexpected error; details in {path}", path=str(path)),
            file=sys.stderr,
        )
        return app.return_code or 1
    return 0


def _settled() -> None:
    """What is loaded before the first frame (modules, classes, constants) lives as long as the
    process: the collector no longer scans it."""
    gc.freeze()


def as_host(app: ConcertoApp) -> Host:
    """The app as the screens see it (mypy checks that it is one)."""
    return app
