"""The table of a record editor: one row per record, children grouped under their parent."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from tui.i18n import _, get_language
from tui.model import Record, Session
from tui.widgets.editor_config import Column, EditorConfig, View

SCROLLBAR = 2
"""Cells kept free for the table's vertical scrollbar."""
MIN_LABEL = 12


@dataclass
class Row:
    """A row of the table: a record of the main or child table, or a group heading."""

    table: str
    record: Record | None

    @property
    def key(self) -> str:
        """The row's key in the DataTable."""
        return f"{self.table}/{self.record.id}" if self.record else f"{self.table}/-"


def ordered_rows(config: EditorConfig, session: Session) -> list[Row]:
    """The rows in order: each parent then its children; children without a parent last."""
    main = [Row(config.main.table, r) for r in getattr(session, config.main.table)]
    if config.child is None:
        return main
    children = getattr(session, config.child.table)
    parents = {r.record.id for r in main if r.record}
    rows: list[Row] = []
    for row in main:
        rows.append(row)
        rows += [
            Row(config.child.table, c)
            for c in children
            if row.record and getattr(c, config.parent_field) == row.record.id
        ]
    orphans = [c for c in children if getattr(c, config.parent_field) not in parents]
    if orphans:
        rows.append(Row(config.child.table, None))
        rows += [Row(config.child.table, c) for c in orphans]
    return rows


class RecordTable(DataTable[Text]):
    """Rows of records, the columns that fit the width, cells from the step's config."""

    def __init__(self, config: EditorConfig) -> None:
        """A table for ``config``."""
        super().__init__(cursor_type="row", zebra_stripes=True)
        self.config = config
        self.rows_shown: list[Row] = []
        self._columns: list[Column] = []
        self._layout: tuple[int, str] | None = None

    def _build_columns(self, width: int) -> None:
        shown = [c for c in self.config.columns if c.wide <= width]
        fixed = sum(c.width + 2 for c in shown if c.width)
        label = max(MIN_LABEL, width - SCROLLBAR - fixed - 2)
        self.clear(columns=True)
        for n, column in enumerate(shown):
            header = Text(_(column.header), justify="right" if column.right else "left")
            self.add_column(header, width=column.width or label, key=str(n))
        self._columns = shown
        self._layout = (width, get_language())

    def _cells(self, row: Row, view: View, drafts: dict[str, str]) -> list[Text]:
        is_child = self.config.child is not None and row.table == self.config.child.table
        if row.record is None:
            heading = Text(_(self.config.orphans), style="italic", no_wrap=True)
            return [heading] + [Text("") for _c in self._columns[1:]]
        prefix = f"{row.table}/{row.record.id}/"
        drafted = any(k.startswith(prefix) for k in drafts)
        cells: list[Text] = []
        for n, column in enumerate(self._columns):
            cell = column.child if is_child and column.child is not None else column.cell
            value = cell(row.record, view)
            content = value if isinstance(value, Text) else Text(value)
            if n == 0:
                content = Text("└ " if is_child else "") + content
                if drafted:  # typed text not valid yet: shown in words in the form
                    content = Text("⚠ ", style="bold") + content
            content.no_wrap = True
            content.overflow = "ellipsis"
            content.justify = "right" if column.right else "left"
            cells.append(content)
        return cells

    def show(self, session: Session, width: int, select: str | None = None) -> None:
        """Fill from ``session`` for ``width`` cells, the cursor on ``select`` or where it was."""
        current = select or (self.current.key if self.current else None)
        at = self.cursor_row
        if self._layout != (width, get_language()):
            self._build_columns(width)
        self.clear()
        view = View(session)
        self.rows_shown = ordered_rows(self.config, session)
        for row in self.rows_shown:
            self.add_row(*self._cells(row, view, session.drafts), key=row.key)
        keys = [r.key for r in self.rows_shown]
        if current in keys:
            self.move_cursor(row=keys.index(current), animate=False)
        elif keys:
            self.move_cursor(row=min(at, len(keys) - 1), animate=False)

    def needs_layout(self, width: int) -> bool:
        """Whether the columns must be laid out again for ``width``."""
        return self._layout != (width, get_language())

    @property
    def current(self) -> Row | None:
        """The row under the cursor, if any."""
        n = self.cursor_row
        return self.rows_shown[n] if 0 <= n < len(self.rows_shown) else None
