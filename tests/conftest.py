"""Hermetic tests: own data folder, own home, frozen clock, fixed ids, no cursor blink."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tui.i18n import set_language
from tui.model import set_id_factory

settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "dev", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

pytest_plugins = ["e2e_fixtures"]

# A test process starts hundreds of Textual apps, and every line they draw is an object with
# seven small caches. With Python's thresholds, a full collection ran about every second and
# walked the apps still alive each time: a fifth of the suite's CPU. Young objects are
# collected every 10,000 allocations instead of 700, and full collections are rare; a test
# process grows to a few hundred MB. The apps the end-to-end tests start keep their own GC.
PYTHON_THRESHOLDS = gc.get_threshold()
gc.set_threshold(10_000, 20, 50)


def pytest_unconfigure() -> None:
    """One full collection at the end, then what is left is frozen.

    pytest then collects five times over to report exceptions raised while objects are freed;
    the first collection already finds them all (they are reported the same), and the others
    need not walk every object the run kept (about 3 s per process at the end).
    """
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first (``heavy(seconds)``, longest first), the rest in their order.

    With ``--dist load --maxschedchunk 1`` each worker takes the next test when it is free, so
    starting the longest ones first leaves no worker running a long test alone at the end.
    """

    def seconds(item: pytest.Item) -> float:
        mark = item.get_closest_marker("heavy")
        return mark.args[0] if mark is not None else 0.0

    items.sort(key=seconds, reverse=True)


FROZEN = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)
"""The instant every test starts at: 9 h 30 in Montréal."""
TZ = "America/Montreal"


class Clock:
    """A clock that stands still unless told to move."""

    def __init__(self, start: dt.datetime = FROZEN) -> None:
        """Start at ``start``."""
        self.now = start

    def __call__(self) -> dt.datetime:
        """The current (frozen) instant."""
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock on."""
        self.now += dt.timedelta(seconds=seconds)


def counter(prefix: str) -> Callable[[], str]:
    """Ids ``prefix0001``, ``prefix0002``, …"""
    numbers = itertools.count(1)
    return lambda: f"{prefix}{next(numbers):04d}"


@pytest.fixture(autouse=True)
def hermetic(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """No test reads or writes the real home, config or environment language."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("CONCERTO_CURSOR_BLINK", "0")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in ("CONCERTO_LANG", "CONCERTO_DATA_DIR", "CONCERTO_TZ"):
        monkeypatch.delenv(name, raising=False)
    set_language("fr")
    set_id_factory(counter("r"))
    yield
    set_id_factory(None)
    set_language("fr")


@pytest.fixture
def clock() -> Clock:
    """A frozen clock at FROZEN."""
    return Clock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder of this test's own."""
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def make_app(data_dir: Path, clock: Clock):  # type: ignore[no-untyped-def]
    """Build the app as the command line does, with a frozen clock and fixed ids."""
    from tui.app.main import make_app as factory

    def build(**kw):  # type: ignore[no-untyped-def]
        kw.setdefault("lang", "fr")
        kw.setdefault("clock", clock)
        kw.setdefault("tz", TZ)
        kw.setdefault("new_id", counter("s"))
        kw.setdefault("display_path", "~/sessions")
        kw.setdefault("blink", False)
        return factory(data_dir, **kw)

    return build


async def until(pilot, predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Wait on what the app shows or writes, never a fixed delay."""
    start = dt.datetime.now()
    while not predicate():
        assert (dt.datetime.now() - start).total_seconds() < timeout, "timed out"
        await pilot.pause(0.005)


def form_shown(app) -> bool:  # type: ignore[no-untyped-def]
    """A record's form shows (a form kept after closing stays mounted, hidden, until reused)."""
    from tui.widgets.record_pane import RecordPane

    return any(pane.display for pane in app.screen.query(RecordPane))


def form_open(app) -> bool:  # type: ignore[no-untyped-def]
    """A record's form is shown, its first field focused."""
    return (
        form_shown(app)
        and app.focused is not None
        and app.focused.id is not None
        and app.focused.id.startswith("f-")
    )
