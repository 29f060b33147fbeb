"""Concerto in real terminals: two at once, every size and TERM, hostile and foreign input.

Each test starts the installed ``concerto`` in a pseudo-terminal (pyte emulates the screen)
and checks what the facilitator sees and then finds on disk and in the exported minutes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if __package__:
    from .driver import TerminalDriver
    from .e2e_fixtures import SpawnApp
else:  # tests/ is on sys.path (no tests/__init__.py)
    from driver import TerminalDriver
    from e2e_fixtures import SpawnApp

from tui.storage.store import SessionStore

pytestmark = pytest.mark.e2e

CONCERTO = str(Path(sys.executable).parent / "concerto")

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What no stored or exported text may hold: C0/C1 controls (but tab, newline), bidi overrides."""


def env_for(home: Path, **extra: str | None) -> dict[str, str | None]:
    """A hermetic environment: own home, config and state folders, English, no blink."""
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".state"),
        "LANG": "C.UTF-8",
        "CONCERTO_LANG": "en",
        "CONCERTO_CURSOR_BLINK": "0",
        "TZ": "America/Montreal",
        "COLORTERM": None,
        "NO_COLOR": None,
        **extra,
    }


def crash_log(home: Path) -> Path:
    """Where an unexpected error would be logged."""
    return home / ".state" / "concerto" / "concerto.log"


