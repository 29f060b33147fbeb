"""The end of the minutes: decisions, action items, parking lot, open points, next meeting."""

from __future__ import annotations

from tui.export.blocks import Block, bullets, fields, heading, sentence, table
from tui.export.context import Context
from tui.export.escape import EMPTY, cell, inline, lines, paragraphs
from tui.export.labels import PARKING_FATES
from tui.i18n import pt, t, tn
from tui.model.analysis import ReviewItem, review
from tui.model.live import Decision
from tui.model.resolution import resolution_number

LEFT_OUT_OF_OPEN_POINTS = frozenset({"open_item"})
"""Review checks the open points leave out: open action items are in the action-item table."""


def _votes(c: Context, d: Decision) -> str:
    """The votes given, e.g. ``7 for, 0 against, 1 abstention`` (empty when none was)."""
    lang = c.lang
    parts: list[str] = []
    if d.votes_for is not None:
        parts.append(pt(lang, "minutes", "{n} for", n=d.votes_for))
    if d.votes_against is not None:
        parts.append(pt(lang, "minutes", "{n} against", n=d.votes_against))
    if d.abstentions is not None:
        parts.append(tn(lang, "{n} abstention", "{n} abstentions", d.abstentions))
    return ", ".join(parts)


def outcome_sentence(c: Context, d: Decision, *, words: dict[str, str] | None = None) -> str:
    """The outcome as a sentence with its votes (« Adoptée à la majorité (7 pour, 0 contre). »).

    No outcome chosen: no adoption wording at all, only the votes if some were given.
    ``words`` replaces the outcome words (an amendment's agree with « amendement »).
    """
    votes = _votes(c, d)
    if d.outcome is None:
        return pt(c.lang, "minutes", "Vote: {count}.", count=votes) if votes else ""
    word = (words or c.words.outcomes)[d.outcome]
    word = word[:1].upper() + word[1:]
    return f"{word} ({votes})." if votes else f"{word}."


def decision(c: Context, d: Decision) -> list[Block]:
    """One numbered decision: number and step, text, its outcome (a procès-verbal's resolutions
    are in `tui.export.resolutions`)."""
    lang = c.lang
    if d.number:
        lead = pt(lang, "minutes", "Decision {number}", number=inline(d.number))
    else:
        lead = pt(lang, "minutes", "Decision")
    lead = f"**{lead}**"
    if d.step in c.words.steps:
        lead = f"{lead} — {c.words.steps[d.step]}"
    out = [lead, *paragraphs(d.text)]
    closing = outcome_sentence(c, d)
    out = [*out, closing] if closing else out
    return voided(c, d, out) if d.voided else out


def voided(c: Context, d: Decision, blocks: list[Block]) -> list[Block]:
    """A voided decision: kept with its number, what was recorded struck through, then why."""
    lang = c.lang
    mark = pt(lang, "minutes", "VOIDED")
    reason = inline(d.void_reason)
    if reason:
        why = pt(lang, "minutes", "Voided: {reason}", reason=reason)
    else:
        why = pt(lang, "minutes", "Voided.")
    return [f"{blocks[0]} — **{mark}**", *(f"~~{b}~~" for b in blocks[1:]), f"*{why}*"]


def decisions(c: Context, level: int = 2) -> list[Block]:
    """The numbered decisions, in the order they were recorded."""
    if not c.session.decisions:
        return []
    out = [heading(level, pt(c.lang, "minutes section", "Decisions"))]
    for d in c.session.decisions:
        out += decision(c, d)
    return out


