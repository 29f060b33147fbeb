"""The opening of the minutes: title, draft mark, header, attendance and agenda."""

from __future__ import annotations

import datetime as dt

from tui.export.blocks import Block, bullets, field, fields, heading, sentence, table
from tui.export.context import Context
from tui.export.escape import EMPTY, cell, inline, paragraphs
from tui.i18n import pt, tn
from tui.i18n.fmt import format_minutes
from tui.model.meeting import Participant, members_present


def status_mark(c: Context) -> Block:
    """« PROJET » while the minutes are not adopted, else when they were."""
    m = c.session.meeting
    lang = c.lang
    if m.minutes_status == "adopted":
        if m.adopted_on is None:
            return pt(lang, "minutes", "Adopted.")
        return pt(lang, "minutes", "Adopted on {date}.", date=c.date(m.adopted_on))
    draft = pt(lang, "minutes", "DRAFT")
    pending = pt(lang, "minutes", "subject to adoption at a future meeting")
    return f"**{draft}** — {pending}"


def title(c: Context) -> list[Block]:
    """The title, the draft (PROJET) or adoption mark, and the header fields."""
    m = c.session.meeting
    lang = c.lang
    formal, summary = pt(lang, "minutes", "Minutes"), pt(lang, "minutes", "Meeting summary")
    kind = formal if c.formal else summary
    mark = status_mark(c)
    when = ""
    start = m.opened_at or m.start_time  # the opening when recorded, else the one planned
    end = m.adjourned_at  # never the scheduled end: the minutes would state it as a fact
    if start is not None and end is not None:
        when = pt(lang, "minutes", "{start} to {end}", start=c.time(start), end=c.time(end))
    elif start is not None:
        when = c.time(start)
    header = fields(
        lang,
        [
            (pt(lang, "minutes header", "Group"), inline(m.collective)),
            (pt(lang, "minutes header", "Date"), "" if m.date is None else c.date(m.date)),
            (pt(lang, "minutes header", "Time"), when),
            (pt(lang, "minutes header", "Place"), inline(m.place)),
        ],
    )
    return [heading(1, f"{kind} — {inline(m.title)}"), mark, header]


def _attendee(c: Context, p: Participant) -> str:
    text = inline(p.name)
    if p.organisation.strip():
        text = f"{text}, {inline(p.organisation)}"
    if p.role.strip():
        text = f"{text} — {inline(p.role)}"
    moves = []
    if p.arrived_at is not None:
        moves.append(
            pt(c.lang, "minutes attendance", "arrived at {time}", time=c.time(p.arrived_at))
        )
    if p.left_at is not None:
        moves.append(pt(c.lang, "minutes attendance", "left at {time}", time=c.time(p.left_at)))
    return f"{text} ({', '.join(moves)})" if moves else text


def quorum(c: Context, at: dt.time | None = None) -> str:
    """Members present (at ``at``, a decision's time) out of the members; empty without any."""
    present, members = members_present(c.session.participants, at)
    if not members:
        return ""
    if at is None:
        return tn(
            c.lang,
            "{n} member present out of {total}.",
            "{n} members present out of {total}.",
            present,
            total=members,
        )
    said = tn(
        c.lang,
        "{n} member present out of {total} at {time}.",
        "{n} members present out of {total} at {time}.",
        present,
        total=members,
        time=c.time(at),
    )
    return sentence(said)


def attendance(c: Context, level: int = 2) -> list[Block]:
    """Who was present, absent with or without regrets, invited; who facilitated and noted."""
    lang = c.lang
    m = c.session.meeting
    groups = (
        ("present", pt(lang, "minutes attendance", "Present")),
        ("excused", pt(lang, "minutes attendance", "Regrets")),
        ("absent", pt(lang, "minutes attendance", "Absent")),
        ("guest", pt(lang, "minutes attendance", "Guests")),
    )
    by_kind: dict[str, list[Participant]] = {kind: [] for kind, _ in groups}
    for p in c.session.participants:
        by_kind[p.attendance].append(p)
    out: list[Block] = []
    for kind, name in groups:
        found = by_kind[kind]
        if found:
            out.append(f"**{name}** ({len(found)})")
            out.append(bullets(_attendee(c, p) for p in found))
    roles = [
        (pt(lang, "minutes attendance", "Facilitator"), inline(m.facilitator)),
        (pt(lang, "minutes attendance", "Note-taker"), inline(m.note_taker)),
    ]
    lines = [field(lang, name, value) for name, value in roles if value]
    if lines:
        out.append("\\\n".join(lines))
    if not out:
        return []
    return [heading(level, pt(lang, "minutes section", "Attendance")), *out]


def _minutes(seconds: int, lang: str) -> str:
    if seconds <= 0:
        return EMPTY
    return format_minutes(max(1, (seconds + 30) // 60), lang)


def agenda(c: Context, level: int = 2) -> list[Block]:
    """The agenda with planned (timebox) and actual time, then the meeting's notes."""
    lang = c.lang
    items = c.session.agenda
    out: list[Block] = []
    if items:
        rows = [
            [
                str(n),
                cell(item.label),
                EMPTY if item.timebox_min is None else format_minutes(item.timebox_min, lang),
                _minutes(item.spent_s, lang),
            ]
            for n, item in enumerate(items, start=1)
        ]
        planned = sum(item.timebox_min or 0 for item in items)
        spent = sum(item.spent_s for item in items)
        total = pt(lang, "minutes column", "Total")
        planned_text = format_minutes(planned, lang) if planned else EMPTY
        rows.append(["", f"**{total}**", planned_text, _minutes(spent, lang)])
        headers = [
            pt(lang, "minutes column", "No."),
            pt(lang, "minutes column", "Item"),
            pt(lang, "minutes column", "Planned"),
            pt(lang, "minutes column", "Actual"),
        ]
        out.append(table(headers, rows, right=(0, 2, 3)))
    out += paragraphs(c.session.notes.get("meeting", ""))
    if not out:
        return []
    return [heading(level, pt(lang, "minutes section", "Agenda")), *out]
