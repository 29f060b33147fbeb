"""The script commands of ``concerto``: list, new, export, import, delete, restore, demo."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from tui.cli import CliError, emit_json
from tui.i18n import _, _n, get_language
from tui.i18n.errors import describe_error
from tui.messages import damaged_reason, failure, store_error
from tui.model.clean import clean_text
from tui.storage.store import SessionStore, StoreError
from tui.sync.commands import COMMANDS as SYNC_COMMANDS
from tui.sync.commands import CommandFailed

if TYPE_CHECKING:
    from tui.exporting import Rendered
    from tui.model.session import Session


def _store(folder: Path) -> SessionStore:
    return SessionStore(folder)


def _fail_validation(exc: ValidationError) -> CliError:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return CliError(f"{where}: {describe_error(first, get_language())}")


def cmd_list(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Print the sessions (or the trash, or a session's backups)."""
    store = _store(folder)
    if args.backups:
        from tui.model import is_valid_id
        from tui.storage.backups import list_backups

        if not is_valid_id(args.backups):
            raise CliError(store_error("bad_id", id=args.backups))
        items = [
            {"n": n, "file": str(p), "size": p.stat().st_size}
            for n, p in enumerate(list_backups(folder, args.backups), start=1)
        ]
        if args.json:
            emit_json(items)
        else:
            for item in items:
                print(f"{item['n']:>3}  {item['file']}")
        return 0
    listings = store.trash() if args.trash else store.list()
    if args.json:
        emit_json([x.to_json() for x in listings])
        return 0
    if not listings:
        print(_("No sessions in {folder}.", folder=folder))
    for x in listings:
        if x.damaged:
            line = f"{x.id}  {_('DAMAGED')}: {damaged_reason(x.damaged, x.detail)}"
        else:
            line = f"{x.id}  {x.date or '----------'}  {x.minutes_lang}  {x.title}"
            if x.locked_by:
                line += "  " + _("(open by {who})", who=x.locked_by)
            if x.conflicts:
                line += "  " + _n("({n} conflict)", "({n} conflicts)", x.conflicts)
        print(clean_text(line, multiline=False))
    return 0


