"""Snapshots at 80×24 of the competency matrix (small, and 40 × 30 scrolled) and the review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matrix_data import make_session, review_session

from tui.storage.store import SessionStore

LANGS = ["fr", "en"]


def _store(data_dir: Path, clock: Any) -> SessionStore:
    from conftest import counter

    return SessionStore(data_dir, clock=clock, new_id=counter("s"))


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_small(
    snap_compare: Any, make_app: Any, data_dir: Path, clock: Any, lang: str
) -> None:
    sid = make_session(_store(data_dir, clock), rows=5, cols=5, participants=4, lang=lang)

    async def run_before(pilot: Any) -> None:
        await pilot.press("down", "down", "right")
        await pilot.pause()

    app = make_app(session_id=sid, lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_40x30_scrolled(
    snap_compare: Any, make_app: Any, data_dir: Path, clock: Any, lang: str
) -> None:
    sid = make_session(_store(data_dir, clock), rows=40, cols=30, lang=lang)

    async def run_before(pilot: Any) -> None:
        await pilot.press("end", "left", "pagedown", "pagedown", "down", "down", "down")
        await pilot.pause()

    app = make_app(session_id=sid, lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_by_organisation(
    snap_compare: Any, make_app: Any, data_dir: Path, clock: Any, lang: str
) -> None:
    sid = make_session(_store(data_dir, clock), rows=8, cols=12, lang=lang)

    async def run_before(pilot: Any) -> None:
        await pilot.press("o", "down")
        await pilot.pause()

    app = make_app(session_id=sid, lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_review(snap_compare: Any, make_app: Any, data_dir: Path, clock: Any, lang: str) -> None:
    sid = review_session(_store(data_dir, clock), lang=lang)

    async def run_before(pilot: Any) -> None:
        await pilot.press("down", "down", "down")
        await pilot.pause()

    app = make_app(session_id=sid, lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
