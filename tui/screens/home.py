"""Home: every session of the data folder, damaged and locked files flagged with the reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from tui.i18n import N_, _
from tui.model.clean import clean_text
from tui.screens.host import Hosted
from tui.storage.listing import Listing
from tui.storage.messages import damaged_reason, failure
from tui.terminal.keymap import bindings_for
from tui.widgets.footer import TranslatedFooter
from tui.widgets.line_input import LineInput
from tui.widgets.screens import StyledOnce
from tui.widgets.stepbar import short_name

T = TypeVar("T")

MAX_ROWS = 60
"""Rows shown at once, most recent first; the filter reaches the others."""

GAP = 2
"""Spaces between two columns."""

COLUMNS = (
    N_("Title"),
    N_("Collective"),
    N_("Date"),
    N_("Lang."),
    N_("Step"),
    N_("Done"),
    N_("Edited"),
)


class HomeScreen(Hosted, StyledOnce, Screen[None]):
    """The list of sessions: create, resume, copy, delete, restore, filter."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings_for("home")]
    SCOPE = "home"
    HELP = N_(
        "Every session of the data folder. Enter resumes the selected session where it was "
        "left; n creates one; / filters as you type. Damaged files are listed with the reason "
        "and never written to; a session open elsewhere opens read-only."
    )

    def compose(self) -> ComposeResult:
        """Path, filter, the table of sessions, footer."""
        yield Static("", id="home-title", markup=False)
        yield LineInput(id="filter", placeholder=_("Filter: type to search"), compact=True)
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static("", id="home-empty", markup=False)
        yield Static("", id="home-detail", markup=False)
        yield TranslatedFooter()

    listings: list[Listing] = []
    _width = 0

    def on_mount(self) -> None:
        """List the sessions."""
        self.listings = self.capp.store.list()
        self.relabel()
        self.query_one(DataTable).focus()

    def relabel(self) -> None:
        """Redraw the titles in the interface language."""
        title = _("Sessions in {path}", path=clean_text(self.capp.display_path, multiline=False))
        self.query_one("#home-title", Static).update(title)
        self.query_one("#filter", Input).placeholder = _("Filter: type to search")
        self._fill()

    def refresh_sessions(self) -> None:
        """Read the folder again."""
        self.listings = self.capp.store.list()
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        wanted = self.query_one("#filter", Input).value.strip().casefold()
        keep = table.cursor_row
        table.clear(columns=True)
        widths = _widths(self.size.width)
        # One cell per row, its columns laid out here: the table draws 7× fewer cells.
        table.add_column(_line([_(c) for c in COLUMNS], widths), width=sum(widths) + GAP * 6)
        self._width = self.size.width
        shown = [x for x in self.listings if _matches(x, wanted)]
        shown.sort(key=lambda x: x.updated or "", reverse=True)
        hidden = max(0, len(shown) - MAX_ROWS)
        shown = shown[:MAX_ROWS]
        for x in shown:
            table.add_row(_line(_row(x, self.capp.tz), widths), key=x.id)
        if shown:
            table.move_cursor(row=min(keep, len(shown) - 1))
        empty = self.query_one("#home-empty", Static)
        if not self.listings:
            empty.update(_("No sessions yet. Press n to create one, or d for the demo sessions."))
        elif not shown:
            empty.update(_("No session matches the filter."))
        elif hidden:
            empty.update(_("{n} older sessions not shown: type to filter.", n=hidden))
        else:
            empty.update("")
        empty.display = not shown or bool(hidden)

    def on_resize(self) -> None:
        """Wider terminals give the title and collective more room."""
        if self.size.width != self._width:
            self._fill()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        chosen = self._selected()
        detail = self.query_one("#home-detail", Static)
        if chosen is None:
            detail.update("")
        elif chosen.damaged:
            reason = damaged_reason(chosen.damaged, chosen.detail)
            detail.update(
                _(
                    "{file}: damaged, {reason}. It is never written to.",
                    file=clean_text(chosen.file, multiline=False),
                    reason=reason,
                )
            )
        elif chosen.locked_by:
            detail.update(
                _("Open elsewhere by {who}: it will open read-only.", who=chosen.locked_by)
            )
        else:
            detail.update(f"{chosen.title}  ·  {chosen.id}")

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def _selected(self) -> Listing | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((x for x in self.listings if x.id == key), None)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_resume()

    def action_resume(self) -> None:
        """Open the selected session where it was left."""
        chosen = self._selected()
        if chosen is None:
            return
        if chosen.damaged:
            self.notify(damaged_reason(chosen.damaged, chosen.detail), severity="error")
            return
        self.capp.open_session(chosen.id)

    def action_filter(self) -> None:
        """Type to filter the sessions."""
        self.query_one("#filter", Input).focus()

    @work
    async def action_new_session(self) -> None:
        """Create a session and open it."""
        from tui.widgets.dialogs import AskText

        title = await self.app.push_screen_wait(AskText(_("Title of the new session")))
        if not title:
            return
        from tui.i18n import get_language

        session = self._attempt(lambda: self.capp.store.create(title, get_language()))
        if session is None:
            return
        self.refresh_sessions()
        self.capp.open_session(session.id)

    def action_copy_session(self) -> None:
        """Copy the selected session under a new id."""
        chosen = self._selected()
        if chosen is None or chosen.damaged:
            return
        title = _("Copy of {title}", title=chosen.title)
        copy = self._attempt(lambda: self.capp.store.copy(chosen.id, title))
        if copy is None:
            return
        self.refresh_sessions()
        self.notify(_("Copied as {id}.", id=copy.id))

    def action_follow_up(self) -> None:
        """Start the follow-up meeting of the selected session, carrying its plan forward."""
        from tui.storage.followup import create_followup

        chosen = self._selected()
        if chosen is None or chosen.damaged:
            return
        session = self._attempt(lambda: create_followup(self.capp.store, chosen.id))
        if session is None:
            return
        self.refresh_sessions()
        self.capp.open_session(session.id)

    @work
    async def action_delete_session(self) -> None:
        """Move the selected session to the trash, after confirmation."""
        from tui.widgets.dialogs import Confirm

        chosen = self._selected()
        if chosen is None:
            return
        title = chosen.title or chosen.id
        question = _("Move «{title}» to the trash? It can be restored.", title=title)
        if not await self.app.push_screen_wait(Confirm(question)):
            return
        if self._attempt(lambda: self.capp.store.delete(chosen.id)) is None:
            return
        self.refresh_sessions()
        self.notify(_("Moved to the trash. t shows the trash."))

    def action_sync(self) -> None:
        """Sync the sessions with the shared git repository (the app runs it)."""
        self.capp.action_sync()

    @work
    async def action_show_trash(self) -> None:
        """Choose a session in the trash to restore."""
        from tui.widgets.dialogs import Choose

        items = self._attempt(self.capp.store.trash)
        if items is None:
            return
        if not items:
            self.notify(_("The trash is empty."))
            return
        options = [(f"{x.title or x.id}  ({x.id})", x.id) for x in items]
        chosen = await self.app.push_screen_wait(Choose(_("Restore from the trash"), options))
        if not chosen:
            return
        if self._attempt(lambda: self.capp.store.restore(chosen)) is None:
            return
        self.refresh_sessions()
        self.notify(_("Session {id} restored.", id=chosen))

    def action_demo(self) -> None:
        """Write the demo sessions (French and English)."""
        from tui.demo import demo_sessions

        store = self.capp.store
        sessions = demo_sessions(self.capp.clock(), store.new_id)
        self._attempt(lambda: [store.write_new(s) for s in sessions])
        self.refresh_sessions()

    def action_export_minutes(self) -> None:
        """Export the selected session's minutes to Markdown, in its own mode and language."""
        chosen = self._selected()
        if chosen is None or chosen.damaged:
            return
        self._export_minutes(chosen.id)

    @work(thread=True, group="home-export")
    def _export_minutes(self, session_id: str) -> None:
        """Read, render and write off the event loop (the same export as the Minutes screen)."""
        from tui.services.exporting import export_session, failure_message, saved_message

        store = self.capp.store
        try:
            session = store.load(session_id)
        except Exception as exc:  # damaged or gone since it was listed: say why
            message = failure(exc)
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        try:
            path = export_session(store, session, "md", keep_both=True)  # never over a file
        except OSError as exc:
            message = failure_message(exc)
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, saved_message(path), markup=False, timeout=8)

    def _attempt(self, do: Callable[[], T]) -> T | None:
        """Run a store operation; if it fails or is refused, say why in words (None)."""
        try:
            return do()
        except Exception as exc:  # a full disk or a vanished file must not stop the meeting
            self.notify(failure(exc), severity="error", markup=False)
            return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim what needs a selected session when there is none."""
        if action in ("resume", "copy_session", "delete_session", "follow_up", "export_minutes"):
            return True if self._selected_or_none() else None
        return True

    def _selected_or_none(self) -> bool:
        try:
            return self._selected() is not None
        except Exception:
            return False


def _matches(x: Listing, wanted: str) -> bool:
    if not wanted:
        return True
    return wanted in " ".join((x.title, x.collective, x.id, x.date or "")).casefold()


def _widths(total: int) -> list[int]:
    """Column widths: fixed ones first, the rest shared by title (2/3) and collective (1/3).

    Every column is at least as wide as its heading in the interface language.
    """
    values = [10, 2, 5, 4, 11]
    fixed = [max(w, cell_len(_(c))) for w, c in zip(values, COLUMNS[2:], strict=True)]
    room = max(20, total - 4 - sum(fixed) - 2 * (len(fixed) + 2))
    collective = max(room - room * 2 // 3, cell_len(_(COLUMNS[1])))
    return [room - collective, collective, *fixed]


def _line(cells: list[Text | str], widths: list[int]) -> Text:
    """A row as one text: each column cut (with an ellipsis) or padded to its width."""
    line = Text(no_wrap=True, end="")
    for n, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        piece = cell.copy() if isinstance(cell, Text) else Text(cell)
        piece.truncate(width, overflow="ellipsis", pad=True)
        if n:
            line.append(" " * GAP)
        line.append_text(piece)
    return line


def _row(x: Listing, tz: str) -> list[Text | str]:
    if x.damaged:
        name = Text(clean_text(x.file, multiline=False), style="italic")
        return [name, Text(_("DAMAGED"), style="bold"), "", "", "", "", ""]
    title = Text(x.title, overflow="ellipsis", no_wrap=True)
    if x.locked_by:
        title = Text.assemble(("🔒 ", ""), title)
    step = short_name(x.screen) if x.screen else ""
    return [
        title,
        Text(x.collective, overflow="ellipsis", no_wrap=True),
        x.date or "",
        x.minutes_lang.upper(),
        step,
        f"{round(x.progress * 100)}%",
        _when(x.updated, tz),
    ]


def _when(stamp: str | None, tz: str) -> str:
    if not stamp:
        return ""
    from zoneinfo import ZoneInfo

    return dt.datetime.fromisoformat(stamp).astimezone(ZoneInfo(tz)).strftime("%m-%d %H:%M")
