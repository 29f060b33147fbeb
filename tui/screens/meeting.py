"""The meeting screen: its details, its participants and its agenda, each in a tab."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import TabbedContent, TabPane

from tui.i18n import N_, _, get_language
from tui.i18n.fmt import format_minutes, format_time
from tui.model import SCREENS, AgendaItem, Meeting, Participant, Session
from tui.model.agenda import placed, read_line
from tui.model.clean import local_time
from tui.screens.records import EditorScreen
from tui.screens.summaries import agenda_summary, participants_summary
from tui.terminal.keymap import bindings_for
from tui.widgets.choices import choice_word
from tui.widgets.editor_config import (
    Column,
    EditorConfig,
    QuickLine,
    TableConfig,
    View,
    text,
    word,
)
from tui.widgets.fields import spec_for
from tui.widgets.form import RecordForm
from tui.widgets.record_editor import RecordEditor
from tui.widgets.stepbar import screen_name
from tui.widgets.type_select import find, fold

MEETING_FIELDS = [
    spec_for(Meeting, "title", N_("Title")),
    spec_for(Meeting, "collective", N_("Collective or body")),
    spec_for(Meeting, "date", N_("Date")),
    spec_for(Meeting, "start_time", N_("Start time")),
    spec_for(Meeting, "end_time", N_("Scheduled end")),
    spec_for(Meeting, "place", N_("Place or video link")),
    spec_for(Meeting, "mode", N_("Minutes mode")),
    spec_for(Meeting, "minutes_lang", N_("Minutes language")),
    spec_for(Meeting, "facilitator", N_("Facilitator")),
    spec_for(Meeting, "note_taker", N_("Note-taker")),
    spec_for(Meeting, "next_date", N_("Next meeting: date")),
    spec_for(Meeting, "next_time", N_("Next meeting: time")),
    spec_for(Meeting, "next_place", N_("Next meeting: place")),
    spec_for(Meeting, "opened_at", N_("Opened at")),
    spec_for(Meeting, "adjourned_at", N_("Adjourned at")),  # as in the minutes
    # Set once per collective: last, so that the fields of every meeting keep their Tab order.
    spec_for(
        Meeting,
        "resolution_prefix",
        N_("Resolution prefix"),
        help=N_("Optional, e.g. CA: resolutions are numbered CA-2026-12-04-03"),
    ),
]


def _minutes(r: AgendaItem, v: View) -> str:
    if r.timebox_min is None:
        return ""
    return format_minutes(r.timebox_min, v.session.meeting.minutes_lang)


def add_agenda_line(session: Session, line: str) -> AgendaItem:
    """Add the agenda item a typed line says (« Ressources du projet @res 20 »), before the
    closing items; its screen picked by the letters after @ (as in a choice list), or the
    screen it is named after. No screen starts with the letters: ValueError, nothing added."""
    label, minutes, letters = read_line(line)
    names = [screen_name(k) for k in SCREENS]
    if letters is not None:
        found = find(names, letters)
        if found is None:
            raise ValueError(_("No screen starts with «{letters}».", letters=letters[:20]))
    else:
        found = next((n for n, name in enumerate(names) if fold(name) == fold(label)), None)
    step = SCREENS[found] if found is not None else None
    item = AgendaItem(label=label, timebox_min=minutes, step=step)  # type: ignore[arg-type]
    session.agenda = placed(session.agenda, item)
    return item


ARRIVAL_HELP = N_("A late arrival; r on the participant's row records the time now.")
DEPARTURE_HELP = N_("An early departure; x on the participant's row records the time now.")


def _attendance(r: Participant, v: View) -> str:
    """The attendance word, or the time of the arrival or departure when one was noted."""
    lang = get_language()
    if r.left_at is not None:
        return _("left {time}", time=format_time(r.left_at, lang))
    if r.arrived_at is not None:
        return _("arrived {time}", time=format_time(r.arrived_at, lang))
    return choice_word(r.attendance)


PARTICIPANTS = EditorConfig(
    TableConfig(
        "participants",
        Participant,
        (
            spec_for(Participant, "name", N_("Name")),
            spec_for(Participant, "organisation", N_("Organisation")),
            spec_for(Participant, "role", N_("Role")),
            spec_for(Participant, "attendance", N_("Attendance")),
            spec_for(Participant, "arrived_at", N_("Arrived at"), help=ARRIVAL_HELP),
            spec_for(Participant, "left_at", N_("Left at"), help=DEPARTURE_HELP),
        ),
        N_("Participant"),
        N_("New participant"),
    ),
    (
        Column(N_("Name"), text("name")),
        Column(N_("Organisation"), text("organisation"), 18),
        Column(N_("Role"), text("role"), 12),
        Column(N_("Attendance"), _attendance, 16),
    ),
    N_("No participant yet. Press a to add one."),
    participants_summary,
)

AGENDA = EditorConfig(
    TableConfig(
        "agenda",
        AgendaItem,
        (
            spec_for(AgendaItem, "label", N_("Item")),
            spec_for(AgendaItem, "kind", N_("Type")),
            spec_for(
                AgendaItem,
                "step",
                N_("Screen"),
                words=screen_name,
                help=N_("The screen this item works on, if any."),
            ),
            spec_for(AgendaItem, "timebox_min", N_("Timebox (minutes)")),
        ),
        N_("Agenda item"),
        N_("New agenda item"),
    ),
    (
        Column(N_("Item"), text("label")),
        Column(N_("Type"), word("kind"), 10),
        Column(N_("Screen"), word("step", screen_name), 14),
        Column(N_("Timebox"), _minutes, 10, right=True),
    ),
    N_("No agenda item yet. Press a to add one."),
    agenda_summary,
    line=QuickLine(
        N_("New agenda items, one a line (at the end: @screen, minutes)"), add_agenda_line
    ),
)

TABS = {
    "tab-details": N_("Details"),
    "tab-participants": N_("Participants"),
    "tab-agenda": N_("Agenda"),
}


class MeetingScreen(EditorScreen):
    """The details of the meeting, its participants and its agenda."""

    CSS_PATH = "meeting.tcss"
    KEY = "meeting"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings_for("participants")]
    HELP = N_(
        "The meeting: what the minutes' header shows, who is invited (and who came), and "
        "the agenda with its timeboxes. Move between the tabs with the arrows when they have "
        "the focus (shift+tab from the first field). Only the title is required; a value "
        "that is not valid yet (a half-typed date) is kept as typed and shown as invalid."
    )

    def compose_body(self) -> ComposeResult:
        """Three tabs: details, participants, agenda."""
        if self.ctx.read_only:
            # The form is disabled: focus the tabs, not the first table, which would show the
            # participants in place of the details.
            self.AUTO_FOCUS = "#meeting-tabs ContentTabs"  # type: ignore[misc]
        with TabbedContent(id="meeting-tabs"):
            with TabPane(_(TABS["tab-details"]), id="tab-details"):
                yield RecordForm(MEETING_FIELDS, id="meeting-form")
            with TabPane(_(TABS["tab-participants"]), id="tab-participants"):
                yield RecordEditor(PARTICIPANTS, notes_key="meeting", id="participants")
            with TabPane(_(TABS["tab-agenda"]), id="tab-agenda"):
                yield RecordEditor(AGENDA, notes_key="meeting", id="agenda")

    def mounted(self) -> None:
        """Start on the title."""
        if not self.ctx.read_only:
            self.query_one("#f-title").focus()

    def load(self) -> None:
        """Show the meeting, its drafts, participants and agenda."""
        session = self.ctx.session
        form = self.query_one(RecordForm)
        form.load(session.meeting, _drafts(session.drafts, "meeting/"))
        form.disabled = self.ctx.read_only
        for editor in self.query(RecordEditor):
            editor.show(session, read_only=self.ctx.read_only)

    def tab_labels(self) -> dict[str, str]:
        """Details, participants, agenda."""
        return TABS

    def relabel(self) -> None:
        """Redraw in the interface language."""
        self.query_one(RecordForm).relabel()
        super().relabel()

    @on(RecordForm.FieldChanged)
    def _form_changed(self, event: RecordForm.FieldChanged) -> None:
        self.touch("meeting")

    @on(RecordForm.DraftChanged)
    def _form_draft(self, event: RecordForm.DraftChanged) -> None:
        key = f"meeting/{event.field}"
        drafts = dict(self.ctx.session.drafts)
        if event.text is None:
            if drafts.pop(key, None) is None:
                return
        else:
            drafts[key] = event.text
        self.ctx.session.drafts = drafts
        self.touch("drafts")

    @on(RecordEditor.Changed)
    def _records_changed(self, event: RecordEditor.Changed) -> None:
        self.touch(*event.tables)

    def _participant(self) -> tuple[RecordEditor, Participant] | None:
        """The participants' editor and the participant under its cursor, if it shows."""
        if self.ctx.read_only or self.query_one(TabbedContent).active != "tab-participants":
            return None
        editor = self.query_one("#participants", RecordEditor)
        row = editor.current
        if editor.pane is not None or row is None or not isinstance(row.record, Participant):
            return None
        return editor, row.record

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The arrival and departure keys act on the participants' table only."""
        if action in ("stamp_arrival", "stamp_departure"):
            return self._participant() is not None
        return super().check_action(action, parameters)

    def action_stamp_arrival(self) -> None:
        """Note that the participant under the cursor arrived now (a late arrival)."""
        self._stamp("arrived_at")

    def action_stamp_departure(self) -> None:
        """Note that the participant under the cursor left now (an early departure)."""
        self._stamp("left_at")

    def _stamp(self, name: str) -> None:
        found = self._participant()
        if found is None:
            return
        editor, person = found
        at = local_time(self.capp.clock(), self.capp.tz)
        setattr(person, name, at)
        if person.attendance != "present":
            person.attendance = "present"  # someone who arrives or leaves was there
        editor.refresh_rows(select=f"participants/{person.id}")
        self.touch("participants")
        time = format_time(at, get_language())
        if name == "arrived_at":
            self.notify(
                _("{name} arrived at {time}; Enter corrects it.", name=person.name, time=time)
            )
        else:
            self.notify(_("{name} left at {time}; Enter corrects it.", name=person.name, time=time))

    def extra_commands(self) -> list[Any]:
        """The tabs, the commands of the shown editor, then the screens of the session."""
        return (
            self.tab_commands()
            + self.editor_commands(self.shown_editor())
            + super().extra_commands()
        )


def _drafts(drafts: dict[str, str], prefix: str) -> dict[str, str]:
    return {k[len(prefix) :]: v for k, v in drafts.items() if k.startswith(prefix)}
