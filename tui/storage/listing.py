"""Listing a data folder: one summary per session file, cached by inode, mtime and size.

The cache (``.index.json``) lets home draw a folder of a thousand sessions without reading
them: a file is read again only when its inode, modification time or size changed.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import model
from tui.model.clean import STEPS
from tui.storage.atomic import REAL_FS, FileOps, SaveError, atomic_write_bytes
from tui.storage.rawcheck import DamagedFile

if TYPE_CHECKING:
    from tui.model import Session

INDEX = ".index.json"
"""Cache of the listing, keyed by each file's inode, mtime and size."""
Names = list[str]


def session_names(names: Names) -> Names:
    """The visible ``*.json`` names, sorted: sessions or damaged files."""
    return sorted(n for n in names if n.endswith(".json") and not n.startswith("."))


@dataclass
class Listing:
    """One line of the home screen: a session's summary, or why its file is damaged."""

    id: str
    file: str
    title: str = ""
    collective: str = ""
    date: str | None = None
    minutes_lang: str = ""
    screen: str = ""
    progress: float = 0.0
    updated: str | None = None
    follows: str | None = None
    damaged: str | None = None
    """Reason code when the file cannot be opened (and is never written)."""
    detail: str = ""
    locked_by: str | None = None
    """``user@host (pid N)`` of the process holding the session, if any."""
    conflicts: int = 0
    """Fields a sync left in conflict, to settle in the review."""

    def to_json(self) -> dict[str, Any]:
        """The object ``concerto list --json`` prints."""
        return dict(vars(self))  # every field is a plain value: no deep copy needed


Listings = list[Listing]
"""(The store's ``list`` method hides the builtin inside the class body.)"""


def summarize(session_id: str, file: str, session: Session) -> Listing:
    """The listing of a valid session."""
    shares = model.progress(session)
    overall = sum(v or 0.0 for v in shares.values()) / len(STEPS)
    m = session.meeting
    return Listing(
        id=session_id,
        file=file,
        title=m.title,
        collective=m.collective,
        date=m.date.isoformat() if m.date else None,
        minutes_lang=m.minutes_lang,
        screen=session.progress.screen,
        progress=round(overall, 4),
        updated=session.updated.isoformat(),
        follows=m.follows,
        conflicts=len(session.conflicts),
    )


def damage_detail(exc: DamagedFile) -> str:
    """The one value a reason names (a version, a line, a field), as text."""
    d = exc.detail
    if exc.reason == "newer_schema":
        return str(d.get("version", "?"))
    if exc.reason == "syntax":
        return f"{d.get('line', '?')}:{d.get('column', '?')}"
    return str(d.get("at", ""))


def list_folder(
    folder: Path,
    names: Names,
    key: str,
    summarize_file: Callable[[Path], Listing],
    *,
    fs: FileOps = REAL_FS,
) -> Listings:
    """Summaries of the session files among ``names``, each read only when it changed.

    ``key`` names what the verdicts depend on besides the files (this build, the size cap):
    a cache written under another key is ignored.
    """
    index = _read_index(folder, key)
    fresh: dict[str, Any] = {}
    found: Listings = []
    base = os.fspath(folder)
    for name in session_names(names):
        try:
            st = os.stat(os.path.join(base, name))
        except OSError as exc:  # e.g. a dangling symlink: still listed, with why
            reason = exc.strerror or ""
            found.append(Listing(name[:-5], name, damaged="unreadable", detail=reason))
            continue
        stamp = [st.st_ino, st.st_mtime_ns, st.st_size]
        entry = index.get(name)
        listing = None
        if isinstance(entry, dict) and entry.get("stamp") == stamp:
            try:
                listing = Listing(**entry["listing"])
            except (TypeError, KeyError):
                listing = None
        if listing is None:
            listing = summarize_file(folder / name)
            entry = {"stamp": stamp, "listing": listing.to_json()}
        fresh[name] = entry  # the index's own object when unchanged: comparing it is cheap
        found.append(listing)
    if fresh != index and names:
        _write_index(folder, {"key": key, "files": fresh}, fs)
    return found


def _read_index(folder: Path, key: str) -> dict[str, Any]:
    try:
        data = json.loads((folder / INDEX).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key:
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _write_index(folder: Path, index: dict[str, Any], fs: FileOps) -> None:
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    with contextlib.suppress(SaveError):  # the index is a cache: never fail a listing for it
        atomic_write_bytes(folder / INDEX, data.encode("utf-8"), fs=fs)
