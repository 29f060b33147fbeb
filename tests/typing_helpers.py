"""Bytes as a terminal sends them: one write parsed at once, as a slow link delivers a line."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from tui.terminal.paste_guard import PasteGuardParser

ENTER = "\r"
ESC = "\x1b"
F1, F4, F5, F8 = "\x1bOP", "\x1bOS", "\x1b[15~", "\x1b[19~"
CTRL_T, CTRL_N, CTRL_G, CTRL_Z, CTRL_Y = "\x14", "\x0e", "\x07", "\x1a", "\x19"


class Terminal:
    """Feeds the app what a terminal writes, every event of one write posted at once.

    This is what Textual's driver does with one read of the terminal: it parses the bytes and
    posts every key to the app before the app has handled the first.
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.parser = PasteGuardParser()

    def write(self, data: str, *, escape: bool = False) -> None:
        """One write: all its keys reach the app's queue together.

        ``escape``: the write ends with a lone Escape key (not the start of a sequence cut in
        two, which the parser keeps until the rest arrives).
        """
        events: list[Message] = list(self.parser.feed(data))
        if data.endswith(ESC) and escape:  # a lone Escape: the parser's wait has run out
            self.parser._timeout_time = 0.0
            events += list(self.parser.tick())
        for event in events:
            self.app.post_message(event)

    def paste(self, text: str) -> None:
        """A bracketed paste."""
        self.write(f"\x1b[200~{text}\x1b[201~")
