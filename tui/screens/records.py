"""A planning step shown by the record editor (actions, resources, roles, agreements, ...)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from tui.i18n import _
from tui.keymap import commands_for
from tui.model import STEPS
from tui.screens.base import SessionScreen
from tui.screens.steps_config import STEP_CONFIGS
from tui.widgets.record_editor import RecordEditor
from tui.widgets.stepbar import screen_name


class EditorScreen(SessionScreen):
    """A session screen with record editors; their notes key opens the screen's notes.

    The editor's add key works from anywhere on the screen (a row of tabs, a summary): the
    empty list's hint « Press a to add one » holds wherever the focus is.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(c.key, "add_here", c.label, show=False)
        for c in commands_for("editor")
        if c.action == "add_record"
    ]

    def shown_editor(self) -> RecordEditor | None:
        """The record editor the facilitator sees (the active tab's), if any."""
        return next((e for e in self.query(RecordEditor) if e.region.area), None)

    def action_add_here(self) -> None:
        """Add a record to the editor shown, when the focus is outside it."""
        editor = self.shown_editor()
        if editor is not None and editor.check_action("add_record", ()) is True:
            editor.action_add_record()

    def notes_mark(self) -> str:
        """A word saying the screen has notes."""
        return _("✎ notes") if self.ctx.session.notes.get(self.KEY, "").strip() else ""

    def editor_commands(self, editor: RecordEditor | None) -> list[Any]:
        """Palette entries for the editor's commands that apply now, and the notes."""
        from textual.app import SystemCommand

        found: list[Any] = []
        seen: set[str] = set()
        if editor is None:
            return found
        for command in commands_for("editor"):
            if command.action in seen or editor.check_action(command.action, ()) is not True:
                continue
            seen.add(command.action)
            found.append(
                SystemCommand(
                    command.palette_text(),
                    _(command.label),
                    getattr(editor, f"action_{command.action}"),
                )
            )
        return found


class RecordStepScreen(EditorScreen):
    """One planning step: its records in the editor configured for it."""

    CSS_PATH = "records.tcss"

    def __init__(self, key: str) -> None:
        """The screen of step ``key``."""
        super().__init__()
        self.KEY = key
        self.step = STEP_CONFIGS[key]
        self.HELP = self.step.help  # type: ignore[misc]
        self._wanted: str | None = None

    def compose_body(self) -> ComposeResult:
        """The step's title and its editor."""
        yield Static("", id="step-title", markup=False)
        yield RecordEditor(self.step.editor, notes_key=self.KEY, id="editor")

    def on_mount(self) -> None:
        """Start on the table."""
        super().on_mount()
        self.query_one(DataTable).focus()

    def load(self) -> None:
        """Show the step's records."""
        if not self.query("#step-title"):
            return  # switched away before it was composed
        self._show_title()
        editor = self.query_one(RecordEditor)
        editor.show(self.ctx.session, read_only=self.ctx.read_only)
        if self._wanted is not None:
            editor.refresh_rows(select=self._wanted)
            self._wanted = None

    def focus_record(self, table: str, record_id: str) -> None:
        """Put the cursor on a record (the review jumps here); before mounting, on load."""
        self._wanted = f"{table}/{record_id}"  # the row key of the record editor
        if self.is_mounted and self.query("#step-title"):
            self.load()
            self.query_one(DataTable).focus()

    def _show_title(self) -> None:
        number = STEPS.index(self.KEY) + 1
        title = Text(f"{number} · {screen_name(self.KEY)}", style="bold")
        mark = self.notes_mark()
        if mark:
            title.append(f"   {mark}", style="")
        self.query_one("#step-title", Static).update(title)

    @on(RecordEditor.Changed)
    def _editor_changed(self, event: RecordEditor.Changed) -> None:
        self.touch(*event.tables)
        if "notes" in event.tables:
            self._show_title()

    def extra_commands(self) -> list[Any]:
        """The editor's commands (and the actions' import), then the screens of the session."""
        found = self.editor_commands(self.query_one(RecordEditor))
        if self.KEY == "actions":
            from tui.screens.actions_import import import_command

            found.append(import_command(self))
        return found + super().extra_commands()
