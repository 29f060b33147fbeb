"""In a real 80×24 terminal: the speaking queue and the find line, typed key by key and in
one write (a slow SSH link delivers a line and its Enter at once); the queue outlives the app."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from e2e_fixtures import SpawnApp
from live_helpers import four_resources, live_session
from test_e2e_app import CONCERTO, env_for
from test_e2e_typeahead import tables, wait_on_disk
from typing_helpers import CTRL_G, ENTER

pytestmark = pytest.mark.e2e

F10 = "\x1b[21~"


def _speaking(data_dir: Path, sid: str) -> dict[str, Any]:
    return dict(tables(data_dir, sid)["progress"]["1"]["speaking"])


def test_queue_and_find_line_in_one_write_and_key_by_key(
    pty_app: SpawnApp, tmp_path: Path, clock: Any
) -> None:
    data_dir = tmp_path / "sessions"
    data_dir.mkdir(mode=0o700)
    _store, sid = live_session(data_dir, clock, four_resources)
    argv = [CONCERTO, "--data-dir", str(data_dir), "open", sid]
    term = pty_app(argv, env=env_for(tmp_path))
    term.wait_for("Traiteur")
    term.send(F10 + "lu" + ENTER)  # one write: the dialog opens and gets the rest
    wait_on_disk(lambda: _speaking(data_dir, sid)["waiting"] == ["Luc Gagnon"])
    term.wait_for("│ 1 waiting │", line=0)
    term.press("f10")
    term.wait_for("Speaking queue")
    term.type("Am")  # key by key, then Enter alone
    term.press("enter")
    wait_on_disk(lambda: _speaking(data_dir, sid)["waiting"] == ["Luc Gagnon", "Amina Diallo"])
    term.press("shift+f10")
    term.wait_for(re.compile(r"Floor: Luc Gagnon \d\d:\d\d · 1 waiting"))
    wait_on_disk(lambda: (_speaking(data_dir, sid)["speaker"] or {}).get("name") == "Luc Gagnon")

    term.send("/sa" + ENTER + ENTER)  # find « Salle », then Enter edits that row
    term.wait_for("Resource · Salle")
    term.press("escape")
    term.wait_gone("Resource · Salle")
    assert len(tables(data_dir, sid)["resources"]) == 4  # no letter reached the table's keys
    term.send(CTRL_G + "ski" + ENTER)  # Go to, by the first letters of a screen, in one write
    term.wait_for("▸3 Skills", line=1)
    term.press("ctrl+q")
    term.wait_exit(10)

    again = pty_app(argv, env=env_for(tmp_path))  # the connection dropped: start again
    again.wait_for(re.compile(r"Floor: Luc Gagnon \d\d:\d\d · 1 waiting"))
