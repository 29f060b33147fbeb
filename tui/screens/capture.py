"""The capture dialogs: a form for a decision, an action item, a topic or a note; the quick line.

Each form opens pre-filled with the current step; Enter saves and the screen below gets its
focus back, untouched (tui.screens.live). The quick line takes the short syntax of tui.live.quick.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea
from textual.widgets._select import InvalidSelectValueError

from tui.i18n import N_, _
from tui.live.quick import QuickError, complete_name, parse_line
from tui.model import ActionItem, Decision, ParkingItem, Session
from tui.model.base import Model, ScreenKey
from tui.model.changes import ADOPTION_DECISION
from tui.model.text import LongLabel
from tui.widgets.choices import outcome_word
from tui.widgets.dialogs import CANCEL
from tui.widgets.fields import FieldSpec, display, spec_for
from tui.widgets.form import LineInput, RecordForm, keeps_enter
from tui.widgets.stepbar import screen_name


class NoteEntry(Model):
    """A note being typed: its text and the screen whose notes it joins."""

    text: LongLabel
    step: ScreenKey = "meeting"


DECISION_FIELDS = [
    spec_for(Decision, "text", N_("Decision")),
    spec_for(Decision, "moved_by", N_("Moved by")),
    spec_for(Decision, "seconded_by", N_("Seconded by")),
    spec_for(Decision, "outcome", N_("Outcome"), words=outcome_word),
    spec_for(Decision, "votes_for", N_("Votes for")),
    spec_for(Decision, "votes_against", N_("Votes against")),
    spec_for(Decision, "abstentions", N_("Abstentions")),
    spec_for(Decision, "step", N_("Step"), words=screen_name),
    spec_for(Decision, "amends", N_("Amendment to"), link="decisions"),
    spec_for(
        Decision, "taken_at", N_("Time"), help=N_("When it was taken: who was present counts.")
    ),
]
ACTION_FIELDS = [
    spec_for(ActionItem, "label", N_("What")),
    spec_for(ActionItem, "who", N_("Who")),
    spec_for(ActionItem, "due", N_("Due")),
    spec_for(ActionItem, "status", N_("Status")),
    spec_for(ActionItem, "decision", N_("Decision"), link="decisions"),
    spec_for(ActionItem, "step", N_("Step"), words=screen_name),
]
PARKING_FIELDS = [
    spec_for(ParkingItem, "label", N_("Topic")),
    spec_for(ParkingItem, "step", N_("Step"), words=screen_name),
]
NOTE_FIELDS = [
    spec_for(NoteEntry, "text", N_("Note")),
    spec_for(NoteEntry, "step", N_("Screen"), words=screen_name),
]
NAME_FIELDS = ("moved_by", "seconded_by", "who")
"""Fields completed from the participants' names."""
VOTE_FIELDS = ("votes_for", "votes_against", "abstentions")
"""A decision's counts, that a vote typed in one line (« 7-0-1 ») in the first fills."""
HELP_KEY = Binding("f1", "app.help", N_("Help"), show=False, key_display="F1")
"""F1 in a dialog: app keys do not reach a modal screen, so it is bound here again."""
TABLE_OF: dict[type[BaseModel], str] = {
    Decision: "decisions",
    ActionItem: "action_items",
    ParkingItem: "parking",
}


def participant_names(session: Session) -> list[str]:
    """Names offered for completion: the participants, in their order."""
    return [p.name for p in session.participants]


class NameSuggester(Suggester):
    """Completes a whole field from the participants' names, whatever the case typed."""

    def __init__(self, names: list[str]) -> None:
        """Suggest among ``names``."""
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        """The first name starting with ``value``."""
        return first_name(self.names, value)


def first_name(names: list[str], typed: str) -> str | None:
    """The first of ``names`` that starts with ``typed``, whatever its case."""
    folded = typed.casefold()
    return next((n for n in names if folded and n.casefold().startswith(folded)), None)


class LineSuggester(NameSuggester):
    """Completes the ``@name`` being typed at the end of a quick-capture line."""

    async def get_suggestion(self, value: str) -> str | None:
        """The line with its last ``@name`` completed."""
        return complete_name(value, self.names)


@dataclass
class Captured:
    """What a capture form hands back: the record, and the fields typed but not valid yet."""

    record: BaseModel
    drafts: dict[str, str] = field(default_factory=dict)


