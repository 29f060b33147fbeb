"""What the screens may ask of the app that hosts them, so that no screen imports the app.

Attributes down, messages up: the app implements :class:`Host`; a screen reaches it through
``capp`` (the running app, typed as its host).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from tui.live.context import SessionContext
    from tui.storage.config import Config
    from tui.storage.store import SessionStore

__all__ = ["Host", "Hosted"]


class Host(Protocol):
    """The open session, the store, the clock and the moves a screen may ask for."""

    store: SessionStore
    ctx: SessionContext | None
    tz: str
    clock: Callable[[], dt.datetime]
    config: Config
    display_path: str
    save_state: str

    def open_session(self, session_id: str) -> None:
        """Open a session at the screen where it was left."""

    def show_screen(self, key: str) -> None:
        """Show one screen of the open session."""

    def go_home(self) -> None:
        """Back to the list of sessions."""

    def changed(self, tables: Iterable[str] | None = None, *, undoable: bool = True) -> None:
        """The session changed (in ``tables``): save it soon."""

    def undo(self, *, redo: bool = False) -> None:
        """Undo (or redo) the last change made from the keyboard."""

    def save_error_text(self) -> str:
        """The banner shown while saves fail."""

    def action_sync(self) -> None:
        """Sync the sessions with the shared repository."""

    def notify(self, message: str, **options: Any) -> None:
        """Say something in a toast."""

    def bell(self) -> None:
        """Ring the terminal's bell."""

    def save_preferences(self, **changes: Any) -> None:
        """Update the preferences file (a failure is said, never fatal)."""


class Hosted:
    """A node whose app is a :class:`Host` (screens mix this in)."""

    app: Any

    @property
    def capp(self) -> Host:
        """The app, as the host it is."""
        return cast("Host", self.app)