def cmd_new(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Create a session and print its id."""
    try:
        session = _store(folder).create(args.title, args.minutes_lang or get_language())
    except ValidationError as exc:
        raise _fail_validation(exc) from None
    print(session.id)
    return 0


def cmd_export(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Export the minutes (md, html, docx, odt, pdf), the session (json), ics or xlsx."""
    from tui.export.pdf import PdfUnavailable
    from tui.exporting import minutes_inputs, pdf_unavailable, render_export, write_rendered
    from tui.storage.exports import ExistsError

    store = _store(folder)
    try:
        session = store.load(args.id)
    except StoreError as exc:
        raise CliError(failure(exc)) from None
    except Exception as exc:  # a damaged file: say why, change nothing
        raise CliError(_describe_open_failure(exc)) from None
    try:
        if args.extract is not None:
            rendered = _extract(store, session, args.format, args.extract)
        elif args.format == "json":  # the session as stored
            rendered = render_export(session, args.format)
        else:  # the minutes: adopted if a follow-up says so; a follow-up's show what changed
            shown, previous = minutes_inputs(store, session)
            rendered = render_export(shown, args.format, mode=args.mode, previous=previous, tz=tz)
    except PdfUnavailable as exc:
        raise CliError(pdf_unavailable(exc)) from None
    if args.format == "ics" and session.meeting.next_date is None:
        print(_("No date for the next meeting: the calendar holds the follow-ups only."),
              file=sys.stderr)  # fmt: skip
    if args.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(rendered.data)
        sys.stdout.buffer.flush()
        return 0
    output = Path(args.output) if args.output else None
    try:
        path = write_rendered(folder, rendered, output=output, force=args.force)
    except ExistsError as exc:
        raise CliError(_("{path} exists: use --force to overwrite it", path=str(exc))) from None
    except OSError as exc:
        raise CliError(
            _(
                "cannot write {path}: {reason}",
                path=args.output or folder,
                reason=exc.strerror or "",
            )
        ) from None
    print(path)
    return 0


def _extract(store: SessionStore, session: Session, fmt: str, wanted: str) -> Rendered:
    """The certified extract of one resolution, or one line saying why there is none."""
    from tui.exporting import MINUTES_FORMATS, minutes_inputs, render_extract_export
    from tui.model.resolution import ResolutionNotFound

    if fmt not in MINUTES_FORMATS:
        formats = ", ".join(MINUTES_FORMATS)
        raise CliError(_("an extract is a document: --format {formats}", formats=formats))
    shown, _previous = minutes_inputs(store, session)
    try:
        return render_extract_export(shown, fmt, wanted)
    except ResolutionNotFound as exc:
        number = clean_text(exc.wanted, multiline=False)[:40]
        if exc.matches:
            raise CliError(
                _(
                    "several resolutions end with {number}: {matches}",
                    number=number,
                    matches=", ".join(exc.matches),
                )
            ) from None
        raise CliError(
            _("no resolution numbered {number} in this session", number=number)
        ) from None


def _describe_open_failure(exc: Exception) -> str:
    from tui.storage.listing import damage_detail
    from tui.storage.rawcheck import DamagedFile

    if isinstance(exc, DamagedFile):
        return damaged_reason(exc.reason, damage_detail(exc))
    if isinstance(exc, ValidationError):
        return damaged_reason("invalid", ".".join(str(p) for p in exc.errors()[0]["loc"]))
    if isinstance(exc, OSError):
        return damaged_reason("unreadable", exc.strerror or "")
    raise exc


def cmd_import(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Import a session exported as JSON, under a new id."""
    from tui.storage.transfer import ImportError_, import_file

    try:
        session = import_file(_store(folder), Path(args.file))
    except ImportError_ as exc:
        raise CliError(exc.message) from None
    print(session.id)
    return 0


def cmd_import_actions(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Import the plan's actions from a spreadsheet: all rows, or none and why."""
    from tui.model.action_import import RowErrors
    from tui.storage.spreadsheet import SpreadsheetError, describe, import_file

    store = _store(folder)
    path, lang = Path(args.file), get_language()
    try:
        import_file(path, _load(store, args.id).actions, lang)  # checked before any lock
        handle = store.open(args.id)
    except StoreError as exc:
        raise CliError(failure(exc)) from None
    except SpreadsheetError as exc:
        raise CliError(describe(exc, path)) from None
    except RowErrors as exc:
        for line in exc.lines:
            print(f"concerto: {clean_text(line, multiline=False)}", file=sys.stderr)
        return 2
    try:
        if handle.read_only:
            who = handle.holder.describe() if handle.holder is not None else "?"
            raise CliError(store_error("locked", id=args.id, by=who))
        session = handle.session
        done = import_file(path, session.actions, lang)  # the file as it is now, once more
        session.actions = done.actions
        handle.save(session, ["actions"])
    finally:
        handle.close()
    print(_("Actions added: {added}; updated: {updated}.", added=done.added, updated=done.updated))
    return 0


def _load(store: SessionStore, session_id: str) -> Session:
    """A session read without locking; a damaged file is one line."""
    try:
        return store.load(session_id)
    except StoreError:
        raise
    except Exception as exc:  # a damaged file: say why, change nothing
        raise CliError(_describe_open_failure(exc)) from None


def cmd_delete(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Move a session to the trash."""
    try:
        _store(folder).delete(args.id)
    except StoreError as exc:
        raise CliError(failure(exc)) from None
    print(_("Session {id} moved to the trash.", id=args.id))
    return 0


def cmd_restore(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Restore a session from the trash, or from one of its backups."""
    if args.at is not None:
        from tui.sync.commands import restore_at

        return _one_line(restore_at)(args, folder, tz)
    store = _store(folder)
    try:
        if args.backup is not None:
            from tui.storage.backups import restore_backup

            restore_backup(store, args.id, args.backup)
        else:
            store.restore(args.id)
    except StoreError as exc:
        raise CliError(failure(exc)) from None
    print(_("Session {id} restored.", id=args.id))
    return 0


def cmd_demo(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Write the demo sessions and print their ids."""
    from tui.demo import demo_sessions
    from tui.model import new_id, utcnow

    store = _store(folder)
    for session in demo_sessions(utcnow(), new_id):
        print(store.write_new(session).id)
    return 0


def cmd_room(args: argparse.Namespace, folder: Path, tz: str) -> int:
    """Serve the live read-only room view of a session until ctrl+c."""
    from tui.room.command import RoomRefused, serve_room

    try:
        return serve_room(args, _store(folder))
    except RoomRefused as exc:
        raise CliError(str(exc)) from None


COMMANDS: dict[str, Callable[[argparse.Namespace, Path, str], int]] = {
    "list": cmd_list,
    "new": cmd_new,
    "export": cmd_export,
    "import": cmd_import,
    "import-actions": cmd_import_actions,
    "delete": cmd_delete,
    "restore": cmd_restore,
    "demo": cmd_demo,
    "room": cmd_room,
}


def _one_line(
    command: Callable[[argparse.Namespace, Path, str], int],
) -> Callable[[argparse.Namespace, Path, str], int]:
    """A sync command whose refusals are the command line's one line."""

    def run(args: argparse.Namespace, folder: Path, tz: str) -> int:
        try:
            return command(args, folder, tz)
        except CommandFailed as exc:
            raise CliError(str(exc)) from None

    return run


COMMANDS.update({name: _one_line(command) for name, command in SYNC_COMMANDS.items()})
