"""Drive a program in a real pseudo-terminal and read its screen through pyte."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import selectors
import signal as signal_module
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar

import pyte

T = TypeVar("T")
TextOrRegex = str | re.Pattern[str]

_MODIFIERS = {"shift": 2, "alt": 3, "shift+alt": 4, "ctrl": 5, "ctrl+shift": 6}
_CSI_LETTER_KEYS = {"up": "A", "down": "B", "right": "C", "left": "D", "home": "H", "end": "F"}
_CSI_TILDE_KEYS = {"insert": 2, "delete": 3, "pageup": 5, "pagedown": 6}
_FUNCTION_KEYS = {
    **{f"f{n}": f"\x1bO{letter}" for n, letter in zip(range(1, 5), "PQRS", strict=True)},
    **{f"f{n + 5}": f"\x1b[{code}~" for n, code in enumerate((15, 17, 18, 19, 20, 21, 23, 24))},
}
_SHIFT_FUNCTION_KEYS = {
    f"shift+f{n + 5}": f"\x1b[{code};2~" for n, code in enumerate((15, 17, 18, 19, 20, 21, 23, 24))
}
"""shift+F5 to shift+F12 as xterm sends them (Textual reads them as shift+f5…)."""


def _build_key_table() -> dict[str, bytes]:
    """Return the xterm byte sequence of every named key (normal cursor-key mode)."""
    keys = {
        "enter": "\r",
        "return": "\r",
        "tab": "\t",
        "shift+tab": "\x1b[Z",
        "escape": "\x1b",
        "esc": "\x1b",
        "backspace": "\x7f",
        "space": " ",
        "ctrl+space": "\x00",
        **{name: f"\x1b[{letter}" for name, letter in _CSI_LETTER_KEYS.items()},
        **{name: f"\x1b[{code}~" for name, code in _CSI_TILDE_KEYS.items()},
        **_FUNCTION_KEYS,
        **_SHIFT_FUNCTION_KEYS,
        **{f"ctrl+{chr(c)}": chr(c - 96) for c in range(ord("a"), ord("z") + 1)},
    }
    for mod, code in _MODIFIERS.items():
        for name, letter in _CSI_LETTER_KEYS.items():
            keys[f"{mod}+{name}"] = f"\x1b[1;{code}{letter}"
        for name, number in _CSI_TILDE_KEYS.items():
            keys[f"{mod}+{name}"] = f"\x1b[{number};{code}~"
        for name, plain in _FUNCTION_KEYS.items():  # F1-F4: CSI 1;mod P-S; F5-F12: CSI n;mod ~
            keys[f"{mod}+{name}"] = (
                f"\x1b[1;{code}{plain[-1]}" if plain[1] == "O" else f"{plain[:-1]};{code}~"
            )
    return {name: seq.encode() for name, seq in keys.items()}


KEYS: dict[str, bytes] = _build_key_table()


def key_bytes(key: str) -> bytes:
    """Return the bytes an xterm sends for a key name, a single character or `alt+<char>`."""
    if len(key) == 1:
        return key.encode()
    if key.lower() in KEYS:
        return KEYS[key.lower()]
    if key.lower().startswith("alt+") and len(key) == 5:
        return b"\x1b" + key[4].encode()
    raise KeyError(f"unknown key {key!r}; known: {', '.join(sorted(KEYS))}")


# Textual pops the kitty keyboard protocol with CSI < u; pyte does not know the `<` prefix
# and would draw a stray "u", so the sequence is removed before feeding pyte.
_KITTY_POP = re.compile(rb"\x1b\[<\d*u")
_PARTIAL_KITTY_POP = re.compile(rb"\x1b(\[(<\d*)?)?\Z")
_ALT_SCREEN_MODES = frozenset({47, 1047, 1049})
# DECRQM query for synchronized output, and the answer "supported, currently reset".
_SYNC_QUERY = b"\x1b[?2026$p"
_SYNC_ANSWER = b"\x1b[?2026;2$y"
_SYNC_MODE = 2026 << 5  # how pyte stores a private mode


class _Screen(pyte.Screen):
    """A pyte screen that also emulates the alternate screen buffer."""

    def __init__(self, columns: int, lines: int) -> None:
        self.in_alt_screen = False
        self._main_buffer: dict[int, dict[int, Any]] = {}
        super().__init__(columns, lines)

    def set_mode(self, *modes: int, **kwargs: Any) -> None:
        """Switch to the alternate screen when asked, then apply the other modes."""
        alt = kwargs.get("private") and _ALT_SCREEN_MODES.intersection(modes)
        if alt and not self.in_alt_screen:
            self.save_cursor()
            self._main_buffer = {y: dict(line) for y, line in self.buffer.items()}
            self.in_alt_screen = True
            self.erase_in_display(2)
        super().set_mode(*modes, **kwargs)

    def reset_mode(self, *modes: int, **kwargs: Any) -> None:
        """Restore the main screen when the alternate screen is left."""
        alt = kwargs.get("private") and _ALT_SCREEN_MODES.intersection(modes)
        if alt and self.in_alt_screen:
            self.buffer.clear()
            for y, cells in self._main_buffer.items():
                self.buffer[y].update(cells)
            self.in_alt_screen = False
            self.dirty.update(range(self.lines))
            self.restore_cursor()
        super().reset_mode(*modes, **kwargs)


def _make_controlling_tty() -> None:
    """Make stdin (the pty slave) the controlling terminal of the new session (runs in child)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _child_env(env: Mapping[str, str | None] | None, term: str) -> dict[str, str]:
    """Return os.environ without COLUMNS/LINES, updated by `env` (None unsets) and TERM."""
    result = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    for key, value in (env or {}).items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    result["TERM"] = term
    return result


