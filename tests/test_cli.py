"""The command line for scripts: one line per error, nothing written on bad input."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_new_prints_the_id_and_list_shows_it(capsys, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        capsys, "--data-dir", str(data_dir), "new", "Table de quartier", "--minutes-lang", "en"
    )
    assert code == 0
    sid = out.strip()
    assert (data_dir / f"{sid}.json").exists()
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["title"], r["minutes_lang"], r["damaged"]) for r in rows] == [
        (sid, "Table de quartier", "en", None)
    ]


def test_list_json_names_damaged_files_with_their_reason(capsys, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "--data-dir", str(data_dir), "new", "Bonne")
    (data_dir / "cassee.json").write_bytes(b'{"meta": {"1": {"app": "concerto"')
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    rows = {r["file"]: r for r in map(json.loads, out.splitlines())}
    assert code == 0
    assert rows["cassee.json"]["damaged"] == "syntax"
    assert sum(r["damaged"] is None for r in rows.values()) == 1


def test_export_json_then_import_gives_an_equal_session_under_a_new_id(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "new", "Comité")
    sid = out.strip()
    target = tmp_path / "comite.json"
    assert (
        run(
            capsys,
            "--data-dir",
            str(data_dir),
            "export",
            sid,
            "--format",
            "json",
            "-o",
            str(target),
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", str(target))
    new = out.strip()
    assert code == 0 and new != sid
    first = json.loads(target.read_text("utf-8"))["session"]
    run(capsys, "--data-dir", str(data_dir), "export", new, "--format", "json", "-o", "-")
    # the same content, but for the id
    second = json.loads(
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tui",
                "--data-dir",
                str(data_dir),
                "export",
                new,
                "--format",
                "json",
                "-o",
                "-",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )["session"]
    first.pop("id"), second.pop("id")
    assert first == second


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["new", ""], "libellé"),
        (["new"], "arguments"),
        (["--lang", "de", "list"], "de"),
        (["--tz", "Mars/Olympus", "list"], "Mars/Olympus"),
        (["export", "../../etc/passwd"], "../../etc/passwd"),
        (["export", "nosuch"], "nosuch"),
        (["delete", "nosuch"], "nosuch"),
        (["restore", "nosuch"], "nosuch"),
        (["export", "ID", "--format", "rtf"], "rtf"),
        (["bogus"], "bogus"),
    ],
)
def test_bad_input_exits_non_zero_with_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, argv: list[str], names: str
) -> None:
    run(capsys, "--data-dir", str(data_dir), "new", "Témoin")
    before = snapshot(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert names in err
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("argv", [[], ["list"], ["new", "Table"], ["demo"], ["import", "x.json"]])
@pytest.mark.parametrize("under", ["", "sub"])
def test_a_data_folder_that_is_a_file_gives_one_line_not_a_traceback(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path, argv: list[str], under: str
) -> None:
    blocker = tmp_path / "sessions"
    blocker.write_text("not a folder")
    folder = blocker / under if under else blocker
    if argv[:1] == ["import"]:  # a real export, from another folder
        other = str(tmp_path / "other")
        _code, sid, _err = run(capsys, "--data-dir", other, "new", "Table")
        exported = str(tmp_path / "x.json")
        run(capsys, "--data-dir", other, "export", sid.strip(), "--format", "json", "-o", exported)
        argv = ["import", exported]
    code, out, err = run(capsys, "--data-dir", str(folder), *argv)
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert (
        err
        == f"concerto: {blocker} n’est pas un dossier : choisissez-en un autre avec --data-dir\n"
    )
    assert blocker.read_text() == "not a folder"


def test_import_of_a_damaged_file_names_the_problem_and_writes_nothing(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"app": "concerto", "schema_version": 1, "session": NaN}')
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(bad))
    assert code == 2 and "NaN" in err
    assert list(data_dir.iterdir()) == []


def test_delete_then_restore(capsys, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "new", "Temporaire")
    sid = out.strip()
    assert run(capsys, "--data-dir", str(data_dir), "delete", sid)[0] == 0
    assert not (data_dir / f"{sid}.json").exists()
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "--trash", "--json")
    assert [json.loads(x)["id"] for x in out.splitlines()] == [sid]
    assert run(capsys, "--data-dir", str(data_dir), "restore", sid)[0] == 0
    assert (data_dir / f"{sid}.json").exists()


def test_the_installed_command_prints_its_version() -> None:
    exe = shutil.which("concerto") or str(Path(sys.executable).parent / "concerto")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"concerto {__version__}"


def test_messages_follow_the_interface_language(capsys, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _, _, err_fr = run(capsys, "--data-dir", str(data_dir), "--lang", "fr", "delete", "zz")
    _, _, err_en = run(capsys, "--data-dir", str(data_dir), "--lang", "en", "delete", "zz")
    assert err_fr != err_en
    assert "no session zz" in err_en