class MarkBox(Checkbox):
    """A checkbox whose mark shows without colour: X when checked, blank when not."""

    def on_mount(self) -> None:
        """Draw the mark of the initial value."""
        self.watch_value()

    def watch_value(self) -> None:
        """Redraw the mark."""
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()


class CaptureForm(ModalScreen[Captured | None]):
    """A small form for one live record; Enter saves, Esc or ctrl+q cancels."""

    CSS_PATH = "capture.tcss"
    SCOPE = "capture"
    BINDINGS = [
        Binding("enter", "save", N_("Save"), priority=True, key_display="⏎"),
        CANCEL,
        HELP_KEY,
    ]
    HELP = N_(
        "Enter in a text field saves and takes you back where you were; Esc or ctrl+q "
        "cancels. Tab moves between fields; names complete from the participants (→ accepts); "
        "Enter (or the space bar, or the arrows) on a choice opens it, Enter picks. Only the "
        "first field is required: a decision has no outcome until you choose one. A vote can "
        "be typed in one line in the votes for: 7-0-1 (also 7/0/1 or 7 0 1) fills for, "
        "against and abstentions. A decision's form says whether the members present make "
        "the quorum (the majority of the members)."
    )

    def __init__(
        self,
        title: str,
        specs: list[FieldSpec],
        record: BaseModel,
        *,
        names: list[str],
        options: dict[str, list[tuple[str, str]]] | None = None,
        adoption: bool | None = None,
        drafts: dict[str, str] | None = None,
        restore: dict[str, str] | None = None,
        keep: Callable[[dict[str, str]], None] | None = None,
        notice: str = "",
    ) -> None:
        """Edit ``record`` with ``specs``; ``adoption`` shows the adoption box (its value);
        ``notice`` is a line shown above the keys (a decision's quorum).

        ``restore`` is what was typed when the form was last left unsaved; ``keep`` takes
        what is typed now when the form is left unsaved again (Esc, quitting, a dropped line).
        """
        super().__init__()
        self.title_text = title
        self.specs = specs
        self.record = record
        self.names = names
        self.options = options or {}
        self.adoption = adoption
        self.drafts: dict[str, str] = dict(drafts or {})
        self.restore = dict(restore or {})
        self.keep = keep
        self.notice = notice
        self.blank = {spec.name: display(spec, getattr(record, spec.name, None)) for spec in specs}
        """What each field shows before anything is typed: the rest is the facilitator's."""

    def compose(self) -> ComposeResult:
        """Title, form, the adoption box of a follow-up, message, hint."""
        with Vertical(id="capture-box"):
            yield Label(self.title_text, id="capture-title", markup=False)
            yield RecordForm(self.specs, id="capture-form")
            if self.adoption is not None:
                yield MarkBox(
                    _("Adopts the minutes of the previous meeting"),
                    self.adoption,
                    id="capture-adopts",
                )
            yield Static("", id="capture-error", markup=False)
            if self.notice:
                yield Static(self.notice, id="capture-notice", markup=False)
            yield Static(_("Enter saves · Esc cancels · Tab next field"), id="capture-hint")

    def on_mount(self) -> None:
        """Show the record, offer the names, focus the first field."""
        form = self.query_one(RecordForm)
        form.load(self.record, {**self.drafts, **self.restore}, self.options)
        for name, value in self.restore.items():
            for select in self.query(f"#f-{name}").results(Select):
                with contextlib.suppress(InvalidSelectValueError):
                    select.value = value
        for name in NAME_FIELDS:
            for widget in self.query(f"#f-{name}").results(Input):
                widget.suggester = NameSuggester(self.names)
        self.query_one(f"#f-{self.specs[0].name}").focus()
        self.query_one("#capture-error").display = False

    @on(RecordForm.DraftChanged)
    def _draft(self, event: RecordForm.DraftChanged) -> None:
        if event.text is None:
            self.drafts.pop(event.field, None)
        else:
            self.drafts[event.field] = event.text

    @property
    def adopts(self) -> bool:
        """Whether the adoption box is shown and checked."""
        boxes = self.query("#capture-adopts").results(Checkbox)
        return any(box.value for box in boxes)

    @on(Input.Blurred, "#f-votes_for")
    def _vote_left(self) -> None:
        self._read_vote()

    def _read_vote(self) -> None:
        """« 7-0-1 » typed in the votes for: the three counts (for, against, abstentions)."""
        record = self.record
        for typed in self.query("#f-votes_for").results(Input):
            if isinstance(record, Decision) and record.set_votes(typed.value):
                for name in VOTE_FIELDS:
                    self.drafts.pop(name, None)
                    value = getattr(record, name)
                    for shown in self.query(f"#f-{name}").results(Input):
                        shown.value = "" if value is None else str(value)

    def action_save(self) -> None:
        """Save if the first field is filled; a choice list (open or not) keeps its Enter."""
        if keeps_enter(self.focused):
            raise SkipAction()
        self._read_vote()
        try:
            type(self.record).model_validate(self.record.model_dump())
        except ValidationError:
            self._say(_("{field} is required.", field=_(self.specs[0].label)))
            self.query_one(f"#f-{self.specs[0].name}").focus()
            return
        if self.adopts:
            self.record.id = ADOPTION_DECISION  # type: ignore[attr-defined]
        self.dismiss(Captured(self.record, dict(self.drafts)))

    def _say(self, message: str) -> None:
        error = self.query_one("#capture-error", Static)
        error.update(message)
        error.display = bool(message)

    def typed(self) -> dict[str, str]:
        """The text of each field the facilitator changed, as it shows now."""
        shown = {spec.name: field_text(self.query_one(f"#f-{spec.name}")) for spec in self.specs}
        return {name: text for name, text in shown.items() if text != self.blank.get(name)}

    def keep_draft(self) -> None:
        """Hand what was typed to ``keep`` (nothing typed: the draft is cleared)."""
        if self.keep is not None:
            self.keep(self.typed())

    def action_cancel(self) -> None:
        """Close without saving; what was typed is kept as a draft that the form brings back."""
        self.keep_draft()
        self.dismiss(None)


