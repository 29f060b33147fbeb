"""The command-line side of syncing: ``sync``, ``history``, ``show --at``, ``restore --at``."""

from __future__ import annotations

import argparse
import sys
import zoneinfo
from pathlib import Path
from typing import Any

from tui.i18n import _


def add_parsers(sub: Any) -> None:
    """The ``sync``, ``history`` and ``show`` commands of the command line."""
    s = sub.add_parser("sync", help=_("share the sessions through a git repository"))
    s.add_argument(
        "url",
        nargs="?",
        metavar="URL",
        help=_("git repository: a path or ssh://host/path (remembered for this folder)"),
    )
    h = sub.add_parser("history", help=_("list the changes of a session (when, who, what)"))
    h.add_argument("id")
    h.add_argument("--json", action="store_true", help=_("one JSON object per change"))
    w = sub.add_parser("show", help=_("print a session as it was at an earlier change"))
    w.add_argument("id")
    w.add_argument(
        "--at", required=True, metavar="REF", help=_("a commit of the history, or a date")
    )
    w.add_argument("--format", choices=("md", "json"), default="md")


class CommandFailed(Exception):
    """Bad input or a refusal: the command line prints it as its one line and exits 2."""


def _fail(text: str) -> Exception:
    return CommandFailed(text)


def cmd_sync(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Commit, fetch, merge and push; one line says what was sent and received."""
    from tui.config import load_config
    from tui.sync.engine import SyncError, sync
    from tui.sync.git import author_for
    from tui.sync.report import notes, refusal, summary

    author = author_for(load_config().facilitator)
    try:
        report = sync(folder, author, url=args.url)
    except SyncError as exc:
        raise _fail(refusal(exc)) from None
    print(summary(report))
    for line in notes(report):
        print(line, file=sys.stderr)
    return 1 if report.offline else 0


def _history_failure(exc: Exception) -> str:
    from tui.messages import damaged_reason
    from tui.storage.listing import damage_detail
    from tui.storage.rawcheck import DamagedFile
    from tui.sync.history import HistoryError

    if isinstance(exc, DamagedFile):
        return damaged_reason(exc.reason, damage_detail(exc))
    assert isinstance(exc, HistoryError)
    if exc.code == "no_repo":
        return _("This folder has no history yet: concerto sync URL starts it.")
    if exc.code == "absent":
        return _("Session {id} did not exist at {ref}.", **exc.detail)
    return _("{ref} is neither a change of the history nor a date.", **exc.detail)


def _check_id(session_id: str) -> None:
    from tui.messages import store_error
    from tui.model import is_valid_id

    if not is_valid_id(session_id):
        raise _fail(store_error("bad_id", id=session_id))


def cmd_history(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """List the changes of a session: when, who, which records."""
    import json

    from tui.model.clean import clean_text
    from tui.sync.history import HistoryError, session_history

    _check_id(args.id)
    try:
        changes = session_history(folder, args.id)
    except HistoryError as exc:
        raise _fail(_history_failure(exc)) from None
    if args.json:
        for change in changes:
            print(json.dumps(change.to_json(), ensure_ascii=False, sort_keys=True))
        return 0
    if not changes:
        print(_("No change of session {id} in the history.", id=args.id))
    zone = zoneinfo.ZoneInfo(tz)
    for c in changes:
        parts = [
            _("added: {names}", names=", ".join(c.added)) if c.added else "",
            _("changed: {names}", names=", ".join(c.edited)) if c.edited else "",
            _("removed: {names}", names=", ".join(c.removed)) if c.removed else "",
        ]
        what = " · ".join(p for p in parts if p) or _("no record changed")
        when = c.when.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        print(clean_text(f"{when}  {c.commit[:10]}  {c.who}  {what}", multiline=False))
    return 0


def _state(args: argparse.Namespace, folder: Path) -> tuple[Any, bytes, str]:
    """The session ``args.id`` at ``args.at``: session, bytes, commit; or one line why not."""
    from tui.storage.rawcheck import DamagedFile
    from tui.sync.history import HistoryError, state_at

    _check_id(args.id)
    try:
        return state_at(folder, args.id, args.at)
    except (HistoryError, DamagedFile) as exc:
        raise _fail(_history_failure(exc)) from None


def cmd_show(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Print a session as it was at an earlier change, as JSON or minutes."""
    from tui.exporting import render_export

    session, _raw, _commit = _state(args, folder)
    rendered = render_export(session, args.format, tz=tz)
    sys.stdout.flush()
    sys.stdout.buffer.write(rendered.data)
    sys.stdout.buffer.flush()
    return 0


def restore_at(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Bring back a session as it was at ``--at`` as a new change, committed here."""
    from tui.config import load_config
    from tui.messages import failure
    from tui.storage.store import SessionStore, StoreError
    from tui.sync.engine import SyncError, restore_state
    from tui.sync.git import author_for
    from tui.sync.report import refusal

    _session, raw, commit = _state(args, folder)
    author = author_for(load_config().facilitator)
    try:
        restore_state(SessionStore(folder), args.id, raw, commit, author)
    except StoreError as exc:
        raise _fail(failure(exc)) from None
    except SyncError as exc:
        raise _fail(refusal(exc)) from None
    print(
        _(
            "Session {id} is back as it was at {ref}; concerto sync shares it.",
            id=args.id,
            ref=args.at,
        )
    )
    return 0


COMMANDS = {"sync": cmd_sync, "history": cmd_history, "show": cmd_show}
