"""Issue 2 figure: ``concerto list --json`` over 1,000 sessions the size of the demo session.

The real command in a subprocess (``python -m tui``, what the ``concerto`` script runs).
Baseline, same run: listing a folder of one such session. Warm runs (the ``.index.json``
cache in place), median of 7; the cold first run (no cache: every file parsed) is reported
too. Limit: warm 1,000 ≤ 3 × warm one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tui.model import Session, new_id

COUNT = 1000
RUNS = 7
LIMIT = 3.0
NOW = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)


def template() -> Session:
    """The French demo session (a comparable hand-built one if the demo is not there)."""
    try:
        from tui.demo import demo_sessions
    except ImportError:  # pragma: no cover - the demo comes with another issue
        from tui.model import Action, Meeting, Participant

        return Session(
            id="demo",
            meeting=Meeting(title="Plan d'action", collective="Table de quartier"),
            participants=[Participant(name=f"Personne {i}") for i in range(12)],
            actions=[Action(label=f"Action {i}", orientation="Familles") for i in range(60)],
        )
    return demo_sessions(NOW, new_id)[0]


def fill(folder: Path, count: int) -> int:
    """Write ``count`` copies of the demo session; return the size of one file."""
    from tui.storage.store import SessionStore

    numbers = itertools.count()
    store = SessionStore(folder, new_id=lambda: f"b{next(numbers):05d}")
    base = template()
    for n in range(count):
        copy = base.model_copy(deep=True)
        copy.meeting.title = f"{base.meeting.title} {n:04d}"
        store.write_new(copy)
    return store.files()[0].stat().st_size


def list_once(folder: Path, env: dict[str, str]) -> tuple[float, int]:
    """Seconds one ``concerto list --json`` takes, and how many lines it printed."""
    argv = [sys.executable, "-m", "tui", "--data-dir", str(folder), "list", "--json"]
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, len(done.stdout.splitlines())


def figures(folder: Path, count: int, runs: int, env: dict[str, str]) -> tuple[float, float]:
    """(cold first run, warm median) in seconds, checking every session is listed."""
    (folder / ".index.json").unlink(missing_ok=True)
    cold, lines = list_once(folder, env)
    assert lines == count, (lines, count)
    warm = [list_once(folder, env)[0] for _ in range(runs)]
    return cold, statistics.median(warm)


def main(smoke: bool = False) -> bool:
    """Print the warm and cold times beside the one-session baseline and the 3× limit."""
    count, runs = (20, 2) if smoke else (COUNT, RUNS)
    with tempfile.TemporaryDirectory(dir=os.environ.get("CONCERTO_BENCH_DIR")) as tmp:
        root = Path(tmp)
        env = {
            **os.environ,
            "HOME": str(root / "home"),
            "XDG_CONFIG_HOME": str(root / "home" / ".config"),
            "CONCERTO_LANG": "en",
        }
        size = fill(root / "one", 1)
        started = time.perf_counter()
        fill(root / "many", count)
        print(f"   {count} sessions of {size / 1024:.0f} KB written in "
              f"{time.perf_counter() - started:.1f} s; warm = median of {runs}")  # fmt: skip
        one_cold, one = figures(root / "one", 1, runs, env)
        many_cold, many = figures(root / "many", count, runs, env)
    ratio = many / one
    verdict = "ok" if ratio <= LIMIT else "OVER"
    print(f"   {'folder':<16} {'warm s':>7} {'cold s':>7}")
    print(f"   {'1 session':<16} {one:>7.3f} {one_cold:>7.3f}   (baseline)")
    print(f"   {f'{count} sessions':<16} {many:>7.3f} {many_cold:>7.3f}")
    print(f"   warm ratio {ratio:.2f}× (limit {LIMIT:.0f}×)  {verdict}")
    return ratio <= LIMIT
