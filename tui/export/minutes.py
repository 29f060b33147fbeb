"""The minutes of a session as Markdown: compte rendu (summary) or procès-verbal (formal)."""

from __future__ import annotations

from collections.abc import Callable

from tui.export import closing, governance, opening, steps
from tui.export.blocks import Block, heading, join
from tui.export.context import Context, make_context
from tui.export.escape import paragraphs
from tui.model.base import STEPS
from tui.model.session import Session

Section = Callable[[Context, int], list[Block]]

STEP_SECTIONS: dict[str, Section] = {
    "actions": steps.actions,
    "resources": steps.resources,
    "skills": steps.skills,
    "roles": steps.roles,
    "agreements": governance.agreements,
    "objectives": governance.objectives,
    "coordination": governance.coordination,
    "watch": governance.watch,
}
"""The body of each step's section, by step key, in the order of the steps."""


def step_section(c: Context, step: str, level: int = 2) -> list[Block]:
    """A step's heading, its notes and its records; nothing when the step holds no content."""
    body = [*paragraphs(c.session.notes.get(step, "")), *STEP_SECTIONS[step](c, level + 1)]
    if not body:
        return []
    return [heading(level, c.words.steps[step]), *body]


def plan_sections(c: Context, level: int = 2) -> list[Block]:
    """Every step that holds content, in order (the whole plan; reusable for an annex)."""
    return [block for step in STEPS for block in step_section(c, step, level)]


def render_minutes(session: Session, mode: str, lang: str) -> str:
    """The minutes of ``session`` in ``mode`` (summary, formal) and ``lang``, as Markdown."""
    c = make_context(session, mode, lang)
    blocks = [
        *opening.title(c),
        *opening.attendance(c),
        *opening.agenda(c),
        *plan_sections(c),
        *closing.decisions(c),
        *closing.action_items(c),
        *closing.parking(c),
        *closing.open_points(c),
        *closing.next_meeting(c),
        *closing.adjournment(c),
    ]
    return join(blocks) + "\n"
