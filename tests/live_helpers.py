"""A meeting to run live: participants, a timed agenda, action items and a parking lot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import counter, until

from tui.model import ActionItem, AgendaItem, ParkingItem, Participant, Resource, Session
from tui.storage.store import SessionStore

NAMES = ("Marie Tremblay", "Luc Gagnon", "Amina Diallo")


def live_session(
    data_dir: Path, clock: Any, edit: Callable[[Session], None] | None = None
) -> tuple[SessionStore, str]:
    """Write a session ready for a meeting; ``edit`` may change it first. Return (store, id)."""
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    created = store.create("Table de quartier")
    handle = store.open(created.id)
    session = handle.session
    session.meeting.date = dt.date(2026, 11, 25)
    session.participants = [Participant(id=f"p{n}", name=name) for n, name in enumerate(NAMES)]
    session.agenda = [
        AgendaItem(id="a-welcome", label="Mot de bienvenue", kind="opening", timebox_min=5),
        AgendaItem(id="a-resources", label="Ressources", step="resources", timebox_min=20),
        AgendaItem(id="a-roles", label="Rôles", step="roles", timebox_min=30),
        AgendaItem(id="a-close", label="Levée", kind="closing"),
    ]
    session.action_items = [
        ActionItem(
            id="i-late",
            label="Demande au bailleur",
            who="Marie Tremblay",
            due=dt.date(2026, 11, 20),
        ),
        ActionItem(
            id="i-soon", label="Réserver la salle", who="Luc Gagnon", due=dt.date(2026, 12, 10)
        ),
        ActionItem(id="i-done", label="Publier le compte rendu", who="Amina Diallo", status="done"),
    ]
    session.parking = [ParkingItem(id="k-1", label="Transport adapté")]
    session.resources = [Resource(id="res-1", label="Subvention Centraide")]
    if edit is not None:
        edit(session)
    handle.save(session)
    handle.close()
    return store, created.id


async def type_text(pilot: Any, text: str) -> None:
    """Type ``text`` key by key."""
    await pilot.press(*text)


async def show(app: Any, pilot: Any, key: str) -> None:
    """Show screen ``key`` and wait until it is mounted and focused."""
    app.show_screen(key)
    await until(
        pilot,
        lambda: (
            getattr(app.screen, "KEY", None) == key
            and app.screen.is_mounted
            and app.screen.focused is not None
        ),
    )


async def ready(pilot: Any) -> None:
    """Wait until the session given to the app is open and its screen mounted."""
    app = pilot.app
    await until(pilot, lambda: app.ctx is not None and app.screen.is_mounted)


async def press_to(pilot: Any, screen: type, *keys: str) -> Any:
    """Press ``keys`` and wait until a screen of type ``screen`` is shown; return it."""
    await pilot.press(*keys)
    await until(pilot, lambda: isinstance(pilot.app.screen, screen))
    return pilot.app.screen


FOUR_RESOURCES = ("Local", "Subvention Centraide", "Traiteur", "Salle")


def four_resources(session: Session) -> None:
    """Four resources to find among (« Salle » last, « Subvention » before it), shown first."""
    session.progress.screen = "resources"
    session.resources = [Resource(id=f"r{n}", label=x) for n, x in enumerate(FOUR_RESOURCES)]
