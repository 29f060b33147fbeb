"""Review: the open points, step by step; jump to each record, or accept it with a reason."""

from __future__ import annotations

from typing import Any, ClassVar
from weakref import WeakKeyDictionary

from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.i18n import N_, _, _n, _p, get_language
from tui.i18n.fmt import format_percent
from tui.model import STEPS, Acceptance, ReviewItem, progress, review
from tui.screens.base import SessionScreen
from tui.screens.palette import scope_commands
from tui.screens.review_conflicts import ConflictActions, point_sentence
from tui.terminal.keymap import bindings_for
from tui.widgets.dialogs import AskText
from tui.widgets.line_input import LineInput
from tui.widgets.stepbar import screen_name


class ReasonDialog(AskText):
    """Ask why an open point is accepted as it is, showing the point whole."""

    DEFAULT_CSS = "ReasonDialog .dialog-point { margin-bottom: 1; }"

    def __init__(self, point: str) -> None:
        """Ask the reason for accepting ``point``."""
        super().__init__(_("Why accept this point as it is?"))
        self.point = point

    def compose(self) -> ComposeResult:
        """Question, the point, the reason, hint."""
        with Vertical():
            yield Static(self.question, classes="dialog-title", markup=False)
            yield Static(self.point, classes="dialog-point", markup=False)
            yield LineInput(self.value, id="answer")
            yield Static(_("Enter records the reason; Esc cancels."), classes="dialog-hint")


LISTED = {"action_items": "actions", "decisions": "decisions"}
"""Tables whose open points are fixed in the live lists (ctrl+l), and the list that shows them."""


def step_title(step: str) -> str:
    """The heading of a group of open points."""
    if step == "live":
        return _p("review group", "Action items")
    if step == "decisions":
        return _p("review group", "Decisions")
    if step == "conflicts":
        return _p("review group", "Conflicts to settle (1, 2 or w)")
    return f"{STEPS.index(step) + 1} {screen_name(step)}"


