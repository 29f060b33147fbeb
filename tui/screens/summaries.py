"""The summary line under each step's table: counts, what is missing, resource totals."""

from __future__ import annotations

from decimal import Decimal

from tui.i18n import _, _n, _p
from tui.i18n.fmt import format_minutes, format_money, format_number
from tui.model import Session, resource_totals
from tui.model.plan import has_lead

SEP = " · "


def _join(*parts: str | None) -> str:
    return SEP.join(p for p in parts if p)


def _kind_total(kind: str) -> str:
    words = {
        "human": _p("totals", "Human"),
        "financial": _p("totals", "Financial"),
        "material": _p("totals", "Material"),
        "in_kind": _p("totals", "In kind"),
    }
    return words.get(kind, kind)


def actions_summary(s: Session) -> str:
    """How many actions, how many without a lead or a deadline."""
    no_lead = sum(1 for a in s.actions if not a.lead)
    no_deadline = sum(1 for a in s.actions if a.deadline is None)
    return _join(
        _n("{n} action", "{n} actions", len(s.actions)),
        _n("{n} without a lead", "{n} without a lead", no_lead) if no_lead else None,
        _n("{n} without a deadline", "{n} without a deadline", no_deadline)
        if no_deadline
        else None,
    )


def resources_summary(s: Session) -> str:
    """Per kind of resource: needed, confirmed and gap, in the minutes language's format."""
    lang = s.meeting.minutes_lang
    pending = sum(1 for r in s.resources if r.status != "confirmed")
    lines = [
        _join(
            _n("{n} resource", "{n} resources", len(s.resources)),
            _n("{n} not confirmed", "{n} not confirmed", pending) if pending else None,
        )
    ]
    for (kind, unit), totals in resource_totals(s).items():

        def amount(value: Decimal, kind: str = kind) -> str:
            return format_money(value, lang) if kind == "financial" else format_number(value, lang)

        name = _kind_total(kind)
        line = _(
            "{kind}: needed {needed} · confirmed {confirmed} · gap {gap}",
            kind=f"{name} ({unit})" if unit else name,
            needed=amount(totals.needed),
            confirmed=amount(totals.confirmed),
            gap=amount(totals.gap),
        )
        if totals.verbal:
            line += SEP + _("promised verbally {amount}", amount=amount(totals.verbal))
        lines.append(line)
    return "\n".join(lines)


def roles_summary(s: Session) -> str:
    """How many roles, and how many lack a lead."""
    no_lead = sum(1 for r in s.roles if not has_lead(r))
    return _join(
        _n("{n} role", "{n} roles", len(s.roles)),
        _n("{n} without a lead", "{n} without a lead", no_lead) if no_lead else None,
    )


def agreements_summary(s: Session) -> str:
    """How many agreements, signed, and without accountability."""
    signed = sum(1 for a in s.agreements if a.status == "signed")
    unaccountable = sum(1 for a in s.agreements if not a.reports_to)
    return _join(
        _n("{n} agreement", "{n} agreements", len(s.agreements)),
        _n("{n} signed", "{n} signed", signed),
        _n("{n} without accountability", "{n} without accountability", unaccountable)
        if unaccountable
        else None,
    )


def objectives_summary(s: Session) -> str:
    """How many objectives and indicators, and indicators without a target."""
    no_target = sum(1 for i in s.indicators if i.target is None)
    return _join(
        _n("{n} objective", "{n} objectives", len(s.objectives)),
        _n("{n} indicator", "{n} indicators", len(s.indicators)),
        _n("{n} without a target", "{n} without a target", no_target) if no_target else None,
    )


def coordination_summary(s: Session) -> str:
    """How many bodies and working groups, and groups without a lead."""
    no_lead = sum(1 for g in s.working_groups if not has_lead(g))
    return _join(
        _n("{n} body", "{n} bodies", len(s.bodies)),
        _n("{n} working group", "{n} working groups", len(s.working_groups)),
        _n("{n} without a lead", "{n} without a lead", no_lead) if no_lead else None,
    )


def signals_summary(s: Session) -> str:
    """How many signals, open, and open ones without an adjustment."""
    open_ = [g for g in s.signals if g.state == "open"]
    bare = sum(1 for g in open_ if not g.adjustment)
    return _join(
        _n("{n} signal", "{n} signals", len(s.signals)),
        _n("{n} open", "{n} open", len(open_)),
        _n("{n} without an adjustment", "{n} without an adjustment", bare) if bare else None,
    )


def participants_summary(s: Session) -> str:
    """How many people are invited, present, absent or excused, guests."""
    count = {
        k: sum(1 for p in s.participants if p.attendance == k)
        for k in ("present", "absent", "excused", "guest")
    }
    away = count["absent"] + count["excused"]
    return _join(
        _n("{n} participant", "{n} participants", len(s.participants)),
        _n("{n} present", "{n} present", count["present"]),
        _n("{n} absent or excused", "{n} absent or excused", away) if away else None,
        _n("{n} guest", "{n} guests", count["guest"]) if count["guest"] else None,
    )


def agenda_summary(s: Session) -> str:
    """How many agenda items and the time they plan."""
    planned = sum(a.timebox_min or 0 for a in s.agenda)
    return _join(
        _n("{n} item", "{n} items", len(s.agenda)),
        _("{time} planned", time=format_minutes(planned, s.meeting.minutes_lang)),
    )


def participation_summary(s: Session) -> str:
    """How many participation mechanisms, and those that say neither when nor how often."""
    undated = sum(1 for p in s.participation if p.date is None and not p.frequency.strip())
    return _join(
        _n("{n} participation mechanism", "{n} participation mechanisms", len(s.participation)),
        _n("{n} without a date", "{n} without a date", undated) if undated else None,
    )


def monitoring_summary(s: Session) -> str:
    """How many follow-ups, how many indicators they review, and those without a body."""
    followed = {i for m in s.monitoring for i in m.indicators}
    no_body = sum(1 for m in s.monitoring if m.body is None)
    return _join(
        _n("{n} follow-up", "{n} follow-ups", len(s.monitoring)),
        _n(
            "{followed} of {n} indicator followed",
            "{followed} of {n} indicators followed",
            len(s.indicators),
            followed=sum(1 for i in s.indicators if i.id in followed),
        )
        if s.indicators
        else None,
        _n("{n} without a body", "{n} without a body", no_body) if no_body else None,
    )


def communication_summary(s: Session) -> str:
    """How many communication items, and those without a responsible person."""
    nobody = sum(1 for c in s.communication if not c.responsible.strip())
    return _join(
        _n("{n} communication item", "{n} communication items", len(s.communication)),
        _n("{n} without a responsible person", "{n} without a responsible person", nobody)
        if nobody
        else None,
    )
