"""The strategic plan's actions read from a spreadsheet's rows: all valid, or the reasons why not.

Headers in French or English, any order and case, accents optional; dates as ISO text, real
spreadsheet dates or serial numbers. Rows whose code matches an existing action update it;
the others are added. Pure: the caller reads the file and writes the session.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from tui.i18n import pt, t
from tui.i18n.errors import describe_error
from tui.i18n.fmt import month_name
from tui.model.plan import Action

HEADERS: dict[str, str] = {
    **dict.fromkeys(("code", "no", "n°", "no.", "numero", "number", "#"), "code"),
    **dict.fromkeys(("action", "actions", "libelle", "label", "intitule", "titre"), "label"),
    **dict.fromkeys(("orientation", "orientation strategique", "axe", "strategic"), "orientation"),
    **dict.fromkeys(
        (
            "porteur",
            "porteuse",
            "porteur ou porteuse",
            "lead",
            "responsable",
            "owner",
            "responsable de l'action",
        ),
        "lead",
    ),  # fmt: skip
    **dict.fromkeys(("echeance", "deadline", "due", "due date", "date", "date limite"), "deadline"),
}
"""Header words (lower case, without accents) and the field they name."""

EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day zero of spreadsheet serial dates (the 1900 system, as Excel and LibreOffice write it)."""
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$")


@dataclass(frozen=True)
class Imported:
    """The actions after the import, and how many were added and updated."""

    actions: list[Action]
    added: int
    updated: int


class RowErrors(Exception):
    """Rows that cannot be imported: one line each, naming the line and the column."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def _key(header: str) -> str:
    text = unicodedata.normalize("NFKD", header.strip().casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.replace("’", "'").split())


def column_names(lang: str) -> dict[str, str]:
    """Each field's name as a column, in ``lang`` (for messages)."""
    return {
        "code": pt(lang, "import column", "code"),
        "label": pt(lang, "import column", "action"),
        "orientation": pt(lang, "import column", "orientation"),
        "lead": pt(lang, "import column", "lead"),
        "deadline": pt(lang, "import column", "deadline"),
    }


def _text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    return str(raw).strip()


def parse_date(raw: object, lang: str) -> dt.date | None:
    """A date from a cell: a date, a serial number, or ISO text; raises ValueError(message)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _text(raw)
    if isinstance(raw, int | float) or text.isdigit():
        serial = float(text) if not isinstance(raw, int | float) else float(raw)
        if 1 <= serial <= 2958465:  # up to 9999-12-31
            return EXCEL_EPOCH + dt.timedelta(days=int(serial))
    found = _ISO.match(text)
    if found:
        year, month, day = (int(g) for g in found.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            if 1 <= month <= 12 and 1 <= day <= 31:
                raise ValueError(
                    t(lang, "{day} {month} is not a date", day=day, month=month_name(month, lang))
                ) from None
    raise ValueError(t(lang, "“{value}” is not a date (year-month-day)", value=text[:40]))


def _columns(headers: Sequence[str], lang: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for n, header in enumerate(headers):
        field = HEADERS.get(_key(header))
        if field is not None and field not in found:
            found[field] = n
    if "label" not in found:
        names = column_names(lang)
        raise RowErrors([t(lang, "no “{column}” column in the first row", column=names["label"])])
    return found


def import_actions(
    existing: Sequence[Action], headers: Sequence[str],
    rows: Sequence[tuple[int, Sequence[object]]],
    lang: str,
) -> Imported:  # fmt: skip
    """The actions after importing ``rows``; raises `RowErrors` listing every bad row."""
    columns = _columns(headers, lang)
    names = column_names(lang)
    by_code = {a.code.casefold(): n for n, a in enumerate(existing) if a.code.strip()}
    result = [a.model_copy() for a in existing]
    errors: list[str] = []
    seen: dict[str, int] = {}
    added = updated = 0
    for line, cells in rows:
        values = {f: cells[i] if i < len(cells) else None for f, i in columns.items()}
        if all(_text(v) == "" for v in values.values()):
            continue  # a blank row
        # Only the columns the file has: an update keeps what the file does not speak of.
        fields: dict[str, object] = {f: _text(v) for f, v in values.items() if f != "deadline"}
        bad = len(errors)
        if "deadline" in values:
            try:
                fields["deadline"] = parse_date(values["deadline"], lang)
            except ValueError as exc:
                errors.append(_line(lang, line, names["deadline"], str(exc)))
        code = str(fields.get("code", "")).casefold()
        if code and code in seen:
            text = t(
                lang, "{code} already on line {line}", code=fields.get("code"), line=seen[code]
            )
            errors.append(_line(lang, line, names["code"], text))
        if code:
            seen.setdefault(code, line)
        if len(errors) > bad:
            continue
        try:
            if code in by_code:
                before = result[by_code[code]]
                result[by_code[code]] = Action.model_validate({**before.model_dump(), **fields})
                updated += 1
            else:
                result.append(Action.model_validate(fields))
                added += 1
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else "label"
                errors.append(_line(lang, line, names.get(field, field), describe_error(err, lang)))
    if errors:
        raise RowErrors(errors)
    return Imported(result, added, updated)


def _line(lang: str, line: int, column: str, message: str) -> str:
    return t(lang, "line {line}, {column}: {message}", line=line, column=column, message=message)
