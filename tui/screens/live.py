"""The live-capture commands of every session screen, and how captured records are saved."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel
from textual.widgets import Input, TextArea

from tui.i18n import _, t
from tui.model import ActionItem, Decision, ParkingItem, Session
from tui.model.changes import ADOPTION_DECISION, ADOPTION_ITEM
from tui.model.clean import local_time
from tui.model.meeting import members_present, quorum_needed
from tui.quick import TABLES, add_decision, add_note, apply_capture, parse_line
from tui.screens.capture import (
    ACTION_FIELDS,
    DECISION_FIELDS,
    NOTE_FIELDS,
    PARKING_FIELDS,
    TABLE_OF,
    Captured,
    CaptureForm,
    NoteEntry,
    QuickCapture,
    participant_names,
)
from tui.widgets.stepbar import screen_name

if TYPE_CHECKING:
    from tui.app import ConcertoApp
    from tui.screens.base import SessionScreen


class LiveCapture:
    """The capture commands of every session screen (mixed into SessionScreen)."""

    def _live_screen(self) -> SessionScreen:
        return cast("SessionScreen", self)

    def _live_session(self) -> Session | None:
        me = self._live_screen()
        if me.ctx.read_only:
            me.notify(_("Read-only: nothing can be recorded here."), severity="warning")
            return None
        return me.ctx.session

    def action_capture_decision(self) -> None:
        """Record a decision."""
        session = self._live_session()
        if session is not None:
            app = self._live_screen().capp
            now = local_time(app.clock(), app.tz)  # a new decision's time: its quorum
            form = decision_form(session, keep=self._live_keeper("decisions"), now=now)
            self._live_screen().app.push_screen(form, self._live_decision_saved)

    def action_capture_action(self) -> None:
        """Record an action item."""
        session = self._live_session()
        if session is not None:
            form = action_form(session, keep=self._live_keeper("action_items"))
            self._live_screen().app.push_screen(form, self._live_record_saved)

    def action_capture_parking(self) -> None:
        """Put a topic in the parking lot."""
        self._live_new(
            "parking", _("New topic for the parking lot"), PARKING_FIELDS, ParkingItem, "label"
        )

    def action_capture_note(self) -> None:
        """Add a line to the notes of the current screen."""
        self._live_new("notes", _("New note"), NOTE_FIELDS, NoteEntry, "text")

    def _live_new(
        self, kind: str, title: str, specs: list[Any], model: type[Any], first: str
    ) -> None:
        """A form for a new record of ``kind``: pre-filled with the step, its draft restored."""
        session = self._live_session()
        if session is None:
            return
        record = model.model_construct(**{first: ""}, step=session.progress.screen)
        form = CaptureForm(
            title,
            specs,
            record,
            names=participant_names(session),
            restore=drafts_under(session, new_prefix(kind)),
            keep=self._live_keeper(kind),
        )
        saved = self._live_note_saved if kind == "notes" else self._live_record_saved
        self._live_screen().app.push_screen(form, saved)

    def action_quick_capture(self) -> None:
        """Record from one line of short syntax."""
        session = self._live_session()
        if session is not None:
            line = drafts_under(session, new_prefix("quick")).get("line", "")
            form = QuickCapture(
                participant_names(session), line=line, keep=self._live_keeper("quick")
            )
            self._live_screen().app.push_screen(form, self._live_line_saved)

    def _live_keeper(self, kind: str) -> Callable[[dict[str, str]], None]:
        """What keeps the text of a new capture left unsaved, for the same key to bring back."""
        return functools.partial(keep_typed, self._live_screen().capp, new_prefix(kind))

    def action_live_lists(self) -> None:
        """The session's decisions and action items."""
        from tui.screens.lists import LiveLists

        self._live_screen().app.push_screen(LiveLists())

    # -- saving ------------------------------------------------------------------------------

    def _live_decision_saved(self, captured: Captured | None) -> None:
        if captured is not None:
            saved = save_decision(self._live_screen().capp, captured)
            self._live_screen().notify(_("Decision {number} recorded.", number=saved.number or ""))

    def _live_record_saved(self, captured: Captured | None) -> None:
        if captured is None:
            return
        saved = save_record(self._live_screen().capp, captured)
        if isinstance(saved, ActionItem):
            self._live_screen().notify(_("Action item recorded."))
        else:
            self._live_screen().notify(_("Topic put in the parking lot."))

    def _live_note_saved(self, captured: Captured | None) -> None:
        if captured is None:
            return
        note = cast(NoteEntry, captured.record)
        me = self._live_screen()
        add_note(me.ctx.session, note.step, note.text)
        replace_drafts(me.ctx.session, new_prefix("notes"), {})
        self._live_changed(["notes", "drafts"], note.step)
        me.notify(_("Note added to {screen}.", screen=screen_name(note.step)))

    def _live_line_saved(self, line: str | None) -> None:
        if line is None:
            return
        me = self._live_screen()
        session = me.ctx.session
        capture = parse_line(line, participant_names(session))
        step = session.progress.screen
        record = apply_capture(session, capture, step, me.capp.clock(), me.capp.tz)
        replace_drafts(session, new_prefix("quick"), {})
        tables = [TABLES[capture.kind], "drafts"]
        self._live_changed(tables, step if capture.kind == "note" else None)
        if isinstance(record, Decision):
            me.notify(_("Decision {number} recorded.", number=record.number or ""))
        elif isinstance(record, ActionItem):
            me.notify(_("Action item recorded."))
        elif isinstance(record, ParkingItem):
            me.notify(_("Topic put in the parking lot."))
        else:
            me.notify(_("Note added to {screen}.", screen=screen_name(step)))

    def _live_changed(self, tables: list[str], notes_of: str | None) -> None:
        """Save; when this screen's notes changed, show them without moving the cursor."""
        me = self._live_screen()
        me.capp.changed(tables)
        if notes_of == me.KEY:
            reload_keeping_cursor(me)


