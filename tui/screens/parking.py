"""The parked topics (« sujets à reprendre ») during the meeting: see, edit, bring one back
to the agenda, carry one to the next meeting."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from tui.export.labels import PARKING_FATES
from tui.i18n import N_, _
from tui.model import ParkingItem, Session
from tui.model.agenda import bring_back, brought_back_to, find_parked, toggle_carry
from tui.screens.capture import HELP_KEY, PARKING_FIELDS, CaptureForm, participant_names
from tui.screens.lists import _columns, _short
from tui.screens.session_modal import SessionModal
from tui.terminal.keymap import bindings_for
from tui.widgets.footer import TranslatedFooter
from tui.widgets.stepbar import screen_name

if TYPE_CHECKING:
    from tui.screens.capture import Captured

CLOSE = Binding("escape,ctrl+q", "cancel", N_("Close"), key_display="esc")


def fate_word(parked: ParkingItem) -> str:
    """What the meeting did with ``parked``, in words; empty while undecided."""
    return _(PARKING_FATES[parked.fate]) if parked.fate else ""


def parking_form(session: Session, parked: ParkingItem, keep: Any = None) -> CaptureForm:
    """The form of a parked topic (the one F8 opens), on a copy of ``parked``."""
    from tui.screens.recording import drafts_of

    return CaptureForm(
        _("Parked topic"),
        PARKING_FIELDS,
        parked.model_copy(),
        names=participant_names(session),
        restore=drafts_of(session, "parking", parked.id),
        keep=keep,
    )


class ParkedTopics(SessionModal):
    """Every parked topic, with its step and fate; Enter edits, b brings back, c carries."""

    CSS_PATH = "parking.tcss"
    SCOPE = "parking"
    BINDINGS = [*bindings_for("parking"), CLOSE, HELP_KEY]
    HELP = N_(
        "The topics set aside during this meeting (F8 adds one), and those carried from the "
        "previous one. Enter edits the selected topic; b brings it back to the agenda as a "
        "new item right after the current one (F9 takes it up); c carries it to the next "
        "meeting, whose agenda will list it (c again undoes that). The minutes say what "
        "became of each topic. ctrl+z undoes the last change."
    )

    def __init__(self) -> None:
        """The list, filled on mount."""
        super().__init__()
        self.rows: list[ParkingItem] = []

    def compose(self) -> ComposeResult:
        """Title, table, detail of the selected topic, footer."""
        with Vertical(id="parking-box"):
            yield Label("", id="parking-title", markup=False)
            yield DataTable(id="parking-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="parking-detail", markup=False)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        """Fill the table; follow undo and saves made elsewhere."""
        self.watch(self.app, "revision", lambda _r: self.refill(), init=False)
        self.refill()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        """A wider terminal gives the topic more room."""
        self.refill()

    def refill(self, select: str | None = None) -> None:
        """Show the parking lot as the session holds it now."""
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        parking = self.session.parking
        self.query_one("#parking-title", Label).update(
            _("Parked topics ({count})", count=len(parking))
        )
        rest = _columns(table, [(_("Topic"), 0), (_("Step"), 12), (_("Fate"), 32)])
        self.rows = list(parking)
        for p in parking:
            step = screen_name(p.step) if p.step else ""
            table.add_row(
                _short(p.label, rest), _short(step, 12), _short(fate_word(p), 32), key=p.id
            )
        if not parking:
            table.add_row(_("No parked topic yet: F8 parks one."), "", "")
        ids = [p.id for p in self.rows]
        if select in ids:
            table.move_cursor(row=ids.index(select))
        elif self.rows:
            table.move_cursor(row=min(max(keep, 0), len(self.rows) - 1))
        self._detail()

    def selected(self) -> ParkingItem | None:
        """The topic under the cursor, as the session holds it now."""
        row = self.query_one(DataTable).cursor_row
        if not self.rows or not 0 <= row < len(self.rows):
            return None
        return find_parked(self.session, self.rows[row].id)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail()

    def _detail(self) -> None:
        parked = self.selected()
        lines: list[str] = []
        if parked is not None:
            lines.append(" ".join(parked.label.split()))
            if parked.carried_from:
                lines.append(_("Carried from the previous meeting."))
            item = brought_back_to(self.session, parked)
            if item is not None:
                lines.append(_("On the agenda: «{item}».", item=item.label))
        self.query_one("#parking-detail", Static).update("\n".join(lines))

    def _writable(self) -> bool:
        ctx = self.capp.ctx
        if ctx is None or ctx.read_only:
            self.notify(_("Read-only: nothing can be recorded here."), severity="warning")
            return False
        return True

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_parked()

    def action_edit_parked(self) -> None:
        """Edit the selected topic in its form."""
        from tui.screens.recording import keep_typed

        parked = self.selected()
        if parked is None or not self._writable():
            return
        keep = functools.partial(keep_typed, self.capp, f"parking/{parked.id}/")
        self.app.push_screen(parking_form(self.session, parked, keep), self._saved)

    def _saved(self, captured: Captured | None) -> None:
        from tui.screens.recording import save_record

        if captured is not None:
            save_record(self.capp, captured)
            self.refill(select=getattr(captured.record, "id", None))

    def action_bring_back(self) -> None:
        """Make the selected topic an agenda item, right after the current one."""
        parked = self.selected()
        if parked is None or not self._writable():
            return
        item = bring_back(self.session, parked)
        self.capp.changed(["agenda", "parking"])
        self.refill(select=parked.id)
        self.notify(_("«{item}» is on the agenda: F9 takes it up next.", item=item.label))

    def action_carry(self) -> None:
        """Carry the selected topic to the next meeting, or not any more."""
        parked = self.selected()
        if parked is None or not self._writable():
            return
        try:
            carried = toggle_carry(self.session, parked)
        except ValueError:
            self.notify(_("This topic is on this meeting's agenda: ctrl+z undoes that."))
            return
        self.capp.changed(["parking"])
        self.refill(select=parked.id)
        if carried:
            self.notify(_("Carried: the next meeting's agenda will list it."))
        else:
            self.notify(_("Not carried any more."))

    def action_undo(self) -> None:
        """Undo the last change (the list follows)."""
        self.capp.undo()

    def action_cancel(self) -> None:
        """Back to the screen below."""
        self.dismiss(None)
