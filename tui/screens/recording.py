"""Capture forms built for the open session, and what saving one writes (drafts included)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel

from tui.i18n import _, t
from tui.live.quick import add_decision
from tui.model import ActionItem, Decision, Session
from tui.model.changes import ADOPTION_DECISION, ADOPTION_ITEM
from tui.model.meeting import members_present, quorum_needed
from tui.screens.capture import (
    ACTION_FIELDS,
    DECISION_FIELDS,
    TABLE_OF,
    Captured,
    CaptureForm,
    participant_names,
)

if TYPE_CHECKING:
    from tui.screens.host import Host


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


def keep_typed(app: Host, prefix: str, typed: dict[str, str]) -> None:
    """Keep the text of a form left unsaved as drafts under ``prefix`` (and say so)."""
    if app.ctx is None or app.ctx.read_only:
        return
    if replace_drafts(app.ctx.session, prefix, typed):
        app.changed(["drafts"])
    if typed:
        app.notify(_("Kept as a draft: the same key brings it back."))


def _valid(record: BaseModel) -> Any:
    return type(record).model_validate(record.model_dump())


def save_decision(app: Host, captured: Captured) -> Decision:
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


def save_record(app: Host, captured: Captured) -> BaseModel:
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
