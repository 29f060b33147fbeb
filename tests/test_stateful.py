"""A state machine over add, edit, delete, save, failed save, kill and reopen: disk = last ack.

A kill is simulated in-process: the save in flight stops dead at a chosen point (before or
after each step of the atomic write), the kernel's part is played by releasing the lock, and
the handle is dropped without closing or flushing. Real SIGKILLs of a writing child are the
subject of test_crash_kill.py.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from strategies import sessions
from test_faults import STEPS, WHENS, FaultyFS

from tui.model import Action, Session
from tui.storage.atomic import SaveError
from tui.storage.codec import TABLES, dumps_table, encode_table, table_of
from tui.storage.store import SessionStore, read_session

EXAMPLES = int(os.environ.get("CONCERTO_STATEFUL_EXAMPLES", "40"))
POINTS = [(step, when) for step in STEPS for when in WHENS]
# Kill points after which the new file is already in place (the rename happened).
NEW_AFTER = {("replace", "after"), ("dir_fsync", "before"), ("dir_fsync", "after")}
FAILING = [p for p in POINTS if p not in NEW_AFTER]
labels = st.text(alphabet="abcdéfg 12", min_size=1, max_size=8).map(lambda s: "L" + s)

Rows = list[tuple[str, str]]


class Killed(BaseException):
    """The process died here: nothing after this point runs."""


class KillableFS(FaultyFS):
    """FaultyFS that can also stop a save dead at one point."""

    def __init__(self) -> None:
        super().__init__()
        self.kill_at: tuple[str, str] | None = None

    def _maybe(self, step: str, when: str) -> None:
        if self.kill_at == (step, when):
            self.kill_at = None
            raise Killed(step, when)
        super()._maybe(step, when)


def rows(session: Session) -> Rows:
    return [(a.id, a.label) for a in session.actions]


class SessionMachine(RuleBasedStateMachine):
    """One session edited, saved, failed, killed and reopened; the model is the acked rows."""

    @initialize()
    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="concerto-stateful-"))
        self.fs = KillableFS()
        self.store = SessionStore(self.folder, fs=self.fs)
        self.sid = self.store.create("État").id
        self.handle = self.store.open(self.sid)
        self.memory: Rows = []
        self.acked: Rows = []

    def teardown(self) -> None:
        handle = getattr(self, "handle", None)
        if handle is not None:
            handle.close()
        if hasattr(self, "folder"):
            shutil.rmtree(self.folder, ignore_errors=True)

    @rule(label=labels)
    def add(self, label: str) -> None:
        action = Action(label=label)
        self.handle.session.actions.append(action)
        self.memory.append((action.id, action.label))  # as the model cleaned it

    @precondition(lambda self: bool(self.memory))
    @rule(n=st.integers(0, 50), label=labels)
    def edit(self, n: int, label: str) -> None:
        i = n % len(self.memory)
        self.handle.session.actions[i].label = label
        self.memory[i] = (self.memory[i][0], self.handle.session.actions[i].label)

    @precondition(lambda self: bool(self.memory))
    @rule(n=st.integers(0, 50))
    def delete(self, n: int) -> None:
        i = n % len(self.memory)
        del self.handle.session.actions[i]
        del self.memory[i]

    @rule()
    def save(self) -> None:
        self.handle.save(self.handle.session, ["actions"])
        self.acked = list(self.memory)

    @rule(point=st.sampled_from(FAILING), code=st.sampled_from([errno.EIO, errno.ENOSPC]))
    def failed_save(self, point: tuple[str, str], code: int) -> None:
        self.fs.fault = (*point, code)
        try:
            self.handle.save(self.handle.session, ["actions"])
        except SaveError:
            pass
        else:
            raise AssertionError("the injected fault did not fail the save")
        finally:
            self.fs.fault = None
        assert self.handle.unsaved and rows(self.handle.session) == self.memory

    @rule(point=st.none() | st.sampled_from(POINTS))
    def kill(self, point: tuple[str, str] | None) -> None:
        if point is not None:  # killed in the middle of a save
            self.fs.kill_at = point
            with contextlib.suppress(Killed):
                self.handle.save(self.handle.session, ["actions"])
            if point in NEW_AFTER:  # the rename happened: the unacknowledged save is whole
                self.acked = list(self.memory)
        lock = self.handle.lock
        assert lock is not None
        lock.release()  # the kernel frees a dead process's flock; nothing else runs
        self.handle = self.store.open(self.sid)
        self.memory = list(self.acked)
        assert rows(self.handle.session) == self.acked

    @rule()
    def reopen(self) -> None:
        self.handle.close()  # closing does not save: unsaved edits are gone, as after a kill
        self.handle = self.store.open(self.sid)
        self.memory = list(self.acked)
        assert rows(self.handle.session) == self.acked

    @invariant()
    def disk_holds_the_last_acknowledged_state(self) -> None:
        if hasattr(self, "store"):
            assert rows(read_session(self.store.path(self.sid))) == self.acked
            assert not [p for p in os.listdir(self.folder) if p.endswith(".json") and "tmp" in p]

    @invariant()
    def memory_holds_every_edit(self) -> None:
        if hasattr(self, "handle"):
            assert rows(self.handle.session) == self.memory


SessionMachine.TestCase.settings = settings(
    max_examples=EXAMPLES, stateful_step_count=30, deadline=None
)
TestSessionMachine = SessionMachine.TestCase


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions())
def test_the_fast_table_encoding_is_byte_identical_to_json_dumps(session: Session) -> None:
    for name in TABLES:
        table, text = encode_table(session, name)
        assert table == table_of(session, name)
        assert text == dumps_table(table), name
