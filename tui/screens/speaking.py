"""The speaking queue during the meeting: its dialog (F10), the next speaker (⇧F10), the header.

F10 opens a line at the bottom: a few letters of a participant's name and Enter add them to
the queue (a name that is no participant's is taken as typed); Enter on the empty line gives
the floor to the next person. The list under the line shows who waits; Delete takes the
highlighted person off. Every change is saved at once, in the session's progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.i18n import N_, _, _n
from tui.i18n.fmt import format_duration
from tui.model.speaking import LIMIT_S, SpeakingQueue, call_next, enqueue, speaking_for, withdraw
from tui.screens.capture import HELP_KEY, first_name, participant_names
from tui.storage.config import Config
from tui.terminal.keymap import bindings_for
from tui.widgets.dialogs import CANCEL
from tui.widgets.line_input import LineInput
from tui.widgets.type_select import SearchOptionList

if TYPE_CHECKING:
    import datetime as dt

    from tui.live.context import SessionContext


class Host(Protocol):
    """What the queue needs of the app: its clock and its save hook."""

    clock: Callable[[], dt.datetime]

    def changed(self, tables: Iterable[str] | None = None, *, undoable: bool = True) -> None:
        """Save ``tables`` soon."""


class QueueScreen(Protocol):
    """What the queue's commands need of a session screen."""

    @property
    def ctx(self) -> SessionContext:
        """The open session."""

    @property
    def app(self) -> App[Any]:
        """The app."""

    def tick(self) -> None:
        """Redraw the header."""


NAME_MAX = 24
"""Characters of the speaker's name the header shows (an ellipsis beyond)."""


def limit_s(config: Config) -> int:
    """The soft limit of one turn, in seconds (the preference, else two minutes)."""
    return config.speaking_limit * 60 if config.speaking_limit else LIMIT_S


def _cut(name: str) -> str:
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"


def floor_text(queue: SpeakingQueue, now: dt.datetime, limit: int) -> tuple[str, bool]:
    """The header's words for the queue, and whether the speaker is past the soft limit.

    « Floor: Marie 01:10 · 2 waiting »; past the limit the text says OVER (never colour alone).
    """
    waiting = len(queue.waiting)
    count = _n("{n} waiting", "{n} waiting", waiting) if waiting else ""
    seconds = speaking_for(queue, now)
    if seconds is None or queue.speaker is None:
        return count, False
    over = seconds > limit
    time = format_duration(seconds, "fr")
    if over:
        text = _("Floor: {name} {time} OVER", name=_cut(queue.speaker.name), time=time)
    else:
        text = _("Floor: {name} {time}", name=_cut(queue.speaker.name), time=time)
    return (f"{text} · {count}" if count else text), over


def _ordinal_list(names: list[str]) -> list[str]:
    return [f"{n}. {name}" for n, name in enumerate(names, start=1)]


