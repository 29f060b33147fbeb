"""The meeting screen: title, collective, date and times, place, mode, languages, roles."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from tui.i18n import N_
from tui.model import Meeting
from tui.screens.base import SessionScreen
from tui.widgets.fields import spec_for
from tui.widgets.form import RecordForm

MEETING_FIELDS = [
    spec_for(Meeting, "title", N_("Title")),
    spec_for(Meeting, "collective", N_("Collective or body")),
    spec_for(Meeting, "date", N_("Date")),
    spec_for(Meeting, "start_time", N_("Start time")),
    spec_for(Meeting, "end_time", N_("End time")),
    spec_for(Meeting, "place", N_("Place or video link")),
    spec_for(Meeting, "mode", N_("Minutes mode")),
    spec_for(Meeting, "minutes_lang", N_("Minutes language")),
    spec_for(Meeting, "facilitator", N_("Facilitator")),
    spec_for(Meeting, "note_taker", N_("Note-taker")),
    spec_for(Meeting, "next_date", N_("Next meeting: date")),
    spec_for(Meeting, "next_time", N_("Next meeting: time")),
    spec_for(Meeting, "next_place", N_("Next meeting: place")),
]


class MeetingScreen(SessionScreen):
    """The details of the meeting, as the minutes' header will show them."""

    KEY = "meeting"
    HELP = N_(
        "The meeting: what the minutes' header shows. Only the title is required; a value "
        "that is not valid yet (a half-typed date) is kept as typed and shown as invalid."
    )

    def compose_body(self) -> ComposeResult:
        """The meeting form."""
        yield RecordForm(MEETING_FIELDS, id="meeting-form")

    def load(self) -> None:
        """Show the meeting and its drafts."""
        form = self.query_one(RecordForm)
        form.load(self.ctx.session.meeting, _drafts(self.ctx.session.drafts, "meeting/"))
        form.disabled = self.ctx.read_only

    @on(RecordForm.FieldChanged)
    def _changed(self, event: RecordForm.FieldChanged) -> None:
        self.touch("meeting")

    @on(RecordForm.DraftChanged)
    def _draft(self, event: RecordForm.DraftChanged) -> None:
        key = f"meeting/{event.field}"
        drafts = dict(self.ctx.session.drafts)
        if event.text is None:
            if drafts.pop(key, None) is None:
                return
        else:
            drafts[key] = event.text
        self.ctx.session.drafts = drafts
        self.touch("drafts")


def _drafts(drafts: dict[str, str], prefix: str) -> dict[str, str]:
    return {k[len(prefix) :]: v for k, v in drafts.items() if k.startswith(prefix)}
