"""A small meeting a secretary signs: leads, arrivals, voided decisions, typography."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tui.model import Decision, Meeting, Participant, Role, Session, WorkingGroup

CASES = [(lang, mode) for lang in ("fr", "en") for mode in ("summary", "formal")]
"""Every (language, mode) of the minutes."""


def secretary_session(**update: Any) -> Session:
    """The meeting, with ``update`` applied to the session."""
    people = [
        Participant(id="p1", name="Geneviève Lapointe", organisation="CAB"),
        Participant(id="p2", name="Martin Gagnon", arrived_at=dt.time(10, 15)),
        Participant(id="p3", name="Nadia Ouellet", left_at=dt.time(11, 40)),
        Participant(id="p4", name="Julien Morin", attendance="guest"),
    ]
    decisions = [
        Decision(
            id="d1",
            number="2026-12-04-01",
            text="Adopter l'ordre du jour",
            taken_at=dt.time(10, 0),
            outcome="carried",
            votes_for=3,
        ),
        Decision(
            id="d2",
            number="2026-12-04-02",
            text="Confier la cuisine mobile",
            taken_at=dt.time(11, 0),
            outcome="carried",
            votes_for=2,
            votes_against=1,
        ),
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
        decisions=decisions,
        roles=[
            Role(id="r1", label="Cuisine mobile", lead_org="Centre communautaire"),
            Role(id="r2", label="Jardin", lead="p1", lead_org="Comité des jardins"),
            Role(id="r3", label="Épicerie", lead="p2"),
            Role(id="r4", label="Transport"),
        ],
        working_groups=[WorkingGroup(id="w1", label="Comité transport", lead_org="MRC")],
    )
    return session.model_copy(update=update)