Keep = Callable[[dict[str, str]], None]


def quorum_notice(session: Session, at: dt.time | None) -> str:
    """Whether the members present at ``at`` (a decision's time) make the quorum, the majority
    of the members; empty when no member is listed."""
    present, members = members_present(session.participants, at)
    if not members:
        return ""
    needed = quorum_needed(members)
    counts = {"present": present, "members": members, "needed": needed}
    if present >= needed:
        return _("Quorum: {present} of {members} members present (majority: {needed}).", **counts)
    return _("⚠ No quorum: {present} of {members} members present (majority: {needed}).", **counts)


def decision_form(
    session: Session,
    record: Decision | None = None,
    *,
    keep: Keep | None = None,
    now: dt.time | None = None,
) -> CaptureForm:
    """The decision form: a new decision (taken ``now``), or a copy of ``record`` to edit."""
    names = participant_names(session)
    options = {"amends": amendable(session, record)}
    follow_up = session.meeting.follows is not None
    taken = any(d.id == ADOPTION_DECISION for d in session.decisions)
    if record is None:
        record = Decision.model_construct(text="", step=session.progress.screen)
        adoption = follow_up and not taken and session.progress.agenda_item == ADOPTION_ITEM
        if adoption:
            lang = session.meeting.minutes_lang  # the text goes into the minutes
            record.text = t(lang, "The minutes of the previous meeting are adopted.")
        box = adoption if follow_up and not taken else None
        restore = drafts_under(session, new_prefix("decisions"))
        return CaptureForm(
            _("New decision"),
            DECISION_FIELDS,
            record,
            names=names,
            options=options,
            adoption=box,
            restore=restore,
            keep=keep,
            notice=quorum_notice(session, now),
        )
    title = _("Decision {number}", number=record.number or "")
    return CaptureForm(
        title,
        DECISION_FIELDS,
        record.model_copy(),
        names=names,
        options=options,
        restore=drafts_of(session, "decisions", record.id),
        keep=keep,
        notice=quorum_notice(session, record.taken_at),
    )


def _choice(d: Decision) -> tuple[str, str]:
    return (f"{d.number or ''} {d.text}"[:60], d.id)


def amendable(session: Session, record: Decision | None) -> list[tuple[str, str]]:
    """The decisions ``record`` may amend: those recorded before it (a new one: all)."""
    found: list[tuple[str, str]] = []
    for d in session.decisions:
        if record is not None and d.id == record.id:
            break
        found.append(_choice(d))
    return found


