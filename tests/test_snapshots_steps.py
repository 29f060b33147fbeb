"""Snapshots at 80×24 of every record step, its table and its form; meeting tabs."""

from __future__ import annotations

import pytest
from steps_data import write_plan

SIZE = (80, 24)
STEPS = ("actions", "resources", "roles", "agreements", "objectives", "coordination", "watch")


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the screen fill and the table take the focus."""
    for _ in range(50):
        if type(pilot.app.focused).__name__ in ("RecordTable", "LineInput"):
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def open_form(pilot) -> None:  # type: ignore[no-untyped-def]
    """Open the form of the first record."""
    await settle(pilot)
    await pilot.press("enter")
    for _ in range(50):
        if pilot.app.screen.query("RecordPane") and type(pilot.app.focused).__name__ == "LineInput":
            break
        await pilot.pause(0.02)
    await pilot.pause()


@pytest.mark.parametrize("step", STEPS)
def test_step_table(snap_compare, make_app, data_dir, clock, step) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen=step)
    app = make_app(session_id=sid)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


@pytest.mark.parametrize("step", STEPS)
def test_step_form(snap_compare, make_app, data_dir, clock, step) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen=step)
    app = make_app(session_id=sid)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_form)


@pytest.mark.parametrize("step", ["resources", "objectives"])
def test_step_table_in_english(snap_compare, make_app, data_dir, clock, step) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen=step, minutes_lang="en")
    app = make_app(session_id=sid, lang="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


@pytest.mark.parametrize("step", ["resources", "objectives"])
def test_step_form_in_english(snap_compare, make_app, data_dir, clock, step) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen=step, minutes_lang="en")
    app = make_app(session_id=sid, lang="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_form)


def on_tab(pane_id: str, *keys: str):  # type: ignore[no-untyped-def]
    """Show the tab ``pane_id``, then press ``keys``."""

    async def show(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        pilot.app.screen.show_tab(pane_id)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return show


@pytest.mark.parametrize("tab", ["participants", "agenda"])
def test_meeting_tab(snap_compare, make_app, data_dir, clock, tab) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="meeting")
    app = make_app(session_id=sid)
    assert snap_compare(app, terminal_size=SIZE, run_before=on_tab(f"tab-{tab}"))


@pytest.mark.parametrize("tab", ["participation", "monitoring", "communication"])
def test_coordination_tab(snap_compare, make_app, data_dir, clock, tab) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="coordination")
    app = make_app(session_id=sid)
    assert snap_compare(app, terminal_size=SIZE, run_before=on_tab(f"tab-{tab}"))


def test_coordination_tab_in_english(snap_compare, make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    sid = write_plan(data_dir, clock, screen="coordination", minutes_lang="en")
    app = make_app(session_id=sid, lang="en")
    show = on_tab("tab-monitoring", "enter")  # the follow-up's form
    assert snap_compare(app, terminal_size=SIZE, run_before=show)
