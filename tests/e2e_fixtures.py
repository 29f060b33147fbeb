"""Pytest fixtures for end-to-end tests in a real terminal and over SSH.

tests/conftest.py registers this module with `pytest_plugins = ["e2e_fixtures"]`.
"""

from __future__ import annotations

import os
import subprocess
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
    """An OpenSSH server on 127.0.0.1 for the whole session, checked by one login.

    Without sshd, or as a non-root user whose login sshd refuses (UsePAM no rejects locked
    accounts), the tests are skipped; in CI (env CI set) they fail instead.
    """
    server = SshServer()
    reason = sshd_missing_reason()
    if reason is None:
        try:
            server.start()
            reason = server.login_error()
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            reason = str(exc)
    if reason is not None:
        server.stop()
        if os.environ.get("CI") or (os.geteuid() == 0 and sshd_missing_reason() is None):
            pytest.fail(f"the SSH test server is not usable: {reason}", pytrace=False)
        pytest.skip(f"no usable SSH test server: {reason}")
    try:
        yield server
    finally:
        server.stop()
