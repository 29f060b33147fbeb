"""Sessions for the matrix and review tests, snapshots and benchmark: people, skills, levels."""

from __future__ import annotations

from tui.model import Participant, Person, Skill
from tui.storage.store import SessionStore

FIRST = (
    "Marie",
    "Jean",
    "Sophie",
    "Luc",
    "Nadia",
    "Pierre",
    "Amélie",
    "Karim",
    "Julie",
    "Marc",
    "Chloé",
    "Samuel",
    "Léa",
    "Hugo",
    "Inès",
    "Olivier",
    "Rosalie",
    "Thomas",
    "Yasmine",
    "Éric",
)
LAST = ("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie")
ORGS = ("CDC", "CISSS", "Ville", "Carrefour jeunesse", "Maison de la famille")
SKILLS = (
    "Animation de réunion",
    "Gestion financière",
    "Demande de subvention",
    "Communication",
    "Mobilisation citoyenne",
    "Évaluation",
    "Médias sociaux",
    "Concertation",
    "Logistique",
    "Rédaction",
    "Gestion de projet",
    "Relations de presse",
    "Formation",
    "Analyse de données",
    "Graphisme",
    "Droit associatif",
    "Comptabilité",
    "Recrutement bénévole",
    "Traduction",
    "Partenariats",
)


def name(n: int) -> str:
    """A distinct person name for index ``n``."""
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST) + n) % len(LAST)]}"


def people(count: int, participants: int) -> tuple[list[Participant], list[Person]]:
    """``participants`` participants then others, ``count`` in all, ids p01, p02, …"""
    found_p = [
        Participant(id=f"p{n + 1:02d}", name=name(n), organisation=ORGS[n % len(ORGS)])
        for n in range(min(count, participants))
    ]
    found_o = [
        Person(id=f"p{n + 1:02d}", name=name(n), organisation=ORGS[n % len(ORGS)])
        for n in range(participants, count)
    ]
    return found_p, found_o


def skill_label(n: int) -> str:
    """A distinct skill label for index ``n``."""
    base = SKILLS[n % len(SKILLS)]
    return base if n < len(SKILLS) else f"{base} {n // len(SKILLS) + 1}"


def big_skills(rows: int, cols: int) -> list[Skill]:
    """``rows`` skills, statuses in turn available, fragile, to develop, to source."""
    skills = []
    for r in range(rows):
        req, need, kind = 1 + r % 3, 1 + r % 2, r % 4
        need = 2 if kind == 1 else need
        levels = {
            f"p{c + 1:02d}": min((r * 7 + c * 3) % 4, req - 1)
            for c in range(cols)
            if (r * 3 + c * 5) % 7 < 2
        }
        interested = [f"p{c + 1:02d}" for c in range(cols) if kind < 2 and (r * 5 + c) % 11 == 0]
        picked = [f"p{(r + 4 * k) % cols + 1:02d}" for k in range(need)]
        if kind == 0:
            levels.update({pid: 3 if k else req for k, pid in enumerate(picked)})
        elif kind == 1:
            levels[picked[0]] = req
        elif kind == 2:
            levels[picked[0]] = req - 1
            interested.append(picked[0])
        else:
            interested = [p for p in interested if levels.get(p, 0) != req - 1]
        skills.append(
            Skill(
                id=f"k{r + 1:02d}",
                label=skill_label(r),
                required_level=req,  # type: ignore[arg-type]
                needed=need,
                levels=levels,
                interested=interested,  # type: ignore[arg-type]
            )
        )
    return skills


def make_session(
    store: SessionStore,
    *,
    rows: int,
    cols: int,
    participants: int = 8,
    title: str = "Table de quartier Saint-Roch",
    lang: str = "fr",
) -> str:
    """Create a session with ``cols`` people and ``rows`` skills, open at Skills; return its id."""
    s = store.create(title, minutes_lang=lang)
    h = store.open(s.id)
    session = h.session
    session.participants, session.people = people(cols, participants)
    session.skills = big_skills(rows, cols)
    session.progress.screen = "skills"
    h.save(session)
    h.close()
    return s.id


def review_session(
    store: SessionStore, *, title: str = "Table de quartier Saint-Roch", lang: str = "fr"
) -> str:
    """A session whose open points are known (see tests/test_review.py); open at Review."""
    import datetime as dt
    from decimal import Decimal

    from tui.model import (
        Action,
        ActionItem,
        Agreement,
        Body,
        Indicator,
        Monitoring,
        Objective,
        Resource,
        Role,
        SkillDecision,
    )

    s = store.create(title, minutes_lang=lang)
    h = store.open(s.id)
    x = h.session
    x.participants, x.people = people(3, 3)
    x.actions = [
        Action(id="a1", label="Halte-garderie", lead="CDC", deadline=dt.date(2027, 3, 1)),
        Action(id="a2", label="Journal de quartier"),
    ]
    x.resources = [
        Resource(
            id="r1",
            label="Local",
            kind="material",
            action="a1",
            needed=Decimal(1),
            available=Decimal(1),
            status="confirmed",
        ),
        Resource(id="r2", label="Subvention Centraide", action="a2", needed=Decimal(25000)),
    ]
    x.skills = [
        Skill(id="k1", label="Animation", required_level=1, levels={"p01": 2}),
        Skill(id="k2", label="Graphisme", action="a9"),
        Skill(id="k3", label="Comptabilité", decision=SkillDecision(kind="consultant")),
    ]
    x.roles = [
        Role(id="o1", label="Coordination de la halte", action="a1", lead="p01"),
        Role(id="o2", label="Rédaction du journal", action="a2"),
    ]
    x.agreements = [Agreement(id="g1", label="Entente CDC–Ville", reports_to="Comité")]
    x.objectives = [Objective(id="b1", label="Rejoindre 40 familles", action="a1")]
    x.indicators = [
        Indicator(
            id="i1",
            label="Familles inscrites",
            objective="b1",
            baseline=Decimal(0),
            target=Decimal(40),
            collector="Marie",
        )
    ]
    x.bodies = [Body(id="c1", label="Comité de coordination", decision_rule="consensus")]
    x.monitoring = [Monitoring(id="f1", label="Bilan", indicators=["i1"], body="c1")]
    x.action_items = [ActionItem(id="t1", label="Envoyer le compte rendu", step="skills")]
    x.progress.screen = "review"
    h.save(x)
    h.close()
    return s.id


REVIEW_KEYS = [
    "actions/a2/no_lead",
    "actions/a2/no_deadline",
    "resources/r2/not_confirmed",
    "skills/k2/no_decision",
    "skills/k2/broken_link/a9",
    "roles/o2/no_lead",
    "action_items/t1/open_item",
]
"""The open points of ``review_session``, in review order."""
