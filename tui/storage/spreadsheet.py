"""Reading a spreadsheet a collective keeps: CSV (comma or semicolon, with or without BOM) or XLSX.

Gives the header row and the data rows with their line numbers, raw values as the file holds
them (text, numbers, dates); a merged cell's value fills every cell it spans. Anything that is
not a readable spreadsheet raises `SpreadsheetError` with a reason code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Raw = str | int | float | dt.date | dt.datetime | None

MAX_BYTES = 20 * 1024 * 1024
"""A plan's actions fit in far less; a larger file is refused before it is read."""


class SpreadsheetError(Exception):
    """The file is not a spreadsheet that can be read: ``code`` says why."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        """missing, unreadable, too_large, empty, damaged, not_a_spreadsheet."""
        self.detail = detail


@dataclass(frozen=True)
class Sheet:
    """The header row and the data rows, each with its line number in the file (1 = header)."""

    headers: list[str]
    rows: list[tuple[int, list[Raw]]]


def read_sheet(path: Path) -> Sheet:
    """The first sheet of ``path`` (.xlsx) or its rows (CSV); raises `SpreadsheetError`."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SpreadsheetError("too_large")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SpreadsheetError("missing") from None
    except IsADirectoryError:
        raise SpreadsheetError("not_a_spreadsheet") from None
    except OSError as exc:
        raise SpreadsheetError("unreadable", exc.strerror or "") from None
    if not data.strip():
        raise SpreadsheetError("empty")
    # A zip is an XLSX workbook, whatever its name says; anything else must be CSV text.
    sheet = _xlsx(data) if data[:2] == b"PK" else _csv(data)
    if not any(h.strip() for h in sheet.headers):
        raise SpreadsheetError("empty")
    return sheet


def _csv(data: bytes) -> Sheet:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError("not_a_spreadsheet") from None
    if "\x00" in text:
        raise SpreadsheetError("not_a_spreadsheet")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise SpreadsheetError("damaged", str(exc)) from None
    if not records:
        raise SpreadsheetError("empty")
    headers = records[0][1]
    rows: list[tuple[int, list[Raw]]] = [(n, list(row)) for n, row in records[1:]]
    return Sheet(headers, rows)


def _xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise SpreadsheetError("damaged", str(exc)) from None
    ws = book.worksheets[0] if book.worksheets else None
    if ws is None:
        raise SpreadsheetError("empty")
    merged = {}
    for span in ws.merged_cells.ranges:  # the top-left value applies to every cell of the span
        value = ws.cell(row=span.min_row, column=span.min_col).value
        for row in range(span.min_row, span.max_row + 1):
            for col in range(span.min_col, span.max_col + 1):
                merged[(row, col)] = value
    table: list[tuple[int, list[Raw]]] = []
    for r, cells in enumerate(ws.iter_rows(values_only=True), start=1):
        table.append((r, [merged.get((r, c), v) for c, v in enumerate(cells, start=1)]))
    if not table:
        raise SpreadsheetError("empty")
    headers = ["" if v is None else str(v) for v in table[0][1]]
    return Sheet(headers, table[1:])


def describe(exc: SpreadsheetError, path: Path) -> str:
    """Why ``path`` cannot be read as a spreadsheet, in one line of the interface language."""
    from tui.i18n import _
    from tui.model.clean import clean_text

    name = clean_text(str(path), multiline=False)
    reasons = {
        "missing": _("{file}: no such file", file=name),
        "unreadable": _("{file} cannot be read: {reason}", file=name, reason=exc.detail),
        "too_large": _("{file} is too large for a list of actions", file=name),
        "empty": _("{file} is empty: no header row", file=name),
        "damaged": _("{file} is a damaged spreadsheet", file=name),
    }
    return reasons.get(exc.code, _("{file} is not a spreadsheet (CSV or XLSX expected)", file=name))


def import_file(path: Path, existing: list[Any], lang: str) -> Any:
    """The actions after importing ``path``; raises `SpreadsheetError` or `RowErrors`."""
    from tui.storage.action_import import import_actions

    sheet = read_sheet(path)
    return import_actions(existing, sheet.headers, sheet.rows, lang)
