"""Issue 7 figures: the Minutes screen opened on the demo session, and on 1,000 records.

In-process and headless (Pilot, 80×24), the app at the Review screen; F3 opens the Minutes
screen. Measured: the time from the key to the first lines of the preview on screen (median
of several runs; limit 0.5 s), the time to the whole preview, and the event loop's longest
stall meanwhile (a task that sleeps 5 ms in a loop and records how late it wakes up), while the
screen switches (compared with switching to step 8, a record list) and while the preview is
drawn. The same for a session of 1,000 records (the demo's lists grown). Baseline on the demo
session, full runs only: Textual's own ``Markdown`` widget given the same Markdown text.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tui.model import Session

NOW = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)
FIRST_LIMIT = 0.5
STALL_LIMIT = 0.1
GROWN = ("actions", "resources", "roles", "indicators", "signals", "decisions", "action_items")
TABLES = (
    "participants", "people", "agenda", "actions", "resources", "skills", "roles", "agreements",
    "objectives", "indicators", "bodies", "working_groups", "signals", "decisions",
    "action_items", "parking",
)  # fmt: skip


def ids(prefix: str) -> Callable[[], str]:
    """Ids ``prefix00001``, ``prefix00002``, …"""
    numbers = itertools.count(1)
    return lambda: f"{prefix}{next(numbers):05d}"


def records(session: Session) -> int:
    """How many records the session holds."""
    return sum(len(getattr(session, table)) for table in TABLES)


def demo() -> Session:
    """The French demo session, left on the Review screen."""
    from tui.demo import demo_sessions

    session = demo_sessions(NOW, ids("d"))[0]
    session.progress.screen = "review"
    return session


def grown(n: int) -> Session:
    """The demo session with its lists grown by copies until it holds ``n`` records."""
    session = demo()
    new_id = ids("g")
    k = 0
    while records(session) < n:
        table = getattr(session, GROWN[k % len(GROWN)])
        copy = table[k % len(table)].model_copy(update={"id": new_id()})
        if GROWN[k % len(GROWN)] == "decisions":
            copy.number = f"2026-11-25-{len(table) + 1:02d}"
        table.append(copy)
        k += 1
    return session


class Stalls:
    """How late the event loop wakes from 5 ms sleeps: its stalls, with when they ended."""

    def __init__(self) -> None:
        self.seen: list[tuple[float, float]] = []
        self._task: asyncio.Task[None] | None = None

    async def _watch(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            self.seen.append((now, now - start - 0.005))

    def start(self) -> None:
        """Start watching the running loop."""
        self.seen = []
        self._task = asyncio.get_running_loop().create_task(self._watch())

    def stop(self) -> None:
        """Stop watching."""
        if self._task is not None:
            self._task.cancel()

    def longest(self, since: float, until: float) -> float:
        """The longest stall that ended between ``since`` and ``until``."""
        return max((late for when, late in self.seen if since < when <= until), default=0.0)


async def open_minutes(folder: Path, session_id: str) -> dict[str, float]:
    """Seconds from F3 to the first lines shown and to the whole preview; stalls meanwhile."""
    from tui.app.main import make_app
    from tui.screens.minutes import MinutesScreen

    app = make_app(folder, lang="fr", clock=lambda: NOW, session_id=session_id, blink=False)
    stalls = Stalls()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.show_screen("review")  # where the last run left it is the Minutes screen
        while getattr(app.screen, "KEY", None) != "review":
            await pilot.pause(0.01)
        await pilot.pause(0.2)
        stalls.start()
        start = time.perf_counter()  # baseline: the same frame, F2 to step 8 (a record list)
        await pilot.press("f2")
        while getattr(app.screen, "KEY", None) != "watch" or not app.screen.is_mounted:
            await pilot.pause(0.01)
        await pilot.pause(0.3)
        baseline = stalls.longest(start, time.perf_counter())
        await pilot.press("f3")
        while getattr(app.screen, "KEY", None) != "review" or not app.screen.is_mounted:
            await pilot.pause(0.01)
        await pilot.pause(0.3)
        start = time.perf_counter()
        press = asyncio.get_running_loop().create_task(pilot.press("f3"))
        first = whole = 0.0
        while not whole:
            screen = app.screen
            if isinstance(screen, MinutesScreen) and screen.is_mounted and screen.preview.lines:
                first = first or time.perf_counter()
                if not screen.rendering:
                    whole = time.perf_counter()
            await asyncio.sleep(0.001)
        await press
        stalls.stop()
        app.close_session()  # release the lock, as quitting does
    return {
        "first": first - start,
        "whole": whole - start,
        "switch stall": stalls.longest(start, first),
        "baseline stall": baseline,
        "render stall": stalls.longest(first, whole),
    }


async def stock_markdown(text: str) -> tuple[float, float]:
    """Textual's Markdown widget given ``text``: seconds to mount it all, longest stall."""
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Markdown

    from tui.export import minutes_parser

    class Stock(App[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Markdown(parser_factory=minutes_parser, open_links=False)

    app = Stock()
    stalls = Stalls()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        stalls.start()
        start = time.perf_counter()
        await app.query_one(Markdown).update(text)
        await pilot.pause()
        took = time.perf_counter()
        stalls.stop()
    return took - start, stalls.longest(start, took)


def measure(folder: Path, session: Session, runs: int) -> dict[str, list[float]]:
    """The figures of ``runs`` openings of the Minutes screen on ``session``."""
    sid = _write(folder, session)
    runs_found = [asyncio.run(open_minutes(folder, sid)) for _ in range(runs)]
    return {key: [found[key] for found in runs_found] for key in runs_found[0]}


def report(name: str, found: dict[str, list[float]]) -> None:
    """Print the medians of the times and the worst stalls."""
    ms = {key: statistics.median(values) * 1000 for key, values in found.items()}
    worst = {key: max(values) * 1000 for key, values in found.items()}
    print(
        f"   {name:<18} first lines {ms['first']:5.0f} ms  whole {ms['whole']:5.0f} ms"
        f"  longest stalls: rendering {worst['render stall']:3.0f} ms, switching screens"
        f" {worst['switch stall']:3.0f} ms (to step 8: {worst['baseline stall']:3.0f} ms)"
        f"  (median of {len(found['first'])})"
    )


def main(smoke: bool = False) -> bool:
    """Print the figures next to their limits; False if a limit is missed."""
    from tui.i18n import set_language
    from tui.model import set_id_factory

    set_language("fr")
    set_id_factory(ids("r"))
    runs, size = (1, 100) if smoke else (7, 1000)
    small, big = demo(), grown(size)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        folder.mkdir(mode=0o700)
        asyncio.run(open_minutes(folder, _write(folder, demo())))  # warm imports and caches
        on_demo = measure(folder, small, runs)
        report(f"demo, {records(small)} records", on_demo)
        on_big = measure(folder, big, max(1, runs // 2))
        report(f"{records(big)} records", on_big)
    set_id_factory(None)
    first = statistics.median(on_demo["first"])
    stall = max(on_big["render stall"] + on_demo["render stall"])
    print(f"   limits: first lines on the demo ≤ {FIRST_LIMIT * 1000:.0f} ms (median"
          f" {first * 1000:.0f}); longest stall while rendering ≤ {STALL_LIMIT * 1000:.0f} ms"
          f" (worst {stall * 1000:.0f})")  # fmt: skip
    if not smoke:
        from tui.export import render_minutes

        took, stock = asyncio.run(stock_markdown(render_minutes(small, "summary", "fr")))
        print(f"   baseline, Textual's Markdown widget given the demo's text: {took * 1000:.0f} ms"
              f" to mount, longest stall {stock * 1000:.0f} ms")  # fmt: skip
    return first <= FIRST_LIMIT and stall <= STALL_LIMIT


def _write(folder: Path, session: Session) -> str:
    from tui.storage.store import SessionStore

    return SessionStore(folder, clock=lambda: NOW).write_new(session).id


if __name__ == "__main__":
    print(main("--smoke" in sys.argv))
