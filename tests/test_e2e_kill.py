"""SIGKILL of ``concerto`` at random instants while typing: the session always reopens.

Each trial copies one session into a folder of its own, opens it in a real pseudo-terminal
(``concerto --data-dir D open ID``), types into the meeting's "Collective or body" field and
kills the process (SIGKILL) at a random instant, drawn from a seeded generator, while the keys
arrive. Afterwards the facilitator finds a session that loads, that is listed as a session
(not as damaged), whose lock is free, and whose field holds a prefix of what was typed.

``CONCERTO_KILL_COUNT`` (default 50) sets the number of trials, ``CONCERTO_KILL_SEED`` the seed.
Trials run a few at a time to keep the file under a minute on two cores.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

if __package__:
    from .driver import TerminalDriver
else:  # tests/ is on sys.path (no tests/__init__.py)
    from driver import TerminalDriver

from tui.storage.lock import SessionLock
from tui.storage.store import SessionStore

pytestmark = [pytest.mark.e2e, pytest.mark.serial]  # timing: alone, not beside a worker

CONCERTO = str(Path(sys.executable).parent / "concerto")
KILL_COUNT = int(os.environ.get("CONCERTO_KILL_COUNT", "50"))
SEED = int(os.environ.get("CONCERTO_KILL_SEED", "20261125"))
WORKERS = 3
"""Trials at once: a trial mostly waits for the app to start, so three keep two cores busy."""

TYPED = "Table de concertation en sécurité alimentaire du Lac-aux-Hérons"
PACE = 0.02
"""Seconds between two keys: a fast typist. At 8 ms a key the app saved only once the burst was
over (measured the same before and after this change), so no kill ever fell between two saves of
a half-typed value on a quiet machine, and the last check below failed by chance."""
WINDOW = len(TYPED) * PACE + 0.35
"""Kills fall anywhere in the typing and shortly after it, when the last save is under way."""


def env_for(home: Path) -> dict[str, str | None]:
    """A hermetic environment: own home, config and state folders, English, no blink."""
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".state"),
        "LANG": "C.UTF-8",
        "CONCERTO_LANG": "en",
        "CONCERTO_CURSOR_BLINK": "0",
        "TZ": "America/Montreal",
    }


@dataclass
class Trial:
    """What one kill left on disk."""

    number: int
    delay: float
    keys_sent: int
    collective: str


def run_trial(number: int, delay: float, template: Path, root: Path, sid: str) -> Trial:
    """Open a copy of the session, type, SIGKILL ``delay`` seconds after the first key."""
    folder = root / f"trial{number:03d}"
    folder.mkdir(mode=0o700)
    shutil.copy2(template, folder / template.name)
    argv = [CONCERTO, "--data-dir", str(folder), "open", sid]
    with TerminalDriver.spawn(argv, env=env_for(root / "home")) as term:
        term.wait_for("Collective or body", timeout=30)
        term.wait_for("saved", line=0, timeout=30)
        term.press("tab")  # a priority binding: the keys typed next reach the collective
        start = time.monotonic()
        sent = 0
        for char in TYPED:
            if time.monotonic() - start >= delay:
                break
            term.type(char)
            sent += 1
            time.sleep(PACE)
        time.sleep(max(0.0, delay - (time.monotonic() - start)))
        term.signal(signal.SIGKILL)
        assert term.wait_exit(10) == -signal.SIGKILL, f"trial {number}: not killed"
    store = SessionStore(folder)
    session = store.load(sid)  # parses, validates, and is this session
    listings = store.list()
    assert [(item.id, item.damaged) for item in listings] == [(sid, None)], (number, listings)
    assert SessionLock(folder, sid).is_free(), f"trial {number}: lock still held"
    return Trial(number, delay, sent, session.meeting.collective)


def test_sigkill_while_typing_always_leaves_a_prefix(tmp_path: Path) -> None:
    """Every killed session reopens and holds a prefix of what was typed."""
    (tmp_path / "home").mkdir()
    template_dir = tmp_path / "template"
    sid = SessionStore(template_dir).create("Table de quartier", minutes_lang="fr").id
    template = template_dir / f"{sid}.json"
    rng = random.Random(SEED)
    delays = [rng.uniform(0.0, WINDOW) for _ in range(KILL_COUNT)]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [
            pool.submit(run_trial, n, delay, template, tmp_path, sid)
            for n, delay in enumerate(delays)
        ]
        trials = [future.result() for future in futures]
    for trial in trials:
        assert TYPED.startswith(trial.collective), (
            f"seed {SEED}, trial {trial.number} (killed after {trial.delay:.3f} s, "
            f"{trial.keys_sent} keys sent): {trial.collective!r} is not a prefix of {TYPED!r}"
        )
        # What was saved was typed: never more than the keys sent before the kill.
        assert len(trial.collective) <= trial.keys_sent, trial
    if KILL_COUNT >= 20:  # the kills did fall in the middle of the typing
        assert any(0 < len(t.collective) < len(TYPED) for t in trials), trials
