"""``concerto sync``: commit this folder's sessions, fetch, merge record by record, push.

The data folder is the work tree of its own repository. Git never writes a session file:
the merge is computed in git's object store (``merge-tree`` with Concerto's merge driver),
then each session that changed is taken in under its lock (`take_incoming`). If a session is
held elsewhere, the folder's branch stays where it was, so the next sync merges it again:
a sync stopped at any point leaves readable files, and the next one completes it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.storage.incoming import MergeOpen, set_aside_if_damaged, take_incoming
from tui.storage.store import SessionStore
from tui.sync.git import (
    BRANCH,
    NETWORK_TIMEOUT,
    REMOTE,
    REMOTE_HEAD,
    Author,
    GitError,
    Repo,
    classify,
    driver_command,
    reason_line,
    write_rules,
)
from tui.sync.sessions import changed_paths, commit_message, is_session_path, session_id_of

SYNC_LOCK = ".sync.lock"


@dataclass
class SyncReport:
    """What one sync did, for the one line that tells it."""

    remote: str = ""
    sent: list[str] = field(default_factory=list)
    """Sessions the remote received."""
    received: list[str] = field(default_factory=list)
    """Sessions this folder received (written or merged)."""
    committed: list[str] = field(default_factory=list)
    """Sessions committed here by this sync."""
    conflicts: dict[str, int] = field(default_factory=dict)
    """Open conflicts by session, among those received."""
    damaged: list[str] = field(default_factory=list)
    """Sessions whose incoming version is damaged: set aside, not merged."""
    not_sent: list[str] = field(default_factory=list)
    """Sessions damaged here: not committed."""
    held: list[str] = field(default_factory=list)
    """Sessions open in another program: they take the merge at the next sync."""
    offline: str | None = None
    """Why the remote could not be reached (unreachable, not_repo, refused), when it could not."""
    detail: str = ""


class SyncError(Exception):
    """A sync that could not start: ``code`` (no_remote, busy, no_git, other) and a detail."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = FileLock(folder / SYNC_LOCK, timeout=0, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise SyncError("busy") from None
    try:
        yield
    finally:
        lock.release()


def open_repo(
    folder: Path, author: Author | None = None, url: str | None = None
) -> tuple[Repo, dict[str, str]]:
    """The folder's repository, made ready to sync (rules, driver, remote)."""
    env = {}
    if author is not None:
        env = {
            "GIT_AUTHOR_NAME": author.name,
            "GIT_AUTHOR_EMAIL": author.email,
            "GIT_COMMITTER_NAME": author.name,
            "GIT_COMMITTER_EMAIL": author.email,
            "CONCERTO_MERGE_OURS": author.name,
        }
    repo = Repo(folder, env=env)
    config = repo.ensure(driver_command())
    write_rules(folder)
    stale = repo.git_dir / "index.lock"
    if stale.exists():  # left by a git killed half-way: we hold the folder's sync lock
        stale.unlink()
    if url:
        key = f"remote.{REMOTE}.url"
        if key not in config:
            repo.run("remote", "add", REMOTE, url)
        elif config[key] != url:
            repo.run("remote", "set-url", REMOTE, url)
        config[key] = url
    return repo, config


def commit_local(
    repo: Repo,
    store: SessionStore,
    report: SyncReport,
    message: str | None = None,
    only: list[str] | None = None,
) -> str | None:
    """Commit the sessions changed here (damaged ones left out); return HEAD."""
    paths = changed_paths(repo) if only is None else only
    good: list[str] = []
    titles: dict[str, str] = {}
    for path in paths:
        if not is_session_path(path):
            good.append(path)
            continue
        sid = session_id_of(path)
        if not (store.folder / path).exists():
            good.append(path)
            titles[sid] = ""
            continue
        try:
            titles[sid] = store.load(sid).meeting.title
        except Exception:  # damaged here: never sent
            report.not_sent.append(sid)
            continue
        good.append(path)
    head = repo.rev("HEAD")
    if head is None and not titles:  # nothing of ours yet: take the remote's history as it is
        return None
    if good:
        repo.run("add", "-A", "--", *good)
        staged = repo.run("diff", "--cached", "--quiet", check=False).returncode != 0
        if staged or head is None:
            text = message or commit_message(titles)
            repo.run("commit", "-q", "--no-verify", "--allow-empty", "-m", text)
            report.committed = sorted(titles)
            head = repo.rev("HEAD")
    return head


def sync(
    folder: Path,
    author: Author,
    *,
    url: str | None = None,
    merge_open: MergeOpen | None = None,
    store: SessionStore | None = None,
) -> SyncReport:
    """Commit, fetch, merge and push; raises SyncError when it cannot start."""
    store = store or SessionStore(folder)
    with _folder_lock(folder):
        try:
            repo, config = open_repo(folder, author, url)
        except GitError as exc:
            raise SyncError(exc.code, exc.detail) from None
        remote = config.get(f"remote.{REMOTE}.url")
        if not remote:
            raise SyncError("no_remote")
        report = SyncReport(remote=remote)
        try:
            _sync(repo, store, report, merge_open, author)
        except GitError as exc:
            if exc.code in ("no_git",):
                raise SyncError(exc.code, exc.detail) from None
            report.offline, report.detail = exc.code, exc.detail
        return report


