"""Issue 15 figures: the room view, from a save to the text on the viewers' pages.

``concerto room`` serves the French demo session (a real process, a real file); this process
is the facilitator's app, saving a new decision, and the viewers, SSE clients reading the
stream of the default (projector) view. For each save, the time from the save's return to
the decision's text in each viewer's stream; p50 and p95 over every (save, viewer), with
1 viewer (the baseline, same run), with 50, and (full run only, no limit: shown so that a
crowd is seen to cost the server little) with 500. The server's resident memory (``VmRSS``)
idle, then with 50 viewers connected.

Limits: p95 ≤ 1 s with 50 viewers; memory with 50 viewers ≤ 1.5 × idle.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from tui.demo import demo_sessions
from tui.model import new_id, utcnow
from tui.model.live import Decision
from tui.storage.handle import SessionHandle
from tui.storage.store import SessionStore

P95_LIMIT_S = 1.0
MEMORY_LIMIT = 1.5
URL = re.compile(r"http://\S+/")


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class Viewer:
    """One SSE client: remembers when each marker first arrived."""

    def __init__(self) -> None:
        self.seen: dict[str, float] = {}
        self.ready = asyncio.Event()

    async def run(self, client: aiohttp.ClientSession, url: str, markers: list[str]) -> None:
        async with client.get(url + "events", timeout=aiohttp.ClientTimeout(total=None)) as r:
            async for raw in r.content:
                if not raw.startswith(b"data: "):
                    continue
                now = time.perf_counter()
                html = json.loads(raw[6:])["html"]
                for marker in markers:
                    if marker not in self.seen and marker in html:
                        self.seen[marker] = now
                self.ready.set()


async def rounds(
    url: str, writer: SessionHandle, viewers: int, saves: int, pid: int
) -> tuple[list[float], float]:
    """Latencies (s) from each save to its text for every viewer; the server's RSS (MB) then."""
    tag = str(viewers)
    markers = [f"Repère {tag}-{k} pour la salle" for k in range(saves)]
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as client:
        clients = [Viewer() for _ in range(viewers)]
        tasks = [asyncio.create_task(v.run(client, url, markers)) for v in clients]
        await asyncio.wait_for(asyncio.gather(*(v.ready.wait() for v in clients)), 60)
        latencies: list[float] = []
        for marker in markers:
            session = writer.session
            session.decisions.append(Decision(text=marker, step="resources"))
            writer.save(session, ["decisions"])
            saved = time.perf_counter()
            deadline = saved + 10
            while any(marker not in v.seen for v in clients) and time.perf_counter() < deadline:
                await asyncio.sleep(0.005)
            latencies += [v.seen.get(marker, deadline) - saved for v in clients]
        memory = rss_mb(pid)  # every viewer still connected
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return latencies, memory


def main(smoke: bool = False) -> bool:
    """Print the figures beside their limits; False if one is missed."""
    many, saves, crowd = (5, 3, 0) if smoke else (50, 20, 500)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        store = SessionStore(folder)
        ids = [store.write_new(s).id for s in demo_sessions(utcnow(), new_id)]
        sid = next(i for i in ids if store.load(i).meeting.minutes_lang == "fr")
        writer = store.open(sid)
        server = subprocess.Popen(
            [sys.executable, "-m", "tui", "--data-dir", str(folder), "room", sid, "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert server.stdout is not None
            found = URL.search(server.stdout.readline())
            assert found is not None, "the room server printed no address"
            url = found.group(0)
            asyncio.run(_warm(url))
            idle = rss_mb(server.pid)
            one, _ = asyncio.run(rounds(url, writer, 1, saves, server.pid))
            lots, loaded = asyncio.run(rounds(url, writer, many, saves, server.pid))
            if crowd:
                crowded, crowd_mb = asyncio.run(rounds(url, writer, crowd, 5, server.pid))
        finally:
            server.terminate()
            server.wait(15)
            writer.close()
    ratio = loaded / idle
    print(f"   save → text, 1 viewer (baseline): p50 {statistics.median(one) * 1000:6.0f} ms"
          f"   p95 {pct(one, 0.95) * 1000:6.0f} ms")  # fmt: skip
    limit = f"(limit p95 ≤ {P95_LIMIT_S * 1000:.0f} ms)"
    print(f"   save → text, {many} viewers:        p50 {statistics.median(lots) * 1000:6.0f} ms"
          f"   p95 {pct(lots, 0.95) * 1000:6.0f} ms   {limit}")  # fmt: skip
    print(f"   server memory: idle {idle:.1f} MB, {many} viewers {loaded:.1f} MB"
          f" = {ratio:.2f} × idle   (limit ≤ {MEMORY_LIMIT} ×)")  # fmt: skip
    if crowd:
        p50 = statistics.median(crowded) * 1000
        print(f"   save → text, {crowd} viewers:       p50 {p50:6.0f} ms"
              f"   p95 {pct(crowded, 0.95) * 1000:6.0f} ms   server {crowd_mb:.1f} MB")  # fmt: skip
    return pct(lots, 0.95) <= P95_LIMIT_S and ratio <= MEMORY_LIMIT


async def _warm(url: str) -> None:
    """One page load, so the idle figure counts the rendering's imports."""
    async with aiohttp.ClientSession() as client, client.get(url) as response:
        await response.read()
