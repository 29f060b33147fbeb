"""Dates, times, numbers, money and durations formatted for fr_CA or en_CA with Babel.

Every function is pure: the same arguments always give the same bytes, whatever the
process locale. French output uses U+00A0 as group separator and before units (`$`, `%`),
as Québec typography does; English times keep CLDR's U+202F before `a.m.`/`p.m.`.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time, tzinfo
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import dates as babel_dates
from babel import numbers as babel_numbers

Number = Decimal | int | float

LOCALES = {"fr": "fr_CA", "en": "en_CA"}
"""The Babel locale used for each language."""

# Explicit patterns rather than CLDR's defaults, so that a Babel upgrade cannot change the
# minutes: CLDR's fr_CA short time is "HH 'h' mm" ("09 h 30"), Québec writes "9 h 30".
_TIME_PATTERNS = {"fr": "H 'h' mm", "en": "h:mm\u202fa"}
_MONEY_PATTERNS = {
    # (with cents, without cents)
    "fr": ("#,##0.00\u00a0¤", "#,##0\u00a0¤"),
    "en": ("¤#,##0.00", "¤#,##0"),
}
_CURRENCY = "CAD"
_CENT = Decimal("0.01")
NBSP = "\u00a0"
NNBSP = "\u202f"


def _locale(lang: str) -> str:
    try:
        return LOCALES[lang]
    except KeyError:
        raise ValueError(f"unsupported language: {lang!r}") from None


def _spaces(text: str, lang: str) -> str:
    # Some CLDR versions use U+202F as the fr group separator; DESIGN.md fixes U+00A0.
    return text.replace(NNBSP, NBSP) if lang == "fr" else text


def _decimal(value: Number) -> Decimal:
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, float):
        return Decimal(repr(value))  # the shortest repr, not the binary expansion
    return Decimal(value)


def format_date(value: date, lang: str) -> str:
    """A date in full: `25 novembre 2026`, `1er janvier 2027`, `November 25, 2026`."""
    text = babel_dates.format_date(value, "long", locale=_locale(lang))
    if lang == "fr" and value.day == 1:
        text = "1er" + text[1:]  # Québec (OQLF) writes the first of the month as an ordinal
    return text


def month_name(month: int, lang: str) -> str:
    """The name of a month (1-12) as a date writes it: ``février``, ``February``."""
    return str(babel_dates.get_month_names("wide", "format", locale=_locale(lang))[month])


def format_time(value: time, lang: str) -> str:
    """A time of day: `9 h 30`, `9 h` on the hour (Québec), `9:30 a.m.` (U+202F before a.m.)."""
    locale = _locale(lang)
    naive = value.replace(tzinfo=None)
    text = babel_dates.format_time(naive, _TIME_PATTERNS[lang], locale=locale)
    if lang == "fr" and value.minute == 0:
        text = text.removesuffix(" 00")
    return text


def zone(name: str | None) -> tzinfo:
    """The IANA time zone `name`, or UTC when it is missing or unknown."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return UTC


def format_datetime(value: datetime, lang: str, tz: str | None) -> str:
    """An instant shown in zone `tz`: `25 novembre 2026, 9 h 30`; naive values count as UTC."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    local = aware.astimezone(zone(tz))
    return f"{format_date(local.date(), lang)}, {format_time(local.time(), lang)}"


def format_number(value: Number, lang: str) -> str:
    """A number with grouped thousands and only the decimals it has: `31 000,5`, `31,000.5`."""
    number = _decimal(value)
    if number == 0:
        number = Decimal(0)  # no "-0"
    text = babel_numbers.format_decimal(number, locale=_locale(lang), decimal_quantization=False)
    return _spaces(text, lang)


def format_money(value: Number, lang: str) -> str:
    """Canadian dollars, cents only when there are cents: `31 000 $`, `1 234,50 $`, `$31,000`."""
    locale = _locale(lang)
    amount = _decimal(value)
    # Too many digits to quantize: show the amount as it is.
    with contextlib.suppress(InvalidOperation):
        amount = amount.quantize(_CENT, rounding=ROUND_HALF_UP)
    if amount == 0:
        amount = Decimal(0)  # no "-0 $"
    with_cents, whole = _MONEY_PATTERNS[lang]
    pattern = whole if amount == amount.to_integral_value() else with_cents
    text = babel_numbers.format_currency(
        amount, _CURRENCY, format=pattern, locale=locale, currency_digits=False
    )
    return _spaces(text, lang)


def format_percent(share: Number, lang: str) -> str:
    """A share (0.75) as a whole percentage: `75 %`, `75%`."""
    text = babel_numbers.format_percent(_decimal(share), locale=_locale(lang))
    return _spaces(text, lang)


def format_duration(seconds: int, lang: str) -> str:
    """A clock-like duration for the header: `12:05` under an hour, `1:02:05` above.

    The same in both languages; a negative duration (time over) gets a leading `-`.
    """
    _locale(lang)
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def format_minutes(minutes: int, lang: str) -> str:
    """A number of minutes, as timeboxes are written: `45 min`, `2 h`, `1 h 30 min`.

    The same in both languages (SI-style symbols are used in French and English alike).
    """
    _locale(lang)
    sign = "-" if minutes < 0 else ""
    hours, mins = divmod(abs(int(minutes)), 60)
    if not hours:
        return f"{sign}{mins} min"
    if not mins:
        return f"{sign}{hours} h"
    return f"{sign}{hours} h {mins} min"
