"""Issue 14 figure: lines lost when the keys of a capture arrive in bursts (must be 0).

Concerto runs in a pseudo-terminal at 80×24 on a session at the resources step. Each line is
F8 (park a topic), 200 characters and Enter, written in chunks of 1, 8 or 64 bytes back to
back, or in one write (a slow SSH link delivering a whole line, a paste without bracketed
paste). A line counts as lost unless the parking lot on disk holds it whole. Also printed: the
time from the first byte to the line on disk, beside the key-by-key baseline (chunks of 1)
measured in the same run.

``python -m bench bursts`` measures this checkout; ``python bench/bursts.py --src DIR`` runs
the app from another checkout (the figures before a change).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from driver import TerminalDriver  # noqa: E402

F8 = "\x1b[19~"
CHUNKS = (1, 8, 64, 0)
"""Bytes per write; 0 is the whole line in one write."""
WAIT = 3.0
"""Seconds a line may take to reach the disk before it counts as lost."""


def make_session(folder: Path) -> str:
    """A session at the resources step; return its id."""
    from tui.storage.store import SessionStore

    store = SessionStore(folder)
    sid = store.create("Banc d'essai").id
    handle = store.open(sid)
    handle.session.progress.screen = "resources"
    handle.save(handle.session)
    handle.close()
    return sid


def parked(path: Path) -> list[str]:
    """The parking lot as the file on disk holds it."""
    try:
        table = json.loads(path.read_text("utf-8"))["parking"]
    except (OSError, ValueError, KeyError):
        return []
    return [table[k]["label"] for k in sorted(table, key=int)]


def line_for(chunk: int, n: int) -> str:
    """200 characters, different for every line (accents, digits, punctuation)."""
    head = f"[{chunk or 'ligne'}-{n:02d}] "
    body = "Subvention de l'été : 31 000 $ pour la salle du CLSC, prêt du camion; "
    return (head + body * 4)[:200]


def send_line(term: TerminalDriver, path: Path, chunk: int, text: str) -> float | None:
    """Write F8, ``text`` and Enter in chunks; seconds until on disk, None if lost."""
    data = (F8 + text + "\r").encode()
    size = chunk or len(data)
    start = time.monotonic()
    for pos in range(0, len(data), size):
        term.send(data[pos : pos + size])
    while time.monotonic() - start < WAIT:
        if text in parked(path):
            return time.monotonic() - start
        time.sleep(0.01)
    term.press("escape")  # whatever is left open: close it before the next line
    return None


def main(smoke: bool = False, src: Path = ROOT) -> bool:
    """Print lines lost and time to disk per chunk size; False if any line was lost."""
    lines = 2 if smoke else 20
    results: dict[int, tuple[int, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        sid = make_session(folder)
        path = folder / f"{sid}.json"
        env = {
            "HOME": tmp,
            "XDG_CONFIG_HOME": tmp,
            "XDG_STATE_HOME": tmp,
            "CONCERTO_CURSOR_BLINK": "0",
            "CONCERTO_LANG": "fr",
            "PYTHONPATH": str(src),
            "PATH": os.environ.get("PATH", ""),
        }
        argv = [sys.executable, "-m", "tui", "--data-dir", str(folder), "open", sid]
        with TerminalDriver.spawn(argv, cols=80, rows=24, env=env) as term:
            term.wait_for("Ressources", timeout=60)
            term.wait_quiet(0.3, timeout=30)
            for chunk in CHUNKS:
                times: list[float] = []
                lost = 0
                for n in range(lines):
                    took = send_line(term, path, chunk, line_for(chunk, n))
                    if took is None:
                        lost += 1
                    else:
                        times.append(took)
                    term.wait_quiet(0.15, timeout=10)
                results[chunk] = (lost, times)
            term.press("ctrl+q")
            term.wait_exit(10)
    base = statistics.median(results[1][1]) if results[1][1] else float("nan")
    print(f"{lines} lines per size: F8 + 200 characters + Enter, 80×24, app from {src}")
    print("bytes per write | lost | first byte → on disk, median (p95)")
    for chunk, (lost, times) in results.items():
        name = "whole line" if chunk == 0 else f"{chunk:>3}"
        if times:
            median = statistics.median(times) * 1000
            p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)] * 1000
            ratio = median / (base * 1000) if base == base else float("nan")
            timing = f"{median:6.0f} ms ({p95:.0f} ms), {ratio:.2f}× key by key"
        else:
            timing = "—"
        print(f"{name:>15} | {lost:>4} | {timing}")
    total = sum(lost for lost, _times in results.values())
    print(f"lines lost: {total} (goal 0)")
    return total == 0


if __name__ == "__main__":
    source = Path(sys.argv[sys.argv.index("--src") + 1]) if "--src" in sys.argv else ROOT
    main("--smoke" in sys.argv, source)
