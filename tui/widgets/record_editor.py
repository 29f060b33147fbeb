"""The record editor: a table of one step's records, a form for one record, add, edit,
delete with undo, reorder; configured per step by an EditorConfig."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, DataTable, Static

from tui.i18n import N_, _, _n
from tui.model import Record, Session
from tui.terminal.keymap import bindings_for
from tui.widgets.editor_config import EditorConfig, TableConfig
from tui.widgets.form import RecordForm
from tui.widgets.links import incoming, options
from tui.widgets.record_pane import NotesPane, Pane, RecordPane
from tui.widgets.record_table import RecordTable, Row
from tui.widgets.stepbar import screen_name

MOVE = Binding.Group(N_("Move"), compact=True)
"""Move up and move down share one place in the footer."""


@dataclass
class Deleted:
    """What undoing a delete puts back: the record, where it was, its drafts."""

    table: str
    index: int
    record: Record
    drafts: dict[str, str]


class RecordEditor(Vertical):
    """A step's records as a table with a summary; a record's form or the notes in its place."""

    DEFAULT_CSS = """
    RecordEditor { height: 1fr; }
    RecordEditor ContentSwitcher, RecordEditor .editor-list { height: 1fr; }
    RecordEditor RecordTable { height: 1fr; }
    RecordEditor .editor-summary { height: auto; max-height: 5; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        dataclasses.replace(b, priority=True)
        if b.key == "enter"
        else dataclasses.replace(b, group=MOVE)
        if b.action.startswith("move_")
        else b
        for b in bindings_for("editor")
    ]

    class Changed(Message):
        """The editor changed these lists of the session (and maybe its drafts or notes)."""

        def __init__(self, editor: RecordEditor, tables: tuple[str, ...]) -> None:
            super().__init__()
            self.editor = editor
            self.tables = tables

    class LinesAsked(Message):
        """``a`` where records are typed one line each: the screen asks for the lines."""

        def __init__(self, editor: RecordEditor) -> None:
            super().__init__()
            self.editor = editor

    def __init__(self, config: EditorConfig, *, notes_key: str, id: str | None = None) -> None:
        """An editor for ``config`` whose notes are those of screen ``notes_key``."""
        super().__init__(id=id)
        self.config = config
        self.notes_key = notes_key
        self.session: Session | None = None
        self.read_only = False
        self.undo: list[Deleted] = []
        self.pane: Pane | None = None
        self._spares: dict[str, RecordPane] = {}
        """A form per table, mounted and hidden, that the next form of that table reuses."""

    def compose(self) -> ComposeResult:
        """The table and the summary; the place of the panes."""
        with ContentSwitcher(initial="editor-list"):
            with Vertical(id="editor-list", classes="editor-list"):
                yield RecordTable(self.config)
                yield Static("", classes="editor-summary", markup=False)
            yield Vertical(id="editor-pane", classes="editor-list")

    @property
    def table(self) -> RecordTable:
        """The table of records."""
        return self.query_one(RecordTable)

    @property
    def rows(self) -> list[Row]:
        """The rows shown, in order."""
        return self.table.rows_shown

    @property
    def current(self) -> Row | None:
        """The row under the cursor, if any."""
        return self.table.current

    def show(self, session: Session, *, read_only: bool = False) -> None:
        """Show ``session``'s records (on load, after a followed save, in a new language)."""
        self.session = session
        self.read_only = read_only
        if self.pane is None:
            self.refresh_rows()
        if not read_only:
            self.call_after_refresh(self._mount_ahead)

    def _mount_ahead(self) -> None:
        """Mount the form of the main table, hidden, once the table shows: opening a form then
        fills one (some 40 ms) instead of mounting one (some 150 ms in a terminal)."""
        tc = self.config.main
        if self.session is None or self.read_only or self.pane is not None:
            return
        if tc.table in self._spares or not self.is_attached or not self.region:
            return  # one is there, or this editor is not shown (a tab behind another)
        record = _blank(tc, {"id": ""})  # takes no id of the session's
        pane = RecordPane(
            tc, record, drafts={}, options={}, pending=True, read_only=False, ahead=True
        )
        pane.display = False
        self._spares[tc.table] = pane
        self.query_one("#editor-pane").mount(pane)

    def on_resize(self, event: events.Resize) -> None:
        """Show more columns on wider terminals."""
        if self.session is not None and self.table.needs_layout(event.size.width):
            self.refresh_rows()

    def refresh_rows(self, select: str | None = None) -> None:
        """Fill the table and the summary from the session."""
        if self.session is None:
            return
        self.table.show(self.session, self.size.width or 80, select)
        summary = self.query_one(".editor-summary", Static)
        if not self.rows:
            summary.update(_(self.config.empty))
        elif self.config.summary is not None:
            summary.update(self.config.summary(self.session))
        self.refresh_bindings()

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what does not apply here; dim what needs a record under the cursor."""
        if self.pane is not None:
            return False
        if self.read_only and action not in ("edit_record", "notes"):
            return False
        if action in ("add_indicator", "add_group"):
            return action == self.config.child_action
        if action == "undo_delete":
            return bool(self.undo)
        if action in ("edit_record", "delete_record", "move_up", "move_down"):
            row = self.current
            return True if row is not None and row.record is not None else None
        return True

    def action_add_record(self) -> None:
        """Add a record to the main table (one typed line each, when the step has a line)."""
        if self.config.line is not None and not self.read_only and self.session is not None:
            self.post_message(self.LinesAsked(self))
            return
        self._add(self.config.main, {})

    def add_line(self, text: str) -> tuple[str, str]:
        """Add the record one typed line says; return its table and name (ValueError if not)."""
        assert self.session is not None and self.config.line is not None
        record = self.config.line.add(self.session, text)
        table = self.config.main.table
        self.refresh_rows(select=f"{table}/{record.id}")
        return table, str(getattr(record, self.config.main.fields[0].name, ""))

    def action_add_indicator(self) -> None:
        """Add an indicator under the selected objective."""
        self._add_under()

    def action_add_group(self) -> None:
        """Add a working group under the selected body."""
        self._add_under()

    def _add_under(self) -> None:
        cfg = self.config
        if cfg.child is None:
            return
        parent: str | None = None
        row = self.current
        if row is not None and row.record is not None:
            if row.table == cfg.main.table:
                parent = row.record.id
            else:
                parent = getattr(row.record, cfg.parent_field)
        self._add(cfg.child, {cfg.parent_field: parent})

    def _add(self, tc: TableConfig, values: dict[str, object]) -> None:
        if self.read_only or self.session is None:
            return
        self._open(tc, _blank(tc, values), pending=True)

    def action_edit_record(self) -> None:
        """Open the form of the record under the cursor."""
        row = self.current
        if row is not None and row.record is not None:
            self._open(self.config.table_config(row.table), row.record, pending=False)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_record()

    def _open(self, tc: TableConfig, record: Record, *, pending: bool) -> None:
        assert self.session is not None
        prefix = f"{tc.table}/{record.id}/"
        drafts = {
            k[len(prefix) :]: v for k, v in self.session.drafts.items() if k.startswith(prefix)
        }
        links = {
            spec.name: options(self.session, spec.target)
            for spec in tc.fields
            if spec.kind in ("link", "links")
        }
        spare = self._spares.pop(tc.table, None)  # mounted ahead, or closed last and kept
        if spare is not None:
            self._show_pane(spare)
            # One still mounting shows the record once mounted: its queue keeps the order, and
            # the keys typed meanwhile wait for it (terminal/typeahead.py).
            reuse = partial(
                spare.reuse,
                record,
                drafts=drafts,
                options=links,
                pending=pending,
                read_only=self.read_only,
            )
            if spare.ready:
                reuse()
            else:
                spare.call_later(reuse)
            return
        pane = RecordPane(
            tc, record, drafts=drafts, options=links, pending=pending, read_only=self.read_only
        )
        self._show_pane(pane)

    def _show_pane(self, pane: Pane) -> None:
        self.pane = pane
        holder = self.query_one("#editor-pane")
        for child in holder.children:
            if child is not pane:
                child.display = False  # a spare form stays mounted, hidden
        if pane.parent is None:
            holder.mount(pane)
        self.query_one(ContentSwitcher).current = "editor-pane"
        self.refresh_bindings()

    def action_notes(self) -> None:
        """Open the notes of this screen in place of the table."""
        if self.session is None or self.pane is not None:
            return
        title = _("Notes: {step}", step=screen_name(self.notes_key))
        text = self.session.notes.get(self.notes_key, "")
        self._show_pane(NotesPane(title, text, read_only=self.read_only))

    @on(NotesPane.Changed)
    def _notes_changed(self, event: NotesPane.Changed) -> None:
        event.stop()
        assert self.session is not None
        self.session.notes = {**self.session.notes, self.notes_key: event.text}
        self.post_message(self.Changed(self, ("notes",)))

    @on(RecordForm.FieldChanged)
    def _field_changed(self, event: RecordForm.FieldChanged) -> None:
        event.stop()
        pane = self.pane
        if not isinstance(pane, RecordPane) or self.session is None:
            return
        tc = pane.config
        if pane.pending:
            if event.field != tc.fields[0].name:
                return  # kept in the form until the record has its label
            getattr(self.session, tc.table).append(pane.record)
            pane.added()
            for name, text in pane.drafts.items():
                self._set_draft(tc.table, pane.record.id, name, text)
            self.post_message(self.Changed(self, (tc.table, "drafts")))
            return
        if event.field == tc.fields[0].name:
            pane.added()  # the title names the record
        self.post_message(self.Changed(self, (tc.table,)))

    @on(RecordForm.DraftChanged)
    def _draft_changed(self, event: RecordForm.DraftChanged) -> None:
        event.stop()
        pane = self.pane
        if not isinstance(pane, RecordPane) or pane.pending:
            return
        if self._set_draft(pane.config.table, pane.record.id, event.field, event.text):
            self.post_message(self.Changed(self, ("drafts",)))

    def _set_draft(self, table: str, record_id: str, field: str, text: str | None) -> bool:
        assert self.session is not None
        key = f"{table}/{record_id}/{field}"
        drafts = dict(self.session.drafts)
        if text is None:
            if drafts.pop(key, None) is None:
                return False
        elif drafts.get(key) == text:
            return False
        else:
            drafts[key] = text
        self.session.drafts = drafts
        return True

    @on(Pane.Closed)
    def _pane_closed(self, event: Pane.Closed) -> None:
        event.stop()
        pane, self.pane = self.pane, None
        select = None
        if isinstance(pane, RecordPane):
            select = f"{pane.config.table}/{pane.record.id}"
            if pane.pending and pane.touched:
                self.app.notify(_("Nothing was added: a record needs its first field."))
        self.query_one(ContentSwitcher).current = "editor-list"
        if isinstance(pane, RecordPane) and pane.config.table not in self._spares:
            pane.display = False  # kept for the next form of its table
            self._spares[pane.config.table] = pane
        self.query_one("#editor-pane").remove_children(
            [c for c in self.query_one("#editor-pane").children if c not in self._spares.values()]
        )
        self.refresh_rows(select=select)
        self.table.focus()

    def action_delete_record(self) -> None:
        """Delete the record under the cursor; ask first when other records link to it."""
        row = self.current
        if self.read_only or self.session is None or row is None or row.record is None:
            return
        record, table = row.record, row.table
        linked = incoming(self.session, table, record.id)
        if not linked:
            self._delete(table, record)
            return
        from tui.widgets.dialogs import Confirm

        name = getattr(record, "label", None) or getattr(record, "name", "")
        question = _n(
            "{n} record links to “{name}”. Delete it anyway? "
            "The link will show as broken in the review.",
            "{n} records link to “{name}”. Delete it anyway? "
            "Their links will show as broken in the review.",
            len(linked),
            name=name,
        )
        self.app.push_screen(
            Confirm(question), lambda yes: self._delete(table, record) if yes else None
        )

    def _delete(self, table: str, record: Record) -> None:
        assert self.session is not None
        records: list[Record] = getattr(self.session, table)
        index = next(i for i, r in enumerate(records) if r is record)
        prefix = f"{table}/{record.id}/"
        drafts = {k: v for k, v in self.session.drafts.items() if k.startswith(prefix)}
        self.undo.append(Deleted(table, index, record, drafts))
        del records[index]
        changed: tuple[str, ...] = (table,)
        if drafts:
            self.session.drafts = {k: v for k, v in self.session.drafts.items() if k not in drafts}
            changed += ("drafts",)
        self.refresh_rows()
        self.post_message(self.Changed(self, changed))
        name = getattr(record, "label", None) or getattr(record, "name", "")
        self.app.notify(_("Deleted “{name}”. Press u to undo.", name=name))

    def action_undo_delete(self) -> None:
        """Put back the last deleted record where it was, with its drafts."""
        if self.read_only or self.session is None or not self.undo:
            return
        gone = self.undo.pop()
        records: list[Record] = getattr(self.session, gone.table)
        records.insert(min(gone.index, len(records)), gone.record)
        changed: tuple[str, ...] = (gone.table,)
        if gone.drafts:
            self.session.drafts = {**self.session.drafts, **gone.drafts}
            changed += ("drafts",)
        self.refresh_rows(select=f"{gone.table}/{gone.record.id}")
        self.post_message(self.Changed(self, changed))

    def action_move_up(self) -> None:
        """Move the record under the cursor up among its siblings."""
        self._move(-1)

    def action_move_down(self) -> None:
        """Move the record under the cursor down among its siblings."""
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.current
        if self.read_only or self.session is None or row is None or row.record is None:
            return
        records: list[Record] = getattr(self.session, row.table)
        group = self._group(row)
        siblings = [i for i, r in enumerate(records) if self._group(Row(row.table, r)) == group]
        at = siblings.index(next(i for i, r in enumerate(records) if r is row.record))
        if not 0 <= at + step < len(siblings):
            return
        i, j = siblings[at], siblings[at + step]
        records[i], records[j] = records[j], records[i]
        self.refresh_rows(select=row.key)
        self.post_message(self.Changed(self, (row.table,)))

    def _group(self, row: Row) -> str | None:
        """Records move among those of the same group (children: the same parent)."""
        cfg = self.config
        if cfg.child is None or row.table != cfg.child.table or row.record is None:
            return None
        assert self.session is not None
        parent = getattr(row.record, cfg.parent_field)
        parents = {r.id for r in getattr(self.session, cfg.main.table)}
        return parent if parent in parents else "-"


def _blank(tc: TableConfig, values: dict[str, object]) -> Record:
    """A new record of ``tc``'s table, its label empty, not validated yet."""
    fields: dict[str, Any] = {tc.fields[0].name: "", **values}
    return tc.model.model_construct(**fields)
