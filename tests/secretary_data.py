"""A small meeting whose minutes a secretary signs: leads, arrivals, voided decisions, typography."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tui.model import Meeting, Participant, Role, Session, WorkingGroup

CASES = [(lang, mode) for lang in ("fr", "en") for mode in ("summary", "formal")]
"""Every (language, mode) of the minutes."""


def secretary_session(**update: Any) -> Session:
    """The meeting, with ``update`` applied to the session."""
    people = [
        Participant(id="p1", name="Geneviève Lapointe", organisation="CAB"),
        Participant(id="p2", name="Martin Gagnon", organisation="Banque alimentaire"),
    ]
    session = Session(
        id="sec1",
        meeting=Meeting(
            title="Plan 2027",
            collective="Table de concertation en sécurité alimentaire du Lac-aux-Hérons",
            date=dt.date(2026, 12, 4),
            start_time=dt.time(9, 30),
        ),
        participants=people,
        roles=[
            Role(id="r1", label="Cuisine mobile", lead_org="Centre communautaire"),
            Role(id="r2", label="Jardin", lead="p1", lead_org="Comité des jardins"),
            Role(id="r3", label="Épicerie", lead="p2"),
            Role(id="r4", label="Transport"),
        ],
        working_groups=[WorkingGroup(id="w1", label="Comité transport", lead_org="MRC")],
    )
    return session.model_copy(update=update)
