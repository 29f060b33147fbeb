"""The session's decisions and action items, and what a follow-up carries since last meeting."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Select, Static

from tui.i18n import N_, _, _n
from tui.live.quick import local_day
from tui.model import ActionItem, Decision
from tui.model.changes import REVIEW_ITEM
from tui.screens.capture import HELP_KEY
from tui.screens.find import FindCommands
from tui.screens.host import Hosted
from tui.screens.session_modal import SessionModal
from tui.terminal.keymap import bindings_for
from tui.widgets.choices import choice_word, outcome_word
from tui.widgets.footer import TranslatedFooter
from tui.widgets.stepbar import screen_name
from tui.widgets.type_select import ChoiceSelect

if TYPE_CHECKING:
    from tui.screens.capture import Captured

CLOSE = Binding("escape,ctrl+q", "cancel", N_("Close"), key_display="esc")
OVERDUE = "overdue"
LABEL_WIDTH = 38


def overdue(item: ActionItem, today: dt.date) -> bool:
    """An open item whose due date has passed."""
    return item.status == "open" and item.due is not None and item.due < today


def status_text(item: ActionItem, today: dt.date) -> str:
    """The item's status in words, overdue said as such (never a colour alone)."""
    return _("OVERDUE") if overdue(item, today) else choice_word(item.status)


def carried_first_overdue(items: list[ActionItem], today: dt.date) -> list[ActionItem]:
    """Carried items, overdue first, then by due date (undated last), else in their order."""
    carried = [a for a in items if a.carried_from is not None]
    return sorted(carried, key=lambda a: (not overdue(a, today), a.due or dt.date.max))


def _columns(table: DataTable[Any], columns: list[tuple[str, int]]) -> int:
    """Add ``columns`` (width 0: what the others leave, at least 12); return that width."""
    fixed = sum(w for _t, w in columns) + 2 * len(columns)
    rest = max(12, table.app.size.width - 2 - fixed - 1)
    for title, width in columns:
        table.add_column(title, width=width or rest)
    return rest


def _short(text: str, width: int = LABEL_WIDTH) -> Text:
    one = " ".join(text.split())
    return Text(one if len(one) <= width else one[: width - 1] + "…")


