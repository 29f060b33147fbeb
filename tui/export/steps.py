"""Sections of the first planning steps: actions, resources, skills and roles.

Each function takes the rendering context and the heading level of its sub-sections and
returns Markdown blocks without the step's own heading, so that the minutes and a later annex
can place them at any level.
"""

from __future__ import annotations

from tui.export.blocks import Block, bullets, heading, table
from tui.export.context import Context
from tui.export.escape import EMPTY, cell, inline, lines
from tui.i18n import pt
from tui.model.analysis import resource_totals
from tui.model.competency import coverage, status
from tui.model.plan import Resource, Skill

RESOURCE_KINDS = ("human", "financial", "material", "in_kind")


def actions(c: Context, level: int) -> list[Block]:
    """The strategic plan's actions: code, label, orientation, lead, deadline."""
    lang = c.lang
    if not c.session.actions:
        return []
    headers = [
        pt(lang, "minutes column", "Code"),
        pt(lang, "minutes column", "Action"),
        pt(lang, "minutes column", "Orientation"),
        pt(lang, "minutes column", "Lead"),
        pt(lang, "minutes column", "Deadline"),
    ]
    rows = [
        [cell(a.code), cell(a.label), cell(a.orientation), cell(a.lead), c.date(a.deadline)]
        for a in c.session.actions
    ]
    return [table(headers, rows)]


def resource_status(c: Context, r: Resource) -> str:
    """A resource's status, with the date when it was confirmed in writing."""
    word = c.words.resource_statuses[r.status]
    if r.status == "confirmed" and r.confirmed_on is not None:
        return pt(c.lang, "minutes", "{status} ({date})", status=word, date=c.date(r.confirmed_on))
    return word


def resources(c: Context, level: int) -> list[Block]:
    """Resources by kind, then the totals needed, confirmed and still missing."""
    lang = c.lang
    by_kind: dict[str, list[Resource]] = {kind: [] for kind in RESOURCE_KINDS}
    for r in c.session.resources:
        by_kind[r.kind].append(r)
    headers = [
        pt(lang, "minutes column", "Need"),
        pt(lang, "minutes column", "Action"),
        pt(lang, "minutes column", "Needed"),
        pt(lang, "minutes column", "Available"),
        pt(lang, "minutes column", "Source"),
        pt(lang, "minutes column", "Status"),
        pt(lang, "minutes column", "Owner"),
    ]
    out: list[Block] = []
    for kind in RESOURCE_KINDS:
        found = by_kind[kind]
        if not found:
            continue
        rows = [
            [
                cell(r.label),
                c.action(r.action),
                _need(c, r),
                c.amount(kind, r.available, r.unit),
                cell(r.source),
                resource_status(c, r),
                cell(r.owner),
            ]
            for r in found
        ]
        out += [heading(level, c.words.resource_kinds[kind]), table(headers, rows, right=(2, 3))]
    if out:
        out += _totals(c, level)
    return out


def _need(c: Context, r: Resource) -> str:
    """What is needed: the amount, the need in words, or both (« 1 camion (prêt du camion) »)."""
    amount = c.amount(r.kind, r.needed, r.unit)
    if not r.needed_text.strip():
        return amount
    words = cell(r.needed_text)
    return words if r.needed is None else f"{amount} ({words})"


def _totals(c: Context, level: int) -> list[Block]:
    lang = c.lang
    totals = resource_totals(c.session)
    order = {kind: n for n, kind in enumerate(RESOURCE_KINDS)}
    # Stable: units keep the order of their first resource within each kind.
    keys = sorted(totals, key=lambda key: order[key[0]])
    rows = []
    for kind, unit in keys:
        tot = totals[(kind, unit)]
        rows.append(
            [
                c.words.resource_kinds[kind],
                c.amount(kind, tot.needed, unit),
                c.amount(kind, tot.confirmed, unit),
                c.amount(kind, tot.gap, unit),
                c.amount(kind, tot.verbal, unit) if tot.verbal else EMPTY,
            ]
        )
    if not rows:
        return []
    headers = [
        pt(lang, "minutes column", "Kind"),
        pt(lang, "minutes column", "Needed"),
        pt(lang, "minutes column", "Confirmed"),
        pt(lang, "minutes column", "Gap"),
        pt(lang, "minutes column", "Promised verbally"),
    ]
    note = pt(
        lang,
        "minutes",
        "Only resources confirmed in writing count as confirmed; verbal promises are shown apart.",
    )
    return [
        heading(level, pt(lang, "minutes section", "Totals")),
        table(headers, rows, right=(1, 2, 3, 4)),
        note,
    ]


