"""The panes of the record editor, shown in place of its table: one record's form, the notes.

Panes, not modal screens: a modal screen is repainted whole whenever the screen under it
changes (the header's save state changes as one types), a pane only where it changed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, Static, TextArea

from tui.i18n import N_, _, get_language
from tui.model import Record
from tui.terminal.keymap import bindings_for
from tui.widgets.editor_config import TableConfig
from tui.widgets.form import Options, RecordForm

PANE_CSS = """
{cls} {{ height: 1fr; border: round $accent; background: $surface; padding: 0; }}
{cls} > .pane-title {{ text-style: bold; padding: 0 1; width: 1fr; height: 1; }}
{cls} > .pane-hint {{ color: $text-muted; padding: 0 1; height: auto; }}
"""

LIST_HELP = {
    "link": N_("Enter opens the list; type the first letters of a name to find it."),
    "links": N_("Enter opens the list: space checks or unchecks, Enter keeps the choice."),
}


class Pane(Vertical):
    """A pane that Esc or ctrl+q closes (Escape is never the only way)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings_for("form")]

    class Closed(Message):
        """The pane was closed."""

        def __init__(self, pane: Pane) -> None:
            super().__init__()
            self.pane = pane

    def action_close_form(self) -> None:
        """Close the pane (every valid edit is already in the session)."""
        self.post_message(self.Closed(self))


class RecordPane(Pane):
    """The form of one record; its edits bubble up as RecordForm messages."""

    DEFAULT_CSS = PANE_CSS.format(cls="RecordPane") + "RecordPane > RecordForm { height: 1fr; }"

    def __init__(
        self,
        config: TableConfig,
        record: Record,
        *,
        drafts: dict[str, str],
        options: Options,
        pending: bool,
        read_only: bool,
        ahead: bool = False,
    ) -> None:
        """The form of ``record``; ``pending`` while a new record still lacks its label;
        ``ahead``: mounted hidden before any form opens, ``reuse`` shows a record in it."""
        super().__init__()
        self.ahead = ahead
        self.ready = False
        """Mounted whole: ``reuse`` may show a record in it."""
        self.config = config
        self.record = record
        self.start_drafts = drafts
        self.options = options
        self.pending = pending
        self.read_only = read_only
        self.drafts: dict[str, str] = {}
        """Drafts typed while the record is pending (saved once it is added)."""
        self.touched = False
        self.lang = get_language()
        """The language its labels were made in."""

    def compose(self) -> ComposeResult:
        """Title, the form, a line of help."""
        yield Label(self._title(), classes="pane-title", markup=False)
        yield RecordForm(list(self.config.fields))
        yield Static(self._hint(), classes="pane-hint", markup=False)

    def _title(self) -> Text:
        if self.pending:
            return Text(_(self.config.new_title))
        name = getattr(self.record, self.config.fields[0].name, "")
        return Text(f"{_(self.config.title)} · {name}")

    def _hint(self, help_msgid: str = "") -> str:
        keys = _("Tab: next field · Esc or ctrl+q: close")
        return f"{_(help_msgid)}\n{keys}" if help_msgid else keys

    def on_mount(self) -> None:
        """Show the record and focus its first field (a pane mounted ahead or kept after
        closing, hidden, shows a record through `reuse`)."""
        self.ready = True
        if not self.ahead:
            self._show_record()

    def _show_record(self) -> None:
        found = self.query(RecordForm)
        if not found:
            return  # removed while it mounted (its screen was left at once)
        form = found.first()
        form.load(self.record, self.start_drafts, self.options)
        form.disabled = self.read_only
        if not self.read_only:
            self.query_one(f"#f-{self.config.fields[0].name}").focus()

    def reuse(
        self,
        record: Record,
        *,
        drafts: dict[str, str],
        options: Options,
        pending: bool,
        read_only: bool,
    ) -> None:
        """Show ``record`` in this pane, kept mounted since it last closed (opening it again
        mounts nothing)."""
        self.record, self.start_drafts, self.options = record, drafts, options
        self.pending, self.read_only, self.ahead = pending, read_only, False
        self.drafts, self.touched = {}, False
        self.display = True
        if get_language() != self.lang:  # made in another language: its labels too
            self.query_one(RecordForm).relabel()
            self.lang = get_language()
        self.query_one(".pane-title", Label).update(self._title())
        self.query_one(".pane-hint", Static).update(self._hint())
        self._show_record()

    def relabel(self) -> None:
        """Redraw in the interface language."""
        self.query_one(RecordForm).relabel()
        self.query_one(".pane-title", Label).update(self._title())
        self.query_one(".pane-hint", Static).update(self._hint())

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Show the focused field's help."""
        spec = self.query_one(RecordForm).spec_of(event.widget.id)
        if spec is not None:
            help_msgid = spec.help or LIST_HELP.get(spec.kind, "")
            self.query_one(".pane-hint", Static).update(self._hint(help_msgid))

    @on(RecordForm.FieldChanged)
    def _field(self, event: RecordForm.FieldChanged) -> None:
        self.touched = True

    @on(RecordForm.DraftChanged)
    def _draft(self, event: RecordForm.DraftChanged) -> None:
        self.touched = True
        if self.pending:
            if event.text is None:
                self.drafts.pop(event.field, None)
            else:
                self.drafts[event.field] = event.text

    def added(self) -> None:
        """The record got its label and is now in the session."""
        self.pending = False
        self.query_one(".pane-title", Label).update(self._title())


class NotesPane(Pane):
    """The free notes of a screen; saved as typed."""

    DEFAULT_CSS = PANE_CSS.format(cls="NotesPane") + "NotesPane > TextArea { height: 1fr; }"

    class Changed(Message):
        """The notes now read ``text``."""

        def __init__(self, pane: NotesPane, text: str) -> None:
            super().__init__()
            self.pane = pane
            self.text = text

    def __init__(self, title: str, text: str, *, read_only: bool) -> None:
        """Notes titled ``title``."""
        super().__init__()
        self.title_text = title
        self.text = text
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        """Title, the text, the keys."""
        yield Label(self.title_text, classes="pane-title", markup=False)
        yield TextArea(self.text, soft_wrap=True, compact=True, read_only=self.read_only)
        yield Static(_("Esc or ctrl+q: close"), classes="pane-hint")

    def on_mount(self) -> None:
        """Type straight away."""
        area = self.query_one(TextArea)
        area.cursor_blink = getattr(self.app, "blink", True)
        area.focus()

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.text != self.text:
            self.text = event.text_area.text
            self.post_message(self.Changed(self, self.text))
