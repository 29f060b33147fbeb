"""Pytest fixtures for end-to-end tests in a real terminal and over SSH.

Import them from tests/conftest.py: `from .e2e_fixtures import pty_app, ssh_server`
(or `from e2e_fixtures import ...` when tests/ is not a package).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

import pytest

if __package__:
    from .driver import TerminalDriver
    from .sshd import SshServer, sshd_missing_reason
else:  # tests/ is on sys.path (no tests/__init__.py)
    from driver import TerminalDriver
    from sshd import SshServer, sshd_missing_reason

CONCERTO_ARGV = (sys.executable, "-m", "tui")


class SpawnApp(Protocol):
    """Signature of the `pty_app` factory."""

    def __call__(
        self,
        argv: Sequence[str] | None = None,
        *,
        cols: int = 80,
        rows: int = 24,
        term: str = "xterm-256color",
        env: Mapping[str, str | None] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        sync_output: bool = True,
    ) -> TerminalDriver: ...


@pytest.fixture
def pty_app() -> Iterator[SpawnApp]:
    """Factory that spawns programs in pseudo-terminals (default: Concerto); all killed after."""
    drivers: list[TerminalDriver] = []

    def spawn(
        argv: Sequence[str] | None = None,
        *,
        cols: int = 80,
        rows: int = 24,
        term: str = "xterm-256color",
        env: Mapping[str, str | None] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        sync_output: bool = True,
    ) -> TerminalDriver:
        driver = TerminalDriver.spawn(
            CONCERTO_ARGV if argv is None else argv,
            cols=cols,
            rows=rows,
            term=term,
            env=env,
            cwd=cwd,
            sync_output=sync_output,
        )
        drivers.append(driver)
        return driver

    yield spawn
    for driver in drivers:
        driver.close()


@pytest.fixture(scope="session")
def ssh_server() -> Iterator[SshServer]:
    """An OpenSSH server on 127.0.0.1 for the whole session; skipped if absent, except in CI."""
    reason = sshd_missing_reason()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide an SSH server: {reason}")
        pytest.skip(reason)
    server = SshServer().start()
    try:
        yield server
    finally:
        server.stop()