class LiveLists(FindCommands, SessionModal):
    """Decisions (numbered) or action items (filtered by person and status); Enter edits."""

    CSS_PATH = "lists.tcss"
    SCOPE = "lists"
    BINDINGS = [*bindings_for("lists"), CLOSE, HELP_KEY]
    HELP = N_(
        "The decisions of this meeting, numbered once and for all, and its action items. "
        "d and a switch between them; Enter edits the selected line; space marks an action "
        "item done (or open again); v voids the selected decision with its reason (it keeps its "
        "number), or restores it; x writes a certified extract of the selected resolution "
        "(Word, PDF or Markdown). The filters above the action items choose a person "
        "and a status; overdue items say OVERDUE."
    )

    def __init__(self, mode: str = "decisions") -> None:
        """Start on the decisions, or on the action items (``mode`` "actions")."""
        super().__init__()
        self.mode = mode
        self.rows: list[Any] = []

    def compose(self) -> ComposeResult:
        """Title, filters, table, detail of the selected line, footer."""
        with Vertical(id="lists-box"):
            yield Label("", id="lists-title", markup=False)
            with Horizontal(id="lists-filters"):
                yield ChoiceSelect([], prompt=_("Everyone"), id="filter-who", compact=True)
                yield ChoiceSelect([], prompt=_("Any status"), id="filter-status", compact=True)
            yield DataTable(id="lists-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="lists-detail", markup=False)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        """Fill the table."""
        self._fill_filters()
        self.refill()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        """A wider terminal gives the text more room."""
        self.refill()

    def today(self) -> dt.date:
        """Today in the meeting's time zone."""
        return local_day(self.capp.clock(), self.capp.tz)

    def _fill_filters(self) -> None:
        names = [p.name for p in self.session.participants]
        names += sorted({a.who for a in self.session.action_items if a.who} - set(names))
        self.query_one("#filter-who", Select).set_options([(Text(n), n) for n in names])
        statuses = [(_("OVERDUE"), OVERDUE)]
        statuses += [(choice_word(s), s) for s in ("open", "done", "dropped")]
        self.query_one("#filter-status", Select).set_options(statuses)

    def refill(self) -> None:
        """Show the current list as the session holds it now."""
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        self.query_one("#lists-filters").display = self.mode == "actions"
        if self.mode == "decisions":
            self._decisions(table)
        else:
            self._actions(table)
        if self.rows:
            table.move_cursor(row=min(max(keep, 0), len(self.rows) - 1))
        self._detail()

    def _decisions(self, table: DataTable[Any]) -> None:
        decisions = self.session.decisions
        self.query_one("#lists-title", Label).update(
            _("Decisions of this meeting ({count})", count=len(decisions))
        )
        rest = _columns(table, [(_("No."), 13), (_("Decision"), 0), (_("Outcome"), 21)])
        self.rows = list(decisions)
        for d in decisions:
            text, outcome = _short(d.text, rest), outcome_word(d.outcome)
            if d.voided:
                text.stylize("strike")
                outcome = _("VOIDED")
            table.add_row(d.number or "", text, outcome, key=d.id)
        if not decisions:
            table.add_row("", _("No decision yet: F4 or ctrl+t then d."), "")

    def _actions(self, table: DataTable[Any]) -> None:
        who = self.query_one("#filter-who", Select).value
        status = self.query_one("#filter-status", Select).value
        today = self.today()
        items = [
            a
            for a in self.session.action_items
            if (not isinstance(who, str) or a.who == who)
            and (
                not isinstance(status, str)
                or (overdue(a, today) if status == OVERDUE else a.status == status)
            )
        ]
        total = len(self.session.action_items)
        self.query_one("#lists-title", Label).update(
            _("Action items ({shown} of {count})", shown=len(items), count=total)
        )
        columns = [(_("What"), 0), (_("Who"), 16), (_("Due"), 10), (_("Status"), 10)]
        rest = _columns(table, columns)
        self.rows = items
        for a in items:
            due = a.due.isoformat() if a.due else ""
            what, who = _short(a.label, rest), _short(a.who, 16)
            table.add_row(what, who, due, status_text(a, today), key=a.id)
        if not items:
            table.add_row(_("No action item here."), "", "", "")

    def focus_record(self, table: str, record_id: str) -> None:
        """Put the cursor on a record (the review jumps here)."""
        found = [n for n, r in enumerate(self.rows) if r.id == record_id]
        if found:
            self.query_one(DataTable).move_cursor(row=found[0])

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail()

    def _selected(self) -> Any:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.rows[row] if self.rows and 0 <= row < len(self.rows) else None

    def _detail(self) -> None:
        chosen = self._selected()
        detail = self.query_one("#lists-detail", Static)
        if isinstance(chosen, Decision):
            parts = [chosen.text]
            if chosen.step:
                parts[0] = f"{screen_name(chosen.step)} · {chosen.text}"
            if chosen.moved_by or chosen.seconded_by:
                parts.append(
                    _(
                        "Moved by {moved}, seconded by {seconded}.",
                        moved=chosen.moved_by or "—",
                        seconded=chosen.seconded_by or "—",
                    )
                )
            if chosen.votes_for is not None or chosen.votes_against is not None:
                parts.append(
                    _(
                        "Votes: {yes} for, {no} against, {abstentions}.",
                        yes=chosen.votes_for or 0,
                        no=chosen.votes_against or 0,
                        abstentions=_n(
                            "{n} abstention", "{n} abstentions", chosen.abstentions or 0
                        ),
                    )
                )
            if chosen.voided:
                parts.append(_("Voided: {reason}", reason=chosen.void_reason))
            detail.update("\n".join(parts))
        elif isinstance(chosen, ActionItem):
            parts = [chosen.label]
            if chosen.carried_from:
                parts.append(_("Carried from the previous meeting."))
            detail.update("\n".join(parts))
        else:
            detail.update("")

    @on(Select.Changed)
    def _filter(self, event: Select.Changed) -> None:
        self.refill()

    def action_show_decisions(self) -> None:
        """Show the decisions."""
        self.mode = "decisions"
        self.refill()
        self.refresh_bindings()

    def action_show_actions(self) -> None:
        """Show the action items."""
        self.mode = "actions"
        self.refill()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Marking done and deleting concern action items only."""
        if action in ("toggle_done", "delete_item"):
            return self.mode == "actions"
        if action in ("void_decision", "extract"):
            return self.mode == "decisions"
        return True

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_item()

    def action_edit_item(self) -> None:
        """Edit the selected decision or action item."""
        from tui.screens.recording import action_form, decision_form, keep_typed

        chosen = self._selected()
        if self.capp.ctx is None or self.capp.ctx.read_only or chosen is None:
            return
        table = "decisions" if isinstance(chosen, Decision) else "action_items"
        keep = functools.partial(keep_typed, self.capp, f"{table}/{chosen.id}/")
        if isinstance(chosen, Decision):
            form = decision_form(self.session, chosen, keep=keep)
            self.app.push_screen(form, self._saved_decision)
        elif isinstance(chosen, ActionItem):
            self.app.push_screen(action_form(self.session, chosen, keep=keep), self._saved_item)

    def _saved_decision(self, captured: Captured | None) -> None:
        from tui.screens.recording import save_decision

        if captured is not None:
            save_decision(self.capp, captured)
            self.refill()

    def _saved_item(self, captured: Captured | None) -> None:
        from tui.screens.recording import save_record

        if captured is not None:
            save_record(self.capp, captured)
            self._fill_filters_keeping()
            self.refill()

    def _fill_filters_keeping(self) -> None:
        who = self.query_one("#filter-who", Select)
        value = who.value
        self._fill_filters()
        if isinstance(value, str) and value in {v for _t, v in who._options}:
            who.value = value

    def action_toggle_done(self) -> None:
        """Mark the selected action item done, or open again."""
        chosen = self._selected()
        if not isinstance(chosen, ActionItem) or self.capp.ctx is None or self.capp.ctx.read_only:
            return
        chosen.status = "open" if chosen.status == "done" else "done"
        self.capp.changed(["action_items"])
        self.refill()

    @work
    async def action_delete_item(self) -> None:
        """Delete the selected action item, after confirmation (a decision keeps its number)."""
        from tui.widgets.dialogs import Confirm

        chosen = self._selected()
        if chosen is None or self.capp.ctx is None or self.capp.ctx.read_only:
            return
        if isinstance(chosen, Decision):
            self.notify(_("A decision keeps its number: void it (v) rather than delete it."))
            return
        question = _("Delete the action item «{label}»?", label=chosen.label[:60])
        if not await self.app.push_screen_wait(Confirm(question)):
            return
        items = [r for r in self.session.action_items if r.id != chosen.id]
        self.session.action_items = items
        self.capp.changed(["action_items"])
        self.refill()

    @work
    async def action_void_decision(self) -> None:
        """Void the selected decision with its reason (it keeps its number); or restore it."""
        from tui.widgets.dialogs import AskText, Confirm

        chosen = self._selected()
        if not isinstance(chosen, Decision) or self.capp.ctx is None or self.capp.ctx.read_only:
            return
        name = chosen.number or chosen.text[:40]
        if chosen.voided:
            if not await self.app.push_screen_wait(
                Confirm(_("Restore decision {name}?", name=name))
            ):
                return
            chosen.voided, chosen.void_reason = False, ""
        else:
            ask = AskText(_("Why is decision {name} voided? (kept in the minutes)", name=name))
            reason = await self.app.push_screen_wait(ask)
            if not reason:
                return
            chosen.voided, chosen.void_reason = True, reason
        self.capp.changed(["decisions"])
        self.refill()

    def action_extract(self) -> None:
        """Write a certified extract of the selected resolution, in the format chosen."""
        from tui.screens.extract import ask_extract

        chosen = self._selected()
        if isinstance(chosen, Decision) and self.capp.ctx is not None:
            ask_extract(self, self.capp.ctx.session, chosen)

    def action_cancel(self) -> None:
        """Back to the screen below."""
        self.dismiss(None)


class SinceLastMeeting(Hosted, ModalScreen[None]):
    """What a follow-up carries: its open action items, overdue first, and the parking lot."""

    CSS_PATH = "lists.tcss"
    SCOPE = "since"
    BINDINGS = [
        CLOSE,
        Binding("enter", "cancel", N_("Close"), key_display="⏎", show=False),
        HELP_KEY,
    ]
    HELP = N_(
        "The action items carried from the previous meeting, overdue first, and the topics "
        "carried in the parking lot. ctrl+l lists every action item of this meeting."
    )

    def compose(self) -> ComposeResult:
        """Title, summary, the carried items, footer."""
        with Vertical(id="since-box"):
            yield Label(_("Since the last meeting"), id="since-title")
            yield Static("", id="since-summary", markup=False)
            yield DataTable(id="since-table", cursor_type="row", zebra_stripes=True)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        """List the carried items."""
        app = self.capp
        assert app.ctx is not None
        session = app.ctx.session
        today = local_day(app.clock(), app.tz)
        items = carried_first_overdue(session.action_items, today)
        late = sum(overdue(a, today) for a in items)
        parked = sum(p.carried_from is not None for p in session.parking)
        summary = [
            _n("{n} action item carried", "{n} action items carried", len(items)),
            _n("{n} overdue", "{n} overdue", late),
            _n("{n} topic in the parking lot", "{n} topics in the parking lot", parked),
        ]
        self.query_one("#since-summary", Static).update(" · ".join(summary))
        table = self.query_one(DataTable)
        for column in (_("Status"), _("Due"), _("Who"), _("What")):
            table.add_column(column)
        for a in items:
            due = a.due.isoformat() if a.due else ""
            table.add_row(status_text(a, today), due, _short(a.who, 16), _short(a.label), key=a.id)
        table.focus()

    @on(DataTable.RowSelected)
    def _close(self, event: DataTable.RowSelected) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close."""
        self.dismiss(None)


_greeted: WeakSet[object] = WeakSet()


def greet(screen: Hosted) -> None:
    """On opening a follow-up before it starts, or at the review of carried items, show them."""
    ctx = screen.capp.ctx
    if ctx is None or ctx in _greeted:
        return
    _greeted.add(ctx)
    session = ctx.session
    if not session.meeting.follows or not any(a.carried_from for a in session.action_items):
        return
    started = session.progress.meeting_started is not None
    if not started or session.progress.agenda_item == REVIEW_ITEM:  # not again mid-meeting
        screen.app.push_screen(SinceLastMeeting())
