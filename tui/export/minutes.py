"""The minutes of a session as Markdown: compte rendu (summary) or procès-verbal (formal)."""

from __future__ import annotations

from tui.export import closing, followup, opening, resolutions
from tui.export.blocks import Block, join
from tui.export.context import make_context
from tui.export.plan import STEP_SECTIONS, Section, plan_sections, step_section
from tui.model.session import Session

__all__ = ["STEP_SECTIONS", "Section", "plan_sections", "render_minutes", "step_section"]


def render_minutes(
    session: Session, mode: str, lang: str, *, previous: Session | None = None
) -> str:
    """The minutes of ``session`` in ``mode`` (summary, formal) and ``lang``, as Markdown.

    ``previous`` is the session this one follows (``session.meeting.follows``), loaded by
    the caller: then the body shows what this meeting changed in the plan and the whole
    plan goes into an annex at the end. Any other session given as ``previous`` is ignored.
    Pure: the same arguments always give the same bytes. A field left in conflict by a sync
    is not shown until it is settled.
    """
    from tui.model.settling import settled_view

    session = settled_view(session)
    c = make_context(session, mode, lang)
    plan: list[Block]
    annex: list[Block] = []
    if previous is not None and session.meeting.follows == previous.id:
        annex = followup.annex(c)
        p = make_context(previous, mode, lang)
        plan = followup.changes(c, p, annexed=bool(annex))
    else:
        plan = plan_sections(c)
    blocks = [
        *opening.title(c),
        *opening.attendance(c),
        *resolutions.opening(c),
        *opening.agenda(c),
        *plan,
        *resolutions.resolutions(c),
        *closing.action_items(c),
        *closing.parking(c),
        *closing.open_points(c),
        *closing.next_meeting(c),
        *closing.adjournment(c),
        *resolutions.signatures(c),
        *annex,
    ]
    return join(blocks) + "\n"
