"""Importing the plan's actions from a spreadsheet, from the Actions step (palette command).

The file is read in a worker thread; the rows are checked against the actions as they are when
the reading ends, on the event loop, and saved like any edit. All rows or none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.i18n import _, get_language
from tui.model.clean import clean_text
from tui.storage.action_import import RowErrors, import_actions
from tui.storage.spreadsheet import Sheet, SpreadsheetError, describe, read_sheet
from tui.widgets.dialogs import AskText

MAX_LINES_SHOWN = 8
"""Bad rows listed in the notice; the rest are counted."""


def import_command(screen: Any) -> Any:
    """The palette entry that imports actions on ``screen`` (the Actions step)."""
    from textual.app import SystemCommand

    return SystemCommand(
        _("actions: Import from a spreadsheet (CSV, XLSX)"),
        _("Add or update the plan's actions from a file: all rows, or none and why"),
        lambda: ask_file(screen),
    )


def ask_file(screen: Any) -> None:
    """Ask which file to import, then read it off the loop."""
    if screen.ctx.read_only:
        screen.notify(_("This session is read-only here: nothing can be imported."),
                      severity="warning", markup=False)  # fmt: skip
        return

    def chosen(path: str | None) -> None:
        if path:
            _read(screen, Path(path).expanduser())

    screen.app.push_screen(AskText(_("Spreadsheet to import (CSV or XLSX):")), chosen)


def _read(screen: Any, path: Path) -> None:
    def reading() -> None:
        try:
            sheet = read_sheet(path)
        except SpreadsheetError as exc:
            screen.app.call_from_thread(_failed, screen, [describe(exc, path)])
            return
        screen.app.call_from_thread(_apply, screen, sheet)

    screen.run_worker(reading, thread=True, group="actions-import", exit_on_error=False)


def _apply(screen: Any, sheet: Sheet) -> None:
    session = screen.ctx.session
    try:
        done = import_actions(session.actions, sheet.headers, sheet.rows, get_language())
    except RowErrors as exc:
        _failed(screen, exc.lines)
        return
    session.actions = done.actions
    screen.touch("actions")
    screen.load()
    message = _("Actions added: {added}; updated: {updated}.", added=done.added,
                updated=done.updated)  # fmt: skip
    screen.notify(message, markup=False, timeout=8)


def _failed(screen: Any, lines: list[str]) -> None:
    shown = [clean_text(line, multiline=False) for line in lines[:MAX_LINES_SHOWN]]
    if len(lines) > MAX_LINES_SHOWN:
        shown.append(_("… and {n} more", n=len(lines) - MAX_LINES_SHOWN))
    title = _("Nothing was imported:")
    screen.notify("\n".join([title, *shown]), severity="error", markup=False, timeout=15)
