"""When the app's own process collects cyclic garbage: in a pause, never between a key and what
it shows.

Python runs a full collection after a number of younger ones, wherever that count falls: in a
Concerto session, tens of milliseconds over everything loaded, often between a key and the form
it opens. The app's own process therefore turns off full collections that run on their own, and
runs one itself once the keys have paused, or at the latest every few minutes of typing. The
younger generations are still collected as Python does (a few milliseconds at most).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

QUIET = 1.5
"""Seconds without a key after which a full collection runs (if keys came since the last)."""
LONGEST = 180.0
"""Seconds of typing without a pause after which one runs anyway (memory stays bounded)."""
NEVER = 1_000_000_000
"""A count of younger collections that a full one never waits for."""


class QuietCollector:
    """Full collections in the pauses between keys; ``start`` and ``stop`` around the app's run."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last_input = 0.0
        """When the last key or paste arrived (``clock`` time)."""
        self.collected_at = clock()
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        """From now on, full collections run only from ``tick``."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _full = self._thresholds
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Full collections run on their own again, as Python does."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def typed(self) -> None:
        """A key or a paste arrived."""
        self.last_input = self.clock()

    def tick(self) -> bool:
        """Collect if the keys paused after some came, or after a long run; True if it did.

        Never while collection is off on purpose (the minutes drawn in a thread turn it off)."""
        if not gc.isenabled():
            return False
        now = self.clock()
        paused = self.last_input > self.collected_at and now - self.last_input >= QUIET
        if not paused and now - self.collected_at < LONGEST:
            return False
        gc.collect()
        self.collected_at = self.clock()
        return True
