"""``concerto room``: the address and its QR code, one line for bad input, ctrl+c stops it."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import segno

from tui.room.qr import BORDER, qr_rows
from tui.storage.store import SessionStore

URL = re.compile(r"http://127\.0\.0\.1:(\d+)/([A-Za-z0-9_-]{22,})/")


def concerto(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "--lang", "en", *args]


@pytest.fixture
def session_id(data_dir: Path) -> str:
    return SessionStore(data_dir).create("Table de quartier", "fr").id


@pytest.fixture
def room(data_dir: Path, session_id: str) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        concerto(data_dir, "room", session_id, "--port", "0"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_it_prints_the_address_and_its_qr_code_then_stops_cleanly_on_ctrl_c(
    room: subprocess.Popen[str],
) -> None:
    assert room.stdout is not None
    first = room.stdout.readline()
    found = URL.search(first)
    assert found is not None, first
    url, secret = found.group(0), found.group(2)
    assert len(secret) >= 22  # 16 random bytes: 128 bits
    with urllib.request.urlopen(url, timeout=10) as response:
        assert "Table de quartier" in response.read().decode("utf-8")
    with pytest.raises(urllib.error.HTTPError) as wrong:
        urllib.request.urlopen(url.replace(secret, "x" * len(secret)), timeout=10)
    assert wrong.value.code == 404
    room.send_signal(signal.SIGINT)
    assert room.wait(15) == 0
    assert room.stderr is not None
    out, err = room.stdout.read(), room.stderr.read()  # not communicate(): readline buffered
    assert err == ""
    assert "Traceback" not in out
    assert out.rstrip().endswith("Room view stopped.")
    assert (first + out).count(secret) == 1  # the address line only: no access log
    assert "Only this computer can open it" in out


def test_a_port_in_use_is_one_line_naming_it(data_dir: Path, session_id: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        done = subprocess.run(
            concerto(data_dir, "room", session_id, "--port", port),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr == f"concerto: port {port} is already in use: choose another with --port\n"
    assert "http" not in done.stdout


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (None, None, "concerto: no session 0badc0de in this data folder\n"),
        ("0badc0de.json", '{"meta": {', "the file is not valid JSON (truncated or edited)"),
    ],
)
def test_a_missing_or_damaged_session_is_one_line(
    data_dir: Path, name: str | None, content: str | None, expected: str
) -> None:
    if name is not None and content is not None:
        (data_dir / name).write_text(content)
    before = sorted(os.listdir(data_dir))
    done = subprocess.run(
        concerto(data_dir, "room", "0badc0de"), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and expected in done.stderr
    assert sorted(os.listdir(data_dir)) == before


def test_the_drawn_code_is_the_code_of_the_address() -> None:
    url = "http://192.168.100.200:54321/" + "Ab-_" * 5 + "xy/"
    rows = qr_rows(url)
    drawn = []
    for row in rows:
        drawn.append([ch in "█▀" for ch in row])
        drawn.append([ch in "█▄" for ch in row])
    code = segno.make(url, error="l", micro=False)
    expected = [[bool(m) for m in r] for r in code.matrix_iter(scale=1, border=BORDER)]
    assert drawn[: len(expected)] == expected
    assert all(not any(row) for row in drawn[len(expected) :])  # an odd row: light padding
    assert len(rows) <= 19  # fits the app's dialog at 80×24
