"""Where sessions live: the data-folder rule and the names of the store's files."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_path

ENV_DATA_DIR = "CONCERTO_DATA_DIR"


def resolve_data_dir(
    cli: str | None, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Path:
    """The data folder: ``--data-dir``, ``CONCERTO_DATA_DIR``, ``./sessions``, or user data."""
    env = os.environ if env is None else env
    if cli:
        return Path(cli).expanduser().absolute()
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser().absolute()
    local = (cwd or Path.cwd()) / "sessions"
    if local.is_dir():
        return local.absolute()
    return user_data_path("concerto", appauthor=False) / "sessions"


def session_path(folder: Path, session_id: str) -> Path:
    """The data file of a session."""
    return folder / f"{session_id}.json"


def trash_dir(folder: Path) -> Path:
    """Where deleted sessions go, restorable."""
    return folder / ".trash"


def backups_dir(folder: Path, session_id: str) -> Path:
    """Where the rolling backups of one session go."""
    return folder / ".backups" / session_id


def exports_dir(folder: Path) -> Path:
    """Where minutes are exported unless a path is given."""
    return folder / "exports"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) with mode 0700; return it."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):  # mkdir(parents=True) would give parents the umask's mode
        folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(path, 0o700)
    return path
