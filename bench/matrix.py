"""Bytes written to an 80×24 pseudo-terminal by cursor moves in a 40 × 30 competency matrix.

Compares, in the same run and for the same keys, a plain Textual ``DataTable`` holding the same
cells (same column widths, same fixed columns) with Concerto's ``CompetencyMatrix`` alone, and
with the whole Skills screen of the app (header, step bar, legend and the three lines that
describe the cell under the cursor). Limit: the matrix writes at most 2× the plain table.

    python -m bench matrix            # full run (bench/typing.py shadows the standard
    python -m bench --smoke matrix    # library's typing when bench/ is the script folder)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

LIMIT = 2.0
ROWS, COLS = 40, 30
MOVES = ["right"] * 3 + ["down"] * 12 + ["left"] * 3 + ["up"] * 12
"""A round trip that stays within the visible part (no scrolling)."""


def serve(kind: str) -> None:
    """Run one of the compared apps in this terminal (called in the child process)."""
    from matrix_data import big_skills, people
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from tui.i18n import set_language
    from tui.widgets.matrix import CompetencyMatrix

    set_language("fr")
    participants, others = people(COLS, 8)
    folks = [(p.id, p.name, p.organisation) for p in (*participants, *others)]
    skills = big_skills(ROWS, COLS)

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            if kind == "matrix":
                yield CompetencyMatrix(id="t")
            else:
                fixed = 3 if kind == "plain" else 0
                yield DataTable(id="t", cursor_type="cell", fixed_columns=fixed)

        def on_mount(self) -> None:
            if kind == "matrix":
                self.query_one(CompetencyMatrix).show(skills, folks)
                self.query_one(CompetencyMatrix).focus()
                return
            # The same cells as plain strings, in a DataTable with the same widths.
            table = self.query_one(DataTable)
            for key, width in (("#skill", 18), ("#need", 4), ("#status", 16)):
                table.add_column(key, width=width, key=key)
            for pid, name, _org in folks:
                table.add_column(name.split()[0][:6], width=6, key=pid)
            for skill in skills:
                row = [skill.label[:18], f"{skill.required_level}×{skill.needed}", "statut"]
                row += [cell_text(skill, pid) for pid, _n, _o in folks]
                table.add_row(*row, key=skill.id)
            table.move_cursor(row=0, column=3)
            table.focus()

    Bench().run()


def cell_text(skill: object, pid: str) -> str:
    """A level cell as text, as the matrix draws it."""
    levels = getattr(skill, "levels", {})
    mark = "+" if pid in getattr(skill, "interested", []) else " "
    return f"{levels[pid]}{mark}" if pid in levels else f"·{mark}"


def _session(folder: str) -> str:
    """Write the 40 × 30 session, open at the Skills step, into ``folder``; return its id."""
    from matrix_data import make_session

    from tui.storage.store import SessionStore

    store = SessionStore(Path(folder), new_id=lambda: "bench")
    return make_session(store, rows=ROWS, cols=COLS)


def measure(argv: list[str], ready: str, keys: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Bytes written per key in ``keys`` (minus the idle output of as long), and that idle."""
    from driver import TerminalDriver

    with TerminalDriver.spawn(argv, cols=80, rows=24, env=env, cwd=str(ROOT)) as term:
        term.wait_for(ready, timeout=30)
        term.wait_quiet(0.5)
        time.sleep(0.5)
        term.wait_quiet(0.3)
        start, mark = time.monotonic(), term.mark()
        for key in keys:
            term.press(key)
            time.sleep(0.04)
        term.wait_quiet(0.3)
        used, elapsed = term.bytes_since(mark), time.monotonic() - start
        mark = term.mark()
        time.sleep(elapsed)
        idle = term.bytes_since(mark)
    return max(0, used - idle) / len(keys), idle


def main(smoke: bool = False) -> bool:
    """Print the figures and the ratio next to the limit; False if over the limit."""
    moves = MOVES[:6] + MOVES[15:21] if smoke else MOVES * 2
    levels = ["right", "1", "2", "3", "0"] * (1 if smoke else 4)
    me = [sys.executable, "-m", "bench.matrix"]
    with tempfile.TemporaryDirectory(prefix="concerto-bench-") as tmp:
        env = {
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")]),
            "CONCERTO_CURSOR_BLINK": "0",
            "CONCERTO_LANG": "fr",
            "HOME": tmp,
            "TERM": "xterm-256color",
        }
        folder = os.path.join(tmp, "sessions")
        os.mkdir(folder, 0o700)
        app = [
            sys.executable,
            "-m",
            "tui",
            "--lang",
            "fr",
            "--data-dir",
            folder,
            "open",
            _session(folder),
        ]
        runs = {
            "DataTable": measure([*me, "--serve", "plain"], "#status", moves, env),
            "DataTable, no fixed columns": measure(
                [*me, "--serve", "unfixed"], "#status", moves, env
            ),
            "CompetencyMatrix": measure([*me, "--serve", "matrix"], "Compétence", moves, env),
            "Skills screen (whole app)": measure(app, "Compétence", moves, env),
        }
        typed, _idle = measure(app, "Compétence", levels, env)
    found = {name: value for name, (value, _idle) in runs.items()}
    base = found["DataTable"] or 1.0
    print(
        f"cursor moves within the visible part of a {ROWS} × {COLS} matrix, 80×24, "
        f"{len(moves)} keys, same run"
    )
    for name, (value, idle) in runs.items():
        print(f"  {name:<28} {value:6.0f} bytes/move  {value / base:5.2f}×  (idle {idle} B)")
    print(
        f"  levels typed on the Skills screen: {typed:.0f} bytes per key ({len(levels)} keys, "
        "one move in five)"
    )
    ratio = found["CompetencyMatrix"] / base
    verdict = "ok" if ratio <= LIMIT else "OVER"
    print(f"CompetencyMatrix / DataTable = {ratio:.2f}× (limit {LIMIT:.0f}×): {verdict}")
    return ratio <= LIMIT


if __name__ == "__main__":
    if "--serve" in sys.argv:
        serve(sys.argv[sys.argv.index("--serve") + 1])
    else:
        main(smoke="--smoke" in sys.argv)
