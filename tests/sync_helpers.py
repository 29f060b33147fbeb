"""Two laptops' data folders and a shared bare repository, driven through the command line."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tui.cli import main
from tui.model import Session
from tui.storage.store import SessionStore


@dataclass
class Laptop:
    """One facilitator's computer: a data folder and a preferences file with their name."""

    name: str
    folder: Path
    config_home: Path
    monkeypatch: pytest.MonkeyPatch
    capsys: pytest.CaptureFixture[str]

    def run(self, *args: str) -> tuple[int, str, str]:
        """``concerto --lang en --data-dir FOLDER args``: status, output and errors."""
        self.monkeypatch.setenv("XDG_CONFIG_HOME", str(self.config_home))
        self.capsys.readouterr()
        status = main(["--lang", "en", "--data-dir", str(self.folder), *args])
        out, err = self.capsys.readouterr()
        return status, out, err

    def listing(self) -> list[dict[str, Any]]:
        """``concerto list --json``."""
        status, out, _err = self.run("list", "--json")
        assert status == 0
        return [json.loads(line) for line in out.splitlines()]

    @property
    def store(self) -> SessionStore:
        """The folder's store."""
        return SessionStore(self.folder)

    def edit(self, sid: str, change: Any) -> None:
        """Open the session for writing, change it, save it, close it (as the app does)."""
        handle = self.store.open(sid)
        session: Session = handle.session
        change(session)
        handle.save(session)
        handle.close()

    def load(self, sid: str) -> Session:
        """The session as its file holds it."""
        return self.store.load(sid)


def laptop(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Laptop:
    """A laptop whose preferences name its facilitator."""
    config_home = tmp_path / f"config-{name}"
    (config_home / "concerto").mkdir(parents=True)
    (config_home / "concerto" / "config.toml").write_text(f'facilitator = "{name}"\n')
    return Laptop(name, tmp_path / f"data-{name}", config_home, monkeypatch, capsys)


def bare_repo(path: Path) -> Path:
    """An empty shared repository."""
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(path)], check=True)
    return path
