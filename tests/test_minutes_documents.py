"""The Minutes screen's document exports (Pilot): Word, OpenDocument, calendar, workbook, PDF."""

from __future__ import annotations

import pytest
from conftest import until
from readers import from_markdown, pdf_pages, read_docx, read_odt
from test_e2e_app import CONCERTO, env_for
from test_minutes_screen import SIZE, exports, minutes_shown, saved_text, stored, write_demo

from tui.export import render_minutes

READERS = {"w": ("docx", read_docx), "o": ("odt", read_odt)}


@pytest.mark.parametrize("key", ["w", "o"])
async def test_a_key_exports_the_document_of_the_minutes_shown(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock, key: str
) -> None:
    sid = write_demo(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("m")  # formal minutes: the file follows what is shown
        await until(pilot, lambda: screen.mode == "formal" and not screen.rendering)
        await pilot.press(key)
        await until(pilot, lambda: len(exports(data_dir)) == 1 and "exports" in saved_text(screen))
    fmt, reader = READERS[key]
    (path,) = exports(data_dir)
    assert path.suffix == f".{fmt}"
    expected = from_markdown(render_minutes(stored(data_dir, sid), "formal", "fr"))
    found = reader(path.read_bytes())
    assert found.headings == expected.headings and found.shapes == expected.shapes


@pytest.mark.parametrize(("key", "magic"), [("i", b"BEGIN:VCALENDAR"), ("x", b"PK")])
async def test_calendar_and_workbook_keys_write_their_files(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock, key: str, magic: bytes
) -> None:
    sid = write_demo(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press(key)
        await until(pilot, lambda: len(exports(data_dir)) == 1 and "exports" in saved_text(screen))
    (path,) = exports(data_dir)
    assert path.read_bytes().startswith(magic)


@pytest.mark.heavy(7)
async def test_p_renders_the_pdf_with_a_progress_line(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    sid = write_demo(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await minutes_shown(app, pilot)
        await pilot.press("p")
        assert "Production du fichier PDF" in saved_text(screen)  # before the first frame after
        await until(pilot, lambda: len(exports(data_dir)) == 1, timeout=60)
        await until(pilot, lambda: "exports" in saved_text(screen))
    (path,) = exports(data_dir)
    pages = pdf_pages(path.read_bytes())
    assert "PROJET" in pages[0] and f"Page 1 de {len(pages)}" in pages[0]


@pytest.mark.e2e
def test_keys_echo_in_a_real_terminal_while_the_pdf_renders(  # type: ignore[no-untyped-def]
    pty_app, data_dir, clock, tmp_path
) -> None:
    sid = write_demo(data_dir, clock, which=1)
    term = pty_app([CONCERTO, "--data-dir", str(data_dir), "open", sid], env=env_for(tmp_path))
    term.wait_for("p PDF")
    term.press("p")
    term.wait_for("Rendering the PDF file")
    term.press("f4")  # capture a decision while the PDF renders
    term.wait_for("Moved by")
    term.type("Marie")
    term.wait_for("Marie")
    assert exports(data_dir) == []  # typed and shown while the PDF was still rendering
    term.press("escape")
    term.wait_for("Saved to", timeout=60)
    assert [p.suffix for p in exports(data_dir)] == [".pdf"]
