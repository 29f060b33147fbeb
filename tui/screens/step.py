"""A planning step: its free notes (the step's records come with the record editor)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from tui.i18n import _
from tui.screens.base import SessionScreen
from tui.widgets.stepbar import screen_name


class StepScreen(SessionScreen):
    """One step of the plan."""

    HELP = ""

    def __init__(self, key: str) -> None:
        """The screen of step ``key``."""
        super().__init__()
        self.KEY = key

    def compose_body(self) -> ComposeResult:
        """The step's title and its notes."""
        yield Label("", id="step-title")
        yield TextArea(id="notes", soft_wrap=True)

    def load(self) -> None:
        """Show the step's notes."""
        self.query_one("#step-title", Label).update(_("Notes: {step}", step=screen_name(self.KEY)))
        area = self.query_one("#notes", TextArea)
        text = self.ctx.session.notes.get(self.KEY, "")
        if area.text != text:
            area.load_text(text)
        area.read_only = self.ctx.read_only

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        session = self.ctx.session
        if session.notes.get(self.KEY, "") != event.text_area.text:
            session.notes = {**session.notes, self.KEY: event.text_area.text}
            self.touch("notes")
