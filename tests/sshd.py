"""A throw-away OpenSSH server on 127.0.0.1, with its own keys, for end-to-end tests."""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SSHD = "/usr/sbin/sshd"  # sshd re-executes itself, so it must be started by absolute path

_CONFIG = """\
ListenAddress 127.0.0.1
Port {port}
HostKey {host_key}
AuthorizedKeysFile {authorized_keys}
PidFile {pid_file}
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin yes
AcceptEnv LANG LC_* TERM
X11Forwarding no
PrintMotd no
PrintLastLog no
LogLevel ERROR
"""


def sshd_missing_reason() -> str | None:
    """Return why an SSH server cannot be started here, or None if it can."""
    if not os.path.exists(SSHD):
        return f"{SSHD} not found (install openssh-server)"
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:
            return f"{tool} not found (install openssh-client)"
    return None


def _free_port() -> int:
    """Return a TCP port that was free on 127.0.0.1 a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _keygen(path: Path) -> str:
    """Create an ed25519 key pair without passphrase; return the public key line."""
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "concerto-test", "-f", str(path)],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    return path.with_suffix(".pub").read_text().strip()


class SshServer:
    """An sshd listening on a free port of 127.0.0.1 that accepts one generated client key."""

    def __init__(self, user: str | None = None) -> None:
        self.user = user or getpass.getuser()
        self.dir = Path(tempfile.mkdtemp(prefix="concerto-sshd-"))
        self.host_key = self.dir / "host_ed25519"
        self.client_key = self.dir / "client_ed25519"
        self.known_hosts = self.dir / "known_hosts"
        self.config = self.dir / "sshd_config"
        self.log = self.dir / "sshd.log"
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 10.0) -> SshServer:
        """Generate the keys and config, start sshd and wait until it greets clients."""
        if os.geteuid() == 0:
            # Privilege separation chroots into /run/sshd, which a fresh container lacks.
            os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
        host_pub = _keygen(self.host_key)
        (self.dir / "authorized_keys").write_text(_keygen(self.client_key) + "\n")
        last_error = ""
        for _attempt in range(3):  # another process may grab the port between probe and bind
            self.port = _free_port()
            self.known_hosts.write_text(f"[127.0.0.1]:{self.port} {host_pub}\n")
            self.config.write_text(
                _CONFIG.format(
                    port=self.port,
                    host_key=self.host_key,
                    authorized_keys=self.dir / "authorized_keys",
                    pid_file=self.dir / "sshd.pid",
                )
            )
            with self.log.open("wb") as log:
                self.proc = subprocess.Popen(
                    [SSHD, "-D", "-e", "-f", str(self.config)],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            if self._wait_ready(timeout):
                return self
            last_error = self.log.read_text(errors="replace")
            self._stop_process()
        raise RuntimeError(f"sshd did not start on 127.0.0.1:{self.port}:\n{last_error}")

    def _wait_ready(self, timeout: float) -> bool:
        """Poll until the server sends its SSH banner; False if it died or timed out."""
        assert self.proc is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    if sock.recv(64).startswith(b"SSH-"):
                        return True
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def login_error(self, timeout: float = 15.0) -> str | None:
        """Log in once and run `true`; return why it failed (client and server logs) or None."""
        try:
            result = subprocess.run(
                self.client_argv("true"),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return f"ssh login timed out after {timeout}s\n{self.log.read_text(errors='replace')}"
        if result.returncode == 0:
            return None
        return (
            f"ssh {self.user}@127.0.0.1 -p {self.port} failed ({result.returncode}): "
            f"{result.stderr.decode(errors='replace').strip()}\n"
            f"sshd log:\n{self.log.read_text(errors='replace')}"
        )

    def client_argv(self, remote_command: str) -> list[str]:
        """Return an ssh command line (with a forced tty) that runs `remote_command`."""
        return [
            "ssh",
            "-F",
            "/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            f"UserKnownHostsFile={self.known_hosts}",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "LogLevel=ERROR",
            "-i",
            str(self.client_key),
            "-p",
            str(self.port),
            "-tt",
            f"{self.user}@127.0.0.1",
            remote_command,
        ]

    @staticmethod
    def remote_command(argv: list[str], env: dict[str, str] | None = None) -> str:
        """Quote argv (prefixed by `env K=V ...`) into a command for the remote shell."""
        prefix = ["env", *(f"{k}={v}" for k, v in (env or {}).items())] if env else []
        return shlex.join([*prefix, *argv])

    def _stop_process(self) -> None:
        """Stop the listener and its per-connection children (its own process group)."""
        if self.proc is None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(5)
                break
            except subprocess.TimeoutExpired:
                continue
        self.proc = None

    def stop(self) -> None:
        """Stop the listener and remove the keys and config."""
        self._stop_process()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> SshServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
