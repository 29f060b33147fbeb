"""The translation API, Babel formatting and validation-error descriptions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel, Field, ValidationError

import tui.i18n as i18n
from tui.i18n import (
    N_,
    _,
    _n,
    _p,
    fmt,
    get_language,
    normalize_lang,
    pt,
    resolve_language,
    set_language,
    t,
    tn,
)
from tui.i18n.catalog import lookup, lookup_plural, messages, plural_index
from tui.i18n.errors import describe_error, describe_errors

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.fixture(autouse=True)
def _french_interface() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("fr")


# --- formatting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"), [("fr", "25 novembre 2026"), ("en", "November 25, 2026")]
)
def test_format_date(lang: str, expected: str) -> None:
    assert fmt.format_date(date(2026, 11, 25), lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (time(9, 30), "fr", "9 h 30"),
        (time(9, 30), "en", f"9:30{NNBSP}a.m."),
        (time(14, 5), "fr", "14 h 05"),
        (time(14, 5), "en", f"2:05{NNBSP}p.m."),
        (time(0, 0), "fr", "0 h"),
        (time(9, 0), "fr", "9 h"),
        (time(12, 0), "en", f"12:00{NNBSP}p.m."),
    ],
)
def test_format_time(value: time, lang: str, expected: str) -> None:
    assert fmt.format_time(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (Decimal("31000"), "fr", f"31{NBSP}000{NBSP}$"),
        (Decimal("31000"), "en", "$31,000"),
        (Decimal("1234.5"), "fr", f"1{NBSP}234,50{NBSP}$"),
        (Decimal("1234.5"), "en", "$1,234.50"),
        (Decimal("31000.00"), "fr", f"31{NBSP}000{NBSP}$"),
        (Decimal("-1234.5"), "fr", f"-1{NBSP}234,50{NBSP}$"),
        (Decimal("-1234.5"), "en", "-$1,234.50"),
        (Decimal("0.005"), "en", "$0.01"),
        (Decimal("-0.001"), "fr", f"0{NBSP}$"),
        (1500000, "fr", f"1{NBSP}500{NBSP}000{NBSP}$"),
        (12.5, "en", "$12.50"),
    ],
)
def test_format_money(value: Decimal | int | float, lang: str, expected: str) -> None:
    assert fmt.format_money(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (Decimal("31000"), "fr", f"31{NBSP}000"),
        (Decimal("31000.25"), "fr", f"31{NBSP}000,25"),
        (Decimal("31000.25"), "en", "31,000.25"),
        (Decimal("2.50"), "fr", "2,5"),
        (Decimal("0.1234567"), "en", "0.1234567"),
        (-4200, "en", "-4,200"),
        (0.1, "fr", "0,1"),
    ],
)
def test_format_number(value: Decimal | int | float, lang: str, expected: str) -> None:
    assert fmt.format_number(value, lang) == expected


def test_format_percent() -> None:
    assert fmt.format_percent(0.75, "fr") == f"75{NBSP}%"
    assert fmt.format_percent(Decimal("0.75"), "en") == "75%"


def test_format_datetime_converts_to_the_zone() -> None:
    instant = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
    assert fmt.format_datetime(instant, "fr", "America/Toronto") == "25 novembre 2026, 9 h 30"
    assert fmt.format_datetime(instant, "en", "America/Toronto") == (
        f"November 25, 2026, 9:30{NNBSP}a.m."
    )


def test_format_datetime_crosses_midnight() -> None:
    instant = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
    assert fmt.format_datetime(instant, "fr", "America/Montreal") == "25 novembre 2026, 22 h"


def test_format_datetime_treats_naive_as_utc_and_bad_zone_as_utc() -> None:
    assert fmt.format_datetime(datetime(2026, 11, 25, 14, 30), "fr", "UTC") == (
        "25 novembre 2026, 14 h 30"
    )
    instant = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
    assert fmt.format_datetime(instant, "fr", "Nowhere/Else") == "25 novembre 2026, 14 h 30"


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, "00:00"), (59, "00:59"), (725, "12:05"), (3599, "59:59"), (3725, "1:02:05"),
     (-90, "-01:30")],
)  # fmt: skip
def test_format_duration_is_a_clock(seconds: int, expected: str) -> None:
    assert fmt.format_duration(seconds, "fr") == expected
    assert fmt.format_duration(seconds, "en") == expected


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(0, "0 min"), (45, "45 min"), (60, "1 h"), (90, "1 h 30 min"), (125, "2 h 5 min"),
     (-15, "-15 min")],
)  # fmt: skip
def test_format_minutes(minutes: int, expected: str) -> None:
    assert fmt.format_minutes(minutes, "fr") == expected
    assert fmt.format_minutes(minutes, "en") == expected


def test_formatting_an_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        fmt.format_date(date(2026, 1, 1), "de")
    with pytest.raises(ValueError):
        fmt.format_money(1, "de")


# --- language choice --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cli", "env", "config", "expected"),
    [
        ("en", {"CONCERTO_LANG": "fr", "LANG": "fr_CA.UTF-8"}, "fr", "en"),
        (None, {"CONCERTO_LANG": "en", "LANG": "fr_CA.UTF-8"}, "fr", "en"),
        (None, {"LANG": "en_US.UTF-8"}, "fr", "fr"),
        (None, {"LANG": "en_US.UTF-8"}, None, "en"),
        (None, {"LC_ALL": "fr_CA.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"}, None, "fr"),
        (None, {"LC_MESSAGES": "en_CA", "LANG": "fr_CA"}, None, "en"),
        (None, {"LC_ALL": "de_DE.UTF-8", "LANG": "en_GB.UTF-8"}, None, "en"),
        (None, {"LC_ALL": "C", "LANG": "POSIX"}, None, "fr"),
        (None, {}, None, "fr"),
        ("de", {"CONCERTO_LANG": "xx"}, "es", "fr"),
        ("de", {"CONCERTO_LANG": "EN"}, None, "en"),
    ],
)
def test_resolve_language_order(
    cli: str | None, env: dict[str, str], config: str | None, expected: str
) -> None:
    assert resolve_language(cli, env, config) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr", "fr"), ("fr_CA.UTF-8", "fr"), ("en-CA", "en"), ("en_US@euro", "en"), ("C", None),
     ("", None), (None, None)],
)  # fmt: skip
def test_normalize_lang(value: str | None, expected: str | None) -> None:
    assert normalize_lang(value) == expected


def test_set_language_changes_the_interface_language() -> None:
    assert get_language() == "fr"
    assert _("Invalid value.") == "Valeur invalide."
    set_language("en")
    assert get_language() == "en"
    assert _("Invalid value.") == "Invalid value."


def test_set_language_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError):
        set_language("de")
    assert get_language() == "fr"


# --- translation ------------------------------------------------------------------------


def test_t_translates_into_an_explicit_language() -> None:
    set_language("en")
    assert t("fr", "Not a number.") == "Ce n’est pas un nombre."
    assert t("en", "Not a number.") == "Not a number."


def test_t_formats_keywords() -> None:
    assert t("fr", "Must be at least {limit}.", limit="3") == "Doit être supérieur ou égal à 3."


def test_missing_message_falls_back_to_the_msgid() -> None:
    assert t("fr", "No such message {x}.", x=1) == "No such message 1."
    assert _("No such message.") == "No such message."
    assert pt("fr", "status", "No such word") == "No such word"
    assert _p("status", "No such word") == "No such word"
    assert tn("fr", "{n} ghost", "{n} ghosts", 1) == "1 ghost"
    assert _n("{n} ghost", "{n} ghosts", 2) == "2 ghosts"
    assert t("de", "Not a number.") == "Not a number."


def test_without_keywords_the_text_is_not_formatted() -> None:
    assert t("en", "Use {braces} as is") == "Use {braces} as is"


def test_plural_forms_follow_each_language() -> None:
    singular, plural = "At least {n} character.", "At least {n} characters."
    assert tn("fr", singular, plural, 0) == "Au moins 0 caractère."
    assert tn("fr", singular, plural, 2) == "Au moins 2 caractères."
    assert tn("en", singular, plural, 0) == "At least 0 characters."
    assert tn("en", singular, plural, 1) == "At least 1 character."
    assert [plural_index("fr", n) for n in (0, 1, 2)] == [0, 0, 1]
    assert [plural_index("en", n) for n in (0, 1, 2)] == [1, 0, 1]


def test_a_broken_translation_falls_back_to_the_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "lookup", lambda *args, **kw: "Bonjour {nom}")
    assert t("fr", "Hello {name}", name="Ana") == "Hello Ana"


def test_n_marker_returns_its_argument() -> None:
    assert N_("Not a number.") == "Not a number."


def _write(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    path.write_text(header + body, encoding="utf-8")


def test_catalog_merges_files_with_context_plural_and_skips_fuzzy(tmp_path: Path) -> None:
    _write(
        tmp_path / "fr" / "a.po",
        'msgctxt "status"\nmsgid "Open"\nmsgstr "Ouvert"\n\n'
        'msgid "Open"\nmsgstr "Ouvrir"\n\n'
        '#, fuzzy\nmsgid "Close"\nmsgstr "Fermer"\n\n'
        'msgid "Empty"\nmsgstr ""\n',
    )
    _write(
        tmp_path / "fr" / "b.po",
        'msgid "{n} item"\nmsgid_plural "{n} items"\n'
        'msgstr[0] "{n} élément"\nmsgstr[1] "{n} éléments"\n',
    )
    assert lookup("fr", "Open", "status", tmp_path) == "Ouvert"
    assert lookup("fr", "Open", None, tmp_path) == "Ouvrir"
    assert lookup("fr", "Close", None, tmp_path) == "Close"
    assert lookup("fr", "Empty", None, tmp_path) == "Empty"
    assert lookup_plural("fr", "{n} item", "{n} items", 1, None, tmp_path) == "{n} élément"
    assert lookup_plural("fr", "{n} item", "{n} items", 3, None, tmp_path) == "{n} éléments"
    assert len(messages("fr", tmp_path)) == 3


def test_an_unreadable_catalog_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "bad.po").write_bytes(b"\xff\xfe not a po file \x00")
    _write(tmp_path / "fr" / "good.po", 'msgid "Yes"\nmsgstr "Oui"\n')
    assert lookup("fr", "Yes", None, tmp_path) == "Oui"


# --- validation errors ------------------------------------------------------------------


class Sample(BaseModel):
    """A model raising the usual pydantic errors."""

    label: str = Field(min_length=1, max_length=3)
    day: date
    start: time
    amount: Decimal = Field(ge=0)
    level: int = Field(le=3)
    lang: Literal["fr", "en"]
    share: float = Field(gt=0)


def _errors(**data: Any) -> dict[str, dict[str, Any]]:
    with pytest.raises(ValidationError) as info:
        Sample(**data)
    return {str(err["loc"][0]): dict(err) for err in info.value.errors()}


BAD = {
    "label": "",
    "day": "2026-13-01",
    "start": "25:00",
    "amount": "abc",
    "level": 5,
    "lang": "de",
    "share": 0,
}


@pytest.mark.parametrize(
    ("field", "fr", "en"),
    [
        ("label", "Un libellé est requis.", "A label is required."),
        ("day", f"Date invalide{NBSP}: utilisez AAAA-MM-JJ.", "Not a date: use YYYY-MM-DD."),
        ("start", f"Heure invalide{NBSP}: utilisez HH:MM.", "Not a time: use HH:MM."),
        ("amount", "Ce n’est pas un nombre.", "Not a number."),
        ("level", "Doit être inférieur ou égal à 3.", "Must be at most 3."),
        ("lang", "Ce n’est pas un des choix permis.", "Not one of the allowed choices."),
        ("share", "Doit être supérieur à 0.", "Must be more than 0."),
    ],
)
def test_describe_pydantic_errors(field: str, fr: str, en: str) -> None:
    err = _errors(**BAD)[field]
    assert describe_error(err, "fr") == fr
    assert describe_error(err, "en") == en


def test_describe_too_long_and_negative() -> None:
    errors = _errors(**{**BAD, "label": "abcd", "amount": "-1"})
    assert describe_error(errors["label"], "fr") == "Au plus 3 caractères."
    assert describe_error(errors["label"], "en") == "At most 3 characters."
    assert describe_error(errors["amount"], "fr") == "Doit être supérieur ou égal à 0."


def test_describe_missing_and_int_parsing() -> None:
    with pytest.raises(ValidationError) as info:
        Sample.model_validate({"level": "x"})
    errors = {str(e["loc"][0]): dict(e) for e in info.value.errors()}
    assert describe_error(errors["label"], "en") == "A value is required."
    assert describe_error(errors["level"], "fr") == "Ce n’est pas un nombre entier."


CUSTOM = [
    ({"type": "text_too_long", "ctx": {"max": 500}}, "Au plus 500 caractères."),
    ({"type": "label_required"}, "Un libellé est requis."),
    ({"type": "negative_amount"}, "Le montant ne peut pas être négatif."),
    ({"type": "level_range"}, "Le niveau doit être entre 0 et 3."),
    ({"type": "invalid_id"}, "Identifiant invalide."),
    ({"type": "greater_than_equal", "ctx": {"ge": Decimal("1000.5")}}, "Doit être "
     f"supérieur ou égal à 1{NBSP}000,5."),
    ({"type": "greater_than_equal", "ctx": {"ge": date(2026, 1, 2)}}, "Doit être "
     "supérieur ou égal à 2 janvier 2026."),
    ({"type": "string_too_short", "ctx": {"min_length": 3}}, "Au moins 3 caractères."),
    ({"type": "text_too_long"}, "Le texte est trop long."),
]  # fmt: skip
CUSTOM_EN = [
    "At most 500 characters.",
    "A label is required.",
    "The amount cannot be negative.",
    "The level must be between 0 and 3.",
    "Not a valid identifier.",
    "Must be at least 1,000.5.",
    "Must be at least January 2, 2026.",
    "At least 3 characters.",
    "The text is too long.",
]


@pytest.mark.parametrize(
    ("err", "fr", "en"), [(e, f, n) for (e, f), n in zip(CUSTOM, CUSTOM_EN, strict=True)]
)
def test_describe_custom_errors(err: dict[str, Any], fr: str, en: str) -> None:
    assert describe_error(err, "fr") == fr
    assert describe_error(err, "en") == en


@pytest.mark.parametrize(
    "err",
    [
        {"type": "value_error", "msg": "Value error, something in English", "ctx": {"error": "x"}},
        {"type": "something_new", "msg": "Input should be whatever"},
        {"type": "greater_than", "msg": "Input should be greater than 1"},
        {},
    ],
)
def test_unknown_errors_are_generic_and_never_english(err: dict[str, Any]) -> None:
    assert describe_error(err, "fr") == "Valeur invalide."
    assert describe_error(err, "en") == "Invalid value."


def test_describe_errors_removes_duplicates() -> None:
    errs = [{"type": "missing"}, {"type": "missing"}, {"type": "invalid_id"}]
    assert describe_errors(errs, "en") == ["A value is required.", "Not a valid identifier."]


def test_the_first_of_the_month_is_an_ordinal_in_french() -> None:
    assert fmt.format_date(date(2027, 1, 1), "fr") == "1er janvier 2027"
    assert fmt.format_date(date(2027, 1, 1), "en") == "January 1, 2027"


def test_the_catalog_cache_gives_what_parsing_gives(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tui.i18n import catalog

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    catalog.clear_cache()
    parsed = dict(catalog.messages("fr"))
    (cached,) = (tmp_path / "concerto").glob("catalog-fr-*.json")
    catalog.clear_cache()
    assert dict(catalog.messages("fr")) == parsed
    cached.write_text("not json", "utf-8")  # a damaged cache is parsed again
    catalog.clear_cache()
    assert dict(catalog.messages("fr")) == parsed
    catalog.clear_cache()