def cli(home: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run a command-line command of Concerto; fail on a non-zero exit."""
    env = {k: v for k, v in {**os.environ, **env_for(home)}.items() if v is not None}
    result = subprocess.run(
        [CONCERTO, "--data-dir", str(data_dir), *args], env=env, capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result


def strings_in(value: Any) -> Iterator[str]:
    """Every string (keys included) inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def unsafe_strings(path: Path) -> list[str]:
    """The strings of a session file that hold a control character or a bidi override."""
    return [s for s in strings_in(json.loads(path.read_text("utf-8"))) if UNSAFE.search(s)]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """The facilitator's home folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data folder (created by the store or the command line)."""
    return tmp_path / "sessions"


def new_session(data_dir: Path, title: str) -> str:
    """Create an empty session with English minutes; return its id."""
    return SessionStore(data_dir).create(title, minutes_lang="en").id


def open_session(
    pty_app: SpawnApp, data_dir: Path, home: Path, sid: str, **kwargs: Any
) -> TerminalDriver:
    """Start ``concerto open ID`` and wait until the session is shown and its state known."""
    term = pty_app(
        [CONCERTO, "--data-dir", str(data_dir), "open", sid], env=env_for(home), **kwargs
    )
    term.wait_for(re.compile(r"(saved|READ-ONLY)$"), line=0, timeout=30)
    return term


def on_disk(data_dir: Path, sid: str) -> Any:
    """The session as the store reads it now."""
    return SessionStore(data_dir).load(sid)


# -- two terminals on one session --------------------------------------------------------


def test_second_terminal_is_read_only_says_so_and_follows_the_first(
    pty_app: SpawnApp, data_dir: Path, home: Path
) -> None:
    sid = new_session(data_dir, "Table de quartier")
    path = data_dir / f"{sid}.json"
    first = open_session(pty_app, data_dir, home, sid)
    assert first.line(0).endswith("saved")
    second = open_session(pty_app, data_dir, home, sid)
    second.wait_for("READ-ONLY", line=0)
    banner = second.screen_text().replace("\n", " ")
    assert "Read-only: this session is open elsewhere, by" in banner
    assert f"(pid {first.pid})" in banner
    second.wait_for("Collective or body")  # the details of the meeting, not another tab

    # The first terminal types; the second shows it within two seconds of the save.
    first.press("tab")
    first.type("CDC Rivière-du-Nord")
    first.wait_for("CDC Rivière-du-Nord")
    first.wait_until(lambda: on_disk(data_dir, sid).meeting.collective == "CDC Rivière-du-Nord")
    saved_at = time.monotonic()
    second.wait_for("CDC Rivière-du-Nord", timeout=2.0)
    assert time.monotonic() - saved_at <= 2.0

    # Keys in the read-only terminal change nothing and write nothing.
    before = path.read_bytes(), path.stat().st_mtime_ns
    second.type("zzz")
    second.press("f3")
    second.wait_for("1 · Actions")
    second.press("a")
    second.press("f2")
    second.wait_for("Collective or body")
    assert "zzz" not in second.screen_text()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before

    # It keeps following: the first adds a participant, the second shows it in its tab.
    first.press("shift+tab", "shift+tab")  # from the collective to the tabs
    first.press("right")
    first.wait_for("No participant yet")
    first.press("tab")
    first.wait_for("a Add", line=-1)
    first.press("a")
    first.wait_for("New participant")
    first.type("Éloïse Tremblay")
    first.wait_for("Participant · Éloïse Tremblay")
    first.wait_until(lambda: len(on_disk(data_dir, sid).participants) == 1)
    second.press("right")  # read-only, the meeting screen starts on its tabs
    second.wait_for("Éloïse Tremblay", timeout=2.0)
    assert not first.exited and not second.exited


def test_a_burst_of_keys_lands_in_the_right_fields(
    pty_app: SpawnApp, data_dir: Path, home: Path
) -> None:
    """Over SSH keys arrive in bursts: Enter and Tab move on before the next keys are read."""
    sid = new_session(data_dir, "Table de quartier")
    term = open_session(pty_app, data_dir, home, sid)
    term.press("shift+tab")  # from the title to the tabs
    term.press("right")
    term.wait_for("No participant yet")
    term.press("tab")
    term.wait_for("a Add", line=-1)
    term.press("a")
    term.wait_for("New participant")
    term.send("Bob Gagnon\rCDC du Nord\tTrésorière")  # one write, as one SSH packet

    def landed() -> bool:
        found = on_disk(data_dir, sid).participants
        people = [(p.name, p.organisation, p.role) for p in found]
        return people == [("Bob Gagnon", "CDC du Nord", "Trésorière")]

    term.wait_until(landed, 15, what="each text in its own field, on disk")


# -- every screen, every size, every TERM --------------------------------------------------

SCREENS: list[tuple[str, str, str]] = [
    # (screen, what its body shows, a key of its own in the footer)
    ("meeting", r"Collective or body", "F3 Next"),
    ("actions", r"1 · Actions", "a Add"),
    ("resources", r"2 · Resources", "a Add"),
    ("skills", r"0 absent · 1 notions", "0123 level"),
    ("roles", r"4 · Roles", "a Add"),
    ("agreements", r"5 · Agreements", "a Add"),
    ("objectives", r"6 · Objectives", "i Add an indicator"),
    ("coordination", r"7 · Coordination", "g Add a working group"),
    ("watch", r"8 · Watch", "a Add"),
    ("review", r"open points", "a Accept as is"),
    ("minutes", r"\(procès-verbal\), in English|\(compte rendu\), in English", "e Markdown"),
]
TERMINALS = {
    "80x24": (80, 24, "xterm-256color", {}),
    "200x60": (200, 60, "xterm-256color", {}),
    "xterm": (80, 24, "xterm", {}),
    "linux": (80, 24, "linux", {}),
    "tmux-256color": (80, 24, "tmux-256color", {}),
    "NO_COLOR": (80, 24, "xterm-256color", {"NO_COLOR": "1"}),
}
COLOURS_256 = re.compile(rb"\x1b\[[0-9;]*[34]8;[25];")
"""An SGR sequence choosing a 256 or truecolor foreground or background."""


def unreadable(term: TerminalDriver) -> list[tuple[int, str]]:
    """Letters and digits drawn in their own background colour: (line, character)."""
    with term.lock:
        return [
            (y, cell.data)
            for y in range(term.screen.lines)
            for cell in term.screen.buffer[y].values()
            if cell.data.isalnum() and cell.fg == cell.bg != "default"
        ]


@pytest.fixture
def demo(data_dir: Path, home: Path) -> str:
    """The demo sessions in the data folder; return the id of the English one."""
    cli(home, data_dir, "demo")
    listed = cli(home, data_dir, "list", "--json").stdout.decode().splitlines()
    (sid,) = [json.loads(line)["id"] for line in listed if json.loads(line)["minutes_lang"] == "en"]
    return sid


def wait_screen(term: TerminalDriver, name: str, body: str, key: str) -> None:
    """Wait for a screen's body, its footer key and help; the app must still be running.

    However narrow the terminal, F1 stays in the footer (the keys that do not fit are left
    out whole, never cut), so the facilitator always sees where every key is listed.
    """
    pattern = re.compile(body, re.MULTILINE)

    def shown() -> bool:
        footer = term.line(-1)
        return bool(pattern.search(term.screen_text())) and key in footer and "F1 Help" in footer

    term.wait_until(shown, 15, what=f"the {name} screen with {key!r} in its footer")
    assert not term.exited, f"{name}: the app stopped\n{term.dump()}"
    assert not unreadable(term), f"{name}: text in its background colour\n{term.dump()}"


@pytest.mark.heavy(5)
@pytest.mark.parametrize("terminal", list(TERMINALS))
def test_every_screen_renders_with_its_footer_keys(
    pty_app: SpawnApp, data_dir: Path, home: Path, demo: str, terminal: str
) -> None:
    cols, rows, term_name, extra = TERMINALS[terminal]
    env = env_for(home, **extra)
    term = pty_app([CONCERTO, "--data-dir", str(data_dir)], cols=cols, rows=rows, term=term_name,
                   env=env)  # fmt: skip
    wait_screen(term, "home", r"Sessions in", "n New")
    term.wait_for("2027-2029 action")  # its row
    if "2027-2029 action plan: operations" not in term.line(-2):  # the selected session
        term.press("down")
        term.wait_for("2027-2029 action plan: operations", line=-2)
    term.press("enter")  # resumes the selected session where it was left: the minutes
    wait_screen(term, "minutes", SCREENS[-1][1], SCREENS[-1][2])
    term.press("ctrl+g")
    term.wait_for("Go to")
    term.press("0")
    for n, (name, body, key) in enumerate(SCREENS):
        if n:
            term.press("f3")
        wait_screen(term, name, body, key)
    term.press("ctrl+o")  # back to the sessions
    wait_screen(term, "home", r"Sessions in", "n New")
    assert not term.feed_errors, term.feed_errors
    assert "Traceback" not in term.screen_text()
    assert not crash_log(home).exists()
    if term_name in ("xterm", "linux") and not extra:
        assert not COLOURS_256.search(term.raw_since(0)), "more colours than the terminal has"
    term.press("ctrl+q")
    assert term.wait_exit(15) == 0


def test_the_matrix_follows_resizes(
    pty_app: SpawnApp, data_dir: Path, home: Path, demo: str
) -> None:
    term = open_session(pty_app, data_dir, home, demo)
    term.press("ctrl+g")
    term.wait_for("Go to")
    term.press("3")
    wait_screen(term, "skills", SCREENS[3][1], SCREENS[3][2])
    term.wait_for("Margaret Chen (Alder Creek Community Services): level 3")
    term.press("right")  # from Margaret Chen to David Okafor
    term.wait_for("David Okafor (Alder Creek Public Library): level 0")
    for cols, rows in ((200, 60), (60, 20), (120, 40), (80, 24)):
        term.resize(cols, rows)
        term.wait_for("0123 level", line=rows - 1)
        term.wait_for("David Okafor (Alder Creek Public Library): level 0")
        if cols >= 120:  # wide enough for every person's column
            term.wait_for("Karen")
        assert not term.exited
    term.press("2")  # David's level; the cursor moves on to the next person
    term.wait_for("Sylvie Thibodeau (Francophone Seniors' Club): level")
    session = SessionStore(data_dir)

    def saved_level() -> bool:
        loaded = session.load(demo)
        david = next(p.id for p in loaded.participants if p.name == "David Okafor")
        skill = next(s for s in loaded.skills if s.label.startswith("Recruiting"))
        return skill.levels.get(david) == 2

    term.wait_until(saved_level, 15, what="level 2 for David Okafor on disk")
    assert not crash_log(home).exists()


# -- hostile, huge and foreign input -------------------------------------------------------

OSC_TITLE = "\x1b]0;PWNED\x07"
CSI_MOVE = "\x1b[7;42HZAP"
CONTROLS = "\x00\x01\x08\x0e\x1c\x7f\x85\x9b\u202e"
PASTED_LINE = f"Coop {OSC_TITLE} {CSI_MOVE} {CONTROLS}Nord"
PASTED_NOTES = f"Ligne 1 {OSC_TITLE}\nLigne 2 {CSI_MOVE} {CONTROLS}fin\n"
TYPED = f"Salle {CSI_MOVE} \x1b]0;PWNED\x1b\\ \x00\x1c\x85\x9b\u202e B"
PAYLOAD_BYTES = [
    b"\x1b]0;PWNED",
    b"PWNED\x07",
    b"\x1b[7;42HZAP",
    b"\x00",
    b"\x0e",
    b"\x1c",
    "\x85".encode(),
    "\x9b".encode(),
    "\u202e".encode(),
]
"""What the terminal must never receive back (Textual's own sequences are fine)."""

NAME = "Éloïse Tremblay"
ORGANISATION = "שלום 👩🏽‍🌾 Coop"


def minutes(home: Path, data_dir: Path, sid: str) -> str:
    """The minutes as exported by ``concerto export ID -o -``, checked free of controls."""
    out = cli(home, data_dir, "export", sid, "-o", "-").stdout
    assert b"\x1b" not in out
    text = out.decode("utf-8")
    assert not UNSAFE.search(text), [m.group() for m in UNSAFE.finditer(text)]
    return text


def test_hostile_input_is_neither_stored_nor_echoed_nor_exported(
    pty_app: SpawnApp, data_dir: Path, home: Path
) -> None:
    sid = new_session(data_dir, "Table de quartier")
    term = open_session(pty_app, data_dir, home, sid)
    mark = term.mark()

    # A participant: a name typed with accents, an organisation pasted in Hebrew with an emoji.
    term.press("shift+tab")  # from the title to the tabs
    term.press("right")
    term.wait_for("No participant yet")
    term.press("tab")
    term.wait_for("a Add", line=-1)
    term.press("a")
    term.wait_for("New participant")
    term.type(NAME)
    term.wait_for(f"Participant · {NAME}")
    term.press("tab")
    term.paste(ORGANISATION)
    term.wait_until(
        lambda: [p.organisation for p in on_disk(data_dir, sid).participants] == [ORGANISATION]
    )
    # Its role gets the hostile paste: one paste, kept whole, its controls dropped.
    term.press("tab")
    term.paste(PASTED_LINE)
    term.wait_for("Coop ]0;PWNED [7;42HZAP Nord")
    term.press("ctrl+q")  # closes the form
    term.wait_for("1 participant")
    term.wait_for("a Add", line=-1)
    # The meeting's notes (a text area) get a hostile multi-line paste.
    term.press("n")
    term.wait_for("Notes: Meeting")
    term.paste(PASTED_NOTES)
    term.wait_for("Ligne 2 [7;42HZAP fin")
    term.press("ctrl+q")
    term.wait_for("a Add", line=-1)
    # The collective is pasted into, the place typed into, key by key.
    term.press("shift+tab")  # from the table to the tabs
    term.press("left")
    term.wait_for("Collective or body")
    term.press("tab", "tab")  # the title, then the collective
    term.paste(PASTED_LINE)
    term.wait_for("Coop ]0;PWNED [7;42HZAP Nord")
    term.press("tab", "tab", "tab", "tab")  # date, start, end, place
    for char in TYPED:
        term.send(char)
    term.send(b"\xe9")  # a Latin-1 "e acute": not UTF-8
    term.type(" fin")
    term.wait_for(re.compile(r"Place or video link +Salle .* fin$", re.MULTILINE))
    # The Go to dialog (ctrl+g, which is BEL) lists the screens: a paste must not open it.
    assert "10  Minutes" not in term.screen_text(), "a paste or a typed sequence ran a command"

    expected_line = "Coop ]0;PWNED [7;42HZAP Nord"

    def all_saved() -> bool:
        session = on_disk(data_dir, sid)
        return (
            session.meeting.collective == expected_line
            and session.meeting.place.endswith(" fin")
            and session.participants[0].role == expected_line
            and "fin" in session.notes.get("meeting", "")
        )

    term.wait_until(all_saved, 15, what="every field on disk")
    term.wait_until(lambda: term.line(0).endswith("saved"), 15, what="the header saying saved")
    session = on_disk(data_dir, sid)
    assert session.notes["meeting"] == "Ligne 1 ]0;PWNED\nLigne 2 [7;42HZAP fin\n"
    assert session.meeting.place.startswith("Salle ")
    assert not unsafe_strings(data_dir / f"{sid}.json")

    raw = term.raw_since(mark)
    leaked = [payload for payload in PAYLOAD_BYTES if payload in raw]
    assert not leaked, f"sent back to the terminal: {leaked}"
    assert not term.exited

    term.press("ctrl+q")
    assert term.wait_exit(15) == 0
    text = minutes(home, data_dir, sid)
    assert "ZAP" in text and "PWNED" in text  # the fields did reach the minutes, cleaned
    assert NAME in text and ORGANISATION in text
    assert not crash_log(home).exists()


def test_a_huge_paste_neither_freezes_the_app_nor_is_lost(
    pty_app: SpawnApp, data_dir: Path, home: Path
) -> None:
    sid = new_session(data_dir, "Table de quartier")
    term = open_session(pty_app, data_dir, home, sid)
    huge = ("Ordre du jour très chargé, point " * 3100)[:99_999] + "."
    for _field in range(8):  # collective, date, start, end, place, mode, language, facilitator
        term.press("tab")
    term.paste(huge)
    # Refused with a message: a field holds at most 500 characters...
    term.wait_for("At most 500 characters", timeout=30)
    # ...and the app still answers a key within a few seconds.
    started = time.monotonic()
    term.press("tab")
    term.type("Nadia Ouellet")
    term.wait_for("Nadia Ouellet", timeout=5)
    assert time.monotonic() - started < 5

    def kept() -> bool:
        session = on_disk(data_dir, sid)
        return (
            session.meeting.note_taker == "Nadia Ouellet"
            and session.drafts.get("meeting/facilitator") == huge
        )

    # ...while the whole text is kept as typed, a draft the facilitator can shorten.
    term.wait_until(kept, 15, what="the note-taker and the whole pasted text on disk")
    assert on_disk(data_dir, sid).meeting.facilitator == ""
    term.press("ctrl+q")
    assert term.wait_exit(15) == 0
    assert "Nadia Ouellet" in minutes(home, data_dir, sid)


def test_emoji_accents_and_right_to_left_text_survive(
    pty_app: SpawnApp, data_dir: Path, home: Path
) -> None:
    sid = new_session(data_dir, "Table de quartier")
    term = open_session(pty_app, data_dir, home, sid)
    texts = {"collective": "Coopérative שלום 👩🏽‍🌾", "place": "Salle Éloïse-Brûlé"}
    term.press("tab")
    term.type(texts["collective"])  # typed, one character at a time
    term.press("tab", "tab", "tab", "tab")
    term.paste(texts["place"])  # pasted
    term.wait_for("Salle Éloïse-Brûlé")

    def saved() -> bool:
        meeting = on_disk(data_dir, sid).meeting
        return meeting.collective == texts["collective"] and meeting.place == texts["place"]

    term.wait_until(saved, 15, what="the texts on disk, unchanged")
    term.press("ctrl+q")
    assert term.wait_exit(15) == 0
    raw = (data_dir / f"{sid}.json").read_text("utf-8")
    assert all(json.dumps(text, ensure_ascii=False)[1:-1] in raw for text in texts.values())
    text = minutes(home, data_dir, sid)
    assert texts["collective"] in text and texts["place"] in text
