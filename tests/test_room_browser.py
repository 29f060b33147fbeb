"""The room view in a real Chromium (Debian's), beside the app running in a real terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_e2e_app import CONCERTO, env_for

from tui.model.live import Decision
from tui.model.plan import Resource
from tui.storage.store import SessionStore

CHROMIUM = "/usr/bin/chromium"
URL = re.compile(r"http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]{22,}/")
HOSTILE = "<script>window.pwned=1</script> </td></tr> \"double\" 'single'"

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs the chromium package")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium for the module (playwright downloads no browser here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    yield context.new_page()
    context.close()


def serve(data_dir: Path, sid: str) -> tuple[subprocess.Popen[str], str]:
    """``concerto room`` on any free port, and the address it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "room", sid, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    found = URL.search(process.stdout.readline())
    assert found is not None
    return process, found.group(0)


@pytest.fixture
def hostile_room(data_dir: Path) -> Iterator[str]:
    """A session full of hostile and wide text, served; yields the address."""
    store = SessionStore(data_dir)
    session = store.create(HOSTILE, "en")
    session.meeting.collective = HOSTILE
    session.progress.screen = "resources"
    session.resources.append(
        Resource(
            label="Coordination " + "x" * 80 + " " + HOSTILE,
            source="Fondation-de-la-communauté-de-la-Rivière-du-Nord-et-des-environs",
        )
    )
    session.decisions.append(Decision(text=HOSTILE, number="2026-11-25-01", step="resources"))
    handle = store.open(session.id)
    handle.save(session)
    handle.close()
    process, url = serve(data_dir, session.id)
    yield url
    process.terminate()
    process.wait(15)


def test_hostile_strings_render_as_text_and_run_nothing(page, hostile_room: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(hostile_room)
    page.wait_for_function("document.querySelector('#room .captured') !== null")
    assert page.evaluate("window.pwned") is None
    assert page.locator("h1").inner_text() == HOSTILE
    assert HOSTILE in page.locator(".captured").inner_text()
    scripts = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
    assert scripts == ["room.js"]


def test_a_phone_has_no_horizontal_scroll(browser, hostile_room: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = context.new_page()
    for view in ("", "?view=minutes", "?view=resources"):
        phone.goto(hostile_room + view)
        widths = phone.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (view, widths)
    context.close()


def test_a_wrong_secret_shows_nothing(page, hostile_room: str) -> None:  # type: ignore[no-untyped-def]
    secret = hostile_room.rstrip("/").rsplit("/", 1)[1]
    response = page.goto(hostile_room.replace(secret, secret[::-1]))
    assert response.status == 404
    assert "pwned" not in page.content() and "Coordination" not in page.content()


def test_the_projector_type_is_large(page, hostile_room: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(hostile_room)
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 24


@pytest.mark.e2e
def test_a_decision_captured_in_the_app_shows_on_the_page_within_a_second(
    pty_app, page, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sid = SessionStore(data_dir).create("Table de quartier", "en").id
    term = pty_app([CONCERTO, "--data-dir", str(data_dir), "open", sid], env=env_for(tmp_path))
    term.wait_for(re.compile(r"saved$"), line=0, timeout=30)
    term.press("ctrl+r")
    term.wait_for("This computer only")
    term.press("enter")
    term.wait_until(lambda: URL.search(term.screen_text()) is not None, timeout=30)
    found = URL.search(term.screen_text())
    assert found is not None
    url = found.group(0)
    page.goto(url)
    assert page.locator("h1").inner_text() == "Table de quartier"
    page.evaluate("window.notReloaded = true")
    term.press("escape")
    term.wait_gone("s: stop sharing")
    term.press("f4")
    term.wait_for("Decision")
    term.type("Adopt the 2027 budget")
    term.wait_for("Adopt the 2027 budget")
    start = time.monotonic()
    term.press("enter")
    page.locator(".captured", has_text="Adopt the 2027 budget").wait_for(timeout=1000)
    assert time.monotonic() - start <= 1.0
    assert page.evaluate("window.notReloaded") is True
    term.press("ctrl+q")
    assert term.wait_exit(15) == 0
    with pytest.raises(urllib.error.URLError):  # the server stopped with the app
        urllib.request.urlopen(url, timeout=5)
