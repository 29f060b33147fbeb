"""The git merge driver of session files: ``python -m tui.sync.driver %O %A %B``.

Git calls it when a session changed on both sides. It merges record by record into ``%A``
and exits 0; conflicting fields are kept in the session, not as markers. When a side is not
a readable session it changes nothing and exits 1, so that git reports the path in conflict
(the sync then keeps this computer's version and sets the other aside).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Merge ``base ours theirs`` (git's %O %A %B) into ``ours``; the exit status."""
    from tui.storage.merging import MergeRefused, merge_files

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        print("usage: python -m tui.sync.driver BASE OURS THEIRS", file=sys.stderr)
        return 2
    base, ours, theirs = (Path(a) for a in args)
    try:
        merge_files(
            base,
            ours,
            theirs,
            ours_by=os.environ.get("CONCERTO_MERGE_OURS", ""),
            theirs_by=os.environ.get("CONCERTO_MERGE_THEIRS", ""),
        )
    except MergeRefused as exc:
        print(
            f"concerto: {exc.side} is not a readable session ({exc.damage.reason})", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
