"""Schema migrations: pure functions from each version to the next, run on open after a backup."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.storage.atomic import atomic_write_bytes
from tui.storage.codec import dumps_table
from tui.storage.rawcheck import load_checked, schema_version

Tables = dict[str, dict[str, Any]]


def _v0_to_v1(tables: Tables) -> Tables:
    """v0 (synthetic, proves the mechanism): the meeting was `name`, amounts were `amount`."""
    out = {name: {k: dict(doc) for k, doc in table.items()} for name, table in tables.items()}
    for doc in out.get("meeting", {}).values():
        if "name" in doc and "title" not in doc:
            doc["title"] = doc.pop("name")
    for doc in out.get("resources", {}).values():
        if "amount" in doc and "needed" not in doc:
            doc["needed"] = doc.pop("amount")
    for doc in out.get("meta", {}).values():
        doc["schema_version"] = 1
    return out


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1}
"""Migration from version N to N + 1, by N."""


def migrate(tables: Tables, target: int) -> Tables:
    """Bring ``tables`` up to version ``target`` (idempotent: a current file is unchanged)."""
    version = schema_version(tables)
    while version < target:
        tables = MIGRATIONS[version](tables)
        version += 1
    return tables


def backup_path(path: Path, version: int) -> Path:
    """Where the file of an older version is copied before migrating: ``.<id>.v<N>.bak``."""
    return path.with_name(f".{path.stem}.v{version}.bak")


def migrate_file(path: Path, target: int) -> bool:
    """Migrate a session file in place, after a ``.bak`` copy; True if it was migrated."""
    tables = load_checked(path)
    version = schema_version(tables)
    if version >= target:
        return False
    bak = backup_path(path, version)
    if not bak.exists():
        shutil.copy2(path, bak)
        bak.chmod(0o600)
    migrated = migrate(tables, target)
    text = "{" + ",".join(f'"{k}":{dumps_table(v)}' for k, v in migrated.items()) + "}"
    atomic_write_bytes(path, text.encode("utf-8"))
    return True
