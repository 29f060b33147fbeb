"""Issue 20 figures: key-to-form-visible and key-to-text-visible latency in a real terminal.

Concerto (the resources step: ``a`` opens a new resource's form, ``n`` the step's notes, a
multi-line field) and a bare Textual app (a key opens a form with a label, an ``Input`` and a
``TextArea``) run in a pseudo-terminal at 80×24, cursor blink off, in the same run. Each
figure is the time from writing the key to the pty until the terminal's screen shows the form
(its title) or the character typed; median and 95th percentile of each, beside the bare app's.
Goal: each Concerto figure ≤ 1.5× the bare app's.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from driver import TerminalDriver  # noqa: E402

from bench.keystrokes import CONCERTO, make_session  # noqa: E402

LIMIT = 1.5
TEXT = "budget de fonctionnement annuel"
"""What is typed, one key at a time, into the multi-line field (fits on one line)."""

BARE = textwrap.dedent(
    """
    from textual.app import App
    from textual.containers import Vertical
    from textual.screen import ModalScreen
    from textual.widgets import Input, Label, TextArea

    class Form(ModalScreen):
        BINDINGS = [("escape", "dismiss", "Close")]

        def compose(self):
            with Vertical():
                yield Label("Nouvelle ressource")
                yield Input()
                yield TextArea(id="notes")

        def on_mount(self):
            self.query_one(TextArea).cursor_blink = False
            self.query_one(Input).cursor_blink = False

    class Bare(App):
        BINDINGS = [("ctrl+q", "quit", "Quit"), ("a", "form", "Form"), ("n", "notes", "Notes")]

        def compose(self):
            yield Label("ready")

        def action_form(self):
            self.push_screen(Form())

        def action_notes(self):
            form = Form()
            self.push_screen(form)
            form.call_after_refresh(lambda: form.query_one(TextArea).focus())

    Bare().run()
    """
)


def _timed(term: TerminalDriver, key: str, shown: Callable[[], bool]) -> float:
    """Seconds from writing ``key`` to the pty until ``shown()`` holds on its screen."""
    start = time.perf_counter()
    term.press(key) if len(key) > 1 else term.type(key)
    term.wait_until(shown, timeout=30, what=f"the effect of {key!r}")
    return time.perf_counter() - start


def form_latencies(term: TerminalDriver, title: str, rounds: int) -> list[float]:
    """Open and close the form ``rounds`` times: key-to-form-visible for each."""
    found = []
    for _ in range(rounds):
        term.wait_quiet(0.3, timeout=30)
        found.append(_timed(term, "a", lambda: title in term.screen_text()))
        term.wait_quiet(0.3, timeout=30)
        term.press("escape")
        term.wait_until(lambda: title not in term.screen_text(), timeout=30)
    return found


def text_latencies(term: TerminalDriver, text: str) -> list[float]:
    """Type ``text`` one key at a time, each once the one before shows: key-to-text-visible."""
    term.press("n")
    term.wait_quiet(0.5, timeout=30)
    found = []
    for n, ch in enumerate(text, start=1):
        typed = text[:n]
        found.append(_timed(term, ch, lambda typed=typed: typed in term.screen_text()))
    return found


def p95(values: list[float]) -> float:
    """The 95th percentile (the highest value below 20 samples)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _env(tmp: str) -> dict[str, str]:
    return {
        "HOME": tmp,
        "XDG_CONFIG_HOME": tmp,
        "XDG_STATE_HOME": tmp,
        "CONCERTO_CURSOR_BLINK": "0",
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        "PATH": os.environ.get("PATH", ""),
    }


def measure(smoke: bool) -> dict[str, dict[str, list[float]]]:
    """Both apps' form and text latencies, in seconds."""
    rounds = 2 if smoke else int(os.environ.get("CONCERTO_BENCH_ROUNDS", "20"))
    text = TEXT[:6] if smoke else TEXT
    found: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        sid = make_session(folder)
        (Path(tmp) / "concerto_app.py").write_text(CONCERTO)
        (Path(tmp) / "bare.py").write_text(BARE)
        apps = {
            "Concerto": ([sys.executable, str(Path(tmp) / "concerto_app.py"), str(folder), sid],
                         "Ressource 4"),
            "bare Textual": ([sys.executable, str(Path(tmp) / "bare.py")], "ready"),
        }  # fmt: skip
        for name, (argv, ready) in apps.items():
            with TerminalDriver.spawn(argv, cols=80, rows=24, env=_env(tmp)) as term:
                term.wait_for(ready, timeout=60)
                forms = form_latencies(term, "Nouvelle ressource", rounds)
                found[name] = {"form": forms, "text": text_latencies(term, text)}
                term.press("escape")
                term.press("ctrl+q")
                term.wait_exit(10)
    return found


def main(smoke: bool = False) -> bool:
    """Print each figure, median and p95, beside the bare app's; False if over the goal."""
    found = measure(smoke)
    ok = True
    print("80×24, blink off; milliseconds from the key written to the pty to the screen")
    for what, name in (("form", "key-to-form-visible"), ("text", "key-to-text-visible")):
        ours, bare = found["Concerto"][what], found["bare Textual"][what]
        for label, pick in (("median", statistics.median), ("p95", p95)):
            a, b = pick(ours) * 1000, pick(bare) * 1000
            ratio = a / b if b > 0 else float("inf")
            ok = ok and ratio <= LIMIT
            print(
                f"{name} {label:<6}: Concerto {a:6.1f} ms, bare Textual {b:6.1f} ms,"
                f" {ratio:4.2f}× (goal ≤ {LIMIT}×, n={len(ours)})"
            )
    first, bare_first = found["Concerto"]["form"][0] * 1000, found["bare Textual"]["form"][0] * 1000
    print(
        f"key-to-form-visible, first opening of the form: Concerto"
        f" {first:6.1f} ms, bare Textual {bare_first:6.1f} ms"
    )
    return ok


if __name__ == "__main__":
    main("--smoke" in sys.argv)
