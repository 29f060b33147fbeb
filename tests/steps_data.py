"""A small plan with records in every step, written through the store, for step tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from conftest import Clock, counter

from tui.model import (
    Action,
    AgendaItem,
    Agreement,
    Body,
    Communication,
    Indicator,
    Monitoring,
    Objective,
    Participant,
    Participation,
    Resource,
    Role,
    Session,
    Signal,
    WorkingGroup,
)
from tui.storage.store import SessionStore


def plan(session: Session) -> None:
    """Fill ``session`` with a few records per step, with fixed ids."""
    s = session
    s.participants += [
        Participant(id="p1", name="Awa Diallo", organisation="CDC", role="présidente"),
        Participant(id="p2", name="Marc Tremblay", organisation="CAB", attendance="excused"),
        Participant(id="p3", name="Lise Gagnon", organisation="Ville", attendance="guest"),
    ]
    s.agenda += [
        AgendaItem(id="g1", label="Mot de bienvenue", kind="opening", timebox_min=5),
        AgendaItem(id="g2", label="Ressources", step="resources", timebox_min=30),
        AgendaItem(id="g3", label="Levée", kind="closing"),
    ]
    s.actions += [
        Action(
            id="a1",
            label="Ouvrir une épicerie solidaire",
            code="A1",
            lead="Banque",
            deadline=dt.date(2027, 9, 30),
        ),
        Action(id="a2", label="Cuisines collectives dans trois quartiers", code="A2"),
        Action(id="a3", label="Transport vers les marchés", code="A3", lead="MRC"),
    ]
    s.resources += [
        Resource(
            id="r1",
            label="Subvention de démarrage",
            action="a1",
            needed=Decimal(31000),
            available=Decimal(31000),
            status="confirmed",
            source="Fonds régional",
        ),
        Resource(
            id="r2",
            label="Équipement de cuisine",
            action="a2",
            needed=Decimal("4850.75"),
            status="requested",
        ),
        Resource(
            id="r3",
            label="Coordination",
            kind="human",
            needed=Decimal(728),
            available=Decimal(200),
            unit="heures",
            status="confirmed",
        ),
    ]
    s.roles += [
        Role(
            id="o1",
            label="Mise sur pied de l'épicerie",
            action="a1",
            lead="p1",
            contributors=["p2"],
            informed=["p3"],
            deadline=dt.date(2027, 6, 30),
        ),
        Role(id="o2", label="Plan de transport", action="a3"),
    ]
    s.agreements += [
        Agreement(
            id="e1",
            label="Entente avec la Ville",
            kind="partnership",
            status="negotiating",
            reports_to="Comité de coordination",
            parties="CDC\nVille",
            purpose="Local de l'épicerie",
        ),
        Agreement(id="e2", label="Convention de services", kind="service_contract"),
    ]
    s.objectives += [
        Objective(
            id="b1",
            label="Améliorer l'accès économique",
            action="a1",
            deadline=dt.date(2029, 12, 31),
        ),
        Objective(id="b2", label="Réduire l'isolement"),
    ]
    s.indicators += [
        Indicator(
            id="i1",
            label="Ménages inscrits",
            objective="b1",
            baseline=Decimal(0),
            target=Decimal(250),
            unit="ménages",
            collector="Awa",
        ),
        Indicator(
            id="i2",
            label="Part des ménages satisfaits",
            objective="b1",
            kind="outcome",
            target=Decimal(60),
        ),
        Indicator(id="i3", label="Trajets offerts", objective="b2"),
    ]
    s.bodies += [
        Body(
            id="c1",
            label="Comité de coordination",
            decision_rule="consensus",
            frequency="aux 6 semaines",
            convener="Awa Diallo",
        ),
        Body(id="c2", label="Assemblée des partenaires", decision_rule="vote"),
    ]
    s.working_groups += [
        WorkingGroup(
            id="w1", label="GT transport", lead="p2", reports_to="c1", deadline=dt.date(2027, 4, 2)
        ),
    ]
    s.participation += [
        Participation(
            id="m1",
            label="Consultation des résidentes et résidents",
            kind="consultation",
            invited="Ménages du quartier",
            date=dt.date(2027, 2, 10),
            organiser="CDC",
            actions=["a1"],
        ),
    ]
    s.monitoring += [
        Monitoring(
            id="f1",
            label="Tableau de bord trimestriel",
            indicators=["i1", "i2", "i3"],
            body="c1",
            frequency="chaque trimestre",
            tool="tableau de bord",
        ),
    ]
    s.communication += [
        Communication(
            id="n1",
            label="Informer de l'avancement",
            audience="Partenaires",
            channel="infolettre",
            languages="français",
            frequency="chaque mois",
            responsible="Lise Gagnon",
        ),
    ]
    s.signals += [
        Signal(
            id="x1",
            label="Hausse de 18 % des demandes",
            kind="threat",
            date=dt.date(2026, 10, 26),
            actions=["a1"],
            adjustment="Prioriser A1",
        ),
        Signal(id="x2", label="Appel de projets régional", kind="opportunity"),
    ]
    s.notes = {"resources": "Vérifier la date limite du Fonds."}


def write_plan(
    data_dir: Path, clock: Clock, *, minutes_lang: str = "fr", screen: str = "meeting"
) -> str:
    """Create a session holding ``plan`` and open at ``screen``; return its id."""
    store = SessionStore(data_dir, clock=clock, new_id=counter("s"))
    sid = store.create("Table de concertation", minutes_lang=minutes_lang).id
    handle = store.open(sid)
    plan(handle.session)
    handle.session.progress.screen = screen  # type: ignore[assignment]
    handle.save(handle.session)
    handle.close()
    return sid
