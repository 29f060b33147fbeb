"""The git command line, run on a data folder's own repository (never a parent's)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

BRANCH = "main"
REMOTE = "origin"
REMOTE_HEAD = f"refs/remotes/{REMOTE}/{BRANCH}"
NETWORK_TIMEOUT = 120.0
"""Seconds a fetch or a push may take before the remote counts as unreachable."""

IGNORE = """\
# Written by Concerto: what stays on this computer. The store's own files start with a dot
# (locks, owners, temporaries, backups, the trash, the listing cache).
.*
!.gitignore
!.gitattributes
/exports/
/*-remote.json
"""
ATTRIBUTES = """\
# Written by Concerto: sessions merge record by record (concerto sync registers the driver).
/*.json merge=concerto
"""
DRIVER = "concerto"


class GitError(Exception):
    """A git command failed: ``code`` says how (no_git, unreachable, not_repo, refused, other)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Author:
    """Who a sync's commits are by."""

    name: str
    email: str


def classify(stderr: str) -> str:
    """What a failed fetch or push means, from git's (C locale) message."""
    text = stderr.lower()
    if "does not appear to be a git repository" in text or "not a git repository" in text:
        return "not_repo"
    rejected = "[rejected]" in text or "[remote rejected]" in text or "failed to push" in text
    if rejected and "could not read from remote" not in text:
        return "refused"
    return "unreachable"


def reason_line(stderr: str) -> str:
    """The line of git's message that says why: ssh's, a rejection, or the first error."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("ssh:", "!", "fatal:", "error:")):
            return line.removeprefix("fatal: ").removeprefix("error: ")[:300]
    return lines[0][:300] if lines else ""


def driver_command() -> str:
    """The merge driver as git runs it: this Python, this package."""
    return f"{shlex.quote(sys.executable)} -m tui.sync.driver %O %A %B"


class Repo:
    """The git repository of one data folder (``<folder>/.git``)."""

    def __init__(self, folder: Path, *, env: Mapping[str, str] | None = None) -> None:
        """Use ``folder``; ``env`` adds variables to every git command (author, labels)."""
        self.folder = folder
        self.git_dir = folder / ".git"
        base = dict(os.environ if env is None else {**os.environ, **env})
        base.update(
            GIT_DIR=str(self.git_dir),
            GIT_WORK_TREE=str(folder),
            LC_ALL="C",
            LANGUAGE="C",
            GIT_TERMINAL_PROMPT="0",
        )
        # No prompt can be answered from a worker of the app: keys or an agent, or a clear error.
        base.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes -o ConnectTimeout=15")
        for name in ("GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE"):
            base.pop(name, None)
        self.env = base

    def run(
        self,
        *args: str,
        stdin: bytes | None = None,
        check: bool = True,
        timeout: float | None = None,
        env: Mapping[str, str] | None = None,
    ) -> subprocess.CompletedProcess[bytes]:
        """Run ``git args`` in the folder; raise GitError("other") on failure when ``check``."""
        try:
            done = subprocess.run(
                ["git", "-c", "core.quotePath=false", *args],
                cwd=self.folder,
                input=stdin,
                capture_output=True,
                env={**self.env, **(env or {})},
                timeout=timeout,
                check=False,
            )
        except FileNotFoundError:
            raise GitError("no_git") from None
        except subprocess.TimeoutExpired:
            raise GitError("unreachable", "timed out") from None
        if check and done.returncode != 0:
            raise GitError("other", _last_line(done.stderr))
        return done

    def out(self, *args: str, **kw: object) -> str:
        """The standard output of ``git args``, stripped."""
        return self.run(*args, **kw).stdout.decode("utf-8", "replace").strip()  # type: ignore[arg-type]

    def rev(self, ref: str) -> str | None:
        """The commit ``ref`` names, or None."""
        done = self.run("rev-parse", "-q", "--verify", f"{ref}^{{commit}}", check=False)
        return done.stdout.decode().strip() if done.returncode == 0 else None

    def blob(self, commit: str | None, path: str) -> bytes | None:
        """The bytes of ``path`` at ``commit``, or None when it is not there."""
        if commit is None:
            return None
        done = self.run("cat-file", "blob", f"{commit}:{path}", check=False)
        return done.stdout if done.returncode == 0 else None

    def blobs(self, specs: Iterable[str]) -> list[bytes | None]:
        """Many ``rev:path`` blobs through one ``git cat-file --batch``; None when missing."""
        wanted = list(specs)
        if not wanted:
            return []
        raw = self.run(
            "cat-file", "--batch", stdin="".join(f"{s}\n" for s in wanted).encode()
        ).stdout
        found: list[bytes | None] = []
        at = 0
        for _ in wanted:
            end = raw.index(b"\n", at)
            header = raw[at:end].split()
            at = end + 1
            if len(header) < 3 or header[1] != b"blob":
                found.append(None)
                continue
            size = int(header[2])
            found.append(raw[at : at + size])
            at += size + 1
        return found

    def ensure(self, driver: str) -> dict[str, str]:
        """Make the folder a repository with Concerto's ignore rules and merge driver.

        Returns the local configuration (``remote.origin.url`` among it).
        """
        if not (self.git_dir / "HEAD").is_file():
            self.run("init", "-q", "-b", BRANCH)
        config = self.config()
        wanted = {
            f"merge.{DRIVER}.name": "Concerto sessions, record by record",
            f"merge.{DRIVER}.driver": driver,
        }
        for key, value in wanted.items():
            if config.get(key) != value:
                self.run("config", "--local", key, value)
                config[key] = value
        return config

    def config(self) -> dict[str, str]:
        """The repository's own configuration."""
        done = self.run("config", "--local", "-z", "--list", check=False)
        found: dict[str, str] = {}
        for item in done.stdout.decode("utf-8", "replace").split("\0"):
            key, _, value = item.partition("\n")
            if key:
                found[key] = value
        return found


def _last_line(stderr: bytes) -> str:
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1].strip()[:300] if lines else ""


def write_rules(folder: Path) -> list[str]:
    """Write the ignore and attribute files when they differ; return the names written."""
    from tui.storage.atomic import atomic_write_bytes

    written = []
    for name, text in ((".gitignore", IGNORE), (".gitattributes", ATTRIBUTES)):
        path = folder / name
        data = text.encode()
        try:
            same = path.read_bytes() == data
        except OSError:
            same = False
        if not same:
            atomic_write_bytes(path, data)
            written.append(name)
    return written


def author_for(name: str | None) -> Author:
    """The author of this computer's commits: the facilitator's name, else the account's."""
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "concerto"
    host = socket.gethostname() or "localhost"
    clean = "".join(ch for ch in (name or "") if ch.isprintable() and ch not in "<>").strip()
    return Author(clean or user, f"{user}@{host}")
