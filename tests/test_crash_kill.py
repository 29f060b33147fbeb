"""SIGKILL a process saving through the atomic storage at random instants; the file survives."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import crash_child
import pytest

from tui.storage.atomic import atomic_write_bytes, sweep_temporaries
from tui.storage.rawcheck import load_checked
from tui.storage.tinystorage import dumps_tables

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = int(os.environ.get("CONCERTO_STRESS_COUNT", "200"))
SEED = int(os.environ.get("CONCERTO_STRESS_SEED", "20240607"))
MAX_DELAY = 0.025


def _run_once(path: Path, delay: float) -> list[int]:
    """Start the child, wait for it to report ready, kill it after delay; return its acks."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    try:
        first = child.stdout.readline()
        if first != "ready\n":
            child.wait()
            raise AssertionError(f"child did not start: {first!r} {child.stderr.read()}")
        # Not a wait for some state (that was "ready"): the random instant the kill lands at.
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        rest = child.stdout.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL, child.returncode
    complete = rest[: rest.rfind("\n") + 1] if "\n" in rest else ""
    return [int(line) for line in complete.splitlines()]


@pytest.mark.heavy(14)
def test_random_sigkill_leaves_old_or_new_file(tmp_path: Path) -> None:
    """After each kill the file parses, is a saved version, and no temporary is listed."""
    rng = random.Random(SEED)
    path = tmp_path / "crash.json"
    atomic_write_bytes(path, dumps_tables(crash_child.version(0)).encode("utf-8"))
    current = 0
    completed_in_flight = 0
    leftovers = 0
    for trial in range(KILLS):
        acks = _run_once(path, rng.uniform(0, MAX_DELAY))
        expected = current
        for ack in acks:
            assert ack == crash_child.successor(expected), (trial, acks)
            expected = ack
        data = load_checked(path)
        allowed = {expected: "acknowledged", crash_child.successor(expected): "in flight"}
        found = next((k for k in allowed if data == crash_child.version(k)), None)
        assert found is not None, (trial, expected, len(data.get("records", {})))
        completed_in_flight += found != expected
        current = found
        assert sorted(tmp_path.glob("*.json")) == [path], trial
        leftovers += len(sweep_temporaries(tmp_path, "crash", holder=True))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crash.json"]
    print(
        f"{KILLS} kills: {completed_in_flight} unacknowledged saves found whole, "
        f"{leftovers} temporary files swept"
    )