def _network(repo: Repo, *args: str) -> None:
    done = repo.run(*args, check=False, timeout=NETWORK_TIMEOUT)
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace")
        raise GitError(classify(stderr), reason_line(stderr))


def _sync(
    repo: Repo,
    store: SessionStore,
    report: SyncReport,
    merge_open: MergeOpen | None,
    author: Author,
) -> None:
    local = commit_local(repo, store, report)
    _network(repo, "fetch", "-q", REMOTE, f"+refs/heads/*:refs/remotes/{REMOTE}/*")
    theirs = repo.rev(REMOTE_HEAD)
    target = _target(repo, store, report, local, theirs, author)
    if target is None:
        return
    if target != local:
        _take(repo, store, report, local, target, merge_open)
    if target != theirs:
        report.sent = _sessions_between(repo, theirs, target)
        _network(repo, "push", "-q", REMOTE, f"{target}:refs/heads/{BRANCH}")
        repo.run("update-ref", REMOTE_HEAD, target)


def _target(
    repo: Repo,
    store: SessionStore,
    report: SyncReport,
    local: str | None,
    theirs: str | None,
    author: Author,
) -> str | None:
    """The commit both sides end on: ours, theirs (fast-forward) or a merge of the two."""
    if theirs is None or theirs == local:
        return local
    if local is None:
        return theirs
    base = repo.out("merge-base", local, theirs) if _related(repo, local, theirs) else ""
    if base == theirs:
        return local
    if base == local:
        return theirs
    from tui.sync.merge import merge_commits

    commit, refused = merge_commits(repo, local, theirs)
    for path in filter(is_session_path, refused):  # a damaged side: ours is kept
        raw = repo.blob(theirs, path)
        if raw is not None and set_aside_if_damaged(store, session_id_of(path), raw):
            report.damaged.append(session_id_of(path))
    return commit


def _related(repo: Repo, a: str, b: str) -> bool:
    return repo.run("merge-base", a, b, check=False).returncode == 0


def _take(
    repo: Repo,
    store: SessionStore,
    report: SyncReport,
    local: str | None,
    target: str,
    merge_open: MergeOpen | None,
) -> None:
    """Bring the folder from ``local`` to ``target``, each session under its lock."""
    paths = _paths_between(repo, local, target)
    sessions = [p for p in paths if is_session_path(p)]
    olds = repo.blobs(f"{local}:{p}" for p in sessions) if local else [None] * len(sessions)
    news = repo.blobs(f"{target}:{p}" for p in sessions)
    theirs_by = repo.out("log", "-1", "--format=%an", target)
    complete = True
    for n, path in enumerate(sessions):
        sid = session_id_of(path)
        outcome = take_incoming(
            store, sid, olds[n], news[n], merge_open=merge_open,
            ours_by=repo.env.get("CONCERTO_MERGE_OURS", ""), theirs_by=theirs_by,
        )  # fmt: skip
        if outcome == "held":
            report.held.append(sid)
            complete = False
        elif outcome == "damaged":
            report.damaged.append(sid)
        elif outcome in ("written", "deleted"):
            report.received.append(sid)
    if complete:
        repo.run("update-ref", f"refs/heads/{BRANCH}", target)
        repo.run("read-tree", target)
    for sid in report.received:
        with contextlib.suppress(Exception):
            open_conflicts = len(store.load(sid).conflicts)
            if open_conflicts:
                report.conflicts[sid] = open_conflicts


def _paths_between(repo: Repo, old: str | None, new: str) -> list[str]:
    if old is None:
        raw = repo.run("ls-tree", "-r", "-z", "--name-only", new).stdout
    else:
        raw = repo.run("diff", "--name-only", "-z", "--no-renames", old, new).stdout
    return [p for p in raw.decode("utf-8", "replace").split("\0") if p]


def _sessions_between(repo: Repo, old: str | None, new: str) -> list[str]:
    return sorted(session_id_of(p) for p in _paths_between(repo, old, new) if is_session_path(p))


def restore_state(
    store: SessionStore, session_id: str, raw: bytes, commit: str, author: Author
) -> None:
    """Bring back ``raw`` (a session at ``commit``) as the current state, committed here."""
    from tui.storage.incoming import put_back

    with _folder_lock(store.folder):
        try:
            repo, _config = open_repo(store.folder, author)
        except GitError as exc:
            raise SyncError(exc.code, exc.detail) from None
        put_back(store, session_id, raw)
        message = f"Restore {session_id} as it was at {commit[:10]}"
        commit_local(repo, store, SyncReport(), message=message, only=[f"{session_id}.json"])
