"""``concerto room ID``: serve the live room view of a session until ctrl+c (or the app stops)."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys

from tui.i18n import _
from tui.model import utcnow
from tui.room.follow import Follower
from tui.room.qr import qr_ansi, qr_rows
from tui.room.server import WILDCARDS, Listening, PortInUse, run_room
from tui.room.words import lan_warning, local_only
from tui.storage.store import SessionStore


class RoomRefused(Exception):
    """Bad input or a port taken: one line, and the command exits 2."""


def _open(store: SessionStore, session_id: str) -> Follower:
    from pydantic import ValidationError

    from tui.storage.errors import StoreError
    from tui.storage.messages import failure
    from tui.storage.rawcheck import DamagedFile

    try:
        return Follower(store, session_id, utcnow)
    except (StoreError, DamagedFile, ValidationError, OSError) as exc:
        raise RoomRefused(failure(exc)) from None


def _announce(listening: Listening, host: str, for_app: bool) -> None:
    if for_app:
        print(listening.url, flush=True)
        return
    color = sys.stdout.isatty()
    print(_("Room view: {url}", url=listening.url))
    print(qr_ansi(listening.url) if color else "\n".join(qr_rows(listening.url)))
    if host in WILDCARDS or not host.startswith(("127.", "localhost", "::1")):
        print(lan_warning())
    else:
        print(local_only())
    print(_("Read-only; ctrl+c stops it."), flush=True)


async def _serve(follower: Follower, host: str, port: int, for_app: bool) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(sig, stop.set)
    if for_app:  # the app closed its end (it quit, or died): stop with it
        fd = sys.stdin.fileno()

        def closed() -> None:
            if not os.read(fd, 512):
                loop.remove_reader(fd)
                stop.set()

        loop.add_reader(fd, closed)
    await run_room(follower, host, port, ready=lambda at: _announce(at, host, for_app), stop=stop)


def _reason(exc: OSError) -> str:
    """The system's words, without asyncio's wrapping (which repeats the address)."""
    if exc.errno is not None and exc.errno > 0:
        return os.strerror(exc.errno)
    return exc.strerror or str(exc)  # a resolver error: negative codes, its own words


def serve_room(args: argparse.Namespace, store: SessionStore) -> int:
    """Run the room server for ``args.id`` until stopped; bad input raises RoomRefused."""
    if not 0 <= args.port <= 65535:
        raise RoomRefused(_("not a port number: {port}", port=args.port))
    follower = _open(store, args.id)
    try:
        asyncio.run(_serve(follower, args.host, args.port, args.for_app))
    except PortInUse:
        raise RoomRefused(
            _("port {port} is already in use: choose another with --port", port=args.port)
        ) from None
    except OSError as exc:
        raise RoomRefused(
            _(
                "cannot listen on {host} port {port}: {reason}",
                host=args.host,
                port=args.port,
                reason=_reason(exc),
            )
        ) from None
    if not args.for_app:
        print(_("Room view stopped."))
    return 0
