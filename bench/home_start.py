"""Issue 4 figure: first frame of home with its first rows, 1,000 demo-size sessions in the folder.

Compared, in the same run, with a minimal Textual app (header, a table of 20 rows, footer)
reaching its first frame with rows. Limit: 1.5×. Median of 5 warm runs each.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from driver import TerminalDriver  # noqa: E402

MINIMAL = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    class Minimal(App):
        BINDINGS = [("ctrl+q", "quit", "Quit")]

        def compose(self):
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self):
            table = self.query_one(DataTable)
            table.add_columns("Title", "Collective", "Date")
            for n in range(20):
                table.add_row(f"Session {n:04d}", "Table de quartier", "2026-11-25")

    Minimal().run()
    """
)


def fill(folder: Path, count: int) -> None:
    """Write ``count`` sessions the size of the demo session, and list once (warms the index)."""
    from tui.demo import demo_sessions
    from tui.model import new_id
    from tui.storage.store import SessionStore

    numbers = itertools.count()
    store = SessionStore(folder, new_id=lambda: f"b{next(numbers):05d}")
    template = demo_sessions(dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC), new_id)[0]
    for n in range(count):
        copy = template.model_copy(deep=True)
        copy.meeting.title = f"Session {n:04d}"
        store.write_new(copy)
    store.list()


FIRST_ROW = re.compile(r"Session 0000 +Table de")


def first_frame(argv: list[str], wanted: re.Pattern[str], env: dict[str, str | None]) -> float:
    """Seconds from spawn to the screen showing ``wanted``."""
    start = time.perf_counter()
    with TerminalDriver.spawn(argv, env=env) as term:
        term.wait_for(wanted, timeout=60)
        elapsed = time.perf_counter() - start
        term.press("ctrl+q")
        term.wait_exit(10)
    return elapsed


def main(smoke: bool = False) -> None:
    """Print both medians and their ratio next to the limit."""
    count, runs = (20, 1) if smoke else (1000, 5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        fill(folder, count)
        script = Path(tmp) / "minimal.py"
        script.write_text(MINIMAL)
        env: dict[str, str | None] = {
            "PYTHONDONTWRITEBYTECODE": None,  # warm runs are runs with bytecode, as a user's
            "HOME": tmp,
            "XDG_CONFIG_HOME": tmp,
            "XDG_STATE_HOME": tmp,
            "CONCERTO_CURSOR_BLINK": "0",
            "CONCERTO_LANG": "en",
            "PATH": os.environ.get("PATH", ""),
        }
        concerto = [sys.executable, "-m", "tui", "--data-dir", str(folder)]
        minimal = [sys.executable, str(script)]
        # The first row of both tables, title then collective: a frame without rows does not count.
        ours: list[float] = []
        base: list[float] = []
        for n in range(runs + 1):  # interleaved, so a change of load weighs on both; 1st warms
            pair = (
                first_frame(concerto, "Session 0000", env),
                first_frame(minimal, "Session 0000", env),
            )
            if n:
                ours.append(pair[0])
                base.append(pair[1])
    a, b = statistics.median(ours), statistics.median(base)
    print(f"home first frame with rows, {count} sessions: {a * 1000:.0f} ms (median of {runs})")
    print(f"minimal Textual app, 20 rows:            {b * 1000:.0f} ms (median of {runs})")
    print(f"ratio {a / b:.2f}× (limit 1.5×)")
    print(
        "runs, ms:",
        " ".join(f"{x * 1000:.0f}/{y * 1000:.0f}" for x, y in zip(ours, base, strict=True)),
    )


if __name__ == "__main__":
    main("--smoke" in sys.argv)
