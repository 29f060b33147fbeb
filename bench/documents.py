"""Issue 16 figures: each document format, as a ratio to the Markdown of the same session.

For the French demo and a 1,000-record session (the demo's plan replicated): seconds to render
the Markdown (the baseline), then each format, and the ratio. Goals: the .docx of 1,000 records
in at most 2 s, the demo's PDF in at most 5 s; the certified extract of one resolution (.docx)
beside them. Then, in a real terminal, how long a typed key
takes to show on screen, idle and while a PDF renders (goal: a median under 100 ms).
``--smoke``: the demo only, once, and a short echo probe (goals not enforced).
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.minutes import CLOCK, record_count, scaled
from tui.demo import demo_sessions
from tui.export import render_minutes
from tui.exporting import render_export, render_extract_export
from tui.model import Session

NEEDS = ("pdftotext",)
FORMATS = ("html", "docx", "odt", "xlsx", "ics", "pdf")
DOCX_LIMIT = 2.0
PDF_LIMIT = 5.0
ECHO_LIMIT = 0.1
"""The median echo of a key while a PDF renders (the worst one is printed too)."""


def timed(work: Callable[[], object], runs: int) -> float:
    """Median seconds of ``runs`` calls."""
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        found.append(time.perf_counter() - start)
    return statistics.median(found)


def figures(session: Session, runs: int, formats: tuple[str, ...]) -> dict[str, float]:
    """Seconds per format, with the Markdown under ``md``."""
    lang = session.meeting.minutes_lang
    out = {"md": timed(lambda: render_minutes(session, "formal", lang), runs)}
    for fmt in formats:
        count = 1 if fmt == "pdf" else runs
        out[fmt] = timed(lambda f=fmt: render_export(session, f, mode="formal"), count)
    return out


def echo_latencies(text: str, while_pdf: bool) -> list[float]:
    """Seconds from each key sent to its echo in a capture form, in a real terminal."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from driver import TerminalDriver

    from tui.storage.store import SessionStore

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        counter = itertools.count(1)
        demo = demo_sessions(CLOCK, lambda: f"e{next(counter):05d}")[1]
        sid = SessionStore(folder).write_new(demo).id
        env = {"HOME": tmp, "XDG_CONFIG_HOME": tmp, "XDG_STATE_HOME": tmp, "LANG": "C.UTF-8",
               "CONCERTO_LANG": "en", "CONCERTO_CURSOR_BLINK": "0",
               "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
               "PATH": os.environ.get("PATH", "")}  # fmt: skip
        argv = [sys.executable, "-m", "tui", "--data-dir", str(folder), "open", sid]
        with TerminalDriver.spawn(argv, cols=80, rows=24, env=env) as term:
            term.wait_for("p PDF", timeout=60)
            if while_pdf:
                term.press("p")
                term.wait_for("Rendering the PDF file", timeout=30)
            term.press("f4")
            term.wait_for("Moved by", timeout=30)
            found = []
            for n in range(1, len(text) + 1):
                start = time.monotonic()
                term.type(text[n - 1])
                term.wait_for(text[:n], timeout=30)
                found.append(time.monotonic() - start)
            rendering = while_pdf and not list((folder / "exports").glob("*.pdf"))
            term.press("escape")
            term.kill()
        if while_pdf and not rendering:
            print("   (the PDF was done before the last key: fewer keys were measured under load)")
        return found


def main(smoke: bool = False) -> bool:
    """Print each format's time and ratio to Markdown; False when a goal is missed."""
    counter = itertools.count(1)

    def new_id() -> str:
        return f"d{next(counter):06d}"

    demo = demo_sessions(CLOCK, new_id)[0]
    sessions = {"demo": demo}
    if not smoke:
        sessions["1,000 records"] = scaled(demo, 1000, new_id)
    render_minutes(demo, "formal", "fr")  # warm the catalogs and Babel
    ok = True
    for name, session in sessions.items():
        found = figures(session, 1 if smoke else 3, FORMATS)
        base = found["md"]
        print(f"{name} ({record_count(session)} records): Markdown {base * 1000:.1f} ms (baseline)")
        for fmt in FORMATS:
            print(f"   {fmt:<5} {found[fmt]:7.3f} s   {found[fmt] / base:7.1f}× the Markdown")
        number = session.decisions[-1].number or ""
        extract = timed(
            lambda s=session, n=number: render_extract_export(s, "docx", n), 1 if smoke else 3
        )
        print(f"   extract of one resolution (.docx) {extract:7.3f} s   "
              f"{extract / base:7.1f}× the Markdown of the whole minutes")  # fmt: skip
        if name != "demo":
            passed = found["docx"] <= DOCX_LIMIT
            ok = ok and passed
            print(f"   docx at 1,000 records: {found['docx']:.2f} s (goal ≤ {DOCX_LIMIT:g} s) "
                  f"{'ok' if passed else 'FAIL'}")  # fmt: skip
        else:
            passed = found["pdf"] <= PDF_LIMIT
            ok = ok and passed
            print(f"   demo PDF: {found['pdf']:.2f} s (goal ≤ {PDF_LIMIT:g} s) "
                  f"{'ok' if passed else 'FAIL'}")  # fmt: skip
    text = "Marie" if smoke else "Marie-Josée Tremblay"
    idle = echo_latencies(text, while_pdf=False)
    busy = echo_latencies(text, while_pdf=True)
    median = statistics.median(busy)
    print(f"key echo, idle:            median {statistics.median(idle) * 1000:5.0f} ms, "
          f"worst {max(idle) * 1000:5.0f} ms (baseline)")  # fmt: skip
    print(f"key echo, PDF rendering:   median {median * 1000:5.0f} ms, "
          f"worst {max(busy) * 1000:5.0f} ms (goal: median ≤ {ECHO_LIMIT * 1000:.0f} ms) "
          f"{'ok' if median <= ECHO_LIMIT else 'FAIL'}")  # fmt: skip
    return ok and median <= ECHO_LIMIT


if __name__ == "__main__":
    raise SystemExit(0 if main("--smoke" in sys.argv) else 1)
