"""Capture from any screen: forms and the quick-capture line, numbering, links, focus kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from live_helpers import live_session, show, until

from tui.live.quick import QuickError, next_number, parse_line
from tui.screens.capture import CaptureForm, QuickCapture

SCREENS = ("meeting", "resources", "watch")
"""Three different screens to capture from."""


class Keys:
    """Presses keys through the pilot, counting those that are not part of a value."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.count = 0

    async def cmd(self, *keys: str) -> None:
        """Command keys: counted."""
        self.count += len(keys)
        await self.pilot.press(*keys)

    async def text(self, value: str) -> None:
        """A value typed (text, a name's first letters, a date): not counted."""
        await self.pilot.press(*value)


async def _go(app: Any, pilot: Any, key: str) -> tuple[Any, Any]:
    """Show screen ``key``; return it and its focused widget."""
    await show(app, pilot, key)
    return app.screen, app.focused


async def _back(app: Any, pilot: Any, screen: Any, focused: Any) -> None:
    await until(pilot, lambda: app.screen is screen)
    assert app.focused is focused, f"focus moved to {app.focused!r}"


@pytest.mark.heavy(17)
async def test_decisions_and_actions_by_form_from_three_screens(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        for n, key in enumerate(SCREENS, start=1):
            screen, focused = await _go(app, pilot, key)
            keys = Keys(pilot)
            await keys.cmd("f4")
            await until(pilot, lambda: isinstance(app.screen, CaptureForm))
            assert app.screen.query_one("#f-step").value == key  # pre-filled with the step
            await keys.text(f"D{n}")
            await keys.cmd("tab")
            await keys.text("ma")
            await keys.cmd("right", "tab")  # accept "Marie Tremblay"
            await keys.text("lu")
            await keys.cmd("right", "enter")
            await _back(app, pilot, screen, focused)
            assert keys.count <= 8

            keys = Keys(pilot)
            await keys.cmd("f5")
            await until(pilot, lambda: isinstance(app.screen, CaptureForm))
            await keys.text(f"S{n}")
            await keys.cmd("tab")
            await keys.text("am")
            await keys.cmd("right", "tab")
            await keys.text("2026-12-0" + str(n))
            link = Keys(pilot)  # linking a decision is optional: counted apart
            await link.cmd("tab", "tab", "down")  # the decision list opens
            await until(pilot, lambda: app.screen.query_one("#f-decision").expanded)
            await link.cmd(*["down"] * n, "enter")  # the decision of this screen
            await link.cmd("shift+tab", "shift+tab")  # back to a text field: Enter saves there
            await keys.cmd("enter")
            await _back(app, pilot, screen, focused)
            assert keys.count <= 8  # f5, tab, →, tab, enter
        app.flush_now()
    session = store.load(sid)
    decisions = session.decisions
    assert [d.number for d in decisions] == ["2026-11-25-01", "2026-11-25-02", "2026-11-25-03"]
    assert [d.step for d in decisions] == list(SCREENS)
    assert {(d.moved_by, d.seconded_by, d.outcome) for d in decisions} == {
        ("Marie Tremblay", "Luc Gagnon", None)  # no outcome was chosen: none is recorded
    }
    new = session.action_items[3:]
    assert [(a.label, a.who, a.due, a.step) for a in new] == [
        (f"S{n}", "Amina Diallo", dt.date(2026, 12, n), key)
        for n, key in enumerate(SCREENS, start=1)
    ]
    assert [a.decision for a in new] == [d.id for d in decisions]


@pytest.mark.heavy(11)
async def test_decisions_actions_parking_and_notes_by_quick_line_from_three_screens(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        for n, key in enumerate(SCREENS, start=1):
            screen, focused = await _go(app, pilot, key)
            keys = Keys(pilot)
            await keys.cmd("ctrl+t")
            await until(pilot, lambda: isinstance(app.screen, QuickCapture))
            await keys.cmd("d", "space")
            await keys.text(f"V{n}")
            await keys.cmd("enter")
            await _back(app, pilot, screen, focused)
            assert keys.count <= 8

            keys = Keys(pilot)
            await keys.cmd("ctrl+t")
            await until(pilot, lambda: isinstance(app.screen, QuickCapture))
            await keys.cmd("a", "space", "@")
            await keys.text("lu")
            line = app.screen.query_one("#quick-line")
            await until(pilot, lambda line=line: bool(line._suggestion))
            await keys.cmd("right")  # "@Luc Gagnon "
            await keys.text("2026-12-15")
            await keys.cmd("space")
            await keys.text(f"A{n}")
            await keys.cmd("enter")
            await _back(app, pilot, screen, focused)
            assert keys.count <= 8

        for line_text in ("p Sujet", "n Note"):  # on the last screen
            await pilot.press("ctrl+t")
            await until(pilot, lambda: isinstance(app.screen, QuickCapture))
            await pilot.press(*line_text, "enter")
            await _back(app, pilot, screen, focused)
        app.flush_now()
    session = store.load(sid)
    assert [(d.number, d.text, d.step) for d in session.decisions] == [
        (f"2026-11-25-0{n}", f"V{n}", key) for n, key in enumerate(SCREENS, 1)
    ]
    assert [(a.label, a.who, a.due, a.step) for a in session.action_items[3:]] == [
        (f"A{n}", "Luc Gagnon", dt.date(2026, 12, 15), key) for n, key in enumerate(SCREENS, 1)
    ]
    assert [(p.label, p.step) for p in session.parking[1:]] == [("Sujet", "watch")]
    assert session.notes == {"watch": "Note"}


@pytest.mark.parametrize(
    "line, says",
    [
        ("x Réunion", "Genre inconnu « x »"),
        ("a @Luc 2026-13-01 Appel", "« 2026-13-01 » n’est pas une date"),
    ],
)
async def test_a_malformed_line_gets_a_message_and_keeps_what_was_typed(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock, line: str, says: str
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await until(pilot, lambda: isinstance(app.screen, QuickCapture))
        await pilot.press(*line, "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickCapture)
        assert app.screen.query_one("#quick-line").value == line
        message = app.screen.query_one("#quick-error")
        assert message.display and says in str(message.render())
        app.flush_now()
    session = store.load(sid)
    assert session.decisions == [] and len(session.action_items) == 3


async def test_a_decision_form_without_text_says_so_and_stays_open(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, CaptureForm))
        await pilot.press("tab", *"Marie", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CaptureForm)
        assert "requis" in str(app.screen.query_one("#capture-error").render())
        assert app.screen.query_one("#f-moved_by").value == "Marie"
        assert app.focused is app.screen.query_one("#f-text")


def test_numbers_follow_the_highest_of_the_day_and_start_again_each_day() -> None:
    day = dt.date(2026, 11, 25)
    assert next_number([], day) == "2026-11-25-01"
    assert next_number(["2026-11-25-01", "2026-11-25-03", None], day) == "2026-11-25-04"
    assert next_number(["2026-11-24-07"], day) == "2026-11-25-01"


async def test_the_number_uses_the_meetings_time_zone(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    clock.now = dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC)  # 22:00 on the 25th in Montréal
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await until(pilot, lambda: isinstance(app.screen, QuickCapture))
        await pilot.press(*"d Levée à 22 h", "enter")
        await until(pilot, lambda: not isinstance(app.screen, QuickCapture))
        app.flush_now()
    assert store.load(sid).decisions[0].number == "2026-11-25-01"


@pytest.mark.parametrize(
    "line, msgid",
    [
        ("", "Type a letter, a space and the text: d, a, p or n."),
        ("d", "The text is missing after «{head}»."),
        ("a @Luc 2026-12-01", "The text is missing after «{head}»."),
        ("a @ Appeler", "A name is expected right after @."),
        ("a @Luc 2026-12 Appel", "«{value}» is not a date: use YYYY-MM-DD."),
        ("décision Texte", "Unknown kind «{head}»: start with d, a, p or n and a space."),
    ],
)
def test_the_parser_says_why_a_line_cannot_be_read(line: str, msgid: str) -> None:
    with pytest.raises(QuickError) as caught:
        parse_line(line, ["Luc Gagnon"])
    assert caught.value.msgid == msgid


def test_the_parser_reads_names_dates_in_either_order_and_free_names() -> None:
    names = ["Marie Tremblay", "Luc Gagnon"]
    got = parse_line("a 2026-12-01 @marie tremblay Appeler la Ville", names)
    assert (got.kind, got.who, got.due, got.text) == (
        "action",
        "Marie Tremblay",
        dt.date(2026, 12, 1),
        "Appeler la Ville",
    )
    assert parse_line("a @luc Appeler", names).who == "Luc Gagnon"  # unique first letters
    assert parse_line("a @Josée Appeler", names).who == "Josée"  # free text
    assert parse_line("A   Texte seul  ", names).text == "Texte seul"
    with pytest.raises(QuickError):
        parse_line("   ", names)


async def test_a_read_only_session_records_nothing_and_says_so(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    writer = store.open(sid)  # another writer holds the session
    try:
        app = make_app(session_id=sid)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: getattr(app.screen, "KEY", None) == "meeting")
            await pilot.press("f4", "ctrl+t")
            await pilot.pause()
            assert not isinstance(app.screen, CaptureForm | QuickCapture)
            assert any("Lecture seule" in str(n.message) for n in app._notifications)
    finally:
        writer.close()