def _levels(c: Context, skill: Skill, rank: dict[str, int]) -> str:
    """The matrix row of a skill: each person with a level or an interest, in plan order."""
    ids = [p for p, level in skill.levels.items() if level > 0]
    ids += [p for p in skill.interested if p not in skill.levels or skill.levels[p] == 0]
    ids = sorted(dict.fromkeys(ids), key=lambda p: rank.get(p, len(rank)))
    parts = [f"{c.person(pid)} ({level_text(c, skill, pid)})" for pid in ids]
    return ", ".join(parts) or EMPTY


def level_text(c: Context, skill: Skill, pid: str) -> str:
    """A person's level in a skill, and whether they want to learn it (``1, wants to learn``)."""
    level = str(skill.levels.get(pid, 0))
    if pid in skill.interested:
        level = pt(c.lang, "minutes", "{level}, wants to learn", level=level)
    return level


def skill_decision(c: Context, skill: Skill) -> str:
    """What was decided to secure a skill: the kind of decision, its note and its cost."""
    d = skill.decision
    text = "" if d.kind is None else c.words.skill_decisions[d.kind]
    if d.note.strip():
        note = cell(d.note)
        text = pt(c.lang, "minutes", "{label}: {value}", label=text, value=note) if text else note
    if d.cost is not None:
        cost = pt(c.lang, "minutes", "(cost: {amount})", amount=c.money(d.cost))
        text = f"{text} {cost}" if text else cost
    return text or EMPTY


def skills(c: Context, level: int) -> list[Block]:
    """The competency matrix, one row per skill, with its status and the decision taken."""
    lang = c.lang
    if not c.session.skills:
        return []
    rank = {pid: n for n, pid in enumerate(c.people)}
    rows = []
    for k in c.session.skills:
        required = f"{k.required_level} ({c.words.levels[k.required_level]})"
        covered = pt(lang, "minutes", "{count} of {needed}", count=coverage(k), needed=k.needed)
        rows.append(
            [
                cell(k.label),
                required,
                _levels(c, k, rank),
                covered,
                c.words.competency[status(k)],
                skill_decision(c, k),
                cell(k.decision.who),
                c.date(k.decision.due),
            ]
        )
    headers = [
        pt(lang, "minutes column", "Skill"),
        pt(lang, "minutes column", "Required level"),
        pt(lang, "minutes column", "People (level)"),
        pt(lang, "minutes column", "Coverage"),
        pt(lang, "minutes column", "Status"),
        pt(lang, "minutes column", "Follow-up"),
        pt(lang, "minutes column", "Who"),
        pt(lang, "minutes column", "Due"),
    ]
    w = c.words.levels
    legend = pt(
        lang,
        "minutes",
        "Levels: 0 {l0}, 1 {l1}, 2 {l2}, 3 {l3}. Coverage: people at the required level "
        "out of the people needed.",
        l0=w[0],
        l1=w[1],
        l2=w[2],
        l3=w[3],
    )
    return [table(headers, rows, right=(3,)), legend]


def roles(c: Context, level: int) -> list[Block]:
    """Who does what (lead, contributors, consulted, informed), then the mandates."""
    lang = c.lang
    if not c.session.roles:
        return []
    rows = [
        [
            cell(r.label),
            c.action(r.action),
            c.lead(r),
            cell(r.accountable),
            c.persons(r.contributors),
            c.persons(r.consulted),
            c.persons(r.informed),
            c.date(r.deadline),
        ]
        for r in c.session.roles
    ]
    headers = [
        pt(lang, "minutes column", "Task"),
        pt(lang, "minutes column", "Action"),
        pt(lang, "minutes column", "Lead"),
        pt(lang, "minutes column", "Accountable"),
        pt(lang, "minutes column", "Contributors"),
        pt(lang, "minutes column", "Consulted"),
        pt(lang, "minutes column", "Informed"),
        pt(lang, "minutes column", "Deadline"),
    ]
    out = [table(headers, rows)]
    mandates = [
        pt(lang, "minutes", "{label}: {value}", label=inline(r.label), value=lines(r.mandate, "  "))
        for r in c.session.roles
        if r.mandate.strip()
    ]
    if mandates:
        out += [heading(level, pt(lang, "minutes section", "Mandates")), bullets(mandates)]
    return out
