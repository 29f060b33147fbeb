"""Schema migrations: pure functions from each version to the next, run on open after a backup."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.storage.atomic import REAL_FS, FileOps, atomic_write_bytes
from tui.storage.codec import from_tables, session_text
from tui.storage.rawcheck import (
    CURRENT_SCHEMA_VERSION,
    DEFAULT_MAX_BYTES,
    META_TABLE,
    OLDEST_SCHEMA_VERSION,
    load_checked,
    schema_version,
)

Tables = dict[str, dict[str, Any]]


def _v0_to_v1(tables: Tables) -> Tables:
    """v0 (synthetic, proves the mechanism): the meeting was `name`, amounts were `amount`."""
    out = copy.deepcopy(tables)
    for doc in out.get("meeting", {}).values():
        if "name" in doc and "title" not in doc:
            doc["title"] = doc.pop("name")
    for doc in out.get("resources", {}).values():
        if "amount" in doc and "needed" not in doc:
            doc["needed"] = doc.pop("amount")
    for doc in out.get(META_TABLE, {}).values():
        doc["schema_version"] = 1
    return out


def _v1_to_v2(tables: Tables) -> Tables:
    """v2 adds the ``conflicts`` table (a sync's unsettled fields): none in older files."""
    out = copy.deepcopy(tables)
    out.setdefault("conflicts", {})
    for doc in out.get(META_TABLE, {}).values():
        doc["schema_version"] = 2
    return out


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1, 1: _v1_to_v2}
"""Migration from version N to N + 1, by N; one for every version the checks accept."""

assert sorted(MIGRATIONS) == list(range(OLDEST_SCHEMA_VERSION, CURRENT_SCHEMA_VERSION))


def migrate(tables: Tables, target: int = CURRENT_SCHEMA_VERSION) -> Tables:
    """Bring ``tables`` up to version ``target``; a current one is returned as it is."""
    version = schema_version(tables)
    while version < target:
        tables = MIGRATIONS[version](tables)
        version += 1
    return tables


def backup_path(path: Path, version: int) -> Path:
    """Where the file of an older version is copied before migrating: ``.<id>.v<N>.bak``."""
    return path.with_name(f".{path.stem}.v{version}.bak")


def migrate_file(
    path: Path,
    target: int = CURRENT_SCHEMA_VERSION,
    *,
    fs: FileOps = REAL_FS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> bool:
    """Migrate a session file in place after a ``.bak`` copy; True if it was migrated."""
    # A newer or damaged file (DamagedFile) or one that does not migrate to a valid session
    # (ValidationError) raises before anything is written.
    tables = load_checked(path, max_bytes=max_bytes)
    version = schema_version(tables)
    if version >= target:
        return False
    session = from_tables(migrate(tables, target))  # validated before anything is written
    bak = backup_path(path, version)
    if not bak.exists():  # a first copy is never replaced by a later attempt
        atomic_write_bytes(bak, path.read_bytes(), fs=fs)  # we hold the lock: same bytes
    atomic_write_bytes(path, session_text(session).encode("utf-8"), fs=fs)
    return True
