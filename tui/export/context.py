"""What every section of the minutes needs: the session, its lookups and the formatters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from tui.export.escape import EMPTY, cell
from tui.export.labels import Words, words
from tui.export.typography import typeset_session
from tui.i18n import LANGS, pt
from tui.i18n.fmt import format_date, format_money, format_number, format_time
from tui.model.live import Decision
from tui.model.meeting import Participant, Person
from tui.model.plan import Action, Agreement, Body, Indicator, Objective, Role, WorkingGroup
from tui.model.session import Session


@dataclass(frozen=True)
class Context:
    """A session prepared for rendering: lookups by id are built once (rendering is linear)."""

    session: Session
    mode: str
    lang: str
    words: Words
    people: dict[str, Participant | Person]
    actions: dict[str, Action]
    bodies: dict[str, Body]
    decisions: dict[str, Decision]
    objectives: dict[str, Objective]
    indicators: dict[str | None, list[Indicator]]
    """Indicators by objective id; those without a known objective under None."""
    dates: dict[dt.date, str] = field(default_factory=dict, repr=False, compare=False)
    """Dates already formatted (Babel is the slowest step of rendering; dates repeat)."""

    @property
    def formal(self) -> bool:
        """Whether the minutes are a procès-verbal (motions moved and seconded)."""
        return self.mode == "formal"

    def date(self, value: dt.date | None) -> str:
        """A date in full, or a dash."""
        if value is None:
            return EMPTY
        found = self.dates.get(value)
        if found is None:
            found = self.dates[value] = format_date(value, self.lang)
        return found

    def time(self, value: dt.time | None) -> str:
        """A time of day, or a dash."""
        return EMPTY if value is None else format_time(value, self.lang)

    def money(self, value: Decimal | None) -> str:
        """An amount of money, or a dash."""
        return EMPTY if value is None else format_money(value, self.lang)

    def number(self, value: Decimal | None) -> str:
        """A number, or a dash."""
        return EMPTY if value is None else format_number(value, self.lang)

    def quantity(self, value: Decimal | None, unit: str) -> str:
        """A quantity with its unit (escaped), or a dash."""
        if value is None:
            return EMPTY
        text = format_number(value, self.lang)
        return f"{text}\u00a0{cell(unit)}" if unit.strip() else text

    def amount(self, kind: str, value: Decimal | None, unit: str) -> str:
        """A resource amount: money when financial, a quantity with its unit otherwise."""
        return self.money(value) if kind == "financial" else self.quantity(value, unit)

    def person(self, person_id: str | None) -> str:
        """The escaped name of a person of the plan, a dash, or a removed marker."""
        if person_id is None:
            return EMPTY
        found = self.people.get(person_id)
        if found is None:
            return pt(self.lang, "minutes", "(removed person)")
        return cell(found.name)

    def lead(self, record: Role | WorkingGroup) -> str:
        """Who carries a role or a group: a person, an organisation named in words, the
        organisation with the person who speaks for it, or « to be determined »."""
        org = cell(record.lead_org) if record.lead_org.strip() else ""
        if record.lead is None:
            return org or pt(self.lang, "minutes", "to be determined")
        person = self.person(record.lead)
        return f"{org} ({person})" if org else person

    def agreement_kind(self, agreement: Agreement) -> str:
        """An agreement's type: its word, or the type named in words when it is « other »."""
        if agreement.kind == "other" and agreement.kind_other.strip():
            return cell(agreement.kind_other)
        return self.words.agreement_kinds[agreement.kind]

    def persons(self, person_ids: Iterable[str]) -> str:
        """Escaped names separated by commas, or a dash."""
        return ", ".join(self.person(p) for p in person_ids) or EMPTY

    def action(self, action_id: str | None) -> str:
        """An action named by its code (or its label), a dash, or a removed marker."""
        if action_id is None:
            return EMPTY
        found = self.actions.get(action_id)
        if found is None:
            return pt(self.lang, "minutes", "(removed action)")
        return cell(found.code or found.label)

    def objective(self, objective_id: str | None) -> str:
        """An objective's label, a dash, or a removed marker."""
        if objective_id is None:
            return EMPTY
        found = self.objectives.get(objective_id)
        if found is None:
            return pt(self.lang, "minutes", "(removed objective)")
        return cell(found.label)

    def body(self, body_id: str | None) -> str:
        """A coordination body's name, a dash, or a removed marker."""
        if body_id is None:
            return EMPTY
        found = self.bodies.get(body_id)
        if found is None:
            return pt(self.lang, "minutes", "(removed body)")
        return cell(found.label)


def make_context(session: Session, mode: str, lang: str) -> Context:
    """Prepare ``session`` for rendering in ``mode`` and ``lang``, its typed text typeset."""
    if mode not in ("summary", "formal"):
        raise ValueError(f"unknown minutes mode: {mode!r}")
    if lang not in LANGS:
        raise ValueError(f"unsupported minutes language: {lang!r}")
    session = typeset_session(session, lang)  # what the facilitator typed, set for the language
    objectives = {o.id: o for o in session.objectives}
    indicators: dict[str | None, list[Indicator]] = {}
    for ind in session.indicators:
        key = ind.objective if ind.objective in objectives else None
        indicators.setdefault(key, []).append(ind)
    return Context(
        session=session,
        mode=mode,
        lang=lang,
        words=words(lang),
        people=session.people_by_id(),
        actions={a.id: a for a in session.actions},
        bodies={b.id: b for b in session.bodies},
        decisions={d.id: d for d in session.decisions},
        objectives=objectives,
        indicators=indicators,
    )
