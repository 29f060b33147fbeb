"""The plan's sections of the minutes: one per planning step that holds content.

The minutes place them in their body; a follow-up's minutes place them in an annex, one
heading level lower, with the step notes kept in the body beside what the meeting changed.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.export import governance, steps
from tui.export.blocks import Block, heading
from tui.export.context import Context
from tui.export.escape import paragraphs
from tui.model.base import STEPS

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


def step_section(c: Context, step: str, level: int = 2, *, notes: bool = True) -> list[Block]:
    """A step's heading, its notes (unless left out) and its records; nothing when empty."""
    text = c.session.notes.get(step, "") if notes else ""
    body = [*paragraphs(text), *STEP_SECTIONS[step](c, level + 1)]
    if not body:
        return []
    return [heading(level, c.words.steps[step]), *body]


def plan_sections(c: Context, level: int = 2, *, notes: bool = True) -> list[Block]:
    """Every step that holds content, in order (the whole plan)."""
    return [block for step in STEPS for block in step_section(c, step, level, notes=notes)]
