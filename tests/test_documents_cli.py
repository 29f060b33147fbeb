"""Exporting documents from the command line: PDF pages, no overwrite, full disk, missing PDF."""

from __future__ import annotations

import errno
import re
import subprocess
import sys
from pathlib import Path

import pytest
from readers import pdf_pages
from test_cli import run, snapshot
from test_faults import FaultyFS

from tui.i18n.fmt import format_date
from tui.storage.exports import ExistsError, write_export
from tui.storage.store import SessionStore


@pytest.fixture
def demo_id(capsys, data_dir: Path) -> str:  # type: ignore[no-untyped-def]
    """The French demo session's id in the data folder."""
    run(capsys, "--data-dir", str(data_dir), "demo")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list")
    french = [line.split()[0] for line in out.splitlines() if "  fr  " in line]
    return french[0]


def test_the_pdf_has_the_frame_on_every_page_and_every_decision(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, demo_id: str
) -> None:
    target = data_dir.parent / "pv.pdf"
    argv = ["--data-dir", str(data_dir), "export", demo_id, "--format", "pdf", "--mode", "formal"]
    code, out, err = run(capsys, *argv, "-o", str(target))
    assert (code, err) == (0, "") and out.strip() == str(target)
    session = SessionStore(data_dir).load(demo_id)
    assert session.meeting.date is not None
    day = format_date(session.meeting.date, "fr")
    pages = pdf_pages(target.read_bytes())
    total = len(pages)
    assert total > 3
    for n, page in enumerate(pages, start=1):
        head = page.split("\n", 1)[0]  # the running header, on every page
        assert "PROJET" in head and day in head and session.meeting.collective in head
        assert f"Page {n} de {total}" in page
    text = " ".join(" ".join(pages).split())
    assert session.decisions
    for d in session.decisions:
        assert d.number is not None and d.number in text
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "612 x 792 pts (letter)" in info


def test_an_existing_file_is_kept_without_force_and_replaced_with_it(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, demo_id: str
) -> None:
    target = data_dir.parent / "pv.docx"
    target.write_bytes(b"the secretary's signed copy")
    argv = ["--data-dir", str(data_dir), "export", demo_id, "--format", "docx", "-o", str(target)]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err == f"concerto: {target} existe déjà : utilisez --force pour le remplacer\n"
    assert target.read_bytes() == b"the secretary's signed copy"
    code, out, err = run(capsys, *argv, "--force")
    assert code == 0 and target.read_bytes()[:2] == b"PK"
    assert [p.name for p in target.parent.iterdir() if ".tmp-" in p.name] == []


def test_exports_are_named_by_date_collective_kind_and_language_and_never_overwritten(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, demo_id: str
) -> None:
    argv = ("--data-dir", str(data_dir), "export", demo_id, "--format", "xlsx")
    code, out, _err = run(capsys, *argv)
    path = Path(out.strip())
    assert code == 0 and path.parent == data_dir / "exports"
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d-table-de-concertation-en-securite-alimentaire-plan-fr\.xlsx", path.name
    )
    assert path.read_bytes()[:2] == b"PK" and path.stat().st_mode & 0o777 == 0o600
    path.write_bytes(b"the secretary's copy")
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and "--force" in err
    assert path.read_bytes() == b"the secretary's copy"
    code, out, _err = run(capsys, *argv, "--force")
    assert code == 0 and Path(out.strip()) == path and path.read_bytes()[:2] == b"PK"
    for mode, kind in (("formal", "proces-verbal"), ("summary", "compte-rendu")):
        code, out, _err = run(capsys, "--data-dir", str(data_dir), "export", demo_id,
                              "--format", "md", "--mode", mode)  # fmt: skip
        assert Path(out.strip()).name.endswith(f"-alimentaire-{kind}-fr.md")


def test_a_missing_folder_is_one_line_and_nothing_written(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, demo_id: str
) -> None:
    before = snapshot(data_dir)
    target = data_dir.parent / "nowhere" / "pv.odt"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export", demo_id,
                         "--format", "odt", "-o", str(target))  # fmt: skip
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert "nowhere" in err and not target.parent.exists()
    assert snapshot(data_dir) == before


def test_a_calendar_without_next_meeting_says_so(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path
) -> None:
    _code, sid, _err = run(capsys, "--data-dir", str(data_dir), "--lang", "en", "new", "T")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--lang", "en", "export",
                         sid.strip(), "--format", "ics", "-o", "-")  # fmt: skip
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")
    assert err == "No date for the next meeting: the calendar holds the follow-ups only.\n"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_no_half_file_and_the_old_one_whole(
    tmp_path: Path, code: int, step: str
) -> None:
    target = tmp_path / "pv.docx"
    target.write_bytes(b"old")
    fs = FaultyFS()
    fs.fault = (step, "before", code)
    with pytest.raises(OSError) as info:
        write_export(tmp_path, "x", "docx", b"new" * 1000, output=target, force=True, fs=fs)
    assert info.value.errno == code
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pv.docx"]
    assert target.read_bytes() == b"old"
    with pytest.raises(ExistsError):  # and without force, never replaced
        write_export(tmp_path, "x", "docx", b"new", output=target, force=False)


def test_without_weasyprint_the_pdf_export_says_what_to_install(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(folder), "demo"],
                   check=True, capture_output=True)  # fmt: skip
    sid = next(folder.glob("*.json")).stem
    script = (
        "import sys; sys.modules['weasyprint'] = None\n"  # as when the extra is not installed
        "from tui.cli.main import main\n"
        f"sys.exit(main(['--lang', 'en', '--data-dir', {str(folder)!r}, 'export', {sid!r},"
        " '--format', 'pdf']))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("concerto: PDF export needs WeasyPrint and Pango: pip install")
    assert len(done.stderr.splitlines()) == 1
    assert not (folder / "exports").exists()
