"""Share with the room: serve the open session's live read-only page and show its address.

The server is ``concerto room ID --for-app``, a child process: its viewers never compete with
the facilitator's typing for this process. It stops when the app stops (its standard input,
a pipe from the app, closes even if the app is killed) or when asked here.
"""

from __future__ import annotations

import atexit
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from tui.i18n import N_, _, get_language
from tui.model.clean import clean_text
from tui.room.words import lan_warning, local_only
from tui.widgets.dialogs import CANCEL, Choose, Dialog

LOCAL = "127.0.0.1"
LAN = "0.0.0.0"


class RoomError(Exception):
    """The room server did not start; the message is its one line."""


@dataclass
class Room:
    """A running room server: the child process, where it listens and its address."""

    process: subprocess.Popen[bytes]
    host: str
    url: str

    @property
    def alive(self) -> bool:
        """True while the server runs."""
        return self.process.poll() is None

    def stop(self) -> None:
        """Close its input (it stops by itself), then make sure it is gone."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


ROOMS: dict[tuple[str, str], Room] = {}
"""Running servers of this app, by (data folder, session id)."""


def _stop_all() -> None:
    for room in ROOMS.values():
        room.stop()
    ROOMS.clear()


atexit.register(_stop_all)


def start_room(folder: Path, session_id: str, host: str) -> Room:
    """Start ``concerto room`` for a session on any free port; blocks until it listens."""
    key = (str(folder), session_id)
    running = ROOMS.pop(key, None)
    if running is not None:
        running.stop()
    argv = [sys.executable, "-m", "tui", "--data-dir", str(folder), "--lang", get_language()]
    argv += ["room", session_id, "--host", host, "--port", "0", "--for-app"]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors
        )
        assert process.stdout is not None
        line = process.stdout.readline().decode("utf-8", "replace").strip()
        if not line.startswith("http"):
            process.wait()
            errors.seek(0)
            lines = errors.read().decode("utf-8", "replace").strip().splitlines()
            reason = lines[-1].removeprefix("concerto: ") if lines else str(process.returncode)
            raise RoomError(clean_text(reason, multiline=False))
    room = ROOMS[key] = Room(process, host, line)
    return room


def running_room(folder: Path, session_id: str) -> Room | None:
    """The server already sharing this session, if any."""
    room = ROOMS.get((str(folder), session_id))
    return room if room is not None and room.alive else None


def share_room(app: App[Any], folder: Path, session_id: str) -> None:
    """The command « Share with the room »: show the running room, or choose where to share."""
    room = running_room(folder, session_id)
    if room is not None:
        app.push_screen(RoomShown(room, folder, session_id))
        return

    def chosen(host: str | None) -> None:
        if host:
            app.notify(_("Starting the room view…"))
            app.run_worker(lambda: _start(app, folder, session_id, host), thread=True)

    app.push_screen(ShareChoice(), chosen)


def _start(app: App[Any], folder: Path, session_id: str, host: str) -> None:
    try:
        room = start_room(folder, session_id, host)
    except (RoomError, OSError) as exc:
        message = _("The room view did not start: {reason}", reason=str(exc))
        app.call_from_thread(app.notify, message, severity="error", markup=False)
        return
    app.call_from_thread(_show, app, RoomShown(room, folder, session_id))


def _show(app: App[Any], dialog: RoomShown) -> None:
    app.clear_notifications()  # « Starting… » would cover the address
    app.push_screen(dialog)


class ShareChoice(Choose):
    """Where to share: this computer only, or the local network (with who can then see it)."""

    def __init__(self) -> None:
        """Two choices; this computer first."""
        super().__init__(
            _("Share with the room"),
            [
                (_("This computer only (the projector)"), LOCAL),
                (_("The local network (phones in the room)"), LAN),
            ],
        )

    def on_mount(self) -> None:
        """Add the warning under the choices."""
        box = self.query_one(Vertical)
        box.mount(Static(lan_warning(), classes="dialog-hint", markup=False))
        box.mount(Static(_("Enter: share · Esc: cancel"), classes="dialog-hint"))


class RoomShown(Dialog[None]):
    """The room's address and its QR code, to project; s stops sharing."""

    DEFAULT_CSS = """
    RoomShown > Vertical { width: 80; max-width: 100%; max-height: 100%; }
    RoomShown Horizontal { height: auto; }
    RoomShown #room-qr { width: auto; height: auto; margin-right: 1; }
    RoomShown #room-text { width: 1fr; height: auto; }
    RoomShown #room-text Static { margin-bottom: 1; }
    RoomShown #room-url { text-style: bold; }
    """
    BINDINGS = [CANCEL, Binding("s", "stop", N_("Stop sharing"))]

    def __init__(self, room: Room, folder: Path, session_id: str) -> None:
        """Show ``room``, serving ``session_id`` of ``folder``."""
        super().__init__()
        self.room = room
        self.key = (str(folder), session_id)

    def compose(self) -> ComposeResult:
        """The QR code with what it shares and who can see it beside, the address below."""
        from tui.room.qr import qr_rows

        # A QR code is read dark on light whatever the theme: its colours are fixed.
        code = Text("\n".join(qr_rows(self.room.url)), style="black on white")
        who = lan_warning() if self.room.host == LAN else local_only()
        with Vertical():
            with Horizontal():
                yield Static(code, id="room-qr")
                with Vertical(id="room-text"):
                    yield Static(_("Share with the room"), classes="dialog-title")
                    yield Static(_("Read-only: it follows each save."), markup=False)
                    yield Static(who, markup=False)
                    yield Static(_("s: stop sharing · Esc: close"), classes="dialog-hint")
            yield Static(self.room.url, id="room-url", markup=False)

    def action_stop(self) -> None:
        """Stop the server and close."""
        self.room.stop()
        ROOMS.pop(self.key, None)
        self.notify(_("The room view is stopped."))
        self.dismiss(None)
