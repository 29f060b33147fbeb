"""The room server on 127.0.0.1, a real session file beside its writer, a real HTTP client."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from conftest import Clock

from tui.model.live import Decision
from tui.room.follow import Follower
from tui.room.server import RoomServer
from tui.storage.handle import SessionHandle
from tui.storage.store import SessionStore

SECRET = "Qm9uam91ciBsYSBzYWxsZQ"
HOSTILE = "<script>window.pwned=1</script> </td></tr> \"double\" 'single' &amp;"


@dataclass
class Served:
    """A served session, its writer (the facilitator's app) and the page's address."""

    store: SessionStore
    writer: SessionHandle
    server: RoomServer
    base: str

    def save_decision(self, text: str) -> None:
        session = self.writer.session
        session.decisions.append(Decision(text=text, number="2026-11-25-01", step="resources"))
        self.writer.save(session, ["decisions"])


@pytest.fixture
async def served(data_dir: Path, clock: Clock) -> AsyncIterator[Served]:
    store = SessionStore(data_dir, clock=clock)
    session = store.create("Table de quartier", "fr")
    writer = store.open(session.id)
    server = RoomServer(Follower(store, session.id, clock), SECRET, poll_s=0.05)
    listening = await server.start("127.0.0.1", 0)
    yield Served(store, writer, server, f"http://127.0.0.1:{listening.port}")
    await server.stop()
    writer.close()


async def next_message(response: aiohttp.ClientResponse, timeout: float = 5.0) -> dict:  # type: ignore[type-arg]
    """The next ``data:`` event of a stream."""

    async def read() -> dict:  # type: ignore[type-arg]
        async for raw in response.content:
            line = raw.decode("utf-8")
            if line.startswith("data: "):
                return json.loads(line[6:])  # type: ignore[no-any-return]
        raise AssertionError("stream closed")

    return await asyncio.wait_for(read(), timeout)


async def test_the_page_holds_the_session_and_the_security_headers(served: Served) -> None:
    served.save_decision("Adopter le budget")
    async with (
        aiohttp.ClientSession() as client,
        client.get(f"{served.base}/{SECRET}/") as response,
    ):
        assert response.status == 200
        text = await response.text()
        headers = response.headers
    assert "Table de quartier" in text
    assert "Adopter le budget" in text
    assert '<html lang="fr">' in text
    assert "<script>" not in text.replace('<script src="room.js" defer></script>', "")
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "Server" not in headers


async def test_without_the_secret_every_path_is_a_bare_404(served: Served) -> None:
    near = SECRET[:-1] + ("A" if SECRET[-1] != "A" else "B")
    paths = ["/", "/events", "/room.js", f"/{near}/", f"/{near}/events", f"/{SECRET[:-1]}/",
             f"/{SECRET}x/", f"/x/{SECRET}/", "/%C3%A9/", f"/{SECRET}/nothing"]  # fmt: skip
    async with aiohttp.ClientSession() as client:
        for path in paths:
            async with client.get(served.base + path) as response:
                body = await response.text()
                assert response.status == 404, path
                assert "Table" not in body and SECRET not in body


async def test_only_get_is_answered_and_nothing_is_written(served: Served) -> None:
    path = served.writer.path
    before = path.read_bytes()
    async with aiohttp.ClientSession() as client:
        for method in ("POST", "PUT", "DELETE", "PATCH", "HEAD"):
            async with client.request(method, f"{served.base}/{SECRET}/", data=b"x") as response:
                assert response.status == 405, method
    assert path.read_bytes() == before


async def test_a_save_reaches_every_viewer_as_one_event(served: Served) -> None:
    async with aiohttp.ClientSession() as client:
        streams = [await client.get(f"{served.base}/{SECRET}/events") for _ in range(3)]
        for stream in streams:
            assert stream.headers["Content-Type"].startswith("text/event-stream")
            first = await next_message(stream)
            assert "Table de quartier" in first["html"]
        served.save_decision("Embaucher une coordonnatrice")
        for stream in streams:
            message = await next_message(stream, timeout=1.0)
            assert "Embaucher une coordonnatrice" in message["html"]
            stream.close()


async def test_a_viewer_that_left_is_dropped_at_the_next_save(served: Served) -> None:
    async with aiohttp.ClientSession() as client:
        stream = await client.get(f"{served.base}/{SECRET}/events")
        await next_message(stream)
        assert served.server.viewers == 1
        stream.close()
    served.save_decision("Une décision")
    for _ in range(200):
        if served.server.viewers == 0:
            break
        await asyncio.sleep(0.02)
    assert served.server.viewers == 0


async def test_hostile_text_arrives_as_text(served: Served) -> None:
    served.save_decision(HOSTILE)
    async with (
        aiohttp.ClientSession() as client,
        client.get(f"{served.base}/{SECRET}/?view=minutes") as response,
    ):
        text = await response.text()
    assert "window.pwned" in text
    assert "<script>window" not in text and "</td></tr> " not in text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in text


async def test_a_session_deleted_while_served_says_so(served: Served) -> None:
    async with aiohttp.ClientSession() as client:
        stream = await client.get(f"{served.base}/{SECRET}/events")
        await next_message(stream)
        served.writer.close()
        served.store.delete(served.writer.session.id)
        message = await next_message(stream)
        assert message["gone"] is True
        assert "supprimée ou déplacée" in message["html"]
        stream.close()
        async with client.get(f"{served.base}/{SECRET}/") as response:
            text = await response.text()
    assert response.status == 200
    assert "supprimée ou déplacée" in text
    assert served.server.follower.gone
