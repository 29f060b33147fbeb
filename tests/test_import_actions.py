"""concerto import-actions: the plan's actions from CSV or XLSX, all rows or none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from test_cli import run, snapshot

from tui.storage.lock import SessionLock
from tui.storage.store import SessionStore

CSV_FR = (
    "\ufeffÉchéance;CODE;action;Orientation stratégique;Porteur\n"
    "2027-09-30;A1;Ouvrir une épicerie solidaire;Accès économique;Banque alimentaire\n"
    "2027-06-30;A2;Transport collectif;Mobilité;MRC du Lac\n"
)


@pytest.fixture
def sid(capsys, data_dir: Path) -> str:  # type: ignore[no-untyped-def]
    _code, out, _err = run(capsys, "--data-dir", str(data_dir), "new", "Plan")
    return out.strip()


def actions(data_dir: Path, sid: str) -> list[tuple[str, str, str, str, dt.date | None]]:
    session = SessionStore(data_dir).load(sid)
    return [(a.code, a.label, a.orientation, a.lead, a.deadline) for a in session.actions]


def test_a_french_csv_with_bom_and_semicolons_is_imported_then_updated(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, sid: str, tmp_path: Path
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(CSV_FR, encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import-actions", sid, str(path))
    assert (code, err) == (0, "") and out == "Actions ajoutées : 2; mises à jour : 0.\n"
    assert actions(data_dir, sid) == [
        ("A1", "Ouvrir une épicerie solidaire", "Accès économique", "Banque alimentaire",
         dt.date(2027, 9, 30)),
        ("A2", "Transport collectif", "Mobilité", "MRC du Lac", dt.date(2027, 6, 30)),
    ]  # fmt: skip
    again = tmp_path / "again.csv"
    again.write_text("code,Action,Deadline\na1,Épicerie solidaire,2027-10-01\nA3,Répertoire,\n")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--lang", "en", "import-actions",
                         sid, str(again))  # fmt: skip
    assert (code, out) == (0, "Actions added: 1; updated: 1.\n")
    assert actions(data_dir, sid) == [
        ("a1", "Épicerie solidaire", "Accès économique", "Banque alimentaire",
         dt.date(2027, 10, 1)),  # the orientation and the lead, absent from the file, are kept
        ("A2", "Transport collectif", "Mobilité", "MRC du Lac", dt.date(2027, 6, 30)),
        ("A3", "Répertoire", "", "", None),
    ]  # fmt: skip


def test_an_xlsx_with_real_and_serial_dates_and_a_merged_orientation(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, sid: str, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Orientation", "Code", "Action", "Lead", "Deadline"])
    ws.append(["Accès", "A1", "Épicerie", "Banque", dt.datetime(2027, 9, 30)])
    ws.append([None, "A2", "Cuisines", "CAB", 46387])  # a serial number: 2026-12-31
    ws.append([None, "A3", "Jardins", None, "2027-05-24"])
    ws.merge_cells("A2:A4")
    path = tmp_path / "plan.xlsx"
    book.save(path)
    code, out, _err = run(capsys, "--data-dir", str(data_dir), "import-actions", sid, str(path))
    assert code == 0
    assert actions(data_dir, sid) == [
        ("A1", "Épicerie", "Accès", "Banque", dt.date(2027, 9, 30)),
        ("A2", "Cuisines", "Accès", "CAB", dt.date(2026, 12, 31)),
        ("A3", "Jardins", "Accès", "", dt.date(2027, 5, 24)),
    ]


def test_bad_rows_are_each_told_and_nothing_is_written(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, sid: str, tmp_path: Path
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "code;action;échéance\nA1;Bonne ligne;2027-01-15\nA2;Mauvaise;2027-02-31\n"
        ";;\nA1;Doublon;\nA4;;2027-01-01\nA5;Texte;bientôt\n",
        encoding="utf-8",
    )
    before = snapshot(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import-actions", sid, str(path))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "concerto: ligne 3, échéance : 31 février n'est pas une date",
        "concerto: ligne 5, code : A1 figure déjà à la ligne 2",
        "concerto: ligne 6, action : Un libellé est requis.",
        "concerto: ligne 7, échéance : « bientôt » n'est pas une date (année-mois-jour)",
    ]
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "est vide"),
        (b"PK\x03\x04 damaged zip", "classeur endommagé"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "n'est pas un tableur"),
        (b"nom;courriel\nA;b\n", "aucune colonne « action »"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_of_actions_is_one_line(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, sid: str, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(content)
    before = snapshot(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import-actions", sid, str(path))
    assert (code, out) == (2, "") and len(err.splitlines()) == 1 and reason in err, err
    assert snapshot(data_dir) == before


def test_a_session_open_elsewhere_is_refused_in_one_line(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, sid: str, tmp_path: Path
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(CSV_FR, encoding="utf-8")
    stored = (data_dir / f"{sid}.json").read_bytes()
    lock = SessionLock(data_dir, sid)
    assert lock.acquire()
    try:
        code, out, err = run(capsys, "--data-dir", str(data_dir), "import-actions", sid, str(path))
    finally:
        lock.release()
    assert (code, out) == (2, "") and len(err.splitlines()) == 1
    assert f"{sid} est ouverte ailleurs" in err
    assert (data_dir / f"{sid}.json").read_bytes() == stored


def _on_actions(data_dir: Path, clock) -> str:  # type: ignore[no-untyped-def]
    store = SessionStore(data_dir, clock=clock)
    session = store.create("Plan")
    handle = store.open(session.id)
    handle.session.progress.screen = "actions"
    handle.save(handle.session)
    handle.close()
    return session.id


async def _import_from_palette(app, pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    from conftest import until

    from tui.widgets.dialogs import AskText

    await until(pilot, lambda: getattr(app.screen, "KEY", None) == "actions")
    await pilot.press("ctrl+p", *"importer depuis un tableur")
    await pilot.pause(0.2)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, AskText))
    app.screen.query_one("#answer").value = str(path)
    await pilot.press("enter")


async def test_the_actions_screen_imports_from_the_palette(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock, tmp_path: Path
) -> None:
    from conftest import until

    sid = _on_actions(data_dir, clock)
    path = tmp_path / "plan.csv"
    path.write_text(CSV_FR, encoding="utf-8")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await _import_from_palette(app, pilot, path)
        await until(pilot, lambda: len(actions(data_dir, sid)) == 2)
        assert any("Actions ajoutées : 2" in n.message for n in app._notifications)
        assert "Ouvrir une épicerie solidaire" in str(
            app.screen.query_one("DataTable").get_row_at(0)
        )
    assert actions(data_dir, sid)[1] == (
        "A2", "Transport collectif", "Mobilité", "MRC du Lac", dt.date(2027, 6, 30)
    )  # fmt: skip


async def test_a_bad_file_on_the_actions_screen_says_why_and_changes_nothing(  # type: ignore[no-untyped-def]
    make_app, data_dir: Path, clock, tmp_path: Path
) -> None:
    from conftest import until

    sid = _on_actions(data_dir, clock)
    path = tmp_path / "plan.csv"
    path.write_text("code;action;échéance\nA1;X;2027-02-31\n", encoding="utf-8")
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await _import_from_palette(app, pilot, path)
        await until(pilot, lambda: any("Rien n'a été importé" in n.message
                                       for n in app._notifications))  # fmt: skip
        found = [n.message for n in app._notifications if "Rien" in n.message]
        assert "ligne 2, échéance : 31 février n'est pas une date" in found[0]
    assert actions(data_dir, sid) == []
