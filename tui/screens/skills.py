"""Step 3, Skills: the competency matrix, each skill's fields and the decision it calls for."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.i18n import N_, _, get_language
from tui.i18n.fmt import format_money
from tui.model import Skill
from tui.model.competency import SUGGESTED, status
from tui.screens.base import SessionScreen
from tui.screens.palette import scope_commands
from tui.screens.skill_forms import (
    DECISION_FIELDS,
    SKILL_FIELDS,
    FormDialog,
    cost_to_resources,
    decision_titles,
    follow_up_decision,
    split_need,
)
from tui.screens.skill_people import MatrixPeople
from tui.terminal.keymap import bindings_for
from tui.widgets.choices import choice_word
from tui.widgets.dialogs import AskText, Confirm
from tui.widgets.links import options
from tui.widgets.matrix import (
    WIDGET_ACTIONS,
    CompetencyMatrix,
    describe_cell,
    describe_decision,
    describe_skill,
    status_word,
)


class SkillsScreen(MatrixPeople, SessionScreen, inherit_bindings=False):
    """The collective portrait of skills: who has them, who wants to learn, what to decide."""

    KEY = "skills"
    SCOPE = "matrix"
    CSS_PATH = "skills.tcss"
    BINDINGS = [  # the step's own keys first: the footer shows what fits of them at 80 columns
        *[b for b in bindings_for("matrix") if b.action not in WIDGET_ACTIONS],
        *[b for b in Screen.BINDINGS if isinstance(b, Binding)],
        *SessionScreen.BINDINGS,
    ]
    HELP = N_(
        "The competency matrix: skills as rows, people as columns (participants first). Move "
        "with the arrows; 0 to 3 set a level (0 absent, 1 notions, 2 autonomous, 3 can train); "
        "i flags an interest in learning (shown as +). Each row's status is computed: available "
        "(enough people at the required level), fragile (some, not enough), to develop (nobody, "
        "but someone one level below wants to learn), to source (otherwise). d (or Enter) records "
        "the follow-up a skill calls for, with who, by when and the cost; c adds that cost to the "
        "resources; D makes the follow-up a numbered decision of the meeting. o shows the "
        "read-only view by organisation (an organisation's level is the highest of its "
        "people). a adds a skill, e (or Enter on its name) edits it, del deletes it; p adds a "
        "person, P edits one, X removes one."
    )

    def __init__(self) -> None:
        """The skills step."""
        super().__init__()
        self._pending_focus: str | None = None
        self._lines: dict[str, str] = {}

    def compose_body(self) -> ComposeResult:
        """Legend, matrix, what the cursor is on."""
        yield Static("", id="matrix-legend", markup=False)
        yield Static("", id="matrix-key", markup=False)
        yield CompetencyMatrix(id="matrix")
        yield Static("", id="matrix-skill", markup=False)
        yield Static("", id="matrix-decision", markup=False)
        yield Static("", id="matrix-person", markup=False)

    @property
    def matrix(self) -> CompetencyMatrix:
        """The matrix widget."""
        return self.query_one(CompetencyMatrix)

    def _people(self) -> list[tuple[str, str, str]]:
        session = self.ctx.session
        found = [(p.id, p.name, p.organisation) for p in session.participants]
        return found + [(p.id, p.name, p.organisation) for p in session.people]

    def load(self) -> None:
        """Show the session's skills and people."""
        matrix = self.matrix
        matrix.editable = not self.ctx.read_only
        matrix.show(self.ctx.session.skills, self._people())
        if self._pending_focus is not None:
            matrix.focus_skill(self._pending_focus)
            self._pending_focus = None
        matrix.focus()
        self._legend()
        self._describe()

    def focus_record(self, table: str, record_id: str) -> None:
        """Put the cursor on a skill (called by the review, possibly before mounting)."""
        if table != "skills":
            return
        if self.is_mounted and self.matrix.row_count:
            self.matrix.focus_skill(record_id)
        else:
            self._pending_focus = record_id

    def extra_commands(self) -> list[Any]:
        """The session-wide commands too (the app lists this screen's own scope)."""
        return [*super().extra_commands(), *scope_commands(self)]

    # -- what the cursor is on -------------------------------------------------------------

    def _legend(self) -> None:
        if not self.ctx.session.skills:
            text = _("No skill yet: a adds one, p adds a person who is not at the meeting.")
        elif self.matrix.by_organisation:
            text = _("By organisation (read-only): highest level of its people · o: people")
        else:
            text = _("0 absent · 1 notions · 2 autonomous · 3 can train · + interested")
        self.query_one("#matrix-legend", Static).update(_line(text))
        width = max(20, (self.size.width or self.app.size.width) - 2)
        lines = self.matrix.legend_lines(width) if self.ctx.session.skills else []
        key = self.query_one("#matrix-key", Static)
        key.update(_line("\n".join(lines)))
        key.display = bool(lines)

    @on(CompetencyMatrix.Refitted)
    def _refitted(self) -> None:
        self._legend()

    def _skill(self) -> Skill | None:
        return self._find(self.matrix.skill_id)

    @on(DataTable.CellHighlighted, "#matrix")
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._describe()

    def _describe(self) -> None:
        skill = self._skill()
        column = self.matrix.column
        self._set_line("#matrix-skill", describe_skill(skill) if skill else "")
        self._set_line("#matrix-decision", describe_decision(skill) if skill else "")
        cell = describe_cell(skill, column) if skill and column else ""
        self._set_line("#matrix-person", cell)

    def _set_line(self, selector: str, text: str) -> None:
        if self._lines.get(selector) != text:
            self._lines[selector] = text
            widget = self.query_one(selector, Static)
            widget.update(_line(text), layout=False)

    # -- levels and interest -----------------------------------------------------------------

    def _find(self, skill_id: str | None) -> Skill | None:
        return next((s for s in self.ctx.session.skills if s.id == skill_id), None)

    @on(CompetencyMatrix.LevelSet)
    def _level_set(self, event: CompetencyMatrix.LevelSet) -> None:
        skill = self._find(event.skill_id)
        if skill is None or skill.levels.get(event.person_id) == event.level:
            return
        skill.levels = {**skill.levels, event.person_id: event.level}  # type: ignore[dict-item]
        self._skill_changed(skill, [event.person_id])

    @on(CompetencyMatrix.InterestToggled)
    def _interest(self, event: CompetencyMatrix.InterestToggled) -> None:
        skill = self._find(event.skill_id)
        if skill is None:
            return
        pid = event.person_id
        was = pid in skill.interested
        skill.interested = [p for p in skill.interested if p != pid] + ([] if was else [pid])
        self._skill_changed(skill, [pid])

    def _skill_changed(self, skill: Skill, person_ids: list[str] | None = None) -> None:
        self.matrix.update_skill(skill, person_ids)
        self.touch("skills")
        self._describe()

    def _writable(self) -> bool:
        if self.ctx.read_only:
            self.notify(_("This session is open read-only: nothing can be changed."))
            return False
        return True

    def _current(self) -> Skill | None:
        skill = self._skill()
        if skill is None:
            self.notify(_("No skill yet: a adds one."))
        return skill

    def action_level_0(self) -> None:
        """Level 0: absent."""
        self.matrix.set_level(0)

    def action_level_1(self) -> None:
        """Level 1: notions."""
        self.matrix.set_level(1)

    def action_level_2(self) -> None:
        """Level 2: autonomous."""
        self.matrix.set_level(2)

    def action_level_3(self) -> None:
        """Level 3: can train."""
        self.matrix.set_level(3)

    def action_toggle_interest(self) -> None:
        """Toggle the interest in learning under the cursor."""
        self.matrix.action_toggle_interest()

    def action_interest_last(self) -> None:
        """Toggle the interest of the person whose level was just typed."""
        self.matrix.action_interest_last()

    @on(CompetencyMatrix.NeedSet)
    def _need_set(self, event: CompetencyMatrix.NeedSet) -> None:
        skill = self._find(event.skill_id)
        if skill is None:
            return
        if event.level is not None:
            skill.required_level = event.level  # type: ignore[assignment]
        if event.needed is not None:
            skill.needed = event.needed
        self._skill_changed(skill)

    @on(CompetencyMatrix.AddTyped)
    def _add_typed(self, event: CompetencyMatrix.AddTyped) -> None:
        self.action_add_skill(event.text)

    def action_toggle_by_org(self) -> None:
        """Show the matrix by organisation, or by person again."""
        self.matrix.by_organisation = not self.matrix.by_organisation
        self._legend()
        self._describe()

    # -- skills ------------------------------------------------------------------------------

    @work(exclusive=True, group="skills-dialog")
    async def action_add_skill(self, typed: str = "") -> None:
        """Add a skill: its label, and « 2x2 » at its end for the level and people required."""
        if not self._writable():
            return
        question = _("New skill (2x2 at the end: level 2 required, 2 people)")
        line = await self.app.push_screen_wait(AskText(question, typed, typed=bool(typed)))
        if not line:
            return
        label, level, needed = split_need(line)
        skill = Skill(label=label)
        if level is not None and needed is not None:
            skill.required_level, skill.needed = level, needed  # type: ignore[assignment]
        self.ctx.session.skills = [*self.ctx.session.skills, skill]
        self.touch("skills")
        self._pending_focus = skill.id
        self.load()

    @work(exclusive=True, group="skills-dialog")
    async def action_edit_skill(self) -> None:
        """Edit the skill under the cursor: label, required level, people needed, action."""
        skill = self._current()
        if skill is None or not self._writable():
            return
        dialog = FormDialog(
            _("Skill: {label}", label=skill.label),
            SKILL_FIELDS,
            skill,
            drafts=self._drafts(skill, ""),
            on_change=lambda _f: self._skill_changed(skill),
            on_draft=lambda f, text: self._set_draft(skill, f, text),
            options={"action": options(self.ctx.session, "actions")},
        )
        await self.app.push_screen_wait(dialog)
        self.matrix.update_skill(skill)
        self._describe()

    @on(DataTable.CellSelected, "#matrix")
    def _selected(self, event: DataTable.CellSelected) -> None:
        if self.matrix.column is None:
            self.action_edit_skill()
        else:
            self.action_decide()

    @work(exclusive=True, group="skills-dialog")
    async def action_decide(self) -> None:
        """Record what the skill under the cursor calls for: who, by when, at what cost."""
        skill = self._current()
        if skill is None or not self._writable():
            return
        value = status(skill)
        suggested = " / ".join(choice_word(k) for k in SUGGESTED[value])
        title, subtitle = decision_titles(skill, status_word(value), suggested)
        dialog = FormDialog(
            title,
            DECISION_FIELDS,
            skill.decision,
            drafts=self._drafts(skill, "decision."),
            on_change=lambda _f: self._skill_changed(skill),
            on_draft=lambda f, text: self._set_draft(skill, "decision." + f, text),
            hint=_("Kept as you type. Esc or ctrl+q closes; c then adds the cost to resources."),
            subtitle=subtitle,
        )
        await self.app.push_screen_wait(dialog)
        self.matrix.update_skill(skill)
        self._describe()

    def _drafts(self, skill: Skill, prefix: str) -> dict[str, str]:
        head = f"skills/{skill.id}/{prefix}"
        drafts = self.ctx.session.drafts
        return {k[len(head) :]: v for k, v in drafts.items() if k.startswith(head)}

    def _set_draft(self, skill: Skill, field: str, text: str | None) -> None:
        key = f"skills/{skill.id}/{field}"
        drafts = dict(self.ctx.session.drafts)
        if text is None:
            if drafts.pop(key, None) is None:
                return
        else:
            drafts[key] = text
        self.ctx.session.drafts = drafts
        self.touch("drafts")

    @work(exclusive=True, group="skills-dialog")
    async def action_delete_skill(self) -> None:
        """Delete the skill under the cursor, after asking."""
        skill = self._current()
        if skill is None or not self._writable():
            return
        question = _("Delete the skill “{label}” and its levels?", label=skill.label)
        if not await self.app.push_screen_wait(Confirm(question)):
            return
        session = self.ctx.session
        session.skills = [s for s in session.skills if s.id != skill.id]
        head = f"skills/{skill.id}/"
        session.drafts = {k: v for k, v in session.drafts.items() if not k.startswith(head)}
        self.touch("skills", "drafts")
        self.load()

    def action_follow_up_decision(self) -> None:
        """Make the follow-up of the skill under the cursor a numbered decision of the meeting."""
        skill = self._current()
        if skill is None or not self._writable():
            return
        if skill.decision.kind is None:
            self.notify(_("No follow-up yet: d records one."))
            return
        session, app = self.ctx.session, self.capp
        decision, added = follow_up_decision(session, skill, app.clock(), app.tz)
        if added:
            self.touch("skills", "decisions")
            self.notify(_("Decision {number} recorded.", number=decision.number))
        else:
            self.notify(_("Already decision {number}.", number=decision.number))

    def action_cost_to_resources(self) -> None:
        """Add the decision's cost to the resources, as a financial need of the skill's action."""
        skill = self._current()
        if skill is None or not self._writable():
            return
        cost = skill.decision.cost
        if cost is None:
            self.notify(_("No cost yet: d records the follow-up and its cost."))
            return
        resource, added = cost_to_resources(self.ctx.session, skill)
        amount = format_money(cost, get_language())
        if added:
            message = _(
                "Added to the resources: “{label}”, {amount}.", label=resource.label, amount=amount
            )
        else:
            message = _(
                "Resource “{label}” now needs {amount}.", label=resource.label, amount=amount
            )
        self.notify(message)
        self.touch("skills", "resources")


def _line(text: str) -> Text:
    """One line of text, cut with an ellipsis if it does not fit."""
    return Text(text, no_wrap=True, overflow="ellipsis")
