"""Dialogs of the skills step: a skill's own fields, its follow-up, a person."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from pydantic import BaseModel
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.i18n import N_, _, t
from tui.i18n.fmt import format_date
from tui.live.quick import add_decision
from tui.model import Decision, Resource, Session
from tui.model.plan import Skill, SkillDecision
from tui.widgets.choices import CHOICES
from tui.widgets.dialogs import Dialog
from tui.widgets.fields import FieldSpec, spec_for
from tui.widgets.form import RecordForm

SKILL_FIELDS = [
    spec_for(Skill, "label", N_("Skill label")),
    spec_for(Skill, "required_level", N_("Required level (1–3)")),
    spec_for(Skill, "needed", N_("People needed")),
    spec_for(Skill, "action", N_("Linked action"), link="actions"),
]
DECISION_FIELDS = [
    spec_for(SkillDecision, "kind", N_("Kind of follow-up")),
    spec_for(SkillDecision, "who", N_("Who carries it")),
    spec_for(SkillDecision, "due", N_("By when")),
    spec_for(SkillDecision, "cost", N_("Cost ($)")),
    spec_for(SkillDecision, "note", N_("Means, note"), block=True),
]

Changed = Callable[[str], None]
"""Called with a field name when the record now holds a new valid value."""
Drafted = Callable[[str, str | None], None]
"""Called with a field name and the typed text that is not valid yet (None: valid again)."""


class FormDialog(Dialog[None]):
    """A record's form in a box; edits apply as typed, Esc or ctrl+q closes."""

    DEFAULT_CSS = """
    FormDialog > Vertical { width: 76; }
    FormDialog RecordForm { height: auto; max-height: 14; padding: 0; }
    FormDialog .dialog-title { margin-bottom: 0; }
    FormDialog RecordForm { margin-top: 1; }
    FormDialog #dialog-end { margin-top: 1; }
    """

    def __init__(
        self,
        title: str,
        specs: list[FieldSpec],
        record: BaseModel,
        *,
        drafts: dict[str, str] | None = None,
        on_change: Changed,
        on_draft: Drafted,
        hint: str = "",
        subtitle: str = "",
        options: dict[str, list[tuple[str, str]]] | None = None,
    ) -> None:
        """Edit ``record`` with ``specs``; changes are reported through the callbacks."""
        super().__init__()
        self.title_text = title
        self.specs = specs
        self.record = record
        self.drafts = drafts or {}
        self.on_change = on_change
        self.on_draft = on_draft
        self.hint = hint
        self.subtitle = subtitle
        self.options = options or {}

    def compose(self) -> ComposeResult:
        """Title, form, the extra widgets of subclasses, hint."""
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            if self.subtitle:
                yield Static(self.subtitle, classes="dialog-hint", markup=False)
            yield RecordForm(self.specs, id="dialog-form")
            hint = self.hint or _("Changes are kept as you type. Esc or ctrl+q closes.")
            yield Static(hint, classes="dialog-hint", id="dialog-end", markup=False)

    def on_mount(self) -> None:
        """Show the record and focus its first field."""
        form = self.query_one(RecordForm)
        form.load(self.record, self.drafts, self.options)
        # Now, not after a refresh: a key typed right after the one that opened the form
        # (Tab, in one burst) must find the first field focused, not have its move undone.
        self.query_one(f"#f-{self.specs[0].name}").focus()

    @on(RecordForm.FieldChanged)
    def _changed(self, event: RecordForm.FieldChanged) -> None:
        event.stop()
        self.on_change(event.field)

    @on(RecordForm.DraftChanged)
    def _draft(self, event: RecordForm.DraftChanged) -> None:
        event.stop()
        self.on_draft(event.field, event.text)


def decision_titles(skill: Skill, status_text: str, suggested: str) -> tuple[str, str]:
    """The title and subtitle of a skill's decision dialog."""
    title = _("Follow-up for “{label}”", label=skill.label)
    return title, _(
        "Status: {status}; suggested: {suggested}", status=status_text, suggested=suggested
    )


def follow_up_name(session: Session, skill: Skill) -> str:
    """A skill's follow-up named in the minutes language: « Formation ou mentorat : Graphisme »."""
    lang = session.meeting.minutes_lang
    kind = skill.decision.kind
    if kind is None:
        return t(lang, "Skill: {skill}", skill=skill.label)
    word = t(lang, CHOICES[kind])
    return t(lang, "{decision}: {skill}", decision=word[:1].upper() + word[1:], skill=skill.label)


def follow_up_decision(
    session: Session, skill: Skill, now: dt.datetime, tz: str
) -> tuple[Decision, bool]:
    """The numbered decision a skill's follow-up becomes: (it, whether it is new).

    Made once: doing it again gives the same decision (it keeps its number once and for all).
    """
    linked = skill.decision.decision
    found = session.find("decisions", linked) if linked else None
    if isinstance(found, Decision):
        return found, False
    d = skill.decision
    said = ", ".join(
        p for p in (d.who, format_date(d.due, session.meeting.minutes_lang) if d.due else "") if p
    )
    text = follow_up_name(session, skill)
    text = f"{text} — {said}" if said else text
    decision = add_decision(session, Decision(text=text, step="skills"), now, tz)
    skill.decision.decision = decision.id
    return decision, True


def cost_to_resources(session: Session, skill: Skill) -> tuple[Resource, bool]:
    """Put the cost of ``skill``'s decision in the resources: (the resource, whether it is new).

    The resource is named after the decision and the skill in the minutes language; doing it
    again updates the same resource instead of adding a second one.
    """
    label = follow_up_name(session, skill)
    found = next((r for r in session.resources if r.label == label), None)
    if found is not None:
        found.needed = skill.decision.cost
        found.action = skill.action
        return found, False
    resource = Resource(
        label=label,
        kind="financial",
        action=skill.action,
        needed=skill.decision.cost,
        owner=skill.decision.who,
    )
    session.resources = [*session.resources, resource]
    return resource, True


def person_links(session: Session, person_id: str) -> int:
    """How many roles and working groups name ``person_id`` (they would point nowhere)."""
    found = 0
    for role in session.roles:
        found += person_id in (role.lead, *role.contributors, *role.consulted, *role.informed)
    found += sum(group.lead == person_id for group in session.working_groups)
    return found


_NEED = re.compile(r"\s+([1-3])\s*[xX×*]\s*([1-9][0-9]?)\s*$")


def split_need(line: str) -> tuple[str, int | None, int | None]:
    """« Gestion financière 2x2 » → (« Gestion financière », 2, 2): level and people, if typed."""
    found = _NEED.search(line)
    if found is None or not line[: found.start()].strip():
        return line.strip(), None, None
    return line[: found.start()].strip(), int(found.group(1)), int(found.group(2))