class TerminalDriver:
    """A process running in a pseudo-terminal, with an emulated screen and byte accounting."""

    def __init__(
        self,
        proc: subprocess.Popen[bytes],
        master_fd: int,
        cols: int,
        rows: int,
        *,
        sync_output: bool = True,
    ) -> None:
        self.proc = proc
        self.sync_output = sync_output
        self.pid = proc.pid
        self._master: int | None = master_fd
        self._cond = threading.Condition(threading.RLock())
        self._screen = _Screen(cols, rows)
        self._screen.write_process_input = self._answer  # type: ignore[method-assign]
        self._stream = pyte.ByteStream(self._screen)
        self._raw = bytearray()
        self._pending = b""
        self._last_output = time.monotonic()
        self._eof = False
        self.bytes_sent = 0
        self.feed_errors: list[BaseException] = []
        self._wake_r, self._wake_w = os.pipe()
        self._reader = threading.Thread(target=self._read_loop, name=f"pty-{self.pid}", daemon=True)
        self._reader.start()

    @classmethod
    def spawn(
        cls,
        argv: Sequence[str],
        *,
        cols: int = 80,
        rows: int = 24,
        term: str = "xterm-256color",
        env: Mapping[str, str | None] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        sync_output: bool = True,
    ) -> TerminalDriver:
        """Start `argv` in a new session whose controlling terminal is a fresh pty.

        `env` updates os.environ (a None value unsets); COLUMNS and LINES are dropped. With
        `sync_output` the terminal says it supports synchronized output (mode 2026), so
        Textual brackets each frame and the wait methods only look at whole frames.
        """
        master, slave = os.openpty()
        try:
            fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            proc = subprocess.Popen(
                list(argv),
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=_child_env(env, term),
                cwd=cwd,
                start_new_session=True,
                # preexec_fn runs one ioctl: safe enough although the parent has threads.
                preexec_fn=_make_controlling_tty,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        return cls(proc, master, cols, rows, sync_output=sync_output)

    # -- reading ---------------------------------------------------------------------------

    def _read_loop(self) -> None:
        """Feed everything the program writes to pyte until EOF or close."""
        assert self._master is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self._master, selectors.EVENT_READ)
            sel.register(self._wake_r, selectors.EVENT_READ)
            while True:
                ready = [key.fd for key, _ in sel.select()]
                if self._wake_r in ready:
                    return
                try:
                    data = os.read(self._master, 65536)
                except OSError:  # EIO: every slave fd is closed
                    data = b""
                with self._cond:
                    if not data:
                        self._eof = True
                        self._cond.notify_all()
                        return
                    start = max(0, len(self._raw) - len(_SYNC_QUERY) + 1)
                    self._raw.extend(data)
                    self._last_output = time.monotonic()
                    self._feed(data)
                    if self.sync_output and _SYNC_QUERY in self._raw[start:]:
                        self.send(_SYNC_ANSWER)
                    self._cond.notify_all()

    def _feed(self, data: bytes) -> None:
        """Give pyte the new bytes, minus sequences it would misread."""
        data = _KITTY_POP.sub(b"", self._pending + data)
        partial = _PARTIAL_KITTY_POP.search(data)
        self._pending = data[partial.start() :] if partial else b""
        data = data[: partial.start()] if partial else data
        try:
            self._stream.feed(data)
        except Exception as exc:  # pyte's parser dies on an exception: start a new one
            self.feed_errors.append(exc)
            self._stream = pyte.ByteStream(self._screen)

    def _answer(self, data: str) -> None:
        """Send pyte's answers to terminal queries (device attributes, status) to the program."""
        self.send(data)

    # -- screen ----------------------------------------------------------------------------

    @property
    def screen(self) -> pyte.Screen:
        """The pyte screen (take `lock` while reading cells of a running program)."""
        return self._screen

    @property
    def lock(self) -> threading.Condition:
        """The lock that guards the screen and the raw bytes."""
        return self._cond

    @property
    def size(self) -> tuple[int, int]:
        """The current (cols, rows)."""
        return self._screen.columns, self._screen.lines

    def screen_text(self) -> str:
        """Return the display lines, trailing spaces stripped, joined by newlines."""
        with self._cond:
            return "\n".join(line.rstrip() for line in self._screen.display)

    def line(self, i: int) -> str:
        """Return display line `i` (negative counts from the bottom), trailing spaces stripped."""
        with self._cond:
            return self._screen.display[i].rstrip()

    @property
    def in_alt_screen(self) -> bool:
        """Whether the program has switched to the alternate screen and not left it."""
        return self._screen.in_alt_screen

    @property
    def cursor_visible(self) -> bool:
        """Whether the program shows the cursor."""
        return not self._screen.cursor.hidden

    def dump(self) -> str:
        """Return the screen framed, with line numbers, for failure messages."""
        with self._cond:
            lines = self.screen_text().split("\n")
            state = "running" if self.proc.poll() is None else f"exited {self.proc.returncode}"
            header = f"--- screen {self._screen.columns}x{self._screen.lines}, process {state} ---"
        return "\n".join([header, *(f"{n:2}|{text}" for n, text in enumerate(lines)), "-" * 20])

    # -- waiting ---------------------------------------------------------------------------

    def wait_until(
        self, predicate: Callable[[], T], timeout: float = 15.0, *, what: str | None = None
    ) -> T:
        """Poll `predicate` (on each output, at least every 50 ms) until truthy; return it.

        The predicate is not called while a synchronized frame is half received.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                mid_frame = _SYNC_MODE in self._screen.mode and not self._eof
                result = None if mid_frame else predicate()
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"timed out after {timeout}s waiting for {what or predicate!r}\n"
                        + self.dump()
                    )
                self._cond.wait(min(remaining, 0.05))

    def _screen_matcher(self, text_or_regex: TextOrRegex, line: int | None) -> Callable[[], bool]:
        def text() -> str:
            if line is None:
                return self.screen_text()
            with self._cond:
                in_range = -self._screen.lines <= line < self._screen.lines
                return self.line(line) if in_range else ""

        if isinstance(text_or_regex, re.Pattern):
            pattern = text_or_regex
            return lambda: pattern.search(text()) is not None
        needle = text_or_regex
        return lambda: needle in text()

    def wait_for(
        self, text_or_regex: TextOrRegex, timeout: float = 15.0, *, line: int | None = None
    ) -> None:
        """Wait until the text (or a match of the compiled regex) is on screen (or on `line`)."""
        found = self._screen_matcher(text_or_regex, line)

        def shown_or_dead() -> bool:
            # Once the pty reached EOF the screen cannot change any more: fail at once.
            return found() or self._eof

        where = "on screen" if line is None else f"on line {line}"
        self.wait_until(shown_or_dead, timeout, what=f"{text_or_regex!r} {where}")
        if not found():
            raise AssertionError(f"{text_or_regex!r} never shown before EOF\n" + self.dump())

    def wait_gone(
        self, text_or_regex: TextOrRegex, timeout: float = 15.0, *, line: int | None = None
    ) -> None:
        """Wait until the text (or regex) is no longer on screen (or on `line`)."""
        found = self._screen_matcher(text_or_regex, line)
        self.wait_until(lambda: not found(), timeout, what=f"{text_or_regex!r} to disappear")

    def wait_quiet(self, quiet: float = 0.3, timeout: float = 15.0) -> None:
        """Wait until no output has arrived for `quiet` seconds (the one time-based wait)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                now = time.monotonic()
                silent_for = now - self._last_output
                if silent_for >= quiet or self._eof:
                    return
                if now >= deadline:
                    raise AssertionError(
                        f"output never paused for {quiet}s within {timeout}s\n" + self.dump()
                    )
                self._cond.wait(min(quiet - silent_for, deadline - now))

    # -- byte accounting -------------------------------------------------------------------

    @property
    def bytes_written(self) -> int:
        """Total bytes the program has written to the terminal."""
        with self._cond:
            return len(self._raw)

    def mark(self) -> int:
        """Return the current output position, for `bytes_since` and `raw_since`."""
        return self.bytes_written

    def bytes_since(self, mark: int) -> int:
        """Return how many bytes were written since `mark`."""
        return self.bytes_written - mark

    def raw_since(self, mark: int = 0) -> bytes:
        """Return the raw bytes written since `mark`, escape sequences included."""
        with self._cond:
            return bytes(self._raw[mark:])

    # -- input -----------------------------------------------------------------------------

    def send(self, data: bytes | str) -> None:
        """Write raw input to the terminal, as if typed."""
        if isinstance(data, str):
            data = data.encode()
        if self._master is None:
            raise RuntimeError("the pty master is closed")
        view = memoryview(data)
        while view:
            written = os.write(self._master, view)
            view = view[written:]
            self.bytes_sent += written

    def press(self, *keys: str, delay: float = 0.0) -> None:
        """Press keys by name ("enter", "ctrl+p", "shift+tab", "f1", "a"), one write each.

        Textual reads a lone escape followed quickly by a key as alt+key, and an alt+key
        followed by another escape sequence as "^" then the key: wait for the effect of
        "escape" or "alt+..." on screen before pressing the next key. Likewise wait for a
        binding's effect before typing text, as its action may run after the next keys.
        """
        for index, key in enumerate(keys):
            if index and delay:
                time.sleep(delay)
            self.send(key_bytes(key))

    def type(self, text: str, delay: float = 0.0) -> None:
        """Type text one character per write, optionally pausing between characters."""
        for index, char in enumerate(text):
            if index and delay:
                time.sleep(delay)
            self.send(char)

    def paste(self, text: str) -> None:
        """Paste text with bracketed paste markers, in a single write."""
        self.send(b"\x1b[200~" + text.encode() + b"\x1b[201~")

    def resize(self, cols: int, rows: int) -> None:
        """Resize the terminal; the kernel sends SIGWINCH to the foreground process group."""
        if self._master is None:
            raise RuntimeError("the pty master is closed")
        with self._cond:
            self._screen.resize(rows, cols)
        fcntl.ioctl(self._master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    # -- process control -------------------------------------------------------------------

    def signal(self, sig: int) -> None:
        """Send a signal to the process."""
        os.kill(self.pid, sig)

    def kill(self) -> None:
        """SIGKILL the whole process group."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal_module.SIGKILL)

    def close_master(self) -> None:
        """Close the pty master, as a dropped SSH connection does: the session gets SIGHUP."""
        self._stop_reader()
        if self._master is not None:
            os.close(self._master)
            self._master = None

    def wait_exit(self, timeout: float = 15.0) -> int | None:
        """Wait for the process to exit; return its code (negative: signal) or None."""
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    @property
    def exited(self) -> bool:
        """Whether the process has exited."""
        return self.proc.poll() is not None

    def _stop_reader(self) -> None:
        if self._reader.is_alive():
            os.write(self._wake_w, b"x")
            self._reader.join(5)

    def close(self) -> None:
        """Kill the process group, reap the process and release the pty."""
        self.kill()
        self.wait_exit(5)
        self.close_master()
        for fd in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._wake_r = self._wake_w = -1

    def __enter__(self) -> TerminalDriver:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
