"""The review: exactly the open points, jumping to their records, accepting them with a reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matrix_data import REVIEW_KEYS, review_session
from textual.widgets import OptionList

from tui.screens.review import ReviewScreen
from tui.screens.skills import SkillsScreen
from tui.storage.store import SessionStore
from tui.widgets.matrix import CompetencyMatrix
from tui.widgets.stepbar import StepBar


def _store(data_dir: Path, clock: Any) -> tuple[SessionStore, str]:
    from conftest import counter

    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    return store, review_session(store)


def _shown(screen: ReviewScreen) -> list[str]:
    """The text of every line of the list, headings included (no-break spaces as spaces)."""
    points = screen.query_one(OptionList)
    texts = []
    for n in range(points.option_count):
        prompt = points.get_option_at_index(n).prompt
        texts.append(getattr(prompt, "renderable", prompt).plain.replace("\u00a0", " "))
    return texts


async def _go(pilot: Any, screen: ReviewScreen, key: str) -> None:
    """Move the highlight to the point ``key`` with the arrow keys."""
    target = [it.key for it in screen.items].index(key)
    current = screen._current()
    assert current is not None
    steps = target - screen.items.index(current)
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps))
    current = screen._current()
    assert current is not None and current.key == key


async def test_the_review_lists_exactly_the_open_points_naming_their_records(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store_, sid = _store(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert [it.key for it in screen.items] == REVIEW_KEYS
        shown = _shown(screen)
        assert shown[0].startswith("1 ") and "50 %" in shown[0]
        assert "L’action « Journal de quartier » n’a pas de porteur." in shown
        assert (
            "La compétence « Graphisme » est à aller chercher et n’a pas encore de suite à donner."
            in shown
        )
        assert "Le suivi « Envoyer le compte rendu » est encore ouvert." in shown
        assert not any("Halte" in line or "Animation" in line for line in shown)
        assert len([line for line in shown if "«" in line]) == len(REVIEW_KEYS)


async def test_enter_jumps_to_the_record_of_the_point(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    _store_, sid = _store(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _go(pilot, app.screen, "skills/k2/no_decision")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SkillsScreen)
        assert screen.query_one(CompetencyMatrix).skill_id == "k2"
        assert app.ctx.session.progress.screen == "skills"
        await pilot.press("ctrl+g", "9")  # back to the review: it lands on the same point
        await pilot.pause()
        back = app.screen
        assert isinstance(back, ReviewScreen)
        assert back._current() is not None and back._current().key == "skills/k2/no_decision"
        await _go(pilot, back, "action_items/t1/open_item")
        await pilot.press("enter")  # action items: the live lists open over the review
        await pilot.pause()
        assert type(app.screen).__name__ == "LiveLists" and app.screen.mode == "actions"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is back
        await _go(pilot, back, "roles/o2/no_lead")
        await pilot.press("enter")
        await pilot.pause()
        assert app.ctx.session.progress.screen == "roles"


async def test_accepting_a_point_persists_across_a_reopen_and_moves_the_step_progress(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    store, sid = _store(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        bar = screen.query_one(StepBar)
        assert bar.shares["roles"] == 0.8
        await _go(pilot, screen, "roles/o2/no_lead")
        await pilot.press("a", *"Porteur choisi en janvier", "enter")
        await pilot.pause()
        assert bar.shares["roles"] == 1.0
        assert "roles/o2/no_lead" not in [it.key for it in screen.items]
        assert len(screen.items) == len(REVIEW_KEYS) - 1
        await pilot.press("ctrl+q")  # quit: saves and releases the session
    saved = store.load(sid)
    assert saved.accepted() == {"roles/o2/no_lead": "Porteur choisi en janvier"}

    app = make_app(session_id=sid)  # resume: still accepted, shown on demand, reopened
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert "roles/o2/no_lead" not in [it.key for it in screen.items]
        assert screen.query_one(StepBar).shares["roles"] == 1.0
        await pilot.press("s")
        await pilot.pause()
        assert [it.key for it in screen.items] == REVIEW_KEYS
        assert any(line.startswith("accepté : Le rôle") for line in _shown(screen))
        await _go(pilot, screen, "roles/o2/no_lead")
        await pilot.press("u")
        await pilot.pause()
        assert screen.query_one(StepBar).shares["roles"] == 0.8
        await pilot.press("ctrl+q")
    assert store.load(sid).acceptances == []


async def test_a_point_is_not_accepted_without_a_reason(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    store, sid = _store(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "enter")  # empty reason
        await pilot.pause()
        await pilot.press("a", *"x", "escape")  # cancelled
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert len(app.screen.items) == len(REVIEW_KEYS)
        assert app.flush_now()
    assert store.load(sid).acceptances == []


async def test_enter_on_a_record_step_point_lands_on_that_record(make_app, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    from conftest import counter

    from tui.model import Role
    from tui.storage.store import SessionStore

    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    sid = store.create("Revue").id
    h = store.open(sid)
    roles = [Role(label=f"Rôle {n}", lead=None) for n in range(6)]
    h.session.roles.extend(roles)
    h.save(h.session)
    h.close()
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_screen("review")
        await pilot.pause()
        review = app.screen
        review.query_one("OptionList").focus()
        target = roles[4]
        while review._current() is None or review._current().record_id != target.id:  # type: ignore[attr-defined]
            await pilot.press("down")
        await pilot.press("enter")
        for _ in range(50):
            if getattr(app.screen, "KEY", "") == "roles":
                break
            await pilot.pause(0.05)
        await pilot.pause()
        editor = app.screen.query_one("RecordEditor")
        assert editor.current is not None and editor.current.record.id == target.id  # type: ignore[attr-defined]
