"""Over a real SSH connection: the connection drops in the middle of typing, nothing saved is lost.

The facilitator runs Concerto on a shared server through ``ssh -tt``; the remote command names
the virtual environment's ``concerto`` by absolute path and sets LANG, TERM and the data folder
on its command line. The SSH client is SIGKILLed while keys are on their way (a laptop lid
closed, a Wi-Fi drop); the server hangs up the remote terminal, and Concerto must save and
release the session. On reconnecting, the facilitator resumes the session from the home screen
and finds everything the header had called saved, in a file that parses, open for writing.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

if __package__:
    from .driver import TerminalDriver
    from .e2e_fixtures import SpawnApp
    from .sshd import SshServer
else:  # tests/ is on sys.path (no tests/__init__.py)
    from driver import TerminalDriver
    from e2e_fixtures import SpawnApp
    from sshd import SshServer

from tui.model import Session
from tui.storage.lock import SessionLock, owner_path
from tui.storage.store import SessionStore

pytestmark = [pytest.mark.e2e, pytest.mark.ssh]

CONCERTO = str(Path(sys.executable).parent / "concerto")
TITLE = "Comité de coordination — Rivière-du-Nord"
NAME = "Éloïse Tremblay"
ORGANISATION = "CDC Rivière-du-Nord"
ROLE = "Trésorière et porte-parole du comité"
ROLE_KEYS_BEFORE_DROP = 17
"""Keys of the role typed before the drop; the rest of the role is never sent."""


def remote_env(home: Path) -> dict[str, str]:
    """The remote side's environment, set on the remote command line (sshd passes no env)."""
    return {
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".state"),
        "CONCERTO_LANG": "en",
        "CONCERTO_CURSOR_BLINK": "0",
        "TZ": "America/Montreal",
    }


def connect(pty_app: SpawnApp, server: SshServer, data_dir: Path, home: Path) -> TerminalDriver:
    """Start the SSH client running Concerto's home screen on the server; wait for it."""
    remote = server.remote_command([CONCERTO, "--data-dir", str(data_dir)], remote_env(home))
    client = pty_app(server.client_argv(remote))
    client.wait_for("Sessions in", timeout=30)
    return client


def the_session(data_dir: Path) -> tuple[str, Session]:
    """The one session of the folder, loaded as the app would (parses, validates)."""
    (path,) = [p for p in data_dir.glob("*.json") if not p.name.startswith(".")]
    return path.stem, SessionStore(data_dir).load(path.stem)


def participants(session: Session) -> list[tuple[str, str, str]]:
    """(name, organisation, role) of each participant."""
    return [(p.name, p.organisation, p.role) for p in session.participants]


def saved_with(client: TerminalDriver, data_dir: Path, expected: tuple[str, str, str]) -> Session:
    """Wait until the header says saved and the file holds ``expected``; return what is saved.

    The header alone may still show the previous "saved" for a frame after an echo, so the
    acknowledgement is the header and the file agreeing.
    """

    def acknowledged() -> Session | None:
        if not client.line(0).endswith("saved"):
            return None
        try:
            _sid, session = the_session(data_dir)
        except (OSError, ValueError, AssertionError):
            return None
        return session if expected in participants(session) else None

    return client.wait_until(acknowledged, 15, what=f"header 'saved' and {expected} on disk")


@pytest.mark.heavy(6)
def test_dropped_ssh_connection_keeps_what_was_saved(
    pty_app: SpawnApp, ssh_server: SshServer, tmp_path: Path
) -> None:
    """Kill the SSH client mid-typing; reconnect and resume: the saved work is all there."""
    data_dir, home = tmp_path / "sessions", tmp_path / "home"
    home.mkdir()
    client = connect(pty_app, ssh_server, data_dir, home)

    # Create a session and add a participant: name, then organisation.
    client.press("n")
    client.wait_for("Title of the new session")
    client.type(TITLE)
    client.press("enter")
    client.wait_for("Collective or body")
    client.press("shift+tab")  # from the title to the tabs
    client.press("right")
    client.wait_for("No participant yet")
    client.press("tab")
    client.wait_for("a Add", line=-1)
    client.press("a")
    client.wait_for("New participant")
    client.type(NAME)
    client.wait_for(f"Participant · {NAME}")  # the record exists once it has its name
    client.press("enter")  # moves on before the next keys are read (they come in bursts)
    client.type(ORGANISATION)
    client.wait_for(ORGANISATION)
    acknowledged = saved_with(client, data_dir, (NAME, ORGANISATION, ""))
    sid = acknowledged.id

    # Move on to the role and drop the connection while its keys are on their way.
    client.press("enter")
    for char in ROLE[:ROLE_KEYS_BEFORE_DROP]:
        client.type(char)
        time.sleep(0.01)
    client.signal(signal.SIGKILL)
    assert client.wait_exit(10) == -signal.SIGKILL

    # The server hangs up the remote terminal: Concerto saves, releases the lock and exits.
    lock = SessionLock(data_dir, sid)
    deadline = time.monotonic() + 5  # a facilitator reconnecting at once finds it free
    while not lock.is_free():
        assert time.monotonic() < deadline, "the remote Concerto still holds the session"
        time.sleep(0.1)
    assert not owner_path(data_dir, sid).exists(), "the lock's owner record was left behind"

    # What the facilitator finds on disk: a session listed as such, whose file parses, with
    # everything acknowledged before the drop; the role holds at most the keys sent.
    listings = SessionStore(data_dir).list()
    assert [(item.id, item.damaged) for item in listings] == [(sid, None)]
    _sid, after = the_session(data_dir)
    assert after.meeting == acknowledged.meeting
    assert after.meeting.title == TITLE
    (name, organisation, role) = participants(after)[0]
    assert ROLE[:ROLE_KEYS_BEFORE_DROP].startswith(role), role
    kept = after.participants[0].model_copy(update={"role": ""})
    assert [kept] == acknowledged.participants
    assert (name, organisation) == (NAME, ORGANISATION)

    # Reconnect and resume from the home screen: writable, with the participant.
    again = connect(pty_app, ssh_server, data_dir, home)
    again.wait_for(TITLE)
    again.press("enter")
    again.wait_for("Collective or body")
    again.wait_for("saved", line=0)
    assert "READ-ONLY" not in again.line(0)
    assert "Read-only" not in again.screen_text()
    again.press("shift+tab")
    again.press("right")
    again.wait_for(NAME)
    again.wait_for(ORGANISATION[:17])  # the table's column cuts it with an ellipsis at 80×24

    # A new edit is saved: the session really is open for writing again.
    again.press("left")
    again.wait_for("Collective or body")
    again.press("tab")  # from the tabs to the title
    again.press("tab")  # to the collective
    again.type("Table de quartier")
    again.wait_for("Table de quartier")
    again.wait_until(lambda: the_session(data_dir)[1].meeting.collective == "Table de quartier", 15)
    again.press("ctrl+q")
    assert again.wait_exit(15) == 0
    assert SessionLock(data_dir, sid).is_free()
