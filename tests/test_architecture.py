"""The code's drawing: packages named for what they hold, imports one way, no circle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
TUI = ROOT / "tui"


def _circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), typing-only imports included."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.find_modules_directly_imported_by(node)):
            if not nxt.startswith("tui"):
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules):
        if module.startswith("tui") and module not in index:
            visit(module)
    return found


def test_no_import_circle_anywhere_in_tui() -> None:
    graph = grimp.build_graph("tui", cache_dir=None)
    assert _circles(graph) == []


def test_the_circle_finder_sees_a_circle() -> None:
    """The check above would fail on a circle: one made of two modules is found."""
    graph = grimp.ImportGraph()
    for name in ("tui", "tui.a", "tui.b", "tui.c"):
        graph.add_module(name)
    graph.add_import(importer="tui.a", imported="tui.b")
    graph.add_import(importer="tui.b", imported="tui.a")
    graph.add_import(importer="tui.b", imported="tui.c")
    assert _circles(graph) == [["tui.a", "tui.b"]]


def test_nothing_lies_loose_at_the_root_of_tui() -> None:
    loose = sorted(p.name for p in TUI.glob("*.py") if p.name not in {"__init__.py", "__main__.py"})
    assert loose == []


def test_every_package_is_named_in_the_architecture_page() -> None:
    page = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    packages = sorted(p.parent.name for p in TUI.glob("*/__init__.py"))
    assert packages, "no package found"
    assert [p for p in packages if f"`tui/{p}/`" not in page] == []


def test_the_import_contracts_hold() -> None:
    """The layers of pyproject.toml's import-linter contracts, as CI checks them."""
    run = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "4 kept, 0 broken" in run.stdout
