"""Gettext catalogs read from the `.po` files of each language, merged and cached."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
"""One folder per language; every `*.po` file in it belongs to that language's catalog."""

# Both languages have two plural forms; the gettext rules are tiny, so they live here
# rather than being evaluated from each file's Plural-Forms header.
NPLURALS = 2

Key = tuple[str | None, str]
"""A catalog key: (context, msgid); plural entries are keyed by their singular."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    """One message of one `.po` file."""

    msgid: str
    plural: str | None
    context: str | None
    strings: tuple[str, ...]
    fuzzy: bool
    path: Path
    lineno: int

    @property
    def key(self) -> Key:
        """The lookup key of this entry."""
        return (self.context, self.msgid)

    @property
    def translated(self) -> bool:
        """Whether every form has a non-empty translation and the entry is not fuzzy."""
        if self.fuzzy or not self.strings:
            return False
        if self.plural is not None and len(self.strings) != NPLURALS:
            return False
        return all(self.strings)


def plural_index(lang: str, n: int) -> int:
    """Which plural form of `lang` fits the count `n` (gettext rules)."""
    n = abs(n)
    if lang == "fr":
        return 0 if n <= 1 else 1
    return 0 if n == 1 else 1


def po_files(lang: str, directory: Path = LOCALES_DIR) -> list[Path]:
    """The `.po` files of one language, in a stable order."""
    folder = directory / lang
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.po") if p.is_file())


def read_entries(path: Path, *, strict: bool = False) -> list[Entry]:
    """Every message of one `.po` file (header and obsolete entries left out)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        catalog = read_po(fh, ignore_obsolete=True, abort_invalid=strict)
    entries: list[Entry] = []
    for message in catalog:
        if not message.id:
            continue  # the header
        if isinstance(message.id, (list, tuple)):
            msgid, plural = str(message.id[0]), str(message.id[1])
        else:
            msgid, plural = str(message.id), None
        raw = message.string
        if isinstance(raw, (list, tuple)):
            strings = tuple(str(s or "") for s in raw)
        else:
            strings = (str(raw or ""),)
        entries.append(
            Entry(
                msgid=msgid,
                plural=plural,
                context=message.context,
                strings=strings,
                fuzzy=message.fuzzy,
                path=path,
                lineno=message.lineno or 0,
            )
        )
    return entries


@cache
def messages(lang: str, directory: Path = LOCALES_DIR) -> Mapping[Key, tuple[str, ...]]:
    """The merged translations of one language; a file that cannot be read is skipped.

    Parsing the `.po` files takes Babel and tens of milliseconds at every start: the merged
    result is kept in the user's cache folder, keyed by the files' names, sizes and times.
    """
    files = po_files(lang, directory)
    cached = _cache_path(lang, files)
    if cached is not None:
        with contextlib.suppress(OSError, ValueError, TypeError):
            rows = json.loads(cached.read_text("utf-8"))
            return {(ctx, msgid): tuple(strings) for ctx, msgid, strings in rows}
    merged = _parse(files)
    if cached is not None:
        rows = [[ctx, msgid, list(strings)] for (ctx, msgid), strings in merged.items()]
        with contextlib.suppress(OSError):
            cached.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            temp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
            temp.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
            os.replace(temp, cached)
    return merged


def _cache_path(lang: str, files: list[Path]) -> Path | None:
    """Where the merged catalog of these exact files is cached (None: no cache folder)."""
    from tui import __version__

    try:
        stamps = [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files]
    except OSError:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    digest = f"{zlib.crc32(repr((__version__, lang, stamps)).encode()):08x}"
    return Path(base) / "concerto" / f"catalog-{lang}-{digest}.json"


def _parse(files: list[Path]) -> dict[Key, tuple[str, ...]]:
    from babel.messages.pofile import PoFileError

    merged: dict[Key, tuple[str, ...]] = {}
    for path in files:
        try:
            entries = read_entries(path)
        except (OSError, UnicodeDecodeError, PoFileError, ValueError) as err:
            log.warning("cannot read catalog %s: %s", path, err)
            continue
        for entry in entries:
            # Untranslated and fuzzy entries fall back to the msgid, as gettext does.
            if entry.translated:
                merged.setdefault(entry.key, entry.strings)
    return merged


def clear_cache() -> None:
    """Forget loaded catalogs (after editing a `.po` file in a running process)."""
    messages.cache_clear()


def lookup(lang: str, msgid: str, context: str | None = None, directory: Path = LOCALES_DIR) -> str:
    """The translation of `msgid`, or `msgid` itself when there is none."""
    strings = messages(lang, directory).get((context, msgid))
    if not strings:
        return msgid
    return strings[0]


def lookup_plural(
    lang: str,
    singular: str,
    plural: str,
    n: int,
    context: str | None = None,
    directory: Path = LOCALES_DIR,
) -> str:
    """The plural form of a message fitting `n`, or the English source form."""
    strings = messages(lang, directory).get((context, singular))
    if strings is None or len(strings) != NPLURALS:
        return singular if abs(n) == 1 else plural
    return strings[plural_index(lang, n)]
