"""Translation of interface and minutes text into French or English.

Messages are English source strings (gettext msgids) translated through the `.po` catalogs
in `tui/i18n/locales/<lang>/`. Placeholders use `str.format` names: a message is formatted
only when keyword arguments are given (plural calls always pass `n`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.i18n.catalog import lookup, lookup_plural

LANGS: tuple[str, ...] = ("fr", "en")
"""Supported languages, the default first."""

DEFAULT_LANG = "fr"

_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")

_current = DEFAULT_LANG


def set_language(lang: str) -> None:
    """Choose the interface language (one of `LANGS`)."""
    global _current
    if lang not in LANGS:
        raise ValueError(f"unsupported language: {lang!r}")
    _current = lang


def get_language() -> str:
    """The interface language."""
    return _current


def _format(text: str, source: str, kw: Mapping[str, Any]) -> str:
    if not kw:
        return text
    try:
        return text.format(**kw)
    except (KeyError, IndexError, ValueError, AttributeError):
        # A broken translation must not crash a live meeting: use the source text.
        return source.format(**kw)


def t(lang: str, msgid: str, **kw: Any) -> str:
    """Translate `msgid` into `lang`, then format it with `kw` if any."""
    return _format(lookup(lang, msgid), msgid, kw)


def tn(lang: str, singular: str, plural: str, n: int, **kw: Any) -> str:
    """Translate the form of a message fitting the count `n` into `lang`; `n` is formatted."""
    source = singular if abs(n) == 1 else plural
    return _format(lookup_plural(lang, singular, plural, n), source, {"n": n, **kw})


def pt(lang: str, context: str, msgid: str, **kw: Any) -> str:
    """Translate `msgid` in a context (msgctxt) into `lang`, then format it with `kw`."""
    return _format(lookup(lang, msgid, context), msgid, kw)


def _(msgid: str, **kw: Any) -> str:
    """Translate `msgid` into the interface language."""
    return t(_current, msgid, **kw)


def _n(singular: str, plural: str, n: int, **kw: Any) -> str:
    """Translate the form fitting `n` into the interface language."""
    return tn(_current, singular, plural, n, **kw)


def _p(context: str, msgid: str, **kw: Any) -> str:
    """Translate `msgid` in a context into the interface language."""
    return pt(_current, context, msgid, **kw)


def N_(msgid: str) -> str:
    """Mark `msgid` for translation later; return it unchanged."""
    return msgid


def normalize_lang(value: str | None) -> str | None:
    """The supported language named by a code or locale (`fr`, `en-CA`, `fr_CA.UTF-8`), if any."""
    if not value:
        return None
    head = value.strip().lower()
    for sep in (".", "@", "_", "-"):
        head = head.split(sep, 1)[0]
    return head if head in LANGS else None


def resolve_language(cli: str | None, env: Mapping[str, str], config_lang: str | None) -> str:
    """The interface language: `--lang`, `CONCERTO_LANG`, config, locale, then French."""
    candidates = [cli, env.get("CONCERTO_LANG"), config_lang]
    candidates += [env.get(name) for name in _LOCALE_VARS]
    for candidate in candidates:
        lang = normalize_lang(candidate)
        if lang is not None:
            return lang
    return DEFAULT_LANG


__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "N_",
    "_",
    "_n",
    "_p",
    "get_language",
    "normalize_lang",
    "pt",
    "resolve_language",
    "set_language",
    "t",
    "tn",
]
