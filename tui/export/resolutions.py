"""The procès-verbal's formal parts: the opening, the resolutions with their amendments, and
the signature block.

A resolution says only what was recorded: « et résolu » (and resolved) only once an outcome
that carries the motion was chosen; who moved and seconded only when they were noted.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.export import closing
from tui.export.blocks import Block, field, heading, sentence
from tui.export.context import Context
from tui.export.escape import inline, paragraphs
from tui.export.opening import quorum
from tui.i18n import N_, pt, t
from tui.model.live import ADOPTING_OUTCOMES, Decision
from tui.model.resolution import resolution_number

SIGNATURE_LINE = "_" * 30
"""Where a signature goes, on paper."""
DATE_LINE = "_" * 20


def amendment_tree(
    decisions: Sequence[Decision],
) -> tuple[list[Decision], dict[str, list[Decision]]]:
    """The proposals (in order) and, by decision id, the amendments recorded under it.

    An amendment counts only under a decision recorded before it (so no circle can form);
    one pointing elsewhere is a proposal of its own, never left out.
    """
    seen: set[str] = set()
    roots: list[Decision] = []
    under: dict[str, list[Decision]] = {}
    for d in decisions:
        if d.amends is not None and d.amends in seen:
            under.setdefault(d.amends, []).append(d)
        else:
            roots.append(d)
        seen.add(d.id)
    return roots, under


LEADS: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): N_("Moved by {mover}, seconded by {seconder}, and resolved:"),
    (True, True, False): N_("Moved by {mover} and resolved:"),
    (True, False, True): N_("Seconded by {seconder} and resolved:"),
    (True, False, False): N_("Resolved:"),
    (False, True, True): N_("Moved by {mover}, seconded by {seconder}:"),
    (False, True, False): N_("Moved by {mover}:"),
    (False, False, True): N_("Seconded by {seconder}:"),
}
"""The formal lead of a motion, by (carried, mover noted, seconder noted): « résolu »
(resolved) only once an outcome that carries it was chosen."""

AMENDMENT_OUTCOMES: dict[str, str] = {
    "consensus": N_("amendment carried by consensus"),
    "unanimous": N_("amendment carried unanimously"),
    "carried": N_("amendment carried by a majority"),
    "defeated": N_("amendment defeated"),
    "deferred": N_("amendment deferred"),
    "tabled": N_("amendment tabled"),
    "withdrawn": N_("amendment withdrawn"),
}
"""The outcome of an amendment, as `tui.export.labels.OUTCOMES` is of a resolution."""


def _who(c: Context, d: Decision) -> str:
    """Who moved and seconded, and whether it was resolved: only what was recorded."""
    mover, seconder = inline(d.moved_by), inline(d.seconded_by)
    msgid = LEADS.get((d.outcome in ADOPTING_OUTCOMES, bool(mover), bool(seconder)))
    return t(c.lang, msgid, mover=mover, seconder=seconder) if msgid else ""


def resolution(
    c: Context, d: Decision, under: dict[str, list[Decision]], *, amendment: bool = False
) -> list[Block]:
    """One resolution in formal wording, its amendments under it before its own outcome."""
    lang = c.lang
    number = inline(resolution_number(c.session.meeting.resolution_prefix, d.number))
    if amendment:
        name = pt(lang, "resolution", "Amendment {number}", number=number)
        bare = pt(lang, "resolution", "Amendment")
    else:
        name = pt(lang, "resolution", "Resolution {number}", number=number)
        bare = pt(lang, "resolution", "Resolution")
    lead = f"**{name if number else bare}**"
    if d.step in c.words.steps and not amendment:
        lead = f"{lead} — {c.words.steps[d.step]}"
    out = [lead, _who(c, d), *paragraphs(d.text)]
    for a in under.get(d.id, []):
        out += resolution(c, a, under, amendment=True)
    words = {k: t(lang, v) for k, v in AMENDMENT_OUTCOMES.items()} if amendment else None
    out.append(closing.outcome_sentence(c, d, words=words))
    out = [b for b in out if b]
    if d.voided:
        return closing.voided(c, d, out)
    present = quorum(c, d.taken_at) if d.taken_at is not None else ""
    return (
        [*out, field(lang, pt(lang, "minutes attendance", "Quorum"), present)] if present else out
    )


def resolutions(c: Context, level: int = 2) -> list[Block]:
    """The resolutions of a procès-verbal, or the numbered decisions of a compte rendu."""
    if not c.formal:
        return closing.decisions(c, level)
    if not c.session.decisions:
        return []
    roots, under = amendment_tree(c.session.decisions)
    out = [heading(level, pt(c.lang, "resolution", "Resolutions"))]
    for d in roots:
        out += resolution(c, d, under)
    return out


def opening(c: Context, level: int = 2) -> list[Block]:
    """The opening of a procès-verbal: when it opened (when recorded) and the quorum."""
    if not c.formal:
        return []
    lang = c.lang
    opened = c.session.meeting.opened_at
    if opened is None:  # never the scheduled start: nobody noted that it opened then
        said = pt(lang, "resolution", "The meeting was called to order.")
    else:
        at = c.time(opened)
        said = sentence(
            pt(lang, "resolution", "The meeting was called to order at {time}.", time=at)
        )
    count = quorum(c)
    out = [heading(level, pt(lang, "resolution", "Opening of the meeting")), said]
    if count:
        out.append(field(lang, pt(lang, "minutes attendance", "Quorum"), count))
    return out


def signature(c: Context, name: str, role: str) -> Block:
    """Lines to sign: « Signature », the name (when known), the role, « Date »."""
    lang = c.lang
    sign = field(lang, pt(lang, "resolution", "Signature"), SIGNATURE_LINE)
    day = field(lang, pt(lang, "minutes header", "Date"), DATE_LINE)
    return "\\\n".join(line for line in (sign, inline(name), role, day) if line)


def signatures(c: Context, level: int = 2) -> list[Block]:
    """The signature block of a procès-verbal: the chair, then the secretary."""
    if not c.formal:
        return []
    m = c.session.meeting
    lang = c.lang
    return [
        heading(level, pt(lang, "resolution", "Signatures")),
        signature(c, m.facilitator, pt(lang, "resolution", "Chair of the meeting")),
        signature(c, m.note_taker, pt(lang, "resolution", "Secretary of the meeting")),
    ]
