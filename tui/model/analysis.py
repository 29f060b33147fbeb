"""Computed views of a session: resource totals, the review list and step progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from tui.model.base import STEPS
from tui.model.competency import status
from tui.model.meeting import members_present, quorum_needed
from tui.model.plan import has_lead
from tui.model.session import Session

LIVE_GROUPS = ("decisions", "live")
"""Review groups after the steps: the decisions, then the action items ("live")."""


@dataclass(frozen=True)
class Totals:
    """Needed, confirmed (in writing), promised verbally and gap for one kind (and unit)."""

    needed: Decimal = Decimal(0)
    confirmed: Decimal = Decimal(0)
    verbal: Decimal = Decimal(0)
    """Confirmed verbally only: shown apart, never counted as confirmed."""

    @property
    def gap(self) -> Decimal:
        """What is needed and not confirmed yet (never negative)."""
        return max(Decimal(0), self.needed - self.confirmed)


def resource_totals(session: Session) -> dict[tuple[str, str], Totals]:
    """Totals by (kind, unit); financial resources are money whatever their unit.

    A need said only in words (no number) counts in no total.
    """
    totals: dict[tuple[str, str], Totals] = {}
    for r in session.resources:
        if r.needed is None and r.available is None:
            continue
        key = (r.kind, "" if r.kind == "financial" else r.unit)
        current = totals.get(key, Totals())
        available = r.available or Decimal(0)
        totals[key] = Totals(
            current.needed + (r.needed or 0),
            current.confirmed + (available if r.status == "confirmed" else 0),
            current.verbal + (available if r.status == "confirmed_verbal" else 0),
        )
    return totals


@dataclass(frozen=True)
class ReviewItem:
    """One open point: which record, which check, and the values to name it."""

    step: str
    table: str
    record_id: str
    check: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable key under which the point can be accepted."""
        suffix = f"/{self.params['target']}" if "target" in self.params else ""
        return f"{self.table}/{self.record_id}/{self.check}{suffix}"


