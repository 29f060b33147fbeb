"""Sections of the governance steps: agreements, objectives, coordination and watch.

Like `tui.export.steps`, each function returns blocks without the step's own heading.
"""

from __future__ import annotations

from tui.export.blocks import Block, bullets, field, heading, table
from tui.export.context import Context
from tui.export.escape import EMPTY, cell, inline, lines
from tui.export.modes import modes
from tui.i18n import pt
from tui.model.plan import Agreement, Indicator, Objective


def period(c: Context, g: Agreement) -> str:
    """An agreement's period: from, until, both or a dash."""
    lang = c.lang
    if g.start is not None and g.end is not None:
        return pt(
            lang, "minutes", "from {start} to {end}", start=c.date(g.start), end=c.date(g.end)
        )
    if g.start is not None:
        return pt(lang, "minutes", "from {start}", start=c.date(g.start))
    if g.end is not None:
        return pt(lang, "minutes", "until {end}", end=c.date(g.end))
    return EMPTY


def accountability(c: Context, g: Agreement) -> str:
    """To whom an agreement reports, how often and in what form."""
    to = cell(g.reports_to) if g.reports_to.strip() else pt(c.lang, "minutes", "to specify")
    parts = [to] + [cell(v) for v in (g.report_frequency, g.report_form) if v.strip()]
    return ", ".join(parts)


def _details(c: Context, g: Agreement, level: int) -> list[Block]:
    lang = c.lang
    pairs = []
    if g.mandating.strip() or g.mandated.strip():
        parties = f"{cell(g.mandating)} → {cell(g.mandated)}"
        pairs.append((pt(lang, "minutes field", "Mandating party → mandated party"), parties))
    for name, value in (
        (pt(lang, "minutes field", "Purpose"), g.purpose),
        (pt(lang, "minutes field", "Commitments"), g.commitments),
        (pt(lang, "minutes field", "Deliverables"), g.deliverables),
    ):
        if value.strip():
            pairs.append((name, lines(value, "  ")))
    if not pairs:
        return []
    items = [field(lang, name, value) for name, value in pairs]
    return [heading(level, inline(g.label)), bullets(items)]


def agreements(c: Context, level: int) -> list[Block]:
    """Agreements at a glance, then each one's parties, purpose, commitments, deliverables."""
    lang = c.lang
    if not c.session.agreements:
        return []
    headers = [
        pt(lang, "minutes column", "Agreement"),
        pt(lang, "minutes column", "Type"),
        pt(lang, "minutes column", "Parties"),
        pt(lang, "minutes column", "Period"),
        pt(lang, "minutes column", "Status"),
        pt(lang, "minutes column", "Accountability"),
    ]
    rows = [
        [
            cell(g.label),
            c.agreement_kind(g),
            cell(g.parties),
            period(c, g),
            c.words.agreement_statuses[g.status],
            accountability(c, g),
        ]
        for g in c.session.agreements
    ]
    out = [table(headers, rows)]
    for g in c.session.agreements:
        out += _details(c, g, level)
    return out


def _indicator_table(c: Context, found: list[Indicator]) -> Block:
    lang = c.lang
    headers = [
        pt(lang, "minutes column", "Indicator"),
        pt(lang, "minutes column", "Type"),
        pt(lang, "minutes column", "Unit"),
        pt(lang, "minutes column", "Baseline"),
        pt(lang, "minutes column", "Target"),
        pt(lang, "minutes column", "Deadline"),
        pt(lang, "minutes column", "Source and frequency"),
        pt(lang, "minutes column", "Collected by"),
    ]
    rows = []
    for i in found:
        source = ", ".join(cell(v) for v in (i.source, i.frequency) if v.strip()) or EMPTY
        rows.append(
            [
                cell(i.label),
                c.words.indicator_kinds[i.kind],
                cell(i.unit),
                c.number(i.baseline),
                c.number(i.target),
                c.date(i.deadline),
                source,
                cell(i.collector),
            ]
        )
    return table(headers, rows, right=(3, 4))


