"""The session as the room sees it: a read-only follower of the writer's saves, rendered once.

Checking for a change costs one ``stat`` (the file's inode, mtime and size); only a change
reads the file again and renders every view, once for all viewers.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from tui.model import Session
from tui.room.page import VIEWS, agenda_clock, fragment, gone_fragment, page
from tui.storage.handle import SessionHandle
from tui.storage.store import SessionStore


class Follower:
    """One session followed read-only; ``views`` holds each view's HTML at ``revision``."""

    def __init__(
        self, store: SessionStore, session_id: str, clock: Callable[[], dt.datetime]
    ) -> None:
        """Open the session read-only (raises StoreError or DamagedFile) and render it."""
        self.store = store
        self.clock = clock
        self.handle: SessionHandle = store.open(session_id, write=False)
        self.gone = False
        self.revision = 0
        self.views: dict[str, str] = {}
        self._minutes: tuple[Session, Session | None] = (self.session, None)
        self._mutex = threading.Lock()
        self._publish()

    @property
    def session(self) -> Session:
        """The latest session read."""
        return self.handle.session

    @property
    def lang(self) -> str:
        """The page's language: the session's minutes language."""
        return self.session.meeting.minutes_lang

    def stale(self) -> bool:
        """True when the file may have changed since it was read (one ``stat``)."""
        return self.handle.changed_on_disk()

    def update(self) -> bool:
        """Read the writer's latest save (blocking); True when the page changed."""
        with self._mutex:
            if not self.handle.path.exists():
                if self.gone:
                    return False
                self.gone = True
            elif self.handle.refresh() is None and not self.gone:
                return False  # unchanged, or half-written or damaged: keep the last good one
            else:
                self.gone = False
            self._publish()
            return True

    def _publish(self) -> None:
        if self.gone:
            text = gone_fragment(self.lang)
            views = dict.fromkeys(VIEWS, text)
        else:
            from tui.storage.followup import minutes_inputs

            try:
                self._minutes = minutes_inputs(self.store, self.session)
            except Exception:  # the session it follows is unreadable: its own minutes
                self._minutes = (self.session, None)
            views = {view: self._render(view) for view in VIEWS}
        self.views = views
        self.revision += 1

    def _render(self, view: str) -> str:
        shown, previous = self._minutes
        return fragment(self.session, view, self.clock(), minutes=shown, previous=previous)

    def whole_page(self, view: str) -> str:
        """The page as served to a new viewer, rendered now (blocking)."""
        with self._mutex:
            body = gone_fragment(self.lang) if self.gone else self._render(view)
            return page(self.session.meeting.title, self.lang, body)

    def left_s(self) -> int | None:
        """Seconds left in the current agenda item's timebox at this moment."""
        return None if self.gone else agenda_clock(self.session, self.clock()).left_s

    def close(self) -> None:
        """Let the file go."""
        self.handle.close()
