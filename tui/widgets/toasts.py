"""Messages to the facilitator: one at a time, never over what they are reading.

A new message replaces the one shown instead of stacking on it. A screen whose content is read
at length (the minutes' preview) takes messages in its own status line instead of a toast.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol, runtime_checkable

from textual.app import App, ScreenStackError
from textual.notifications import Notify, SeverityLevel


@runtime_checkable
class SaysMessages(Protocol):
    """A screen that shows messages in a line of its own, covering nothing."""

    def say_message(self, message: str, severity: SeverityLevel) -> bool:
        """Show ``message`` in the screen's own line; False if it cannot (it is leaving)."""


class OneMessage(App[Any]):
    """An app whose messages never stack and never cover a preview being read."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show ``message`` in place of the one shown (thread-safe, like Textual's)."""
        running = getattr(self, "_thread_id", 0)  # set by Textual while the app runs
        if running and threading.get_ident() != running:
            kw = {"title": title, "severity": severity, "timeout": timeout, "markup": markup}
            self.call_from_thread(self.notify, message, **kw)
            return
        try:
            screen: object = self.screen
        except ScreenStackError:  # not running yet, or no screen
            screen = None
        if isinstance(screen, SaysMessages) and screen.say_message(message, severity):
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _on_notify(self, event: Notify) -> None:
        """The message replaces the one shown (cleared here, in the order they were sent)."""
        self.clear_notifications()
        super()._on_notify(event)