class SpeakingDialog(ModalScreen[None]):
    """The speaking queue: a name line, who has the floor, who waits."""

    CSS_PATH = "speaking.tcss"
    SCOPE = "queue"
    BINDINGS = [*bindings_for("queue"), CANCEL, HELP_KEY]
    HELP = N_(
        "Speaking queue. Type the first letters of a name and Enter: the first participant "
        "whose name starts with them joins the queue (→ shows the name; another name is "
        "taken as typed). Enter on the empty line gives the floor to the next person. "
        "Tab or ↓ goes to the list; Delete takes the highlighted person off the queue. "
        "Esc or ctrl+q closes. The header shows who has the floor and for how long; past "
        "the limit of a turn (the preference speaking_limit, 2 minutes unless set), it says "
        "OVER."
    )

    def __init__(self, names: list[str], queue: SpeakingQueue) -> None:
        """Offer ``names`` for completion; show and change ``queue`` (the session's)."""
        super().__init__()
        self.names = names
        self.queue = queue

    @property
    def host(self) -> Host:
        """The app, as the queue uses it."""
        return cast(Host, self.app)

    def compose(self) -> ComposeResult:
        """Title, the floor, the name line, the queue, the message and the hint."""
        from tui.screens.capture import NameSuggester

        with Vertical(id="speaking-box"):
            yield Static(_("Speaking queue"), id="speaking-title")
            yield Static("", id="speaking-floor", markup=False)
            yield LineInput(
                id="speaking-name",
                compact=True,
                placeholder=_("First letters of a name, Enter"),
                suggester=NameSuggester(self.names),
            )
            yield SearchOptionList(id="speaking-list", compact=True)
            yield Static("", id="speaking-error", markup=False)
            yield Static(
                _("⏎ add · ⏎ on empty line: next speaker · del: remove · esc: close"),
                id="speaking-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        """Show the queue and focus the name line."""
        self.show()
        self.query_one("#speaking-name").focus()

    def show(self, message: str = "") -> None:
        """Redraw the floor, the queue and the message from ``queue``."""
        speaker = self.queue.speaker
        floor = self.query_one("#speaking-floor", Static)
        if speaker is None:
            floor.update(_("Nobody has the floor."))
        else:
            floor.update(_("Floor: {name}", name=speaker.name))
        listing = self.query_one("#speaking-list", SearchOptionList)
        keep = listing.highlighted
        listing.set_options(_ordinal_list(self.queue.waiting) or [])
        listing.display = bool(self.queue.waiting)
        if self.queue.waiting:
            listing.highlighted = min(keep or 0, len(self.queue.waiting) - 1)
        error = self.query_one("#speaking-error", Static)
        error.update(message)
        error.display = bool(message)

    @on(Input.Submitted, "#speaking-name")
    def _submit(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if not typed:
            self.dismiss(None)
            self.app.notify(next_speaker(self.host, self.queue))
            return
        name = first_name(self.names, typed) or typed
        if not enqueue(self.queue, name):
            event.input.value = ""
            self.show(_("{name} is already in the queue.", name=name))
            return
        self.host.changed(["progress"])
        self.dismiss(None)
        where = len(self.queue.waiting)
        self.app.notify(_("{name} joins the speaking queue ({n}).", name=name, n=where))

    def action_withdraw_speaker(self) -> None:
        """Take the highlighted person off the queue."""
        listing = self.query_one("#speaking-list", SearchOptionList)
        if self.focused is not listing or listing.highlighted is None:
            return
        name = withdraw(self.queue, listing.highlighted)
        if name is not None:
            self.host.changed(["progress"])
            self.show(_("{name} is off the queue.", name=name))
            if not self.queue.waiting:
                self.query_one("#speaking-name").focus()


def next_speaker(app: Host, queue: SpeakingQueue) -> str:
    """Give the floor to the next person waiting (or close it), save; what to say about it."""
    had = queue.speaker is not None
    speaker = call_next(queue, app.clock())
    if speaker is None and not had:
        return _("Nobody is waiting to speak.")
    app.changed(["progress"])
    if speaker is None:
        return _("The floor is closed: nobody else is waiting.")
    return _("{name} has the floor.", name=speaker.name)


class SpeakingCommands:
    """The speaking-queue commands of every session screen (mixed into SessionScreen)."""

    def _speaking_queue(self) -> SpeakingQueue | None:
        me = cast(QueueScreen, self)
        if me.ctx.read_only:
            me.app.notify(_("Read-only: nothing can be recorded here."), severity="warning")
            return None
        return me.ctx.session.progress.speaking

    def action_speaking_queue(self) -> None:
        """Open the speaking queue: add a name, give the floor, take someone off."""
        queue = self._speaking_queue()
        if queue is not None:
            me = cast(QueueScreen, self)
            names = participant_names(me.ctx.session)
            me.app.push_screen(SpeakingDialog(names, queue), lambda _none: me.tick())

    def action_next_speaker(self) -> None:
        """Give the floor to the next person in the speaking queue."""
        queue = self._speaking_queue()
        if queue is not None:
            me = cast(QueueScreen, self)
            me.app.notify(next_speaker(cast(Host, me.app), queue))
            me.tick()
