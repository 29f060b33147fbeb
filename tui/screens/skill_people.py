"""The people of the competency matrix who are not at the meeting: add, edit, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from tui.i18n import _, _n
from tui.model import Person
from tui.screens.dialogs import AskText, Confirm
from tui.screens.skill_forms import person_links

if TYPE_CHECKING:
    from tui.screens.base import SessionScreen
    from tui.widgets.matrix import CompetencyMatrix

    _Base = SessionScreen
else:
    _Base = object


class MatrixPeople(_Base):
    """Keys p, P and X of the Skills screen."""

    if TYPE_CHECKING:

        @property
        def matrix(self) -> CompetencyMatrix:
            """The matrix widget."""

        def _writable(self) -> bool: ...

    # -- people ------------------------------------------------------------------------------

    @work(exclusive=True, group="skills-dialog")
    async def action_add_person(self) -> None:
        """Add a person who is not at the meeting, with their organisation."""
        if not self._writable():
            return
        name = await self.app.push_screen_wait(AskText(_("Name of the person")))
        if not name:
            return
        org = await self.app.push_screen_wait(
            AskText(_("Organisation of {name} (may stay empty)", name=name))
        )
        person = Person(name=name, organisation=org or "")
        self.ctx.session.people = [*self.ctx.session.people, person]
        self.touch("people")
        self.load()
        self.matrix.move_cursor(column=len(self.matrix.columns) - 1)

    def _other_person(self) -> Person | None:
        column = self.matrix.column
        if column is None or column.members:
            self.notify(_("Move to the column of a person first."))
            return None
        person = next((p for p in self.ctx.session.people if p.id == column.key), None)
        if person is None:
            self.notify(_("Participants are edited on the Meeting screen."))
        return person

    @work(exclusive=True, group="skills-dialog")
    async def action_edit_person(self) -> None:
        """Change the name or organisation of the person under the cursor."""
        person = self._other_person() if self._writable() else None
        if person is None:
            return
        name = await self.app.push_screen_wait(AskText(_("Name of the person"), person.name))
        if not name:
            return
        org = await self.app.push_screen_wait(
            AskText(_("Organisation of {name} (may stay empty)", name=name), person.organisation)
        )
        person.name = name
        person.organisation = org or ""
        self.touch("people")
        self.load()

    @work(exclusive=True, group="skills-dialog")
    async def action_remove_person(self) -> None:
        """Remove the person under the cursor and their levels, after asking."""
        person = self._other_person() if self._writable() else None
        if person is None:
            return
        links = person_links(self.ctx.session, person.id)
        question = _("Remove {name} and their levels from the matrix?", name=person.name)
        if links:
            question += " " + _n(
                "{n} role or group names them: it will show as a broken link in the review.",
                "{n} roles or groups name them: they will show as broken links in the review.",
                links,
            )
        if not await self.app.push_screen_wait(Confirm(question)):
            return
        session = self.ctx.session
        session.people = [p for p in session.people if p.id != person.id]
        for skill in session.skills:
            if person.id in skill.levels or person.id in skill.interested:
                skill.levels = {k: v for k, v in skill.levels.items() if k != person.id}
                skill.interested = [p for p in skill.interested if p != person.id]
        self.touch("people", "skills")
        self.load()