def _checks(s: Session) -> Iterator[tuple[ReviewItem, bool]]:
    """Every check of every record, with whether it is met."""
    actions = {a.id for a in s.actions}
    people = set(s.people_by_id())
    objectives = {o.id for o in s.objectives}
    measured = {i.objective for i in s.indicators}
    bodies = {b.id for b in s.bodies}
    indicators = {i.id for i in s.indicators}
    followed = {i for m in s.monitoring for i in m.indicators}

    def item(step: str, table: str, rid: str, check: str, label: str) -> ReviewItem:
        return ReviewItem(step, table, rid, check, {"label": label})

    today = s.meeting.date

    def past(step: str, table: str, rid: str, label: str, deadline: dt.date | None):  # type: ignore[no-untyped-def]
        """A deadline already past on the meeting's date (none known: nothing to say)."""
        if today is not None and deadline is not None:
            params = {"label": label, "date": deadline.isoformat()}
            yield ReviewItem(step, table, rid, "past_deadline", params), deadline >= today

    def link(step: str, table: str, rec_id: str, label: str, target: str | None, known: set[str]):  # type: ignore[no-untyped-def]
        if target is not None:
            found = ReviewItem(
                step, table, rec_id, "broken_link", {"label": label, "target": target}
            )
            yield found, target in known

    for a in s.actions:
        yield item("actions", "actions", a.id, "no_lead", a.label), bool(a.lead)
        yield item("actions", "actions", a.id, "no_deadline", a.label), a.deadline is not None
        yield from past("actions", "actions", a.id, a.label, a.deadline)
    for r in s.resources:
        yield (
            item("resources", "resources", r.id, "not_confirmed", r.label),
            r.status == "confirmed",
        )
        said = r.needed is not None or bool(r.needed_text)
        yield item("resources", "resources", r.id, "no_amount", r.label), said
        yield from link("resources", "resources", r.id, r.label, r.action, actions)
    for k in s.skills:
        met = status(k) == "available" or k.decision.kind is not None
        yield item("skills", "skills", k.id, "no_decision", k.label), met
        yield from link("skills", "skills", k.id, k.label, k.action, actions)
    for o in s.roles:
        yield item("roles", "roles", o.id, "no_lead", o.label), has_lead(o)
        yield from link("roles", "roles", o.id, o.label, o.action, actions)
        yield from link("roles", "roles", o.id, o.label, o.lead, people)
        for pid in (*o.contributors, *o.consulted, *o.informed):
            yield from link("roles", "roles", o.id, o.label, pid, people)
    for g in s.agreements:
        yield (
            item("agreements", "agreements", g.id, "no_accountability", g.label),
            bool(g.reports_to),
        )
    for b in s.objectives:
        yield item("objectives", "objectives", b.id, "no_indicator", b.label), b.id in measured
        yield from past("objectives", "objectives", b.id, b.label, b.deadline)
        yield from link("objectives", "objectives", b.id, b.label, b.action, actions)
    for i in s.indicators:
        yield item("objectives", "indicators", i.id, "no_target", i.label), i.target is not None
        yield item("objectives", "indicators", i.id, "no_baseline", i.label), i.baseline is not None
        yield item("objectives", "indicators", i.id, "no_collector", i.label), bool(i.collector)
        yield from past("objectives", "indicators", i.id, i.label, i.deadline)
        yield from link("objectives", "indicators", i.id, i.label, i.objective, objectives)
    for c in s.bodies:
        yield item("coordination", "bodies", c.id, "no_rule", c.label), c.decision_rule is not None
    for w in s.working_groups:
        yield item("coordination", "working_groups", w.id, "no_lead", w.label), has_lead(w)
        yield from link("coordination", "working_groups", w.id, w.label, w.lead, people)
        yield from link("coordination", "working_groups", w.id, w.label, w.reports_to, bodies)
    for i in s.indicators:  # fixed in step 7, where the follow-ups are
        yield item("coordination", "indicators", i.id, "not_followed", i.label), i.id in followed
    for p in s.participation:
        when = p.date is not None or bool(p.frequency.strip())
        yield item("coordination", "participation", p.id, "no_date", p.label), when
        for aid in p.actions:
            yield from link("coordination", "participation", p.id, p.label, aid, actions)
    for m in s.monitoring:
        yield item("coordination", "monitoring", m.id, "no_body", m.label), m.body is not None
        yield from link("coordination", "monitoring", m.id, m.label, m.body, bodies)
        for iid in m.indicators:
            yield from link("coordination", "monitoring", m.id, m.label, iid, indicators)
        for aid in m.actions:
            yield from link("coordination", "monitoring", m.id, m.label, aid, actions)
    for n in s.communication:
        met = bool(n.responsible.strip())
        yield item("coordination", "communication", n.id, "no_responsible", n.label), met
    for sg in s.signals:
        if sg.state == "open":
            yield item("watch", "signals", sg.id, "no_adjustment", sg.label), bool(sg.adjustment)
        for aid in sg.actions:
            yield from link("watch", "signals", sg.id, sg.label, aid, actions)
    for d in (d for d in s.decisions if not d.voided):
        name = d.number or d.text.split("\n", 1)[0]
        yield item("decisions", "decisions", d.id, "no_outcome", name), d.outcome is not None
        cast = d.votes_cast()
        if cast is not None and s.participants:
            here = members_present(s.participants, d.taken_at)[0]
            counts = {"label": name, "votes": str(cast), "present": str(here)}
            too_many = ReviewItem("decisions", "decisions", d.id, "votes_exceed_present", counts)
            yield too_many, cast <= here
        here, members = members_present(s.participants, d.taken_at)
        if members:
            needed = quorum_needed(members)
            counts = {"label": name, "present": str(here), "members": str(members)}
            counts["needed"] = str(needed)
            yield ReviewItem("decisions", "decisions", d.id, "no_quorum", counts), here >= needed
    for ai in s.action_items:
        yield item("live", "action_items", ai.id, "open_item", ai.label), ai.status != "open"


def review(session: Session, *, include_accepted: bool = False) -> list[ReviewItem]:
    """The open points, step by step, in the order of the steps and their records.

    Conflicts left by a sync come first: they are settled, never accepted as they are.
    """
    accepted = session.accepted()
    found = [
        it
        for it, met in _checks(session)
        if not met and (include_accepted or it.key not in accepted)
    ]
    order = {step: n for n, step in enumerate((*STEPS, *LIVE_GROUPS))}
    return [*conflict_items(session), *sorted(found, key=lambda it: order[it.step])]


def conflict_items(session: Session) -> list[ReviewItem]:
    """One open point per conflict, under the group ``conflicts``."""
    found = []
    for c in session.conflicts:
        record = session.find(c.table, c.record) if c.record else None
        label = session.meeting.title if c.table == "meeting" else _label(record)
        params = {"label": label, "target": c.field}
        found.append(ReviewItem("conflicts", c.table, c.record, "conflict", params))
    return found


def _label(record: object) -> str:
    for name in ("label", "text", "name"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            return value
    return ""


def progress(session: Session) -> dict[str, float | None]:
    """Share of each step's checks met or accepted; None for a step not started (empty)."""
    accepted = session.accepted()
    met: dict[str, int] = {}
    total: dict[str, int] = {}
    for it, ok in _checks(session):
        total[it.step] = total.get(it.step, 0) + 1
        met[it.step] = met.get(it.step, 0) + (ok or it.key in accepted)
    return {step: (met[step] / total[step] if total.get(step) else None) for step in STEPS}
