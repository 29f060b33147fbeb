"""Which paths of the repository are sessions, what changed here, and how a commit names it."""

from __future__ import annotations

from tui.model.base import is_valid_id
from tui.storage.incoming import SET_ASIDE
from tui.sync.git import Repo

NAMED = 5
"""Sessions named in a commit message before "and N more"."""


def is_session_path(path: str) -> bool:
    """A session file: ``<id>.json`` at the top of the data folder (not a set-aside copy)."""
    if "/" in path or not path.endswith(".json") or path.startswith("."):
        return False
    stem = path[:-5]
    return is_valid_id(stem) and not stem.endswith(SET_ASIDE)


def session_id_of(path: str) -> str:
    """The session id of a session path."""
    return path[:-5]


def changed_paths(repo: Repo) -> list[str]:
    """Paths changed in the work tree since the last commit (added, edited or deleted)."""
    raw = repo.run("status", "--porcelain", "-z", "--no-renames", "--untracked-files=all").stdout
    return [entry[3:] for entry in raw.decode("utf-8", "replace").split("\0") if len(entry) > 3]


def commit_message(titles: dict[str, str]) -> str:
    """``Sync: <title> (<id>), …``: the sessions a commit changes."""
    names = [f"{titles[sid]} ({sid})" if titles[sid] else sid for sid in sorted(titles)]
    shown = ", ".join(names[:NAMED])
    if len(names) > NAMED:
        shown += f" and {len(names) - NAMED} more"
    return f"Sync: {shown}" if names else "Sync"