class ReviewScreen(ConflictActions, SessionScreen, inherit_bindings=False):
    """What is still open in the plan; each point fixed at its record or accepted as it is."""

    KEY = "review"
    SCOPE = "review"
    CSS_PATH = "review.tcss"
    BINDINGS = [  # the review's own keys first: the footer shows what fits at 80 columns
        *bindings_for("review"),
        *[b for b in Screen.BINDINGS if isinstance(b, Binding)],
        *SessionScreen.BINDINGS,
    ]
    HELP = N_(
        "The open points of the plan, step by step: resources not confirmed, skills without a "
        "follow-up, roles without a lead, agreements without accountability, indicators without "
        "target, baseline or collector or followed by nobody, participation without a date, "
        "follow-ups without a body, communication without a responsible person, broken links, "
        "open action items. Enter goes to the "
        "record to fix it; a accepts a point as it is, with a reason that the minutes keep; s "
        "shows the accepted points, u reopens one. A step's progress counts the points met or "
        "accepted. Conflicts left by a sync come first: 1 keeps the first value, 2 the second, w "
        "writes the value; the minutes leave the field out until then."
    )

    _last: ClassVar[WeakKeyDictionary[object, tuple[str, int]]] = WeakKeyDictionary()
    """Key and position of the last point visited, by open session (coming back lands there)."""

    def __init__(self) -> None:
        """The review screen."""
        super().__init__()
        self.show_accepted = False
        self.items: list[ReviewItem] = []

    def compose_body(self) -> ComposeResult:
        """Summary, the list of points, the highlighted point's reason."""
        yield Static("", id="review-summary", markup=False)
        yield OptionList(id="review-list")
        yield Static("", id="review-reason", markup=False)

    @property
    def points(self) -> OptionList:
        """The list widget."""
        return self.query_one("#review-list", OptionList)

    def load(self) -> None:
        """List the open points (and the accepted ones when asked)."""
        session = self.ctx.session
        accepted = session.accepted()
        every = review(session, include_accepted=True)
        self.items = [it for it in every if self.show_accepted or it.key not in accepted]
        shares = progress(session)
        keep = self._current_place() or self._last.get(self.ctx)
        options: list[Option] = []
        group = None
        for n, item in enumerate(self.items):
            if item.step != group:
                group = item.step
                title = step_title(group)
                share = shares.get(group)
                if share is not None:
                    title += f" · {format_percent(share, get_language())}"
                options.append(Option(Text(title, style="bold"), disabled=True))
            text = Text()
            if item.key in accepted:
                text.append(_p("review", "accepted:") + " ", style="italic")
            text.append(point_sentence(item, session))
            options.append(Option(Padding(text, (0, 0, 0, 2)), id=f"p{n}"))
        points = self.points
        points.clear_options()
        points.add_options(options)
        kept = len([i for i in every if i.key in accepted])
        self._summary(len(every) - kept, kept)
        self._highlight(keep)
        points.focus()

    def extra_commands(self) -> list[Any]:
        """The session-wide commands too (the app lists this screen's own scope)."""
        return [*super().extra_commands(), *scope_commands(self)]

    def _summary(self, still: int, kept: int) -> None:
        if not still and not kept:
            text = _("Nothing is open: every check of the plan is met.")
        else:
            text = _n("{n} open point", "{n} open points", still)
            text += " · " + _n("{n} accepted as is", "{n} accepted as is", kept)
            if kept and not self.show_accepted:
                text += " " + _("(s shows them)")
        self.query_one("#review-summary", Static).update(text)

    def _highlight(self, place: tuple[str, int] | None) -> None:
        """Highlight the point ``place`` names, else the one now at its position."""
        if not self.items:
            self._reason(None)
            return
        key, position = place or ("", 0)
        index = next((n for n, it in enumerate(self.items) if it.key == key), position)
        option = f"p{max(0, min(index, len(self.items) - 1))}"
        self.points.highlighted = self.points.get_option_index(option)

    def _current(self) -> ReviewItem | None:
        points = self.points
        if points.highlighted is None:
            return None
        option_id = points.get_option_at_index(points.highlighted).id
        if not option_id:
            return None
        return self.items[int(option_id[1:])]

    def _current_place(self) -> tuple[str, int] | None:
        if not self.items:
            return None
        item = self._current()
        return (item.key, self.items.index(item)) if item else None

    @on(OptionList.OptionHighlighted, "#review-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._reason(self._current())
        self.refresh_bindings()  # the conflict keys show on a conflict only

    def _reason(self, item: ReviewItem | None) -> None:
        widget = self.query_one("#review-reason", Static)
        reason = self.ctx.session.accepted().get(item.key) if item else None
        widget.update(_("Accepted as is: {reason}", reason=reason) if reason else "")
        widget.display = bool(reason)

    # -- actions -----------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#review-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_go_to_record()

    def action_go_to_record(self) -> None:
        """Show the record of the highlighted point, on its step's screen."""
        item = self._current()
        if item is None:
            return
        self._last[self.ctx] = (item.key, self.items.index(item))
        if item.table in LISTED:  # the live lists open over the review
            from tui.screens.lists import LiveLists

            self.app.push_screen(LiveLists(LISTED[item.table]))
        else:
            self.capp.show_screen(item.step)
        hook = getattr(self.app.screen, "focus_record", None)
        if callable(hook):
            hook(item.table, item.record_id)

    @work(exclusive=True, group="review-dialog")
    async def action_accept(self) -> None:
        """Accept the highlighted point as it is, with a reason."""
        item = self._current()
        if item is None:
            return
        if self.ctx.read_only:
            self.notify(_("This session is open read-only: nothing can be changed."))
            return
        session = self.ctx.session
        if item.check == "conflict":
            self.notify(_("A conflict is settled, not accepted: 1, 2 or w."))
            return
        if item.key in session.accepted():
            self.notify(_("This point is already accepted; u reopens it."))
            return
        reason = await self.app.push_screen_wait(ReasonDialog(point_sentence(item, session)))
        if not reason:
            return
        session.acceptances = [*session.acceptances, Acceptance(key=item.key, reason=reason)]
        self.touch("acceptances")
        self.load()

    def action_reopen(self) -> None:
        """Take back the acceptance of the highlighted point."""
        item = self._current()
        session = self.ctx.session
        if item is None or item.key not in session.accepted():
            self.notify(_("This point is not accepted; s shows the accepted ones."))
            return
        if self.ctx.read_only:
            self.notify(_("This session is open read-only: nothing can be changed."))
            return
        session.acceptances = [a for a in session.acceptances if a.key != item.key]
        self.touch("acceptances")
        self.load()

    def action_toggle_accepted(self) -> None:
        """Show or hide the points accepted as they are."""
        self.show_accepted = not self.show_accepted
        self.load()
