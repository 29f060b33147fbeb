"""The chair's agenda controls at 80×24: the previous item (shift+F9) with its time kept, and
the screen moving with the agenda (ctrl+F9), F3 then offering the next item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from live_helpers import live_session, until
from test_timebox import agenda, minutes

from tui.storage.config import Config, load_config
from tui.widgets.dialogs import Confirm


async def opened(app: Any, pilot: Any) -> None:
    await until(pilot, lambda: getattr(app.screen, "KEY", None) is not None)


async def test_shift_f9_goes_back_with_the_time_spent_kept_and_the_current_item_stopped(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        await pilot.press("f9")
        await minutes(app, clock, pilot, 2)
        await pilot.press("f9")  # a wrong F9: the welcome was not over
        await minutes(app, clock, pilot, 1)
        assert agenda(app) == ("Ressources", "reste 19:00")
        await pilot.press("shift+f9")
        await until(pilot, lambda: agenda(app)[0] == "Mot de bienvenue")
        assert agenda(app) == ("Mot de bienvenue", "reste 03:00")  # 2 minutes kept, not reset
        await minutes(app, clock, pilot, 1)
        assert agenda(app) == ("Mot de bienvenue", "reste 02:00")
        await pilot.press("f9")
        await until(pilot, lambda: agenda(app)[0] == "Ressources")
        assert agenda(app) == ("Ressources", "reste 19:00")  # its minute kept, stopped meanwhile
        app.flush_now()
    session = store.load(sid)
    assert [a.spent_s for a in session.agenda] == [180, 60, 0, 0]
    assert session.progress.agenda_item == "a-resources"


async def test_shift_f9_at_the_first_item_or_before_the_start_says_why(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    said: list[str] = []
    app.notify = lambda message, **kw: said.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        await pilot.press("shift+f9")
        await until(pilot, lambda: bool(said))
        assert said[-1] == "L’ordre du jour n’a pas commencé : F9 en lance le premier point."
        await pilot.press("f9", "shift+f9")
        await until(pilot, lambda: len(said) == 2)
        assert said[-1] == "C’est le premier point de l’ordre du jour."
        assert agenda(app)[0] == "Mot de bienvenue"
        app.flush_now()
    assert store.load(sid).progress.agenda_item == "a-welcome"


async def test_shift_f9_after_the_last_item_reopens_the_meeting(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        await pilot.press("f9", "f9", "f9", "f9", "f9")  # the last F9 adjourns
        await until(pilot, lambda: agenda(app)[0] == "Ordre du jour terminé")
        app.flush_now()
        assert store.load(sid).meeting.adjourned_at == dt.time(9, 30)
        await pilot.press("shift+f9")
        await until(pilot, lambda: agenda(app)[0] == "Levée")
        app.flush_now()
    session = store.load(sid)
    assert session.meeting.adjourned_at is None  # the meeting goes on
    assert session.progress.agenda_item == "a-close"


async def test_with_the_option_on_f9_shows_the_items_screen_and_f3_offers_the_next_item(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        assert app.screen.KEY == "meeting"
        await pilot.press("ctrl+f9")  # ctrl+F9: the screen follows the agenda
        await until(pilot, lambda: app.config.follow_agenda)
        assert load_config().follow_agenda  # remembered in the preferences
        await pilot.press("f9")  # the welcome names no screen: the screen stays
        await until(pilot, lambda: agenda(app)[0] == "Mot de bienvenue")
        assert app.screen.KEY == "meeting"
        await pilot.press("f9")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "resources")
        assert agenda(app)[0] == "Ressources"
        # F3 at the end of the item's screen offers the next item; Enter takes it.
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        shown = str(app.screen.query_one(".dialog-title").render())
        assert shown == "Passer au point suivant, « Rôles »? Non : l’écran suivant seulement."
        await pilot.press("enter")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "roles")
        assert agenda(app)[0] == "Rôles"
        # n: only the next screen, the agenda stays on its item.
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("n")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "agreements")
        assert agenda(app)[0] == "Rôles"
        # Off the item's screen, F3 is the next screen as always; shift+F9 goes back with it.
        await pilot.press("shift+f9")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "resources")
        assert agenda(app)[0] == "Ressources"
        app.flush_now()
    session = store.load(sid)
    assert (session.progress.agenda_item, session.progress.screen) == ("a-resources", "resources")


async def test_with_the_option_off_f3_and_f9_stay_independent(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    _store, sid = live_session(data_dir, clock)
    app = make_app(session_id=sid, config=Config(follow_agenda=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        await pilot.press("f9", "f9")
        await until(pilot, lambda: agenda(app)[0] == "Ressources")
        assert app.screen.KEY == "meeting"
        await pilot.press("f3")
        await until(pilot, lambda: getattr(app.screen, "KEY", None) == "actions")
        assert agenda(app)[0] == "Ressources"
