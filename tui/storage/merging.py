"""Session files merged record by record: the bytes git hands over, checked, merged, written.

A side that is not a readable session is never merged into a good one: `MergeRefused` names
it, and the caller keeps the good side (and sets the damaged one aside to be seen).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.storage.atomic import atomic_write_bytes
from tui.storage.rawcheck import DEFAULT_MAX_BYTES, DamagedFile, check_bytes

if TYPE_CHECKING:
    from tui.model import Session


class MergeRefused(Exception):
    """One side of a merge is damaged: ``side`` is "ours" or "theirs", ``damage`` says why."""

    def __init__(self, side: str, damage: DamagedFile) -> None:
        super().__init__(f"{side}: {damage}")
        self.side = side
        self.damage = damage


def session_from_bytes(
    raw: bytes, *, expected_id: str = "", max_bytes: int = DEFAULT_MAX_BYTES
) -> Session:
    """The session a file's bytes hold (migrated in memory); raises DamagedFile."""
    from tui.storage.store import session_from_tables

    if len(raw) > max_bytes:
        raise DamagedFile("too_large", {"size": len(raw), "max_bytes": max_bytes})
    return session_from_tables(check_bytes(raw), expected_id=expected_id)


def _data(raw: bytes, side: str) -> dict[str, Any]:
    try:
        return session_from_bytes(raw).model_dump(mode="json")
    except DamagedFile as exc:
        raise MergeRefused(side, exc) from None


def merge_bytes(
    base: bytes | None, ours: bytes, theirs: bytes, *, ours_by: str = "", theirs_by: str = ""
) -> bytes:
    """The text of the merged session file; raises MergeRefused when a side is damaged."""
    from tui.model import Session
    from tui.model.merge import merge_sessions
    from tui.storage.codec import session_text

    mine, other = _data(ours, "ours"), _data(theirs, "theirs")
    try:
        common = _data(base, "base") if base else None
    except MergeRefused:  # a damaged common version: merge as if there were none
        common = None
    if common is not None and common.get("id") != mine.get("id"):
        common = None
    if other.get("id") != mine.get("id"):
        damage = DamagedFile("id_mismatch", {"at": str(other.get("id"))})
        raise MergeRefused("theirs", damage)
    merged = merge_sessions(common, mine, other, ours_by=ours_by, theirs_by=theirs_by)
    return session_text(Session.model_validate(merged)).encode("utf-8")


def merge_files(
    base: Path, ours: Path, theirs: Path, *, ours_by: str = "", theirs_by: str = ""
) -> None:
    """Merge the three files git names into ``ours`` (written atomically)."""
    raw_base = base.read_bytes() if base.exists() else b""
    merged = merge_bytes(
        raw_base or None,
        ours.read_bytes(),
        theirs.read_bytes(),
        ours_by=ours_by,
        theirs_by=theirs_by,
    )
    atomic_write_bytes(ours, merged)
