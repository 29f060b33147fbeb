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


V1_OUTCOME = "carried"
"""What a v1 decision without an outcome meant: v1 filled in « carried » by default."""


def v1_decision(doc: dict[str, Any]) -> dict[str, Any]:
    """A v1 decision as v2 reads it, meaning the same (a missing outcome was « carried »).

    v1 wrote « carried » for every decision whose outcome was left as it was: from a file, a
    default cannot be told from a choice, so the outcomes of v1 are kept as they are.
    """
    return doc if "outcome" in doc else {**doc, "outcome": V1_OUTCOME}


def upgrade_export(session: Any, version: int) -> Any:
    """The session of an export file of ``version`` as the current version reads it."""
    decisions = session.get("decisions") if isinstance(session, dict) else None
    if version >= 2 or not isinstance(decisions, list):
        return session
    upgraded = [v1_decision(d) if isinstance(d, dict) else d for d in decisions]
    return {**session, "decisions": upgraded}


def _v1_to_v2(tables: Tables) -> Tables:
    """v2: outcomes may be none (consensus, withdrawn added), resources negotiating or confirmed
    verbally, needs in words, accountable roles, signals both ways, the adjournment time.

    Every v1 value keeps its meaning in v2; only a decision without an outcome, which v1 read
    as « carried », is written so.
    """
    out = copy.deepcopy(tables)
    decisions = out.get("decisions", {})
    for key, doc in decisions.items():
        decisions[key] = v1_decision(doc)
    for doc in out.get(META_TABLE, {}).values():
        doc["schema_version"] = 2
    return out


def _v2_to_v3(tables: Tables) -> Tables:
    """v3 adds the ``conflicts`` table (a sync's unsettled fields): none in older files."""
    out = copy.deepcopy(tables)
    out.setdefault("conflicts", {})
    for doc in out.get(META_TABLE, {}).values():
        doc["schema_version"] = 3
    return out


V4_TABLES = ("participation", "monitoring", "communication")
"""The lists v4 added to the coordination step."""


def _v3_to_v4(tables: Tables) -> Tables:
    """v4: the coordination step's participation, follow-up (monitoring) and communication
    lists, empty; working groups get a meeting frequency, empty (never guessed from the
    mandate where a facilitator may have written it)."""
    out = copy.deepcopy(tables)
    for name in V4_TABLES:
        out.setdefault(name, {})
    for doc in out.get("working_groups", {}).values():
        doc.setdefault("frequency", "")
    for doc in out.get(META_TABLE, {}).values():
        doc["schema_version"] = 4
    return out


def _v4_to_v5(tables: Tables) -> Tables:
    """v5: leads that are organisations, arrivals and departures, decision times, voided
    decisions, more agreement types. Every new field has a default that says nothing."""
    out = copy.deepcopy(tables)
    for doc in out.get(META_TABLE, {}).values():
        doc["schema_version"] = 5
    return out


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
}
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
