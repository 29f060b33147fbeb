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


def participant_names(data_dir: Path) -> list[str]:
    table = only_session(data_dir)["participants"]
    return [table[k]["name"] for k in sorted(table, key=int)]


def create_and_type(pty_app, data_dir: Path, tmp_path: Path, argv=None):  # type: ignore[no-untyped-def]
    term = pty_app(argv or [CONCERTO, "--data-dir", str(data_dir)], env=env_for(tmp_path))
    term.wait_for("Sessions in")
    term.press("n")
    term.wait_for("Title of the new session")
    term.type("Table de quartier")
    term.press("enter")
    term.wait_for("Collective or body")
    term.press("shift+tab")  # from the title to the tabs
    term.press("right")  # Participants
    term.wait_for("No participant yet")
    term.press("tab")  # into the table
    term.wait_for("a Add")
    term.press("a")
    term.wait_for("New participant")
    term.type("Awa Diallo-Bélanger")
    return term


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_right_after_typing_saves_the_text(pty_app, tmp_path: Path, sig) -> None:  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "sessions"
    term = create_and_type(pty_app, data_dir, tmp_path)
    term.wait_for("Awa Diallo-Bélanger")
    term.signal(sig)
    assert term.wait_exit(15) == 0
    assert participant_names(data_dir) == ["Awa Diallo-Bélanger"]
    again = pty_app([CONCERTO, "--data-dir", str(data_dir)], env=env_for(tmp_path))
    again.wait_for("Table de quartier")
    again.press("enter")
    again.wait_for("Collective or body")
    again.press("shift+tab")
    again.press("right")
    again.wait_for("Awa Diallo-Bélanger")


def test_a_dropped_terminal_saves_the_text(pty_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "sessions"
    term = create_and_type(pty_app, data_dir, tmp_path)
    term.wait_for("Awa Diallo-Bélanger")
    term.close_master()
    term.wait_exit(15)
    assert participant_names(data_dir) == ["Awa Diallo-Bélanger"]


CRASHING = """
import sys
from tui.screens.base import SessionScreen
def boom(self):
    raise RuntimeError("boom in a handler")
SessionScreen.action_next_screen = boom
from tui.cli.main import main
sys.exit(main())
"""


def test_an_exception_in_a_handler_keeps_the_text_and_writes_a_log(pty_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "sessions"
    argv = [sys.executable, "-c", CRASHING, "--data-dir", str(data_dir)]
    term = create_and_type(pty_app, data_dir, tmp_path, argv)
    term.wait_for("Awa Diallo-Bélanger")
    term.press("f3")
    code = term.wait_exit(15)
    assert code not in (0, None)
    assert participant_names(data_dir) == ["Awa Diallo-Bélanger"]
    log = tmp_path / "home" / ".state" / "concerto" / "concerto.log"
    assert "boom in a handler" in log.read_text("utf-8")
    term.wait_until(lambda: str(log) in term.screen_text().replace("\n", ""))
