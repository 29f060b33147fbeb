"""Issue 19 figures: ``concerto sync`` of 1,000 sessions with 10 changed, and a session merge.

1. A folder of 1,000 sessions already shared with a bare repository; each run changes 10 of
   them and syncs (commit, fetch, merge, push). Baseline, interleaved in the same run on the
   same repository: git alone doing the same work (``git add -A``, ``git commit``, ``git
   fetch``, ``git push``); also shown: ``git add -A`` + ``git commit`` only.
   Goal: sync p50 ≤ 2 × git alone p50.
2. The merge driver's work on two versions of a 5,000-record session from a common base (200
   records edited on each side, 20 of them on both): parse, merge, validate, write.
   Baseline: ``git merge-file`` on the same three files (a text merge, unusable for sessions).
   Goal: ≤ 1 s.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tui.model import Action, Meeting, Session
from tui.storage.codec import session_text
from tui.storage.store import SessionStore
from tui.sync.engine import sync
from tui.sync.git import Author

NEEDS = ("git",)
NOW = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)
AUTHOR = Author("Bench", "bench@example.org")


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms"


def _git(folder: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_DIR": str(folder / ".git"),
        "GIT_WORK_TREE": str(folder),
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "b@b",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "b@b",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def _change(store: SessionStore, ids: list[str], run: int) -> None:
    for sid in ids:
        session = store.load(sid)
        session.meeting.place = f"Salle {run}"
        (store.folder / f"{sid}.json").write_text(session_text(session))


def bench_sync(sessions: int, changed: int, runs: int) -> bool:
    """Time a sync against git alone on the same repository; True if within the goal."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        subprocess.run(
            ["git", "init", "-q", "--bare", "-b", "main", str(root / "r.git")], check=True
        )
        store = SessionStore(root / "data")
        ids = [
            store.write_new(
                Session(id="new", created=NOW, updated=NOW, meeting=Meeting(title=f"Table {n}"))
            ).id
            for n in range(sessions)
        ]
        sync(store.folder, AUTHOR, url=str(root / "r.git"))
        ours, alone, add_commit = [], [], []
        for run in range(runs):
            picked = ids[(run * changed) % sessions :][:changed]
            _change(store, picked, run)
            start = time.perf_counter()
            report = sync(store.folder, AUTHOR)
            ours.append(time.perf_counter() - start)
            assert report.offline is None and len(report.sent) == len(picked), report
            _change(store, picked, run + 1000)
            start = time.perf_counter()
            _git(store.folder, "add", "-A")
            _git(store.folder, "commit", "-q", "-m", "bench")
            add_commit.append(time.perf_counter() - start)
            _git(store.folder, "fetch", "-q", "origin")
            _git(store.folder, "push", "-q", "origin", "main")
            alone.append(time.perf_counter() - start)
    ratio = statistics.median(ours) / statistics.median(alone)
    print(f"   sync of {sessions} sessions, {changed} changed ({runs} runs, p50):")
    print(f"     concerto sync                      {_ms(ours)}")
    print(f"     git add+commit+fetch+push (base)   {_ms(alone)}   ratio {ratio:.2f} (goal ≤ 2)")
    print(f"     git add+commit only                {_ms(add_commit)}")
    return ratio <= 2.0


def _session(n: int) -> Session:
    actions = [
        Action(id=f"a{i:05d}", label=f"Action n° {i} : ouvrir la halte-garderie", lead="Awa")
        for i in range(n)
    ]
    return Session(id="s1", created=NOW, updated=NOW, meeting=Meeting(title="T"), actions=actions)


def bench_merge(records: int, runs: int) -> bool:
    """Time the merge of two versions of a session of ``records``; True if within the goal."""
    from tui.storage.merging import merge_files

    base = _session(records)
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    edits = min(200, records // 4)
    for i in range(edits):
        ours.actions[i].lead = f"Ours {i}"
        theirs.actions[-1 - i].code = f"T{i}"
    for i in range(min(20, edits)):
        theirs.actions[i].lead = f"Theirs {i}"  # the same field on both: conflicts
    texts = [session_text(s).encode() for s in (base, ours, theirs)]
    ours_times, git_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp) / name for name in ("base.json", "ours.json", "theirs.json")]
        for _ in range(runs):
            for path, text in zip(paths, texts, strict=True):
                path.write_bytes(text)
            start = time.perf_counter()
            merge_files(*paths)
            ours_times.append(time.perf_counter() - start)
            merged = paths[1].read_bytes()
            start = time.perf_counter()
            subprocess.run(["git", "merge-file", "-p", *map(str, paths)], capture_output=True)
            git_times.append(time.perf_counter() - start)
    from tui.storage.merging import session_from_bytes

    result = session_from_bytes(merged)
    assert len(result.conflicts) == min(20, edits) and len(result.actions) == records
    worst = max(ours_times)
    print(f"   merge of two {records}-record sessions ({runs} runs):")
    limit = "(goal ≤ 1000 ms)"
    print(f"     concerto driver p50  {_ms(ours_times)}   max {worst * 1e3:.1f} ms {limit}")
    print(f"     git merge-file (text, base)        {_ms(git_times)}")
    return worst <= 1.0


def main(smoke: bool = False) -> bool:
    """Run both figures; True when both goals are met."""
    if smoke:
        return bench_sync(50, 5, 2) & bench_merge(500, 1)
    return bench_sync(1000, 10, 10) & bench_merge(5000, 5)
