"""End-to-end tests of the terminal driver and the SSH fixture, with a tiny sample app.

The `pty_app` and `ssh_server` fixtures come from e2e_fixtures (see conftest.py).
"""

from __future__ import annotations

import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

if __package__:
    from .driver import TerminalDriver, key_bytes
    from .e2e_fixtures import SpawnApp
    from .sshd import SshServer
else:  # tests/ is on sys.path (no tests/__init__.py)
    from driver import TerminalDriver, key_bytes
    from e2e_fixtures import SpawnApp
    from sshd import SshServer

pytestmark = pytest.mark.e2e

SAMPLE_APP = Path(__file__).resolve().with_name("sample_app.py")
FOOTER = "f2 Clear"


@pytest.fixture
def sample_out(tmp_path: Path) -> Path:
    """Where the sample app writes its value when it hangs up."""
    return tmp_path / "sample.out"


@pytest.fixture
def sample(pty_app: SpawnApp, sample_out: Path) -> Callable[..., TerminalDriver]:
    """Start the sample app in a pty and wait for its footer."""

    def start(**kwargs: object) -> TerminalDriver:
        driver = pty_app(
            [sys.executable, str(SAMPLE_APP)], env={"SAMPLE_OUT": str(sample_out)}, **kwargs
        )
        driver.wait_for(FOOTER)
        return driver

    return start


def _wait_file(driver: TerminalDriver, path: Path, timeout: float = 15.0) -> str:
    """Wait until `path` exists (written atomically) and return its text."""
    driver.wait_until(path.exists, timeout, what=f"{path} to be written")
    return path.read_text()


def test_key_table_uses_xterm_sequences() -> None:
    assert key_bytes("enter") == b"\r"
    assert key_bytes("shift+tab") == b"\x1b[Z"
    assert key_bytes("f1") == b"\x1bOP"
    assert key_bytes("f12") == b"\x1b[24~"
    assert key_bytes("ctrl+a") == b"\x01"
    assert key_bytes("ctrl+shift+up") == b"\x1b[1;6A"
    assert key_bytes("alt+x") == b"\x1bx"
    assert key_bytes("é") == "é".encode()
    with pytest.raises(KeyError):
        key_bytes("hyper+q")


def test_app_starts_in_alt_screen_with_footer_at_bottom(sample: Callable[..., TerminalDriver]):
    driver = sample()
    assert FOOTER in driver.line(23)
    assert driver.in_alt_screen
    assert driver.line(6) == "size=80x24"
    assert not driver.feed_errors


def test_typed_text_is_echoed_and_output_counted(sample: Callable[..., TerminalDriver]):
    driver = sample()
    mark = driver.mark()
    driver.type("hello")
    driver.wait_for("echo:hello")
    assert driver.bytes_since(mark) > 0
    assert b"hello" in driver.raw_since(mark)
    driver.press("backspace", "backspace")
    driver.wait_for(re.compile(r"^echo:hel$", re.MULTILINE))
    driver.press("f2")
    driver.wait_for(re.compile(r"^echo:$", re.MULTILINE))
    driver.type("abc")
    driver.press("enter")
    driver.wait_for("submitted:abc")


def test_bracketed_paste_arrives_as_one_paste(sample: Callable[..., TerminalDriver]):
    driver = sample()
    driver.paste("alpha\nbeta\ngamma")
    driver.wait_for("pasted 3 lines: alpha | beta | gamma")
    # Input keeps the first line only; no Enter key leaked out of the paste. The echo label is
    # painted in a later frame than the paste label: wait for it, then check it exactly.
    driver.wait_for("echo:alpha", line=3)
    assert driver.line(3) == "echo:alpha"
    assert driver.line(5) == "submitted:"


def test_resize_reflows_the_layout(sample: Callable[..., TerminalDriver]):
    driver = sample()
    driver.resize(100, 30)
    # Textual may paint the new label before the new layout: wait for the footer to move.
    driver.wait_for(FOOTER, line=29)
    driver.wait_for("size=100x30")
    assert len(driver.line(0)) == 100  # the Input border spans the new width
    driver.resize(60, 20)
    driver.wait_for(FOOTER, line=19)
    driver.wait_for("size=60x20")
    assert driver.size == (60, 20)


def test_idle_app_goes_quiet(sample: Callable[..., TerminalDriver]):
    driver = sample()
    driver.wait_quiet(quiet=0.3, timeout=5)
    assert driver.bytes_written > 0


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_saves_value_and_exits(
    sample: Callable[..., TerminalDriver], sample_out: Path, sig: signal.Signals
):
    driver = sample()
    driver.type("keep me")
    driver.wait_for("echo:keep me")
    driver.signal(sig)
    assert driver.wait_exit(10) == 0
    assert _wait_file(driver, sample_out) == f"{sig.name}\nkeep me"
    # The app left the alternate screen and showed the cursor again; nothing stray drawn.
    driver.wait_until(lambda: not driver.in_alt_screen, 5, what="alt screen left")
    assert driver.cursor_visible
    assert driver.screen_text().strip() == ""


def test_closed_master_hangs_up_the_app(sample: Callable[..., TerminalDriver], sample_out: Path):
    driver = sample()
    driver.type("dropped")
    driver.wait_for("echo:dropped")
    driver.close_master()
    assert _wait_file(driver, sample_out) == "SIGHUP\ndropped"
    # Exits cleanly, or through the sample app's watchdog when Textual hangs without a tty.
    assert driver.wait_exit(10) == 0


def _ssh_sample(pty_app: SpawnApp, server: SshServer, out: Path) -> TerminalDriver:
    """Run the sample app on the SSH server through a local ssh client in a pty."""
    remote = server.remote_command(
        [sys.executable, str(SAMPLE_APP)],
        env={"TERM": "xterm-256color", "LANG": "C.UTF-8", "SAMPLE_OUT": str(out)},
    )
    driver = pty_app(server.client_argv(remote))
    driver.wait_for(FOOTER)
    return driver


@pytest.mark.ssh
def test_ssh_session_echoes_and_follows_resize(
    pty_app: SpawnApp, ssh_server: SshServer, sample_out: Path
):
    driver = _ssh_sample(pty_app, ssh_server, sample_out)
    driver.type("over ssh é")
    driver.wait_for("echo:over ssh é")
    driver.resize(100, 30)
    driver.wait_for(FOOTER, line=29)
    driver.wait_for("size=100x30")


@pytest.mark.ssh
def test_killed_ssh_client_hangs_up_the_remote_app(
    pty_app: SpawnApp, ssh_server: SshServer, sample_out: Path
):
    driver = _ssh_sample(pty_app, ssh_server, sample_out)
    driver.type("in flight")
    driver.wait_for("echo:in flight")
    driver.signal(signal.SIGKILL)
    assert driver.wait_exit(10) == -signal.SIGKILL
    assert _wait_file(driver, sample_out) == "SIGHUP\nin flight"
