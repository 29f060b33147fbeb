"""A planning step shown by the record editor (actions, resources, roles, agreements, ...)."""

from __future__ import annotations

import functools
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static, TabbedContent, TabPane

from tui.i18n import _
from tui.model import STEPS
from tui.screens.base import SessionScreen
from tui.screens.steps_config import STEP_CONFIGS
from tui.terminal.keymap import commands_for
from tui.widgets.links import target_kind
from tui.widgets.record_editor import RecordEditor
from tui.widgets.stepbar import screen_name


class EditorScreen(SessionScreen):
    """A session screen with record editors, maybe one tab each; their notes are the screen's.

    The editor's add key works from anywhere on the screen (a row of tabs, a summary): the
    empty list's hint « Press a to add one » holds wherever the focus is.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(c.key, "add_here", c.label, show=False)
        for c in commands_for("editor")
        if c.action == "add_record"
    ]

    def tab_labels(self) -> dict[str, str]:
        """The screen's tabs, pane id to label msgid; none when it has no tabs."""
        return {}

    def show_tab(self, pane_id: str) -> None:
        """Show one tab and focus what it holds."""
        self.query_one(TabbedContent).active = pane_id
        pane = self.query_one(f"#{pane_id}", TabPane)
        focusable = [w for w in pane.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()

    def relabel(self) -> None:
        """Redraw in the interface language, the tabs' labels too."""
        for tabs in self.query(TabbedContent):
            for pane_id, label in self.tab_labels().items():
                tabs.get_tab(pane_id).label = _(label)
        super().relabel()

    def shown_editor(self) -> RecordEditor | None:
        """The editor of the tab shown, or the screen's first one when it has no tabs."""
        editors = list(self.query(RecordEditor))
        for tabs in self.query(TabbedContent):
            editors = [e for e in editors if e.parent and e.parent.id == tabs.active]
        return editors[0] if editors else None

    def tab_commands(self) -> list[Any]:
        """Palette entries showing each tab: « meeting: Participants »."""
        from textual.app import SystemCommand

        area = screen_name(self.KEY).lower()
        return [
            SystemCommand(
                f"{area}: {_(label)}",
                _("Show this tab"),
                lambda pane_id=pane_id: self.show_tab(pane_id),
            )
            for pane_id, label in self.tab_labels().items()
        ]

    @on(RecordEditor.LinesAsked)
    def _lines_asked(self, event: RecordEditor.LinesAsked) -> None:
        """Records typed one line each: each line is added and saved as Enter is pressed."""
        from tui.screens.line_entry import LineDialog
        from tui.screens.recording import drafts_under, keep_typed, new_prefix

        editor = event.editor
        assert editor.config.line is not None
        prefix = new_prefix(f"lines/{editor.config.main.table}")
        line = drafts_under(self.ctx.session, prefix).get("line", "")
        keep = functools.partial(keep_typed, self.capp, prefix)

        def add(text: str) -> str:
            table, name = editor.add_line(text)
            self.touch(table)
            return name

        def done(_added: int | None) -> None:
            editor.table.focus()

        question = _(editor.config.line.question)
        self.app.push_screen(LineDialog(question, add, line=line, keep=keep), done)

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

    def tab_labels(self) -> dict[str, str]:
        """The step's tabs, when it has several editors."""
        return {tab.id: tab.label for tab in self.step.tabs}

    def compose_body(self) -> ComposeResult:
        """The step's title and its editor, or its editors one tab each."""
        yield Static("", id="step-title", markup=False)
        if not self.step.tabs:
            yield RecordEditor(self.step.editor, notes_key=self.KEY, id="editor")
            return
        with TabbedContent(id="step-tabs"):
            for tab in self.step.tabs:
                with TabPane(_(tab.label), id=tab.id):
                    yield RecordEditor(tab.editor, notes_key=self.KEY, id=f"editor-{tab.id}")

    def mounted(self) -> None:
        """Start on the table (of the tab a jump from the review has shown)."""
        shown = self.shown_editor()
        if shown is not None:
            shown.table.focus()

    def load(self) -> None:
        """Show the step's records."""
        if not self.query("#step-title"):
            return  # switched away before it was composed
        self._show_title()
        for editor in self.query(RecordEditor):
            editor.show(self.ctx.session, read_only=self.ctx.read_only)
        if self._wanted is None:
            return
        wanted, self._wanted = self._wanted, None
        target = self._editor_of(wanted.split("/", 1)[0])
        if target is None:
            return
        if isinstance(target.parent, TabPane) and target.parent.id:
            self.query_one(TabbedContent).active = target.parent.id
        target.refresh_rows(select=wanted)
        target.table.focus()

    def _editor_of(self, table: str) -> RecordEditor | None:
        """The editor holding ``table``'s records, else one whose records link to them (an
        indicator nobody follows is fixed among the follow-ups)."""
        editors = list(self.query(RecordEditor))
        for editor in editors:
            configs = (editor.config.main, editor.config.child)
            if any(tc is not None and tc.table == table for tc in configs):
                return editor
        kind = target_kind(table)
        for editor in editors:
            if any(spec.target == kind for spec in editor.config.main.fields):
                return editor
        return None

    def focus_record(self, table: str, record_id: str) -> None:
        """Put the cursor on a record (the review jumps here), on its tab; else on load."""
        self._wanted = f"{table}/{record_id}"  # the row key of the record editor
        if self.is_mounted and self.query("#step-title"):
            self.load()

    def _show_title(self) -> None:
        number = STEPS.index(self.KEY) + 1
        title = Text(f"{number} · {screen_name(self.KEY)}", style="bold")
        mark = self.notes_mark()
        if mark:
            title.append(f"   {mark}", style="")
        if title.markup == getattr(self, "_title_shown", None):
            return  # unchanged (a key typed in the notes): no layout, no repaint
        self._title_shown = title.markup
        self.query_one("#step-title", Static).update(title)

    @on(RecordEditor.Changed)
    def _editor_changed(self, event: RecordEditor.Changed) -> None:
        self.touch(*event.tables)
        if "notes" in event.tables:
            self._show_title()

    def extra_commands(self) -> list[Any]:
        """The editor's commands (and the actions' import), then the screens of the session."""
        found = self.tab_commands() + self.editor_commands(self.shown_editor())
        if self.KEY == "actions":
            from tui.screens.actions_import import import_command

            found.append(import_command(self))
        return found + super().extra_commands()
