"""Terminal input that hostile bytes cannot turn against the app.

Pasted text stays text. Textual's parser reads an ESC inside a bracketed paste as the start of
an escape sequence and, when it is not one it knows, replays it as key presses: a pasted
``ESC ] 0 ; x BEL`` opened the Go to dialog (BEL is ctrl+g), and a pasted ctrl+q would quit.
Like xterm (its ``disallowedPasteControls``), the terminal input drops the controls of a paste
before the parser sees them, so that the paste arrives whole as one ``Paste`` event, and the
bidirectional overrides too, which a text area would otherwise draw to the terminal as they are.

A byte that is not UTF-8 (a terminal set to Latin-1 sends "é" as one byte 0xE9, some send
alt+key as a byte with the high bit set) made Textual's input thread raise and the app exit at
once, silently; it now arrives as U+FFFD, which the facilitator sees and can delete.

Typed joiners are text: Textual's fields insert only printable characters, and the zero-width
joiner of an emoji sequence (👩🏽‍🌾) or the non-joiner of Persian words is not one, so typing
them (an emoji picker types the whole sequence) lost them. They arrive as a paste instead.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable, Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.message import Message

START = "\x1b[200~"
END = "\x1b[201~"
_DROPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab, line feed and carriage return; DEL; C1 controls; bidi overrides."""
JOINERS = frozenset("\u200c\u200d")
"""Zero-width non-joiner and joiner: not printable, yet part of the text typed."""


def _partial_at_end(data: str, marker: str, start: int) -> int:
    """Where a proper prefix of ``marker`` ends ``data[start:]``, or ``len(data)``."""
    for size in range(min(len(marker) - 1, len(data) - start), 0, -1):
        if data.endswith(marker[:size]):
            return len(data) - size
    return len(data)


def _joiners_as_text(parsed: Iterable[Message]) -> Iterable[Message]:
    """The events, a typed joiner becoming a one-character paste (which fields insert)."""
    for event in parsed:
        if isinstance(event, events.Key) and event.character in JOINERS:
            yield events.Paste(event.character)
        else:
            yield event


class PasteGuardParser(XTermParser):
    """Textual's parser, fed pastes without their control characters."""

    def __init__(self, debug: bool = False) -> None:
        """Start outside a paste."""
        super().__init__(debug)
        self._in_paste = False
        self._held = ""
        """Inside a paste: the end of a chunk that may begin the end marker (kept back)."""
        self._tail = ""
        """Outside a paste: the end of a chunk that may begin the start marker (passed on)."""

    def feed(self, data: str) -> Iterable[Message]:
        """Parse ``data`` once the pastes in it are cleaned (``""`` is the end of input)."""
        if not data:
            return super().feed(data)
        guarded = self.guard(data)
        return _joiners_as_text(super().feed(guarded)) if guarded else ()

    def guard(self, data: str) -> str:
        """Return ``data`` with the controls inside bracketed pastes removed."""
        out: list[str] = []
        pos = 0
        if self._in_paste:
            data, self._held = self._held + data, ""
        elif self._tail:
            joined, self._tail = self._tail + data, ""
            if START.startswith(joined):  # still only the beginning of the marker
                self._tail = joined
                return data
            if joined.startswith(START):
                pos = len(START) - len(joined) + len(data)
                out.append(data[:pos])
                self._in_paste = True
        while pos < len(data):
            if self._in_paste:
                end = data.find(END, pos)
                if end < 0:
                    keep = _partial_at_end(data, END, pos)
                    out.append(_DROPPED.sub("", data[pos:keep]))
                    self._held = data[keep:]
                    break
                out.append(_DROPPED.sub("", data[pos:end]) + END)
                pos = end + len(END)
                self._in_paste = False
            else:
                start = data.find(START, pos)
                if start < 0:
                    out.append(data[pos:])
                    self._tail = data[_partial_at_end(data, START, pos) :]
                    break
                out.append(data[pos : start + len(START)])
                pos = start + len(START)
                self._in_paste = True
        return "".join(out)


def lenient_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """``codecs.getincrementaldecoder``, replacing what does not decode with U+FFFD."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def guard_input() -> None:
    """Make Textual's terminal driver decode leniently and parse with PasteGuardParser."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # no termios (Windows): Textual's Windows driver has its own parser
        return
    linux_driver.XTermParser = PasteGuardParser  # type: ignore[misc]
    linux_driver.getincrementaldecoder = lenient_decoder  # type: ignore[assignment]