def _objective(c: Context, o: Objective, level: int) -> list[Block]:
    lang = c.lang
    out = [heading(level, inline(o.label))]
    facts = []
    if o.action is not None:
        facts.append(field(lang, pt(lang, "minutes column", "Action"), c.action(o.action)))
    if o.deadline is not None:
        facts.append(field(lang, pt(lang, "minutes column", "Deadline"), c.date(o.deadline)))
    if facts:
        out.append(" · ".join(facts))
    found = c.indicators.get(o.id, [])
    out.append(_indicator_table(c, found) if found else pt(lang, "minutes", "No indicator yet."))
    return out


def objectives(c: Context, level: int) -> list[Block]:
    """Each objective followed by the table of its indicators; orphan indicators last."""
    out: list[Block] = []
    for o in c.session.objectives:
        out += _objective(c, o, level)
    orphans = c.indicators.get(None, [])
    if orphans:
        title = pt(c.lang, "minutes section", "Indicators without an objective")
        out += [heading(level, title), _indicator_table(c, orphans)]
    return out


def coordination(c: Context, level: int) -> list[Block]:
    """Coordination bodies and working groups, then participation, follow-up, communication."""
    lang = c.lang
    out: list[Block] = []
    if c.session.bodies:
        headers = [
            pt(lang, "minutes column", "Body"),
            pt(lang, "minutes column", "Purpose"),
            pt(lang, "minutes column", "Members"),
            pt(lang, "minutes column", "Decision rule"),
            pt(lang, "minutes column", "Frequency"),
            pt(lang, "minutes column", "Channel"),
            pt(lang, "minutes column", "Convened by"),
        ]
        rows = [
            [
                cell(b.label),
                cell(b.purpose),
                cell(b.members),
                EMPTY if b.decision_rule is None else c.words.decision_rules[b.decision_rule],
                cell(b.frequency),
                cell(b.channel),
                cell(b.convener),
            ]
            for b in c.session.bodies
        ]
        title = pt(lang, "minutes section", "Coordination bodies")
        out += [heading(level, title), table(headers, rows)]
    if c.session.working_groups:
        headers = [
            pt(lang, "minutes column", "Working group"),
            pt(lang, "minutes column", "Mandate"),
            pt(lang, "minutes column", "Deliverable"),
            pt(lang, "minutes column", "Lead"),
            pt(lang, "minutes column", "Members"),
            pt(lang, "minutes column", "Frequency"),
            pt(lang, "minutes column", "Reports to"),
            pt(lang, "minutes column", "Deadline"),
        ]
        rows = [
            [
                cell(w.label),
                cell(w.mandate),
                cell(w.deliverable),
                c.lead(w),
                cell(w.members),
                cell(w.frequency),
                c.body(w.reports_to),
                c.date(w.deadline),
            ]
            for w in c.session.working_groups
        ]
        title = pt(lang, "minutes section", "Working groups")
        out += [heading(level, title), table(headers, rows)]
    return out + modes(c, level)


def watch(c: Context, level: int) -> list[Block]:
    """Signals from the community and the environment, with the adjustments they call for."""
    lang = c.lang
    if not c.session.signals:
        return []
    headers = [
        pt(lang, "minutes column", "Signal"),
        pt(lang, "minutes column", "Type"),
        pt(lang, "minutes column", "Source"),
        pt(lang, "minutes column", "Actions affected"),
        pt(lang, "minutes column", "Anticipated effect"),
        pt(lang, "minutes column", "Adjustment"),
        pt(lang, "minutes column", "Owner"),
        pt(lang, "minutes column", "State"),
    ]
    rows = []
    for s in c.session.signals:
        parts = [cell(s.source)] if s.source.strip() else []
        if s.date is not None:
            parts.append(c.date(s.date))
        source = ", ".join(parts) or EMPTY
        rows.append(
            [
                cell(s.label),
                c.words.signal_kinds[s.kind],
                source,
                ", ".join(c.action(a) for a in s.actions) or EMPTY,
                cell(s.effect),
                cell(s.adjustment),
                cell(s.owner),
                c.words.signal_states[s.state],
            ]
        )
    return [table(headers, rows)]