def field_text(widget: Widget) -> str:
    """What a field shows, as text."""
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    return ""


class QuickCapture(ModalScreen[str | None]):
    """One line at the bottom: ``d``, ``a``, ``p`` or ``n``, a space and the text."""

    CSS_PATH = "capture.tcss"
    SCOPE = "capture"
    BINDINGS = [CANCEL, HELP_KEY]
    HELP = N_(
        "Quick capture, one line, Enter records it:\n"
        "  d TEXT                   a decision (numbered YYYY-MM-DD-NN)\n"
        "  a @NAME YYYY-MM-DD TEXT  an action item; who and due date optional\n"
        "  p TEXT                   a topic for the parking lot\n"
        "  n TEXT                   a line in the notes of this screen\n"
        "Names complete from the participants: type @ and the first letters, then →. "
        "A line that cannot be read stays as typed, with the reason below it."
    )

    def __init__(
        self,
        names: list[str],
        *,
        line: str = "",
        keep: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        """Offer ``names`` for ``@`` completion; ``line`` was typed last time, unsaved."""
        super().__init__()
        self.names = names
        self.line = line
        self.keep = keep

    def compose(self) -> ComposeResult:
        """Hint, line, message."""
        with Vertical(id="quick-box"):
            yield Static(
                _("d decision · a @name YYYY-MM-DD action item · p parking lot · n note"),
                id="quick-hint",
                markup=False,
            )
            yield LineInput(
                self.line,
                id="quick-line",
                compact=True,
                placeholder=_("d The committee adopts the budget"),
                suggester=LineSuggester(self.names),
            )
            yield Static("", id="quick-error", markup=False)

    def on_mount(self) -> None:
        """Focus the line."""
        self.query_one("#quick-error").display = False
        self.query_one("#quick-line").focus()

    @on(Input.Submitted, "#quick-line")
    def _submit(self, event: Input.Submitted) -> None:
        try:
            parse_line(event.value, self.names)
        except QuickError as exc:
            error = self.query_one("#quick-error", Static)
            error.update("⚠ " + _(exc.msgid, **exc.params))
            error.display = True
            return
        self.dismiss(event.value)

    def keep_draft(self) -> None:
        """Hand the line typed to ``keep``."""
        if self.keep is not None:
            text = self.query_one("#quick-line", Input).value
            self.keep({"line": text} if text.strip() else {})

    def action_cancel(self) -> None:
        """Close without recording; the line is kept as a draft that ctrl+t brings back."""
        self.keep_draft()
        self.dismiss(None)
