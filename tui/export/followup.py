"""A follow-up meeting's minutes: what the meeting changed in the plan, the whole plan annexed.

The body stays short: per step, the notes taken and the records added, changed (each changed
field, ``old → new``) and removed since the previous meeting. The whole plan, as it stands at
the end of the meeting, goes into an annex at the end, one heading level lower.
"""

from __future__ import annotations

from tui.export.blocks import Block, bullets, heading
from tui.export.context import Context
from tui.export.diffs import View, changed_lines, views
from tui.export.escape import inline, paragraphs
from tui.export.plan import plan_sections
from tui.i18n import pt
from tui.model.base import STEPS
from tui.model.changes import StepChanges, plan_changes


def _qualifier(c: Context, table: str) -> str:
    """What kind of record this is, where a step holds more than one kind of record."""
    lang = c.lang
    kinds = {
        "people": pt(lang, "minutes change", "person in the matrix"),
        "indicators": pt(lang, "minutes change", "indicator"),
        "bodies": pt(lang, "minutes change", "coordination body"),
        "working_groups": pt(lang, "minutes change", "working group"),
        "participation": pt(lang, "minutes change", "participation"),
        "monitoring": pt(lang, "minutes change", "follow-up"),
        "communication": pt(lang, "minutes change", "communication"),
    }
    return kinds.get(table, "")


def _name(c: Context, table: str, label: str) -> str:
    text = inline(label)
    kind = _qualifier(c, table)
    return f"{text} ({kind})" if kind else text


def step_changes(
    p: Context, c: Context, changes: StepChanges, found: dict[str, tuple[View, ...]]
) -> list[Block]:
    """One step's records added, changed (with what changed) and removed, as bullet lists."""
    lang = c.lang
    added = [_name(c, x.table, x.label) for x in changes.added]
    changed = []
    for x in changes.changed:
        lines = changed_lines(x.table, x.fields, p, c, x.before, x.after, found)
        if lines:  # else nothing the minutes show has changed
            changed.append(_name(c, x.table, x.label) + "".join(f"\n  - {line}" for line in lines))
    removed = [_name(p, x.table, x.label) for x in changes.removed]
    groups = (
        (pt(lang, "minutes change", "Added"), added),
        (pt(lang, "minutes change", "Changed"), changed),
        (pt(lang, "minutes change", "Removed"), removed),
    )
    out: list[Block] = []
    for word, items in groups:
        if items:
            out += [f"**{word}** ({len(items)})", bullets(items)]
    return out


def _intro(c: Context, p: Context, changed: bool, annexed: bool) -> str:
    lang = c.lang
    day = p.session.meeting.date
    if changed and day is not None:
        text = pt(
            lang, "minutes", "Changes to the plan since the meeting of {date}.", date=c.date(day)
        )
    elif changed:
        text = pt(lang, "minutes", "Changes to the plan since the previous meeting.")
    elif day is not None:
        text = pt(
            lang,
            "minutes",
            "The plan has not changed since the meeting of {date}.",
            date=c.date(day),
        )
    else:
        text = pt(lang, "minutes", "The plan has not changed since the previous meeting.")
    if annexed:
        where = pt(lang, "minutes", "The whole plan is in the annex.")
        text = f"{text} {where}"
    return text


def changes(c: Context, p: Context, level: int = 2, *, annexed: bool = True) -> list[Block]:
    """What this meeting changed in the plan, step by step, with each step's notes.

    ``p`` is the context of the meeting this one follows; ``annexed`` says whether the
    minutes end with the whole plan (the introduction points to it).
    """
    found = plan_changes(p.session, c.session)
    shown = views(c.lang)
    body: list[Block] = []
    changed = False
    for step in STEPS:
        listed = step_changes(p, c, found[step], shown)
        notes = paragraphs(c.session.notes.get(step, ""))
        changed = changed or bool(listed)
        if listed or notes:
            body += [heading(level + 1, c.words.steps[step]), *notes, *listed]
    title = pt(c.lang, "minutes section", "What this meeting changed")
    return [heading(level, title), _intro(c, p, changed, annexed), *body]


def annex(c: Context, level: int = 2) -> list[Block]:
    """The whole plan at the end of the meeting, steps one level below the annex's heading."""
    plan = plan_sections(c, level + 1, notes=False)
    if not plan:
        return []
    title = pt(c.lang, "minutes section", "Annex — Full plan")
    intro = pt(c.lang, "minutes", "The plan as it stands at the end of the meeting.")
    return [heading(level, title), intro, *plan]
