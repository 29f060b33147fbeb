"""A session's history in the folder's repository: its changes, and its state at any of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.sync.git import GitError, Repo

if TYPE_CHECKING:
    from tui.model import Session


class HistoryError(Exception):
    """No history to read: ``code`` is no_repo, bad_ref or absent."""

    def __init__(self, code: str, **detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


@dataclass
class Change:
    """One commit that changed a session: when, who, and which records."""

    commit: str
    when: dt.datetime
    who: str
    added: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The object ``concerto history --json`` prints."""
        return {**vars(self), "when": self.when.isoformat()}


def _repo(folder: Path) -> Repo:
    repo = Repo(folder)
    if not (repo.git_dir / "HEAD").is_file() or repo.rev("HEAD") is None:
        raise HistoryError("no_repo")
    return repo


def _tables(raw: bytes | None) -> dict[str, Any]:
    from tui.model.history import UNDOABLE
    from tui.storage.merging import session_from_bytes
    from tui.storage.rawcheck import DamagedFile

    if raw is None:
        return {}
    try:
        data = session_from_bytes(raw).model_dump(mode="json")
    except DamagedFile:
        return {}
    return {name: data[name] for name in UNDOABLE if name in data}


def session_history(folder: Path, session_id: str) -> list[Change]:
    """The commits that changed ``session_id``, newest first, with the records they touched."""
    from tui.model.history import describe

    repo = _repo(folder)
    path = f"{session_id}.json"
    raw = repo.run("log", "-z", "--format=%H%x1f%P%x1f%an%x1f%aI", "HEAD", "--", path).stdout
    rows = [r.split("\x1f") for r in raw.decode("utf-8", "replace").split("\0") if r.strip()]
    specs = []
    for commit, parents, _who, _when in rows:
        first = parents.split()[0] if parents.split() else None
        specs += [f"{first}:{path}" if first else "", f"{commit}:{path}"]
    blobs = repo.blobs(s or "0" * 40 for s in specs)
    changes = []
    for n, (commit, _parents, who, when) in enumerate(rows):
        before, after = _tables(blobs[2 * n]), _tables(blobs[2 * n + 1])
        if not before and after:  # the session's first version: the meeting is what is new
            before = {"meeting": {}}
            after = {"meeting": [after["meeting"]]}
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        gone: dict[str, Any] = {k: [] for k in before if k not in after}
        what = describe(before, {**changed, **gone})
        changes.append(
            Change(
                commit=commit,
                when=dt.datetime.fromisoformat(when.strip()),
                who=who,
                added=[n for n in what.added if n],
                edited=[n for n in what.edited if n],
                removed=[n for n in what.removed if n],
            )
        )
    return changes


def resolve(repo: Repo, ref: str) -> str:
    """The commit ``ref`` names: a commit, a branch, ``HEAD~2``, or a date (the last before it)."""
    if not ref or ref.startswith("-"):
        raise HistoryError("bad_ref", ref=ref)
    found = repo.rev(ref)
    if found is not None:
        return found
    try:
        dt.datetime.fromisoformat(ref)
    except ValueError:
        raise HistoryError("bad_ref", ref=ref) from None
    try:
        before = repo.out("rev-list", "-1", f"--before={ref}", "HEAD")
    except GitError:
        before = ""
    if not before:
        raise HistoryError("bad_ref", ref=ref)
    return before


def state_at(folder: Path, session_id: str, ref: str) -> tuple[Session, bytes, str]:
    """The session as it was at ``ref``: the session, the file's bytes and the commit."""
    from tui.storage.merging import session_from_bytes

    repo = _repo(folder)
    commit = resolve(repo, ref)
    raw = repo.blob(commit, f"{session_id}.json")
    if raw is None:
        raise HistoryError("absent", id=session_id, ref=ref)
    return session_from_bytes(raw, expected_id=session_id), raw, commit
