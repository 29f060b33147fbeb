"""The room server: one aiohttp process serving the live page to every viewer.

Every path starts with the secret; without it (compared in constant time) the answer is a
bare 404. Only GET, no form, nothing that writes. Each saved change is read once, rendered
once and pushed to every viewer as a server-sent event; a viewer that is slow or gone only
ever misses states in between (each message is the whole view), never holds up the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hmac
import json
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from aiohttp import web

from tui.room.follow import Follower
from tui.room.page import ASSETS, view_of

POLL_S = 0.2
"""Seconds between two looks at the session file (a ``stat``)."""
KEEPALIVE_S = 15.0
"""Seconds between two comments on an idle stream: a dropped viewer is noticed then."""
SECRET_BYTES = 16
"""128 bits of randomness in the URL (a longer one would make the QR code a size larger)."""

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
TYPES = {".css": "text/css", ".js": "text/javascript"}


class PortInUse(OSError):
    """The port asked for is taken."""


def new_secret() -> str:
    """An unguessable path segment (URL-safe, ≥ 128 bits)."""
    return secrets.token_urlsafe(SECRET_BYTES)


def _asset(name: str) -> bytes:
    return resources.files("tui.room").joinpath("static", name).read_bytes()


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(HEADERS)
    response.headers.popall("Server", None)


@dataclass
class Listening:
    """Where the server listens, and the address to give to viewers."""

    host: str
    port: int
    url: str


class RoomServer:
    """The page, its files and its event stream, for one followed session."""

    def __init__(self, follower: Follower, secret: str, *, poll_s: float = POLL_S) -> None:
        """Serve ``follower`` under ``/<secret>/``."""
        self.follower = follower
        self._secret = secret.encode("ascii")
        self.poll_s = poll_s
        self.viewers = 0
        self._assets = {name: _asset(name) for name in ASSETS}
        self._runner: web.AppRunner | None = None
        self._poller: asyncio.Task[None] | None = None
        self._next: asyncio.Future[None] | None = None
        self._stopping = False

    def application(self) -> web.Application:
        """The aiohttp application: one catch-all route that checks the secret first."""
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        app.on_response_prepare.append(_headers)
        return app

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        given, slash, rest = request.path.removeprefix("/").partition("/")
        if not hmac.compare_digest(given.encode("utf-8", "surrogateescape"), self._secret):
            raise web.HTTPNotFound()
        if request.method != "GET":
            raise web.HTTPMethodNotAllowed(request.method, ["GET"])
        if not slash:
            raise web.HTTPMovedPermanently(f"/{given}/")
        if rest == "":
            view = view_of(request.query.get("view"))
            await self._catch_up()  # a save since the last look: the page shows it
            text = await asyncio.to_thread(self.follower.whole_page, view)
            return web.Response(text=text, content_type="text/html", charset="utf-8")
        if rest == "events":
            return await self._events(request)
        if rest in self._assets:
            kind = TYPES[rest[rest.rindex(".") :]]
            return web.Response(body=self._assets[rest], content_type=kind, charset="utf-8")
        raise web.HTTPNotFound()

    def _message(self, view: str) -> bytes:
        f = self.follower
        data = {"html": f.views[view], "left": f.left_s(), "gone": f.gone}
        return b"data: " + json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n\n"

    async def _events(self, request: web.Request) -> web.StreamResponse:
        view = view_of(request.query.get("view"))
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        self.viewers += 1
        try:
            await response.write(b"retry: 1000\n\n")
            seen = -1
            while not self._stopping:
                waiter = self._waiter()
                if seen != self.follower.revision:
                    seen = self.follower.revision
                    await response.write(self._message(view))
                else:
                    await response.write(b": still here\n\n")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(waiter), KEEPALIVE_S)
        except (ConnectionError, RuntimeError):  # the viewer left
            pass
        finally:
            self.viewers -= 1
        return response

    def _waiter(self) -> asyncio.Future[None]:
        if self._next is None or self._next.done():
            self._next = asyncio.get_running_loop().create_future()
        return self._next

    def _wake(self) -> None:
        if self._next is not None and not self._next.done():
            self._next.set_result(None)

    async def _catch_up(self) -> None:
        if self.follower.stale() and await asyncio.to_thread(self.follower.update):
            self._wake()

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.poll_s)
            await self._catch_up()

    async def start(self, host: str, port: int) -> Listening:
        """Listen on ``host``:``port`` (0: any free port); raises PortInUse or OSError."""
        # No access log: the secret is in every path, and must appear in no log.
        self._runner = web.AppRunner(
            self.application(), access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        try:
            await site.start()
        except OSError as exc:
            await self._runner.cleanup()
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(exc.errno, exc.strerror) from None
            raise
        bound = self._runner.addresses[0]
        self._poller = asyncio.create_task(self._poll())
        actual = int(bound[1])
        return Listening(host, actual, room_url(host, actual, self._secret.decode("ascii")))

    async def stop(self) -> None:
        """Close every stream and stop listening."""
        self._stopping = True
        self._wake()
        if self._poller is not None:
            self._poller.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
        self.follower.close()


WILDCARDS = ("0.0.0.0", "::", "")


def room_url(host: str, port: int, secret: str) -> str:
    """The address viewers open: this machine's LAN address when listening on all of them."""
    shown = lan_address() if host in WILDCARDS else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/{secret}/"


def lan_address() -> str:
    """This machine's address as others on the network reach it (best guess, no traffic)."""
    from tui.services.exporting import ssh_host

    over_ssh = ssh_host()
    if over_ssh and not over_ssh.startswith("127."):
        return over_ssh
    name = socket.gethostname()
    try:
        found = socket.getaddrinfo(name, None, socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        return name
    for *_, address in found:
        ip = str(address[0])
        if not ip.startswith("127."):
            return ip
    return name


async def run_room(
    follower: Follower,
    host: str,
    port: int,
    *,
    ready: Callable[[Listening], None],
    stop: asyncio.Event,
) -> None:
    """Serve until ``stop`` is set; ``ready`` is called once listening."""
    server = RoomServer(follower, new_secret())
    try:
        listening = await server.start(host, port)
    except BaseException:
        follower.close()
        raise
    try:
        ready(listening)
        await stop.wait()
    finally:
        await server.stop()
