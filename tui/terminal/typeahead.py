"""Keys handled in the order they were typed, each one whole before the next is routed.

Textual routes a key as soon as the app reads it: it forwards it to the focused widget's own
queue and goes on to the next key. When several keys arrive in one read (a line over a slow SSH
link, a paste without bracketed paste, a fast typist), the app therefore acted on a later key
before the widget had handled the earlier ones:

- Enter (a priority binding that saves a form) ran before the characters typed ahead of it
  reached the field: a parked topic lost its text;
- a key that opens a dialog (ctrl+g) bubbles back to the app to run its binding only after the
  keys typed after it were forwarded to the screen below: ``3`` set a level in the matrix
  instead of choosing the third entry of Go to.

``InOrderKeys`` makes the app wait, after routing a key or a paste, until the widgets it went
through (and the messages it caused along the way, such as a field's Changed) have been handled,
its binding has run if it bubbled back to the app, and a screen it opened or closed is mounted
and focused. Only then is the next key routed, to whatever has the focus by then.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import TYPE_CHECKING, Any

from textual import events
from textual._callback import invoke
from textual.app import ScreenStackError
from textual.css.query import NoMatches
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widgets import Input, TextArea

SETTLE_TIMEOUT = 5.0
"""Seconds one key may be waited on before the next is routed anyway (never a deadlock)."""
ROUNDS = 50
"""Rounds of markers at most: each round follows the messages the previous one caused."""

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[Any]
else:
    _AppBase = object


def _resolve(done: asyncio.Future[None]) -> None:
    if not done.done():  # the wait may have been given up (a timeout)
        done.set_result(None)


def _is_field(widget: object) -> bool:
    """A text field: what is typed while it has the focus is its text."""
    return isinstance(widget, Input | TextArea)


def _busy(nodes: list[MessagePump]) -> bool:
    return any(not node._message_queue.empty() for node in nodes)


def _at_work(node: MessagePump) -> bool:
    """Whether ``node`` may have something left to do: a message queued or being handled, a
    callback to run next.

    A node whose task waits for its next message, with none queued, has handled all it was
    sent: waiting on it would only wake its task for nothing. (Where the wait cannot be seen,
    the node counts as at work.)
    """
    queued = not node._message_queue.empty()
    parked = getattr(node._message_queue.ready_event, "_waiters", None)  # its task awaits mail
    return bool(queued or not parked or node._pending_message or node._next_callbacks)


class InOrderKeys(_AppBase):
    """App mixin: each key and paste is handled whole before the next one is routed."""

    _in_flight: Message | None = None
    """The key or paste being routed: when it bubbles back to the app, it is handled inline."""
    _bubbled: bool = False

    _deferred: list[events.Callback]
    """Callbacks the key asked of the app (a widget's focus() is one): run before the next key."""

    def post_message(self, message: Message) -> bool:
        """Queue ``message``; what the key being routed sends back to the app is kept aside.

        The key itself, bubbling back, has its bindings run inline. A callback it caused (a
        pane that mounts and calls ``focus()``) would otherwise wait in the app's queue behind
        the keys typed after it: they would reach the widget that had the focus before.
        """
        if self._routing is not None and threading.get_ident() == self._thread_id:
            if message is self._in_flight and getattr(message, "is_forwarded", False):
                self._bubbled = True
                return True
            if isinstance(message, events.Callback):
                self._deferred.append(message)
                return True
        return super().post_message(message)

    async def _run_deferred(self) -> bool:
        """Run the callbacks the key caused, in order; True if there were any.

        Those the app was asked to call next (a dialog's result reaches the screen that opened
        it so) would run once the key is done, after the next key could be routed.
        """
        ran = False
        while self._deferred or self._next_callbacks:
            if self._next_callbacks:
                await self._flush_next_callbacks()
            else:
                await invoke(self._deferred.pop(0).callback)
            ran = True
        return ran

    _routing: asyncio.Task[Any] | None = None
    _deadline: float = 0.0
    _typed_into: MessagePump | None = None
    """The field that text was sent to without waiting: drained before the next command."""
    _waits: list[asyncio.Future[None]] = []  # replaced, never mutated
    _unordered: bool = False
    """Set when the app is leaving (a signal): keys are then routed at once, as Textual does."""

    async def on_event(self, event: events.Event) -> None:
        """Route keys and pastes one at a time; everything else as Textual does."""
        if (
            isinstance(event, events.Key | events.Paste)
            and not event.is_forwarded
            and not self._unordered
        ):
            self._deferred = []
            self._deadline = asyncio.get_running_loop().time() + SETTLE_TIMEOUT
            self._routing = asyncio.current_task()
            try:
                await self._route(event)
            finally:
                self._routing = None
                self._in_flight = None
                for callback in self._deferred:  # not run yet: back to the queue, never lost
                    super().post_message(callback)
            return
        await super().on_event(event)

    def stop_ordering(self) -> None:
        """Route the keys still queued at once from now on (the terminal is gone)."""
        self._unordered = True
        for done in self._waits:  # a wait under way ends now
            _resolve(done)

    @property
    def typing(self) -> bool:
        """True while a key or a paste is being handled (a change is then the facilitator's)."""
        return self._routing is not None or self._typed_into is not None

    @property
    def typing_group(self) -> object | None:
        """The text field that has the focus: the keys typed into it make one undo step."""
        return self.focused if _is_field(self.focused) else None

    def _is_text(self, event: events.Key | events.Paste, target: object) -> bool:
        """A character or a paste for the text field that has the focus, which no binding takes.

        Text goes straight to the field, in order, as Textual sends it: no waiting. Only the
        next key that is not text waits for it to land.
        """
        if not _is_field(target):
            return False
        if isinstance(event, events.Paste):
            return True
        if not event.is_printable:
            return False
        for _namespace, bindings in self.screen._binding_chain:
            if any(b.priority for b in bindings.key_to_bindings.get(event.key, ())):
                return False
        return True

    async def _route(self, event: events.Key | events.Paste) -> None:
        if not self.screen_stack:  # the app is closing
            return
        screen = self.screen
        if self._is_text(event, self.focused):
            assert self.focused is not None
            self.focused._forward_event(event)
            self._typed_into = self.focused
            return
        if self._typed_into is not None:  # what was typed lands before this key acts
            typed, self._typed_into = self._typed_into, None
            await self._drain(typed)
        if isinstance(event, events.Key):
            self.app_focus = True
            if screen.maximized is not None and event.key == "escape" and self.escape_to_minimize:
                screen.minimize()
                return
            if await self._check_bindings(event.key, priority=True):
                await self._settle()
                return
        target: MessagePump = self.focused or screen
        self._in_flight, self._bubbled = event, False
        try:
            target._forward_event(event)  # type: ignore[attr-defined]
            await self._drain(target)
        finally:
            self._in_flight = None
        if not self.screen_stack:
            return
        if self._bubbled:  # no widget took it: the bindings, as Textual's own App._on_key
            await super().on_event(event)
            await self._settle()
        elif self.screen is not screen:
            await self._settle()

    async def _processed(self, nodes: list[MessagePump]) -> bool:
        """Return once each of ``nodes`` has handled what was in its queue when called.

        False if the key's deadline passed first (or the app is leaving): the wait is given
        up, nothing else.
        """
        loop = asyncio.get_running_loop()
        waits: list[asyncio.Future[None]] = []
        for node in nodes:
            done: asyncio.Future[None] = loop.create_future()
            if node.call_later(_resolve, done):
                waits.append(done)
        if not waits:
            return True
        self._waits = waits
        _done, pending = await asyncio.wait(waits, timeout=max(0.0, self._deadline - loop.time()))
        self._waits = []
        return not pending and not self._unordered

    def _gave_up(self) -> None:
        """Waiting took too long: the key goes on as Textual routes it, the next one too."""
        if self._in_flight is not None:
            log.warning("gave up waiting on %r after %s s", self._in_flight, SETTLE_TIMEOUT)
        self._in_flight = None  # if it bubbles back later, the app's queue handles it

    async def _drain(self, target: MessagePump) -> None:
        """Wait until ``target`` and its ancestors (up to the screen) are idle."""
        chain: list[MessagePump] = []
        node: MessagePump | None = target
        while node is not None and node is not self:
            chain.append(node)
            node = node._parent
        for _round in range(ROUNDS):
            if not await self._processed(chain):
                return self._gave_up()
            if not await self._run_deferred() and not _busy(chain):
                return

    async def _settle(self) -> None:
        """Let what a command did settle: panes and screens it opened mounted and focused."""
        await self._run_deferred()  # before other tasks run, as the app would have done
        for _turn in range(3):  # an async worker started by the key may push a dialog
            await asyncio.sleep(0)
        known = -1
        for _round in range(ROUNDS):
            try:
                screen = self.screen
                nodes: list[MessagePump] = [screen, *screen.walk_children()]
            except (NoMatches, ScreenStackError):  # the app is closing
                return
            # The screen always (its idle lays out what the key changed), the rest if at work.
            if not await self._processed([screen, *filter(_at_work, nodes[1:])]):
                return self._gave_up()
            ran = await self._run_deferred()
            if len(nodes) == known and not ran and not _busy(nodes):
                return
            known = len(nodes)