def action_items(c: Context, level: int = 2) -> list[Block]:
    """The action-item table: what, who, due, status."""
    lang = c.lang
    if not c.session.action_items:
        return []
    rows = []
    for item in c.session.action_items:
        what = cell(item.label)
        linked = c.decisions.get(item.decision) if item.decision else None
        if linked is not None and linked.number and c.formal:
            prefix = c.session.meeting.resolution_prefix
            number = inline(resolution_number(prefix, linked.number))
            what = f"{what} {pt(lang, 'resolution', '(resolution {number})', number=number)}"
        elif linked is not None and linked.number:
            ref = pt(lang, "minutes", "(decision {number})", number=inline(linked.number))
            what = f"{what} {ref}"
        if item.carried_from:
            carried = pt(lang, "minutes", "(carried over)")
            what = f"{what} {carried}"
        status = c.words.item_statuses[item.status]
        rows.append([what, cell(item.who), c.date(item.due), status])
    headers = [
        pt(lang, "minutes column", "Action item"),
        pt(lang, "minutes column", "Who"),
        pt(lang, "minutes column", "Due"),
        pt(lang, "minutes column", "Status"),
    ]
    return [heading(level, c.words.steps["live"]), table(headers, rows)]


def parking(c: Context, level: int = 2) -> list[Block]:
    """The parking lot: topics set aside for a later meeting."""
    if not c.session.parking:
        return []
    items = []
    for p in c.session.parking:
        text = lines(p.label, "  ")
        if p.step in c.words.steps:
            text = f"{text} ({c.words.steps[p.step]})"
        if p.fate is not None:
            text = f"{text} — {t(c.lang, PARKING_FATES[p.fate])}"
        items.append(text)
    return [heading(level, pt(c.lang, "minutes section", "Parking lot")), bullets(items)]


def _point_row(c: Context, item: ReviewItem) -> list[str]:
    step = c.words.steps.get(item.step, EMPTY)
    return [step, cell(item.params.get("label", "")), c.words.checks.get(item.check, item.check)]


def open_points(c: Context, level: int = 2) -> list[Block]:
    """Open points of the review, then the points accepted as they are, with their reason."""
    lang = c.lang
    accepted = c.session.accepted()
    items = [
        it
        for it in review(c.session, include_accepted=True)
        if it.check not in LEFT_OUT_OF_OPEN_POINTS
    ]
    still = [it for it in items if it.key not in accepted]
    kept = [it for it in items if it.key in accepted]
    out: list[Block] = []
    if still:
        headers = [
            pt(lang, "minutes column", "Step"),
            pt(lang, "minutes column", "Record"),
            pt(lang, "minutes column", "Open point"),
        ]
        out.append(
            pt(lang, "minutes", "What the review still shows open at the end of the meeting.")
        )
        out.append(table(headers, [_point_row(c, it) for it in still]))
    out += paragraphs(c.session.notes.get("review", ""))
    if kept:
        headers = [
            pt(lang, "minutes column", "Step"),
            pt(lang, "minutes column", "Record"),
            pt(lang, "minutes column", "Point"),
            pt(lang, "minutes column", "Reason"),
        ]
        rows = [[*_point_row(c, it), cell(accepted[it.key])] for it in kept]
        out.append(heading(level + 1, pt(lang, "minutes section", "Points accepted as they are")))
        out.append(table(headers, rows))
    if not out:
        return []
    return [heading(level, pt(lang, "minutes section", "Open points")), *out]


def next_meeting(c: Context, level: int = 2) -> list[Block]:
    """Date, time and place of the next meeting, when known."""
    m = c.session.meeting
    lang = c.lang
    body = fields(
        lang,
        [
            (
                pt(lang, "minutes header", "Date"),
                "" if m.next_date is None else c.date(m.next_date),
            ),
            (
                pt(lang, "minutes header", "Time"),
                "" if m.next_time is None else c.time(m.next_time),
            ),
            (pt(lang, "minutes header", "Place"), inline(m.next_place)),
        ],
    )
    if not body:
        return []
    return [heading(level, pt(lang, "minutes section", "Next meeting")), body]


def adjournment(c: Context, level: int = 2) -> list[Block]:
    """The time the facilitator adjourned the meeting; none recorded, no adjournment printed.

    Never the scheduled end: the minutes would state as a fact a time nobody noted.
    """
    end = c.session.meeting.adjourned_at
    if end is None:
        return []
    return [
        heading(level, pt(c.lang, "minutes section", "Adjournment")),
        sentence(pt(c.lang, "minutes", "The meeting was adjourned at {time}.", time=c.time(end))),
    ]
