"""Validation errors (pydantic v2 error dicts) described in words a facilitator understands."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from tui.i18n import N_, t, tn
from tui.i18n.fmt import format_date, format_number, format_time

_DATE = N_("Not a date: use YYYY-MM-DD.")
_DATETIME = N_("Not a date and time: use YYYY-MM-DD HH:MM.")
_TIME = N_("Not a time: use HH:MM.")
_NUMBER = N_("Not a number.")
_WHOLE = N_("Not a whole number.")
_LABEL = N_("A label is required.")
_GENERIC = N_("Invalid value.")

# Error types whose description needs nothing from the error's context.
_FIXED: dict[str, str] = {
    "missing": N_("A value is required."),
    "label_required": _LABEL,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "date_type": _DATE,
    "datetime_parsing": _DATETIME,
    "datetime_from_date_parsing": _DATETIME,
    "datetime_type": _DATETIME,
    "time_parsing": _TIME,
    "time_type": _TIME,
    "decimal_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "float_parsing": _NUMBER,
    "float_type": _NUMBER,
    "finite_number": _NUMBER,
    "decimal_max_digits": N_("Too many digits."),
    "int_parsing": _WHOLE,
    "int_type": _WHOLE,
    "int_from_float": _WHOLE,
    "bool_parsing": N_("Answer yes or no."),
    "bool_type": N_("Answer yes or no."),
    "string_type": N_("Not text."),
    "string_pattern_mismatch": N_("This is not in the expected format."),
    "literal_error": N_("Not one of the allowed choices."),
    "enum": N_("Not one of the allowed choices."),
    "negative_amount": N_("The amount cannot be negative."),
    "invalid_id": N_("Not a valid identifier."),
    "extra_forbidden": N_("This field is not expected here."),
}

# Comparison errors: the context key holding the limit, and the sentence.
_BOUNDS: dict[str, tuple[str, str]] = {
    "greater_than_equal": ("ge", N_("Must be at least {limit}.")),
    "greater_than": ("gt", N_("Must be more than {limit}.")),
    "less_than_equal": ("le", N_("Must be at most {limit}.")),
    "less_than": ("lt", N_("Must be less than {limit}.")),
}


def _count(ctx: Mapping[str, Any], *keys: str) -> int | None:
    for key in keys:
        value = ctx.get(key)
        if value is None or isinstance(value, bool):
            continue
        try:
            return int(value)
        except (TypeError, ValueError):
            continue
    return None


def _show(value: Any, lang: str) -> str:
    """A limit from an error context, formatted for `lang`."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        try:
            return format_number(value, lang)
        except (ValueError, ArithmeticError):
            return str(value)
    if isinstance(value, datetime):
        return format_date(value.date(), lang)
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, time):
        return format_time(value, lang)
    return "".join(ch for ch in str(value) if ch.isprintable())


def _too_short(ctx: Mapping[str, Any], lang: str) -> str:
    least = _count(ctx, "min_length", "min")
    if least is None or least <= 1:
        return t(lang, _LABEL)
    return tn(lang, "At least {n} character.", "At least {n} characters.", least)


def _too_long(ctx: Mapping[str, Any], lang: str) -> str:
    most = _count(ctx, "max_length", "max")
    if most is None:
        return t(lang, "The text is too long.")
    return tn(lang, "At most {n} character.", "At most {n} characters.", most)


def _too_few(ctx: Mapping[str, Any], lang: str) -> str:
    least = _count(ctx, "min_length")
    if least is None:
        return t(lang, "Too few items.")
    return tn(lang, "At least {n} item.", "At least {n} items.", least)


def _too_many(ctx: Mapping[str, Any], lang: str) -> str:
    most = _count(ctx, "max_length")
    if most is None:
        return t(lang, "Too many items.")
    return tn(lang, "At most {n} item.", "At most {n} items.", most)


def _max_places(ctx: Mapping[str, Any], lang: str) -> str:
    places = _count(ctx, "decimal_places")
    if places is None:
        return t(lang, "Too many decimal places.")
    return tn(lang, "At most {n} decimal place.", "At most {n} decimal places.", places)


def _level_range(ctx: Mapping[str, Any], lang: str) -> str:
    low = _count(ctx, "min", "ge")
    high = _count(ctx, "max", "le")
    return t(
        lang,
        "The level must be between {low} and {high}.",
        low=0 if low is None else low,
        high=3 if high is None else high,
    )


_BUILDERS: dict[str, Callable[[Mapping[str, Any], str], str]] = {
    "string_too_short": _too_short,
    "string_too_long": _too_long,
    "text_too_long": _too_long,
    "too_short": _too_few,
    "too_long": _too_many,
    "decimal_max_places": _max_places,
    "level_range": _level_range,
}


def describe_error(err: Mapping[str, Any], lang: str) -> str:
    """One sentence in `lang` saying what is wrong with a value, from a pydantic error dict."""
    kind = str(err.get("type", ""))
    raw_ctx = err.get("ctx")
    ctx: Mapping[str, Any] = raw_ctx if isinstance(raw_ctx, Mapping) else {}
    if kind in _FIXED:
        return t(lang, _FIXED[kind])
    if kind in _BUILDERS:
        return _BUILDERS[kind](ctx, lang)
    if kind in _BOUNDS:
        key, sentence = _BOUNDS[kind]
        if key in ctx:
            return t(lang, sentence, limit=_show(ctx[key], lang))
    # Pydantic's own `msg` is English: never show it, whatever the type.
    return t(lang, _GENERIC)


def describe_errors(errors: Iterable[Mapping[str, Any]], lang: str) -> list[str]:
    """Each error described, duplicates removed, in order."""
    seen: dict[str, None] = {}
    for err in errors:
        seen.setdefault(describe_error(err, lang), None)
    return list(seen)
