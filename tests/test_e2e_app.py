"""The installed ``concerto`` in a real pseudo-terminal: signals and crashes keep the typed text."""

from __future__ import annotations

import json
import shutil
import signal
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

CONCERTO = shutil.which("concerto") or str(Path(sys.executable).parent / "concerto")


def env_for(tmp_path: Path) -> dict[str, str | None]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".state"),
        "LANG": "C.UTF-8",
        "CONCERTO_LANG": "en",
        "CONCERTO_CURSOR_BLINK": "0",
        "TZ": "America/Montreal",
    }


def only_session(data_dir: Path) -> dict:  # type: ignore[type-arg]
    (path,) = [p for p in data_dir.glob("*.json") if not p.name.startswith(".")]
    return json.loads(path.read_text("utf-8"))


def create_and_type(pty_app, data_dir: Path, tmp_path: Path, argv=None):  # type: ignore[no-untyped-def]
    term = pty_app(argv or [CONCERTO, "--data-dir", str(data_dir)], env=env_for(tmp_path))
    term.wait_for("Sessions in")
    term.press("n")
    term.wait_for("Title of the new session")
    term.type("Table de quartier")
    term.press("enter")
    term.wait_for("Collective or body")
    term.press("tab")
    term.type("CDC Rivière-du-Nord")
    return term


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_right_after_typing_saves_the_text(pty_app, tmp_path: Path, sig) -> None:  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "sessions"
    term = create_and_type(pty_app, data_dir, tmp_path)
    term.wait_for("CDC Rivière-du-Nord")
    term.signal(sig)
    assert term.wait_exit(15) == 0
    assert only_session(data_dir)["meeting"]["1"]["collective"] == "CDC Rivière-du-Nord"
    again = pty_app([CONCERTO, "--data-dir", str(data_dir)], env=env_for(tmp_path))
    again.wait_for("Table de quartier")
    again.press("enter")
    again.wait_for("CDC Rivière-du-Nord")


def test_a_dropped_terminal_saves_the_text(pty_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "sessions"
    term = create_and_type(pty_app, data_dir, tmp_path)
    term.wait_for("CDC Rivière-du-Nord")
    term.close_master()
    term.wait_exit(15)
    assert only_session(data_dir)["meeting"]["1"]["collective"] == "CDC Rivière-du-Nord"


CRASHING = """
import sys
from tui.screens.base import SessionScreen
def boom(self):
    raise RuntimeError("boom in a handler")
SessionScreen.action_next_screen = boom
from tui.cli import main
sys.exit(main())
"""


def test_an_exception_in_a_handler_keeps_the_text_and_writes_a_log(pty_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "sessions"
    argv = [sys.executable, "-c", CRASHING, "--data-dir", str(data_dir)]
    term = create_and_type(pty_app, data_dir, tmp_path, argv)
    term.wait_for("CDC Rivière-du-Nord")
    term.press("f3")
    code = term.wait_exit(15)
    assert code not in (0, None)
    assert only_session(data_dir)["meeting"]["1"]["collective"] == "CDC Rivière-du-Nord"
    log = tmp_path / "home" / ".state" / "concerto" / "concerto.log"
    assert "boom in a handler" in log.read_text("utf-8")
    term.wait_until(lambda: str(log) in term.screen_text().replace("\n", ""))
