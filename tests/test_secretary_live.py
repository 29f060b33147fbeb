"""In the app: organisation leads, arrivals and departures, voided decisions, follow-ups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from live_helpers import live_session, show, until
from textual.widgets import DataTable

from tui.model import Role, Session


def _screen_text(app: Any) -> str:
    """The rows of the focused screen's tables, as the facilitator reads them."""
    found = []
    for table in app.screen.query(DataTable):
        for row in range(table.row_count):
            found.append(" | ".join(str(c) for c in table.get_row_at(row)))
    return "\n".join(found)


async def test_a_role_carried_by_an_organisation_is_not_flagged_without_lead(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock
) -> None:
    def edit(session: Session) -> None:
        session.roles = [
            Role(id="r1", label="Cuisine mobile", lead_org="Centre communautaire"),
            Role(id="r2", label="Transport"),
        ]

    _store, sid = live_session(data_dir, clock, edit)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "roles")
        await until(pilot, lambda: "Cuisine mobile" in _screen_text(app))
        rows = _screen_text(app).splitlines()
        assert "Centre communautaire" in rows[0] and "⚠" not in rows[0]
        assert "⚠ sans porteur" in rows[1]
