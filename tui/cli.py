"""The ``concerto`` command: the app, and commands for scripts."""

from __future__ import annotations

import argparse
import json
import os
import sys
import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import tui
from tui.exporting import FORMATS
from tui.i18n import LANGS, _, resolve_language, set_language
from tui.model.clean import clean_text


class CliError(Exception):
    """Bad input: one line on standard error, a non-zero exit, nothing written."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one translated line."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming what was wrong and exit 2."""
        raise CliError(message)


def _argparse_translation(message: str) -> str:
    return _(message)


def _lang(value: str) -> str:
    if value not in LANGS:
        raise argparse.ArgumentTypeError(_("unknown language {value} (fr or en)", value=value))
    return value


def _tz(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(_("unknown time zone {value}", value=value)) from None
    return value


def build_parser() -> Parser:
    """The command-line grammar."""
    p = Parser(prog="concerto", description=_("Facilitate operations and governance planning."))
    p.add_argument(  # argparse's own help of --version is not translated (Python 3.11)
        "--version",
        action="version",
        version=f"concerto {tui.__version__}",
        help=_("show program's version number and exit"),
    )
    p.add_argument("--data-dir", metavar=_("FOLDER"), help=_("folder of the sessions"))
    p.add_argument("--lang", type=_lang, help=_("interface language (fr or en)"))
    p.add_argument("--tz", type=_tz, help=_("time zone of the meeting, e.g. America/Montreal"))
    sub = p.add_subparsers(dest="command", metavar=_("COMMAND"))
    o = sub.add_parser("open", help=_("open a session in the app"))
    o.add_argument("id")
    ls = sub.add_parser("list", help=_("list the sessions"))
    ls.add_argument("--json", action="store_true", help=_("one JSON object per file"))
    ls.add_argument("--trash", action="store_true", help=_("list the trash instead"))
    ls.add_argument("--backups", metavar="ID", help=_("list the backups of a session"))
    n = sub.add_parser("new", help=_("create a session and print its id"))
    n.add_argument("title")
    n.add_argument("--minutes-lang", type=_lang, help=_("language of the minutes (fr or en)"))
    e = sub.add_parser("export", help=_("export the minutes or the session"))
    e.add_argument("id")
    e.add_argument("--format", choices=FORMATS, default="md")
    e.add_argument("--mode", choices=("summary", "formal"), help=_("minutes mode"))
    e.add_argument("-o", "--output", metavar=_("FILE"), help=_("file to write, or - for stdout"))
    e.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    e.add_argument(
        "--extract",
        metavar=_("NUMBER"),
        help=_("certified extract of one resolution: its number, or the number's last part"),
    )
    i = sub.add_parser("import", help=_("import a session exported as JSON"))
    i.add_argument("file")
    a = sub.add_parser("import-actions", help=_("import the plan's actions from a spreadsheet"))
    a.add_argument("id")
    a.add_argument("file", metavar=_("FILE"), help=_("CSV or XLSX, one action a row"))
    d = sub.add_parser("delete", help=_("move a session to the trash"))
    d.add_argument("id")
    r = sub.add_parser("restore", help=_("restore a session from the trash or a backup"))
    r.add_argument("id")
    which = r.add_mutually_exclusive_group()
    which.add_argument("--backup", type=int, metavar="N", help=_("restore backup number N"))
    which.add_argument("--at", metavar="REF", help=_("restore the state at a change or a date"))
    sub.add_parser("demo", help=_("write the demo sessions"))
    rm = sub.add_parser("room", help=_("share a live read-only view of a session (web page)"))
    rm.add_argument("id")
    rm.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=_("ADDRESS"),
        help=_("address to listen on (default: this computer only; 0.0.0.0: the local network)"),
    )
    rm.add_argument("--port", type=int, default=8765, help=_("port (0: any free port)"))
    # The app runs the room as its child: it reads the address alone and stops it by closing
    # the child's standard input.
    rm.add_argument("--for-app", action="store_true", help=argparse.SUPPRESS)
    from tui.sync.commands import add_parsers

    add_parsers(sub)  # sync, history, show
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argparse._ = _argparse_translation  # type: ignore[attr-defined]
    from tui.config import load_config

    config = load_config()
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(resolve_language(_peek_lang(argv), os.environ, config.lang))
    try:
        args = build_parser().parse_args(argv)
        set_language(resolve_language(args.lang, os.environ, config.lang))
        return run(args, config)
    except CliError as exc:
        print(f"concerto: {clean_text(str(exc), multiline=False)}", file=sys.stderr)
        return 2


def _peek_lang(argv: list[str]) -> str | None:
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv) and argv[n + 1] in LANGS:
            return argv[n + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    return None


def run(args: argparse.Namespace, config: Any) -> int:
    """Dispatch a parsed command line."""
    from tui.storage.paths import resolve_data_dir

    folder = resolve_data_dir(args.data_dir)
    blocker = _file_in_the_way(folder)
    if blocker is not None:  # before the app or a command tries to use the folder
        raise CliError(_("{path} is not a folder: choose another with --data-dir", path=blocker))
    tz = args.tz or os.environ.get("CONCERTO_TZ") or config.tz or _system_tz()
    if args.command in (None, "open"):
        from tui.app import run_app

        return run_app(folder, session_id=getattr(args, "id", None), tz=tz, config=config)
    from tui.commands import COMMANDS  # pydantic and TinyDB: not before the app's first frame
    from tui.messages import failure
    from tui.storage.atomic import SaveError

    try:
        return COMMANDS[args.command](args, folder, tz)
    except (SaveError, OSError) as exc:  # a full disk, a data folder that is a file: one line
        raise CliError(failure(exc)) from None


def _file_in_the_way(folder: Path) -> Path | None:
    """The data folder, or the first of its parents that exists, when it is not a folder."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def _system_tz() -> str:
    tz = os.environ.get("TZ")
    if tz:
        try:
            zoneinfo.ZoneInfo(tz)
            return tz
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    try:
        return str(Path("/etc/timezone").read_text().strip()) or "UTC"
    except OSError:
        return "UTC"


def emit_json(items: list[dict[str, Any]]) -> None:
    """Print one JSON object per line."""
    for item in items:
        print(json.dumps(item, ensure_ascii=False, sort_keys=True))
