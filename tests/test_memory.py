"""Full garbage collections run in the pauses between keys, never between a key and its effect."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from tui.app.memory import QUIET, QuietCollector


class Node:
    """An object in a reference cycle: only a collection frees it."""

    __slots__ = ("me", "__weakref__")

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def python_thresholds() -> Iterator[None]:
    """Python's own thresholds (the suite's processes collect less often, see conftest)."""
    from conftest import PYTHON_THRESHOLDS

    kept = gc.get_threshold()
    gc.set_threshold(*PYTHON_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*kept)


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """The full collections that run while the test does."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(1)

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def churn() -> weakref.ref[Node]:
    """Make cycles that live a while (as a form's widgets do), then are garbage; the first one
    is watched. Python waits for the objects that lived a while to reach a quarter of all the
    others before a full collection: as many as half of them are made."""
    count = len(gc.get_objects()) // 2 + 100_000
    kept = [Node() for _ in range(count)]
    ref = weakref.ref(kept[0])
    del kept
    return ref


def test_no_full_collection_runs_while_keys_come_then_one_runs_in_the_pause(
    full_collections: list[int],
) -> None:
    now = [100.0]
    memory = QuietCollector(clock=lambda: now[0])
    memory.start()
    try:
        now[0] += 1
        memory.typed()
        garbage = churn()
        assert not memory.tick()  # still typing
        assert full_collections == []
        now[0] += QUIET
        assert memory.tick()  # the keys paused
        assert full_collections == [1] and garbage() is None
        now[0] += 10
        assert not memory.tick()  # nothing typed since
    finally:
        memory.stop()


def test_without_it_python_runs_full_collections_on_its_own(full_collections: list[int]) -> None:
    """What the collector prevents (this test fails if Python's own behaviour changes)."""
    churn()
    assert full_collections


def test_stop_gives_python_its_own_thresholds_back() -> None:
    before = gc.get_threshold()
    memory = QuietCollector()
    memory.start()
    assert gc.get_threshold()[2] > before[2]
    memory.stop()
    assert gc.get_threshold() == before


def test_no_collection_runs_while_collection_is_off_on_purpose() -> None:
    """The minutes drawn in a thread turn collection off: the pause does not collect then."""
    now = [100.0]
    memory = QuietCollector(clock=lambda: now[0])
    now[0] += 1
    memory.typed()
    now[0] += QUIET
    gc.disable()
    try:
        assert not memory.tick()
    finally:
        gc.enable()
    assert memory.tick()
