"""Issue 5 figure: bytes written per key typed into a record form field, beyond idle output;
issue 18 figure: keys per task of a scripted facilitator who enters a whole meeting, beside
each budget (bench/_meeting.py).

Concerto (the form of a new resource, over the resources step) and a bare Textual `Input` app
run in a pseudo-terminal at 80×24, cursor blink off, Concerto's clock frozen, in the same run.
For each: the bytes written while keys are typed at a steady pace, less the bytes written by
the same app left idle for as long, divided by the number of keys. Limit: 1.2× the bare Input.
"""

from __future__ import annotations

import os
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from driver import TerminalDriver  # noqa: E402

LIMIT = 1.2
PACE = 0.06
"""Seconds between two keys (a fast typist)."""

BARE = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Input

    class Bare(App):
        BINDINGS = [("ctrl+q", "quit", "Quit")]

        def compose(self):
            yield Input(placeholder="ready")

        def on_mount(self):
            self.query_one(Input).cursor_blink = False

    Bare().run()
    """
)

CONCERTO = textwrap.dedent(
    """
    import datetime as dt
    import sys
    from pathlib import Path

    from tui.app.main import make_app

    FROZEN = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)
    app = make_app(Path(sys.argv[1]), lang="fr", clock=lambda: FROZEN, session_id=sys.argv[2],
                   tz="America/Montreal", blink=False)
    app.settle_memory = True  # as run_app does, with the freeze of what is loaded
    import gc
    gc.freeze()
    app.run()
    """
)


def make_session(folder: Path) -> str:
    """A session at the resources step with a few records; return its id."""
    from decimal import Decimal

    from tui.model import Action, Resource
    from tui.storage.store import SessionStore

    store = SessionStore(folder)
    sid = store.create("Banc d'essai").id
    handle = store.open(sid)
    session = handle.session
    session.actions.append(Action(label="Épicerie solidaire", code="A1"))
    for n in range(5):
        session.resources.append(Resource(label=f"Ressource {n}", needed=Decimal(1000 * n)))
    session.progress.screen = "resources"
    handle.save(session)
    handle.close()
    return sid


def per_key(term: TerminalDriver, text: str) -> tuple[float, int, int]:
    """Bytes per key beyond idle output; also the raw typing and idle byte counts."""
    term.wait_quiet(0.5, timeout=30)
    duration = len(text) * PACE + 0.5
    mark = term.mark()
    time.sleep(duration)
    idle = term.bytes_since(mark)
    mark = term.mark()
    start = time.monotonic()
    for ch in text:
        term.type(ch)
        time.sleep(PACE)
    time.sleep(max(0.0, duration - (time.monotonic() - start)))
    typed = term.bytes_since(mark)
    return (typed - idle) / len(text), typed, idle


def main(smoke: bool = False) -> bool:
    """Print both figures and their ratio next to the limit; False if over the limit."""
    text = "budget" if smoke else "Subvention de fonctionnement 2027"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        sid = make_session(folder)
        (Path(tmp) / "concerto_app.py").write_text(CONCERTO)
        (Path(tmp) / "bare.py").write_text(BARE)
        env = {
            "HOME": tmp,
            "XDG_CONFIG_HOME": tmp,
            "XDG_STATE_HOME": tmp,
            "CONCERTO_CURSOR_BLINK": "0",
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
            "PATH": os.environ.get("PATH", ""),
        }
        ours_argv = [sys.executable, str(Path(tmp) / "concerto_app.py"), str(folder), sid]
        with TerminalDriver.spawn(ours_argv, cols=80, rows=24, env=env) as term:
            term.wait_for("Ressource 4", timeout=60)
            term.press("a")
            term.wait_for("Nouvelle ressource", timeout=30)
            ours, ours_typed, ours_idle = per_key(term, text)
            term.press("escape")
            term.press("ctrl+q")
            term.wait_exit(10)
        with TerminalDriver.spawn([sys.executable, str(Path(tmp) / "bare.py")], env=env) as term:
            term.wait_for("ready", timeout=60)
            bare, bare_typed, bare_idle = per_key(term, text)
            term.press("ctrl+q")
            term.wait_exit(10)
        paced = facilitator(tmp, env, smoke)
    ratio = ours / bare if bare > 0 else float("inf")
    print(f"keys typed: {len(text)}, one every {PACE * 1000:.0f} ms, 80×24, blink off")
    print(f"Concerto record form: {ours:.1f} bytes/key ({ours_typed} typing, {ours_idle} idle)")
    print(f"bare Textual Input:   {bare:.1f} bytes/key ({bare_typed} typing, {bare_idle} idle)")
    print(f"ratio {ratio:.2f}× (limit {LIMIT}×)")
    return ratio <= LIMIT and paced


def facilitator(tmp: str, env: dict[str, str], smoke: bool) -> bool:
    """The scripted facilitator (bench/_meeting.py) enters a whole meeting, from an empty
    session on the Meeting screen."""
    from bench._meeting import run
    from tui.storage.store import SessionStore

    folder = Path(tmp) / "meeting"
    sid = SessionStore(folder).create("Rencontre de la Table").id
    argv = [sys.executable, str(Path(tmp) / "concerto_app.py"), str(folder), sid]
    with TerminalDriver.spawn(argv, cols=80, rows=24, env=env) as term:
        term.wait_for("Rencontre de la Table", timeout=60)
        ok = run(term, folder, sid, smoke)
        term.press("ctrl+q")
        term.wait_exit(10)
    return ok


if __name__ == "__main__":
    main("--smoke" in sys.argv)