def action_form(
    session: Session, record: ActionItem | None = None, *, keep: Keep | None = None
) -> CaptureForm:
    """The action-item form: a new item, or a copy of ``record`` to edit."""
    options = {"decision": [_choice(d) for d in session.decisions]}
    names = participant_names(session)
    if record is None:
        new = ActionItem.model_construct(label="", step=session.progress.screen)
        restore = drafts_under(session, new_prefix("action_items"))
        title = _("New action item")
    else:
        new, restore = record.model_copy(), drafts_of(session, "action_items", record.id)
        title = _("Action item")
    return CaptureForm(
        title, ACTION_FIELDS, new, names=names, options=options, restore=restore, keep=keep
    )


NEW = "capture/"
"""Drafts of new captures left unsaved: ``capture/<table>/<field>``."""


def new_prefix(kind: str) -> str:
    """Where the unsaved text of a new capture of ``kind`` is kept among the drafts."""
    return f"{NEW}{kind}/"


def drafts_under(session: Session, prefix: str) -> dict[str, str]:
    """The drafts whose key starts with ``prefix``, by the rest of their key (the field)."""
    return {k[len(prefix) :]: v for k, v in session.drafts.items() if k.startswith(prefix)}


def drafts_of(session: Session, table: str, record_id: str) -> dict[str, str]:
    """The drafts of one record, by field."""
    return drafts_under(session, f"{table}/{record_id}/")


def keep_typed(app: ConcertoApp, prefix: str, typed: dict[str, str]) -> None:
    """Keep the text of a form left unsaved as drafts under ``prefix`` (and say so)."""
    if app.ctx is None or app.ctx.read_only:
        return
    if replace_drafts(app.ctx.session, prefix, typed):
        app.changed(["drafts"])
    if typed:
        app.notify(_("Kept as a draft: the same key brings it back."))


def _valid(record: BaseModel) -> Any:
    return type(record).model_validate(record.model_dump())


def save_decision(app: ConcertoApp, captured: Captured) -> Decision:
    """Add (numbering it once) or replace a decision of the open session; save soon."""
    assert app.ctx is not None
    session = app.ctx.session
    decision: Decision = _valid(captured.record)
    if any(d.id == decision.id for d in session.decisions):
        session.decisions = [decision if d.id == decision.id else d for d in session.decisions]
    else:
        add_decision(session, decision, app.clock(), app.tz)
        replace_drafts(session, new_prefix("decisions"), {})
    _keep_drafts(session, "decisions", decision.id, captured.drafts)
    app.changed(["decisions", "drafts"])
    return decision


def save_record(app: ConcertoApp, captured: Captured) -> BaseModel:
    """Add or replace an action item or a parking-lot topic of the open session; save soon."""
    assert app.ctx is not None
    session = app.ctx.session
    valid = _valid(captured.record)
    table = TABLE_OF[type(valid)]
    records: list[Any] = getattr(session, table)
    if any(r.id == valid.id for r in records):
        setattr(session, table, [valid if r.id == valid.id else r for r in records])
    else:
        setattr(session, table, [*records, valid])
        replace_drafts(session, new_prefix(table), {})
    _keep_drafts(session, table, valid.id, captured.drafts)
    app.changed([table, "drafts"])
    return cast(BaseModel, valid)


def _keep_drafts(session: Session, table: str, record_id: str, drafts: dict[str, str]) -> None:
    """Keep what was typed but not valid yet, as every editor does (``table/id/field``)."""
    replace_drafts(session, f"{table}/{record_id}/", drafts)


def replace_drafts(session: Session, prefix: str, drafts: dict[str, str]) -> bool:
    """Make ``drafts`` (by field) the drafts under ``prefix``; True if that changed them."""
    kept = {k: v for k, v in session.drafts.items() if not k.startswith(prefix)}
    kept.update({f"{prefix}{name}": text for name, text in drafts.items()})
    if kept == session.drafts:
        return False
    session.drafts = kept
    return True


def reload_keeping_cursor(screen: SessionScreen) -> None:
    """Redraw ``screen`` from the session, its focused field keeping its cursor."""
    focused = screen.focused
    selection = focused.selection if isinstance(focused, TextArea | Input) else None
    screen.reload()
    if selection is not None and isinstance(focused, TextArea | Input):
        focused.selection = selection  # type: ignore[assignment]
