"""A modal screen over the open session: the app as its host, the session at hand."""

from __future__ import annotations

from textual.screen import ModalScreen

from tui.model import Session
from tui.screens.host import Hosted


class SessionModal(Hosted, ModalScreen[None]):
    """A list shown over a session screen (decisions and action items, parked topics)."""

    @property
    def session(self) -> Session:
        """The open session."""
        assert self.capp.ctx is not None
        return self.capp.ctx.session
