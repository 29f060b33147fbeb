"""A merge commit built in git's object store, never in the data folder's files."""

from __future__ import annotations

import os

from tui.sync.git import GitError, Repo

INDEX = "concerto-merge-index"


def merge_commits(repo: Repo, ours: str, theirs: str) -> tuple[str, list[str]]:
    """Merge ``theirs`` into ``ours`` with the session driver; return the commit and refused paths.

    A path the driver refuses (a damaged side) keeps our version in the merge.
    """
    theirs_by = repo.out("log", "-1", "--format=%an", theirs)
    env = {"CONCERTO_MERGE_THEIRS": theirs_by}
    done = repo.run(
        "merge-tree",
        "--write-tree",
        "--allow-unrelated-histories",
        "-z",
        "--name-only",
        ours,
        theirs,
        check=False,
        env=env,
    )
    if done.returncode not in (0, 1):
        raise GitError("other", done.stderr.decode("utf-8", "replace").strip()[-300:])
    parts = done.stdout.decode("utf-8", "replace").split("\0")
    tree = parts[0]
    refused: list[str] = []
    if done.returncode == 1:
        for path in parts[1:]:
            if not path:
                break
            if path not in refused:
                refused.append(path)
        tree = _keep_ours(repo, tree, ours, refused)
    message = f"Merge the sessions of {theirs_by or 'the remote'}"
    commit = repo.out("commit-tree", tree, "-p", ours, "-p", theirs, "-m", message)
    return commit, refused


def _keep_ours(repo: Repo, tree: str, ours: str, paths: list[str]) -> str:
    """``tree`` with ``paths`` as they are in ``ours`` (built in a private index)."""
    index = repo.git_dir / INDEX
    env = {"GIT_INDEX_FILE": str(index)}
    try:
        repo.run("read-tree", tree, env=env)
        for path in paths:
            entry = repo.out("ls-tree", "-z", ours, "--", path).rstrip("\0")
            if entry:
                meta, _, _ = entry.partition("\t")
                mode, _, sha = meta.split(" ")
                repo.run("update-index", "--add", "--cacheinfo", f"{mode},{sha},{path}", env=env)
            else:
                repo.run("update-index", "--force-remove", "--", path, env=env)
        return repo.out("write-tree", env=env)
    finally:
        if index.exists():
            os.unlink(index)
