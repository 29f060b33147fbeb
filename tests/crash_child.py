"""Child process of the kill test: grows a TinyDB database through the atomic storage."""

# Usage: python tests/crash_child.py FILE. FILE must exist (the parent writes version 0). The
# child prints "ready" once the file is open, then, after each write has returned, the version
# now on disk (its number of records). It writes nothing else, anywhere, until it is killed.

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.storage.tinystorage import AtomicJSONStorage  # noqa: E402

# After K_MAX records the table is emptied and grows again: the file stays small, and the
# frequent shrinking saves are the ones an in-place writer (seek, write, truncate) breaks.
K_MAX = 12
RECORDS = "records"
META = {"app": "concerto", "schema_version": 1, "id": "crash"}


def record(i: int) -> dict[str, Any]:
    """Return the deterministic content of record number i (0-based)."""
    return {"n": i, "title": f"élément {i}", "pad": "x" * (37 * (i % 11)), "tags": [i % 3, i % 7]}


def version(k: int) -> dict[str, Any]:
    """Return the whole database as the child writes it at version k."""
    return {
        "meta": {"1": dict(META)},
        RECORDS: {str(i + 1): record(i) for i in range(k)},
    }


def successor(k: int) -> int:
    """Return the version the child writes after version k."""
    return 0 if k >= K_MAX else k + 1


def main(path: str) -> None:
    """Open the file, then save one more version after another until killed."""
    from tinydb import TinyDB

    db = TinyDB(path, storage=AtomicJSONStorage, create=False)
    records = db.table(RECORDS)
    k = len(records)
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    while True:
        if k >= K_MAX:
            records.truncate()
        else:
            records.insert(record(k))
        k = successor(k)
        out.write(f"{k}\n")
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1])
