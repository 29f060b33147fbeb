"""Sentences for the conditions the store reports, shared by the command line and the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.i18n import N_, _
from tui.model.clean import clean_text

if TYPE_CHECKING:
    from tui.model.history import Change

DAMAGED: dict[str, str] = {
    "link_outside": N_("the file is a link that points outside the data folder ({detail})"),
    "not_file": N_("it is not a regular file"),
    "too_large": N_("the file is larger than the size limit"),
    "empty": N_("the file is empty (probably cut off during a save)"),
    "null": N_("the file holds only null (probably cut off during a save)"),
    "bom": N_("the file starts with a byte-order mark: it was edited by another program"),
    "encoding": N_("the file is not UTF-8 text"),
    "syntax": N_("the file is not valid JSON (truncated or edited)"),
    "not_object": N_("the file is JSON but not a session"),
    "nan": N_("the file holds NaN or Infinity, which JSON does not allow"),
    "duplicate_key": N_("the file holds the same key twice"),
    "number_too_long": N_("the file holds a number too long to read"),
    "too_deep": N_("the file is nested too deeply"),
    "not_tables": N_("the file is JSON but not a session"),
    "not_session": N_("the file is not a Concerto session"),
    "newer_schema": N_("the file comes from a newer version of Concerto (format {detail})"),
    "invalid": N_("the session does not validate (at {detail})"),
    "unreadable": N_("the file cannot be read ({detail})"),
    "id_mismatch": N_("the file name does not match the session id inside ({detail})"),
}

STORE: dict[str, str] = {
    "bad_id": N_("not a session id: {id}"),
    "not_found": N_("no session {id} in this data folder"),
    "locked": N_("session {id} is open elsewhere, by {by}"),
    "exists": N_("a session {id} already exists"),
    "not_in_trash": N_("no session {id} in the trash"),
    "no_free_id": N_("could not find a free session id"),
    "no_backup": N_("session {id} has no backup number {n}"),
    "lock_link": N_("the lock of session {id} is a link ({file}), which Concerto never follows"),
}

SAVE: dict[str, str] = {
    "no_space": N_("the disk is full"),
    "read_only": N_("the folder is read-only"),
    "permission": N_("permission denied"),
    "io": N_("input/output error"),
    "too_large": N_("the session is larger than the size limit"),
    "link_outside": N_("the file is a link that points outside its folder"),
    "other": N_("the save failed"),
}


def damaged_reason(code: str, detail: str = "") -> str:
    """Why a file is listed as damaged, in the interface language."""
    return _(DAMAGED.get(code, N_("the file cannot be opened")), detail=detail)


def store_error(code: str, **detail: str) -> str:
    """A refused store operation, in the interface language."""
    template = STORE.get(code, N_("the operation was refused"))
    return _(template, **{"id": "", "by": "", "n": "", "file": "", **detail})


def save_error(code: str, folder: str) -> str:
    """A failed save, naming the folder."""
    reason = _(SAVE.get(code, SAVE["other"]))
    return _("Not saved in {folder}: {reason}.", folder=folder, reason=reason)


def failure(exc: BaseException) -> str:
    """Why a store operation failed or was refused, in one cleaned line of the interface language.

    The store's own conditions and invalid values are told in words; anything else in the
    system's words.
    """
    from pydantic_core import ValidationError

    from tui.i18n import get_language
    from tui.i18n.errors import describe_error
    from tui.model.clean import clean_text
    from tui.storage.atomic import SaveError
    from tui.storage.errors import StoreError
    from tui.storage.listing import damage_detail
    from tui.storage.rawcheck import DamagedFile

    if isinstance(exc, StoreError):
        text = store_error(exc.code, **exc.detail)
    elif isinstance(exc, SaveError):
        text = save_error(exc.code, str(exc.folder))
    elif isinstance(exc, DamagedFile):
        text = damaged_reason(exc.reason, damage_detail(exc))
    elif isinstance(exc, ValidationError):  # e.g. a title longer than the limit
        text = describe_error(exc.errors()[0], get_language())
    elif isinstance(exc, OSError) and exc.filename:
        text = _("cannot use {path}: {reason}", path=exc.filename, reason=exc.strerror or "")
    else:
        text = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    return clean_text(text or type(exc).__name__, multiline=False)


def undone(change: Change, *, redo: bool) -> str:
    """What ctrl+z (or ctrl+y) just did, in a few words naming the record."""
    kinds = (
        (change.added, N_("Undone: adding “{name}”"), N_("Redone: adding “{name}”")),
        (change.removed, N_("Undone: deleting “{name}”"), N_("Redone: deleting “{name}”")),
        (change.edited, N_("Undone: change to “{name}”"), N_("Redone: change to “{name}”")),
    )
    for names, undo_text, redo_text in kinds:
        named = [name for name in names if name]
        if named:
            text = _(redo_text if redo else undo_text, name=clean_text(named[0], multiline=False))
            more = len(names) - 1
            return text + (f" (+{more})" if more else "")
    return _("Redone: the last change") if redo else _("Undone: the last change")
