"""The footer at any width: whole keys only, a key group with its label, F1 always there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import counter, until
from test_matrix import _session
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from tui.widgets.footer import TranslatedFooter


def _shown(footer: TranslatedFooter) -> list[Any]:
    return [w for w in footer.children if w.display]


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_the_footer_shows_whole_keys_and_help_at_every_width(
    make_app: Any, data_dir: Path, clock: Any, lang: str
) -> None:
    _store, sid = _session(data_dir, clock, counter)  # the skills screen: a group of keys
    app = make_app(session_id=sid, lang=lang)
    async with app.run_test(size=(200, 24)) as pilot:
        await until(pilot, lambda: bool(app.screen.query(KeyGroup)))
        footer = app.screen.query_one(TranslatedFooter)
        everything = len(_shown(footer))
        for width in (200, 120, 80, 56, 40, 32, 80):
            await pilot.resize_terminal(width, 24)
            await until(pilot, lambda w=width: footer.size.width == w)
            await pilot.pause()
            shown = _shown(footer)
            palette = next(w for w in shown if w.has_class("-command-palette"))
            keys = [w for w in shown if w is not palette]
            assert any(isinstance(k, FooterKey) and k.key_display == "F1" for k in keys), width
            # Whole: each key is as wide as it needs, and none runs under the palette key.
            for key in keys:
                assert key.outer_size.width + key.styles.margin.width == footer.width_of(key), key
            assert max(k.region.right for k in keys) <= palette.region.x, width
            # A group of keys is shown with its label, or not at all.
            for n, child in enumerate(footer.children):
                if isinstance(child, KeyGroup):
                    label = footer.children[n + 1]
                    assert isinstance(label, FooterLabel) and label.display == child.display
            if width == 200:
                assert len(shown) == everything  # nothing left out when it all fits
            if width <= 56:
                assert len(shown) < everything


async def test_a_form_that_opens_mounts_only_the_keys_that_fit(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    """Opening a form changes the keys: the footer mounts those that fit, not all forty."""
    from conftest import form_open
    from steps_data import write_plan

    sid = write_plan(data_dir, clock, screen="actions")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(app.screen.query(TranslatedFooter).first().children))
        footer = app.screen.query_one(TranslatedFooter)
        before = [k.key for k in footer.query(FooterKey) if k.display]
        await pilot.press("a")
        await until(pilot, lambda: form_open(app))
        await until(pilot, lambda: [k.key for k in footer.query(FooterKey)] != before)
        await pilot.pause()
        keys = list(footer.query(FooterKey))
        assert len(keys) < len(app.screen.active_bindings)  # some keys do not fit at 80 columns
        assert all(k.display for k in keys), [k.key for k in keys if not k.display]
        assert any(k.key_display == "F1" for k in keys)
        right = max(k.region.right for k in keys if not k.has_class("-command-palette"))
        assert right <= 80


async def test_the_first_footer_of_a_process_fits_its_keys_once_they_are_styled(
    make_app: Any, data_dir: Path, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An app started on a session: its footer is the first (no kind of key measured yet)."""
    monkeypatch.setattr(TranslatedFooter, "_margins", {})  # as in a new process
    _store, sid = _session(data_dir, clock, counter)  # the skills screen: a group of keys
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(app.screen.query(KeyGroup)))
        footer = app.screen.query_one(TranslatedFooter)
        await pilot.resize_terminal(56, 24)
        await until(pilot, lambda: footer.size.width == 56)
        await pilot.pause()
        shown = _shown(footer)
        palette = next(w for w in shown if w.has_class("-command-palette"))
        keys = [w for w in shown if w is not palette]
        assert any(isinstance(k, FooterKey) and k.key_display == "F1" for k in keys)
        assert max(k.region.right for k in keys) <= palette.region.x
        assert len(shown) < len(footer.children)  # some keys left out at 56 columns
