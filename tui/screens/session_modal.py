"""A modal screen over the open session: the app typed, the session at hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen

from tui.model import Session

if TYPE_CHECKING:
    from tui.app import ConcertoApp


class SessionModal(ModalScreen[None]):
    """A list or pane shown over a session screen (decisions, parked topics)."""

    @property
    def capp(self) -> ConcertoApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def session(self) -> Session:
        """The open session."""
        assert self.capp.ctx is not None
        return self.capp.ctx.session
