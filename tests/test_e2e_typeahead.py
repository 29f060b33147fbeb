"""In a real terminal: a line and its Enter written at once (a slow SSH link, a paste without
bracketed paste) are saved whole, in every capture form and in the record editor."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from e2e_fixtures import SpawnApp
from live_helpers import live_session
from test_e2e_app import CONCERTO, env_for
from typing_helpers import CTRL_N, CTRL_T, ENTER, F4, F5, F8

pytestmark = pytest.mark.e2e

LINE = (
    "Le comité retient l'option B : 31 000 $ pour l'été, la salle du CLSC et le prêt du "
    "camion, sous réserve de l'accord écrit de la Ville; Nadia et Luc en font le suivi."
)


def tables(data_dir: Path, sid: str) -> dict[str, Any]:
    """The session file as it is on disk now (a half-written file never shows: atomic)."""
    return dict(json.loads((data_dir / f"{sid}.json").read_text("utf-8")))


def labels(table: dict[str, Any], field: str = "label") -> list[str]:
    return [table[k][field] for k in sorted(table, key=int)]


def wait_on_disk(check: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait until the file says so (saves reach the disk within half a second)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not on disk in time"
        time.sleep(0.05)


CASES = {
    "decision": (F4, lambda t: labels(t["decisions"], "text")),
    "action": (F5, lambda t: labels(t["action_items"])),
    "parking": (F8, lambda t: labels(t["parking"])),
    "note": (CTRL_N, lambda t: t["notes"]["1"].get("resources", "").splitlines()),
    "quick": (CTRL_T + "p ", lambda t: labels(t["parking"])),
    "record": ("a", lambda t: labels(t["resources"])),
}


def test_each_form_keeps_a_line_written_at_once_with_its_enter(
    pty_app: SpawnApp, tmp_path: Path, clock: Any
) -> None:
    data_dir = tmp_path / "sessions"
    data_dir.mkdir(mode=0o700)
    _store, sid = live_session(
        data_dir, clock, lambda s: setattr(s.progress, "screen", "resources")
    )
    term = pty_app([CONCERTO, "--data-dir", str(data_dir), "open", sid], env=env_for(tmp_path))
    term.wait_for("Resources")
    for name, (opener, read) in CASES.items():
        text = f"{name}: {LINE}"
        term.send(opener + text + ENTER)  # one write: the link delivers the whole line
        wait_on_disk(lambda read=read, text=text: text in read(tables(data_dir, sid)))
        if name == "record":
            term.press("escape")
        term.wait_for("a Add", line=-1)  # back on the list, nothing left open
    # A paste without bracketed paste is the same bytes: the last one shows it once more.
    term.send(F8 + "Collé sans crochets" + ENTER)
    wait_on_disk(lambda: "Collé sans crochets" in labels(tables(data_dir, sid)["parking"]))
