"""Issue 2 figure: one edit saved to a session of 100, 1,000 and 5,000 records.

Each edit changes one record and saves through ``SessionHandle.save(session, [table])``: all
the records are in that one table, the hardest case for re-serializing only what changed.
Baseline, measured in the same run and interleaved with it: the floor, ``json.dumps`` of the
same data + temporary file + write + fsync + ``os.replace`` + folder fsync. Also shown: stock
TinyDB updating one document in place (no temporary file, no folder fsync).
Limit: p50 ≤ 1.5 × floor p50 + 2 ms.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.model import Action, Meeting, Session
from tui.storage.codec import to_tables
from tui.storage.store import SessionStore

SIZES = (100, 1000, 5000)
RUNS = 50
NOW = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)


def build(n: int) -> Session:
    """A session holding ``n`` actions with every field filled."""
    actions = [
        Action(
            label=f"Action n° {i} : ouvrir la halte-garderie du quartier",
            code=f"A{i}",
            orientation="Familles et petite enfance",
            lead="Awa Diallo",
            deadline=dt.date(2027, 6, 30),
        )
        for i in range(n)
    ]
    meeting = Meeting(title="Banc d'essai", collective="Table de quartier")
    return Session(id="bench", created=NOW, updated=NOW, meeting=meeting, actions=actions)


def floor_save(folder: Path, data: dict[str, Any]) -> None:
    """The least any crash-safe save of this data costs."""
    raw = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".floor.json.tmp-")
    try:
        os.write(fd, raw)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, folder / "floor.json")
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def tinydb_update(folder: Path, session: Session, runs: int) -> list[float]:
    """Stock TinyDB (in-place JSONStorage) changing one document of the same data."""
    from tinydb import TinyDB

    path = folder / "tinydb.json"
    path.write_text(json.dumps(to_tables(session)), "utf-8")
    db = TinyDB(path)
    table = db.table("actions")

    def edit(n: int) -> Callable[[], object]:
        return lambda: table.update({"label": f"edit {n}"}, doc_ids=[1])

    try:
        return [timed(edit(n)) for n in range(runs)]
    finally:
        db.close()


def measure(folder: Path, n: int, runs: int) -> dict[str, list[float]]:
    """Save and floor times (ms) for a session of ``n`` records, interleaved run by run."""
    store = SessionStore(folder / "sessions", clock=lambda: NOW)
    sid = store.write_new(build(n)).id
    handle = store.open(sid)
    session = handle.session
    saves: list[float] = []
    floors: list[float] = []
    try:
        for k in range(runs + 3):  # three warm-up rounds
            session.actions[k % n].label = f"Action modifiée {k}"
            took = timed(lambda: handle.save(session, ["actions"]))
            data = to_tables(session)  # the same data, already as plain dicts
            floor = timed(lambda: floor_save(folder, data))  # noqa: B023 (called at once)
            if k >= 3:
                saves.append(took)
                floors.append(floor)
    finally:
        handle.close()
    return {"save": saves, "floor": floors, "tinydb": tinydb_update(folder, session, runs)}


def main(smoke: bool = False) -> bool:
    """Print p50/p99 of the save beside the floor and the limit; False if a limit is missed."""
    sizes, runs = ((20, 100), 5) if smoke else (SIZES, RUNS)
    ok = True
    with tempfile.TemporaryDirectory(dir=os.environ.get("CONCERTO_BENCH_DIR")) as tmp:
        folder = Path(tmp)
        print(f"   folder {folder}, {runs} runs each; times in ms")
        print(f"   {'records':>7} {'file KB':>8} {'save p50':>9} {'p99':>7} {'floor p50':>10}"
              f" {'p99':>7} {'limit':>7} {'tinydb p50':>11}  verdict")  # fmt: skip
        for n in sizes:
            times = measure(folder, n, runs)
            size = next((folder / "sessions").glob("*.json")).stat().st_size / 1024
            save50, floor50 = statistics.median(times["save"]), statistics.median(times["floor"])
            limit = 1.5 * floor50 + 2.0
            verdict = "ok" if save50 <= limit else "OVER"
            ok = ok and save50 <= limit
            print(
                f"   {n:>7} {size:>8.0f} {save50:>9.2f} {pct(times['save'], 0.99):>7.2f}"
                f" {floor50:>10.2f} {pct(times['floor'], 0.99):>7.2f} {limit:>7.2f}"
                f" {statistics.median(times['tinydb']):>11.2f}  {verdict}"
            )
            for p in (folder / "sessions").glob("*.json"):
                p.unlink()
    print("   reliability.md baseline, TinyDB insert: 1.3 / 12 / 134 ms at 0.02 / 0.5 / 5.1 MB")
    return ok
