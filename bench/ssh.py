"""Issue 9 figures: Concerto over SSH and in a local pseudo-terminal, in the same run.

For each way in (a local pseudo-terminal, and ``ssh -tt`` to a throw-away sshd on 127.0.0.1,
the test fixture of tests/sshd.py):

- the time from starting the command to the first frame of home showing its sessions
  (over SSH this includes the connection; a bare login running ``true`` is timed beside it);
- the time from a key to its echo on screen, median and p95 over 100 keys (smoke: 5): keys
  typed into the meeting's "Collective or body" field, a letter then a backspace in turn,
  each sent once the previous one is drawn.

Limits: a key's echo within 100 ms at p95, the first frame of home within 3 s, both ways.
"""

from __future__ import annotations

import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unittest
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from driver import TerminalDriver  # noqa: E402
from sshd import SshServer, sshd_missing_reason  # noqa: E402

NEEDS = ("sshd",)
CONCERTO = str(Path(sys.executable).parent / "concerto")
ECHO_P95_LIMIT = 0.100
FIRST_FRAME_LIMIT = 3.0
TITLE = "Banc d'essai SSH"
FIELD = re.compile(r"^ Collective or body( +(?P<text>\S*))?$")


def environment(home: Path) -> dict[str, str]:
    """Concerto's environment, local or remote: own home, English, no cursor blink."""
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".state"),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "CONCERTO_LANG": "en",
        "CONCERTO_CURSOR_BLINK": "0",
        "TZ": "America/Montreal",
    }


def argv_for(way: str, server: SshServer, home: Path, args: list[str]) -> list[str]:
    """The command line that runs ``concerto ARGS`` locally or through ssh."""
    concerto = [CONCERTO, *args]
    if way == "local":
        return concerto
    return server.client_argv(server.remote_command(concerto, environment(home)))


def first_frame(way: str, server: SshServer, home: Path, folder: Path) -> float:
    """Seconds from starting the command to home showing the session."""
    argv = argv_for(way, server, home, ["--data-dir", str(folder)])
    start = time.perf_counter()
    with TerminalDriver.spawn(argv, env=environment(home)) as term:
        term.wait_for(TITLE, timeout=60)  # its row
        elapsed = time.perf_counter() - start
        term.press("ctrl+q")
        term.wait_exit(15)
    return elapsed


def login(server: SshServer) -> float:
    """Seconds for a bare SSH login that runs ``true``."""
    start = time.perf_counter()
    subprocess.run(server.client_argv("true"), stdin=subprocess.DEVNULL, capture_output=True,
                   check=True, timeout=60)  # fmt: skip
    return time.perf_counter() - start


def echoes(
    way: str, server: SshServer, home: Path, folder: Path, sid: str, keys: int
) -> list[float]:
    """Seconds from each key to its echo in the collective field."""
    argv = argv_for(way, server, home, ["--data-dir", str(folder), "open", sid])
    with TerminalDriver.spawn(argv, env=environment(home)) as term:
        term.wait_for(re.compile(r"saved$"), line=0, timeout=60)
        row = next(n for n in range(term.size[1]) if FIELD.match(term.line(n)))
        term.press("tab")  # to the collective

        def shows(text: str) -> bool:
            found = FIELD.match(term.line(row))
            return found is not None and (found.group("text") or "") == text

        times: list[float] = []
        for n in range(keys):
            letter = "abcdefghijklmnopqrstuvwxyz"[n // 2 % 26]
            key, text = (letter, letter) if n % 2 == 0 else ("backspace", "")
            start = time.perf_counter()
            term.press(key)
            term.wait_until(partial(shows, text), 15, what=f"echo of {key!r}")
            times.append(time.perf_counter() - start)
        term.press("ctrl+q")
        term.wait_exit(15)
    return times


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main(smoke: bool = False) -> bool:
    """Print both ways' figures beside the bare login and the limits; False if one is missed."""
    reason = sshd_missing_reason()
    if reason is not None:
        raise unittest.SkipTest(reason)
    keys, runs = (5, 1) if smoke else (100, 3)
    ok = True
    with tempfile.TemporaryDirectory() as tmp, SshServer() as server:
        error = server.login_error()
        if error is not None:
            raise unittest.SkipTest(f"no SSH login: {error}")
        home, folder = Path(tmp) / "home", Path(tmp) / "sessions"
        home.mkdir()
        from tui.storage.store import SessionStore

        store = SessionStore(folder)
        sids = {way: store.create(TITLE, minutes_lang="en").id for way in ("local", "ssh")}
        logins = [login(server) for _ in range(runs)]
        print(f"bare ssh login running true:   {statistics.median(logins) * 1000:6.0f} ms")
        for way in ("local", "ssh"):
            first_frame(way, server, home, folder)  # warm the page cache and the .pyc files
            frames = [first_frame(way, server, home, folder) for _ in range(runs)]
            times = echoes(way, server, home, folder, sids[way], keys)
            frame, median, high = statistics.median(frames), statistics.median(times), p95(times)
            print(
                f"{way:5} first frame of home: {frame * 1000:6.0f} ms (median of {runs}, "
                f"limit {FIRST_FRAME_LIMIT * 1000:.0f} ms)"
            )
            print(
                f"{way:5} key to echo:         {median * 1000:6.1f} ms median, "
                f"{high * 1000:6.1f} ms p95 over {keys} keys (limit p95 "
                f"{ECHO_P95_LIMIT * 1000:.0f} ms)"
            )
            ok = ok and frame <= FIRST_FRAME_LIMIT and high <= ECHO_P95_LIMIT
    return ok


if __name__ == "__main__":
    main("--smoke" in sys.argv)
