"""A tiny Textual app used only to test the terminal driver.

It echoes an Input in a Label, shows the last paste and the terminal size, and on SIGHUP or
SIGTERM writes "<signal name>\\n<input value>" to the file named by $SAMPLE_OUT, then exits.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, Label

HANGUP_EXIT_GRACE = 2.0
"""Seconds the app may take to exit after a hang-up before it exits hard."""


class EchoInput(Input):
    """An Input that also reports each paste it receives."""

    def _on_paste(self, event: events.Paste) -> None:
        # Textual also calls Input._on_paste (handlers run along the MRO): no super() call.
        lines = event.text.splitlines()
        self.app.query_one("#paste", Label).update(
            f"pasted {len(lines)} lines: {' | '.join(lines)}"
        )


class SampleApp(App[None]):
    """Input, echo label, size label and footer."""

    BINDINGS = [("f2", "clear", "Clear")]

    def compose(self) -> ComposeResult:
        """Lay out the widgets."""
        yield EchoInput(id="input")
        yield Label("echo:", id="echo", markup=False)
        yield Label("pasted 0 lines", id="paste", markup=False)
        yield Label("submitted:", id="submitted", markup=False)
        yield Label("size=?", id="size")
        yield Footer()

    def on_mount(self) -> None:
        """Disable the cursor blink and install the hang-up handlers."""
        self.query_one(Input).cursor_blink = False
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(sig, self._on_hangup, sig)

    def on_resize(self, event: events.Resize) -> None:
        """Show the terminal size."""
        self.query_one("#size", Label).update(f"size={event.size.width}x{event.size.height}")

    def on_input_changed(self, event: Input.Changed) -> None:
        """Echo the value."""
        self.query_one("#echo", Label).update(f"echo:{event.value}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Show the submitted value."""
        self.query_one("#submitted", Label).update(f"submitted:{event.value}")

    def action_clear(self) -> None:
        """Clear the input."""
        self.query_one(Input).value = ""

    def _on_hangup(self, sig: int) -> None:
        """Save the value synchronously (atomic replace), then exit."""
        out = os.environ.get("SAMPLE_OUT")
        if out:
            tmp = Path(out + ".tmp")
            tmp.write_text(f"{signal.Signals(sig).name}\n{self.query_one(Input).value}")
            os.replace(tmp, out)
        # Textual 8.2.8 can hang on exit once the tty is gone: its writer thread dies on EIO
        # and the shutdown blocks on the writer's full queue. Hard-exit if that happens.
        watchdog = threading.Timer(HANGUP_EXIT_GRACE, os._exit, args=(0,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()


if __name__ == "__main__":
    SampleApp().run()
