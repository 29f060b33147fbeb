"""Leaving safely: signals save what is pending, crashes leave a log; Textual installs neither."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading

from tui.app.part import AppPart


class ShutdownMixin(AppPart):
    """SIGHUP and SIGTERM handling for the app: settle, save, release the session, exit."""

    def install_signal_handlers(self) -> None:
        """SIGHUP (a dropped SSH connection) and SIGTERM save what is pending, then exit."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(sig, self._on_signal)

    def _on_signal(self) -> None:
        # Textual can block for ever on exit once the terminal is gone (its writer thread
        # died on the I/O error): a watchdog saves and ends the process if the loop is stuck.
        watchdog = threading.Timer(3.0, self._last_resort)
        watchdog.daemon = True
        watchdog.start()
        asyncio.ensure_future(self._settle_and_exit())

    async def _settle_and_exit(self) -> None:
        """Let keys already typed reach the model, save, and leave."""
        self.stop_ordering()  # the terminal is gone: waiting on its rendering could stall
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.settle(), 1.0)
        self.flush_now()
        # Release the session now: Textual may take seconds to give up on a dead terminal,
        # and a facilitator reconnecting meanwhile must not find the session read-only.
        self.close_session()
        self.exit(0)

    def _last_resort(self) -> None:
        try:
            if self.ctx is not None:
                self.ctx.flush(final=True)
        finally:
            os._exit(0)

    async def settle(self, passes: int = 3) -> None:
        """Wait until the messages pending on the current screen have been handled.

        A key typed just before a signal has reached its field but its Changed message may
        still be travelling up to the screen; each pass lets one more hop through.
        """
        for _pass in range(passes):
            await self._one_pass()

    async def _one_pass(self) -> None:
        nodes = [self, *self.screen.walk_children(with_self=True)]
        done = asyncio.Event()
        count = 0

        def one_done() -> None:
            nonlocal count
            count -= 1
            if count == 0:
                done.set()

        for node in nodes:
            if node.call_later(one_done):
                count += 1
        if count:
            await done.wait()
