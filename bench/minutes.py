"""Benchmark: rendering the minutes of large sessions stays fast and linear.

Full run: sessions of 500 and 5,000 records, median of 9 renderings each, with
`python -m bench minutes`; `--smoke` renders small sessions once (limits not enforced).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import statistics
import time
from collections.abc import Callable
from typing import Any

from tui.demo import demo_sessions
from tui.export import render_minutes
from tui.model import RECORD_LISTS, Session

CLOCK = dt.datetime(2026, 11, 25, 13, 30, tzinfo=dt.UTC)
RATIO_LIMIT = 12.0
"""The 5,000-record rendering may take at most this many times the 500-record one."""
SECONDS_LIMIT = 1.0
"""The 5,000-record rendering must take less than this."""

PLAN: tuple[str, ...] = (
    *("actions", "resources", "skills", "roles", "agreements", "objectives", "indicators"),
    *("bodies", "working_groups", "signals", "decisions", "action_items", "parking"),
)
"""Lists replicated to scale a session; participants, people and agenda stay as they are."""

LINKS = ("action", "objective", "reports_to", "decision")


def record_count(session: Session) -> int:
    """How many records a session holds, all lists together."""
    return sum(len(getattr(session, name)) for name in RECORD_LISTS)


def scaled(session: Session, target: int, new_id: Callable[[], str]) -> Session:
    """``session`` with its plan replicated (fresh ids, links kept within each copy)."""
    fixed = record_count(session) - sum(len(getattr(session, name)) for name in PLAN)
    per_copy = record_count(session) - fixed
    copies = max(1, round((target - fixed) / per_copy))
    lists: dict[str, list[Any]] = {name: [] for name in PLAN}
    number = itertools.count(1)
    for _ in range(copies):
        ids = {r.id: new_id() for name in PLAN for r in getattr(session, name)}
        for name in PLAN:
            for record in getattr(session, name):
                update: dict[str, Any] = {"id": ids[record.id]}
                for link in LINKS:
                    linked = getattr(record, link, None)
                    if isinstance(linked, str) and linked in ids:
                        update[link] = ids[linked]
                if name == "signals":
                    update["actions"] = [ids.get(a, a) for a in record.actions]
                if name == "decisions":
                    update["number"] = f"{CLOCK.date():%Y-%m-%d}-{next(number):02d}"
                lists[name].append(record.model_copy(update=update))
    return session.model_copy(update=lists)


def once(session: Session) -> float:
    """Seconds to render ``session`` once in the heavier mode (formal)."""
    gc.collect()
    gc.disable()  # as timeit does: a collection is not the renderer's cost
    try:
        start = time.perf_counter()
        render_minutes(session, "formal", session.meeting.minutes_lang)
        return time.perf_counter() - start
    finally:
        gc.enable()


def main(smoke: bool = False) -> bool:
    """Print the rendering times of 500 and 5,000 records; False when a limit is missed."""
    counter = itertools.count(1)

    def new_id() -> str:
        return f"b{next(counter):06d}"

    base = demo_sessions(CLOCK, new_id)[0]
    sizes = (100, 500) if smoke else (500, 5000)
    sessions = {size: scaled(base, size, new_id) for size in sizes}
    runs: dict[int, list[float]] = {size: [] for size in sizes}
    once(sessions[sizes[0]])  # warm the catalogs and Babel
    for _ in range(1 if smoke else 9):
        for size in sizes:  # interleaved, so that both sizes share the machine's load
            runs[size].append(once(sessions[size]))
    times = {size: statistics.median(found) for size, found in runs.items()}
    for size in sizes:
        count = record_count(sessions[size])
        print(f"minutes, {count:>5} records: {times[size] * 1000:8.1f} ms (median)")
    small, large = sizes
    ratio = times[large] / times[small]
    ok_ratio = ratio <= RATIO_LIMIT
    ok_time = times[large] < SECONDS_LIMIT
    print(f"{large}/{small} ratio: {ratio:5.1f}×   (limit ≤ {RATIO_LIMIT:g}×)  {_ok(ok_ratio)}")
    print(f"{large} records: {times[large]:6.3f} s   (limit < {SECONDS_LIMIT:g} s)  {_ok(ok_time)}")
    return ok_ratio and ok_time


def _ok(passed: bool) -> str:
    return "ok" if passed else "FAIL"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Rendering time of the minutes.")
    parser.add_argument("--smoke", action="store_true", help="one quick run on small sessions")
    raise SystemExit(0 if main(parser.parse_args().smoke) else 1)
