"""Schema migrations: every past version's fixture opens, migrates after a `.bak`, idempotently."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from tui.model import SCHEMA_VERSION
from tui.storage.codec import export_json
from tui.storage.migrations import MIGRATIONS, backup_path, migrate, migrate_file
from tui.storage.rawcheck import (
    CURRENT_SCHEMA_VERSION,
    OLDEST_SCHEMA_VERSION,
    DamagedFile,
    load_checked,
    schema_version,
)
from tui.storage.store import SessionStore, read_session

FIXTURES = Path(__file__).parent / "fixtures"
VERSIONS = list(range(OLDEST_SCHEMA_VERSION, CURRENT_SCHEMA_VERSION + 1))


def fixture(version: int) -> Path:
    return FIXTURES / f"session-v{version}.json"


def place(data_dir: Path, version: int) -> Path:
    path = data_dir / "fixture.json"
    shutil.copyfile(fixture(version), path)
    path.chmod(0o600)
    return path


def expected():  # type: ignore[no-untyped-def]
    """The session every fixture holds, as the current version reads it."""
    return read_session(fixture(CURRENT_SCHEMA_VERSION))


def test_every_past_version_has_a_migration_and_a_fixture() -> None:
    assert SCHEMA_VERSION == CURRENT_SCHEMA_VERSION
    assert sorted(MIGRATIONS) == VERSIONS[:-1]
    for version in VERSIONS:
        assert schema_version(load_checked(fixture(version))) == version


@pytest.mark.parametrize("version", VERSIONS)
def test_a_fixture_opens_migrates_after_a_bak_and_equals_the_expected_session(
    data_dir: Path, version: int
) -> None:
    path = place(data_dir, version)
    original = path.read_bytes()
    store = SessionStore(data_dir)
    handle = store.open("fixture")
    try:
        assert handle.session == expected()
    finally:
        handle.close()
    assert schema_version(load_checked(path)) == CURRENT_SCHEMA_VERSION
    bak = backup_path(path, version)
    if version < CURRENT_SCHEMA_VERSION:
        assert bak.read_bytes() == original and bak.name == f".fixture.v{version}.bak"
        assert bak.stat().st_mode & 0o777 == 0o600
    else:
        assert not bak.exists() and path.read_bytes() == original
    # A second open finds nothing to migrate: same bytes, same .bak, same session.
    migrated = path.read_bytes()
    again = store.open("fixture")
    again.close()
    assert path.read_bytes() == migrated
    assert sorted(p.name for p in data_dir.glob(".*.bak")) == ([bak.name] if bak.exists() else [])


@pytest.mark.parametrize("version", VERSIONS)
def test_migrating_twice_gives_the_same_result(tmp_path: Path, version: int) -> None:
    tables = load_checked(fixture(version))
    kept = copy.deepcopy(tables)
    once = migrate(tables)
    assert tables == kept  # pure: the input is not changed
    assert migrate(once) == once
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        shutil.copyfile(fixture(version), folder / "fixture.json")
        migrate_file(folder / "fixture.json")
        assert not migrate_file(folder / "fixture.json")  # already current: nothing written
    assert (first / "fixture.json").read_bytes() == (second / "fixture.json").read_bytes()


def test_an_old_file_is_listed_and_exported_without_being_written(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path
) -> None:
    from tui.cli.main import main

    path = place(data_dir, OLDEST_SCHEMA_VERSION)
    before = path.read_bytes()
    (listing,) = SessionStore(data_dir).list()
    assert (listing.damaged, listing.title) == (None, "Réunion de fixture")
    assert (
        main(["--data-dir", str(data_dir), "export", "fixture", "--format", "json", "-o", "-"]) == 0
    )
    exported = json.loads(capsys.readouterr().out)
    assert exported["schema_version"] == CURRENT_SCHEMA_VERSION
    assert exported["session"]["meeting"]["title"] == "Réunion de fixture"
    follower = SessionStore(data_dir).open("fixture", write=False)
    assert follower.read_only and follower.session == expected()
    follower.close()
    assert path.read_bytes() == before and not list(data_dir.glob(".*.bak"))


def test_a_newer_version_is_never_written_to(data_dir: Path) -> None:
    path = data_dir / "future.json"
    tables = load_checked(fixture(CURRENT_SCHEMA_VERSION))
    tables["meta"]["1"].update(id="future", schema_version=CURRENT_SCHEMA_VERSION + 1)
    path.write_text(json.dumps(tables), "utf-8")
    before = path.read_bytes()
    with pytest.raises(DamagedFile, match="newer_schema"):
        migrate_file(path)
    with pytest.raises(DamagedFile, match="newer_schema"):
        SessionStore(data_dir).open("future")
    assert path.read_bytes() == before
    assert not list(data_dir.glob(".*.bak")) and not (data_dir / ".backups").exists()


def test_an_old_file_that_does_not_migrate_to_a_valid_session_is_left_alone(
    data_dir: Path,
) -> None:
    path = place(data_dir, OLDEST_SCHEMA_VERSION)
    tables = json.loads(path.read_text("utf-8"))
    tables["meeting"]["1"]["name"] = ""  # a title is required
    path.write_text(json.dumps(tables), "utf-8")
    before = path.read_bytes()
    with pytest.raises(DamagedFile, match="invalid"):
        SessionStore(data_dir).open("fixture")
    with pytest.raises(Exception, match="title"):
        migrate_file(path)
    assert path.read_bytes() == before and not list(data_dir.glob(".*.bak"))


def test_v1_outcomes_keep_their_meaning_and_nothing_is_lost(data_dir: Path) -> None:
    """v1 wrote « carried » as a default: kept as it is, since a default cannot be told from a
    choice; a v1 decision with no outcome key meant « carried » too and is written so."""
    path = place(data_dir, 1)
    v1 = load_checked(path)
    handle = SessionStore(data_dir).open("fixture")
    session = handle.session
    handle.close()
    outcomes = {d.text: d.outcome for d in session.decisions}
    assert outcomes == {
        "Adopter l'ordre du jour.": "carried",
        "Décision saisie à la main, sans résultat.": "carried",
        "Reporter le budget.": "deferred",
    }
    assert "outcome" not in v1["decisions"]["2"]  # the fixture does test a missing key
    # Every v1 value is there, unchanged; the new fields are empty, never guessed.
    migrated = load_checked(path)
    for table, docs in v1.items():
        if table == "meta":
            continue
        for key, doc in docs.items():
            kept = {k: v for k, v in migrated[table][key].items() if k in doc}
            assert kept == doc, (table, key)
    assert [p.attendance for p in session.participants] == ["present", "present", "excused"]
    assert (session.meeting.adjourned_at, session.roles[0].accountable) == (None, "")
    assert [r.needed_text for r in session.resources] == ["", ""]


def test_a_v1_export_imports_with_its_outcomes_and_a_v2_one_keeps_none(data_dir: Path) -> None:
    from tui.storage.transfer import parse_export

    session = read_session(fixture(2))
    raw = json.loads(export_json(session))
    raw["schema_version"] = 1
    del raw["session"]["decisions"][1]["outcome"]
    assert parse_export(json.dumps(raw).encode()).decisions[1].outcome == "carried"
    session.decisions[1].outcome = None
    again = parse_export(export_json(session).encode())
    assert again.decisions[1].outcome is None and again == session


def test_v3_working_groups_get_an_empty_frequency_and_the_new_lists_start_empty(
    data_dir: Path,
) -> None:
    """v4 adds participation, follow-up and communication, and a working group's frequency:
    a v3 file opens with every value as it was, the new fields empty, never guessed."""
    path = place(data_dir, 3)
    tables = load_checked(path)
    tables["bodies"] = {
        "1": {"id": "c1", "label": "Comité de coordination", "purpose": "", "members": "",
              "decision_rule": "consensus", "frequency": "aux 6 semaines", "channel": "",
              "convener": ""},
    }  # fmt: skip
    tables["working_groups"] = {
        "1": {"id": "w1", "label": "GT transport", "mandate": "Trajet pilote; hebdomadaire au "
              "lancement", "deliverable": "", "lead": None, "members": "", "reports_to": "c1",
              "deadline": "2027-04-02"},
    }  # fmt: skip
    path.write_text(json.dumps(tables, ensure_ascii=False), "utf-8")
    v3 = path.read_bytes()
    handle = SessionStore(data_dir).open("fixture")
    session = handle.session
    handle.close()
    migrated = load_checked(path)
    assert migrated["meta"]["1"]["schema_version"] == CURRENT_SCHEMA_VERSION
    for table, docs in tables.items():
        for key, doc in docs.items():
            if table != "meta":  # every v3 value is there, unchanged
                assert {f: migrated[table][key][f] for f in doc} == doc, (table, key)
    assert migrated["working_groups"]["1"]["frequency"] == ""
    assert {name: migrated[name] for name in ("participation", "monitoring", "communication")} == {
        "participation": {},
        "monitoring": {},
        "communication": {},
    }
    (group,) = session.working_groups
    assert (group.frequency, group.mandate, group.reports_to) == (
        "",
        "Trajet pilote; hebdomadaire au lancement",
        "c1",
    )
    assert (session.participation, session.monitoring, session.communication) == ([], [], [])
    assert backup_path(path, 3).read_bytes() == v3


def test_v4_records_open_with_the_v5_fields_saying_nothing(data_dir: Path) -> None:
    """v5 adds a lead organisation, arrival and departure times, a decision's time, voiding and
    an agreement type in words: a v4 file opens with every value as it was, none of them set."""
    path = place(data_dir, 4)
    v4 = load_checked(path)
    before = path.read_bytes()
    handle = SessionStore(data_dir).open("fixture")
    session = handle.session
    handle.close()
    migrated = load_checked(path)
    assert migrated["meta"]["1"]["schema_version"] == 5
    for table, docs in v4.items():
        for key, doc in docs.items():
            if table != "meta":  # additive: every v4 value is there, unchanged
                assert {f: migrated[table][key][f] for f in doc} == doc, (table, key)
    assert session.decisions and session.participants and session.roles
    assert all(
        (d.taken_at, d.voided, d.void_reason) == (None, False, "") for d in session.decisions
    )
    assert all((p.arrived_at, p.left_at) == (None, None) for p in session.participants)
    assert all(r.lead_org == "" for r in session.roles)
    assert all(g.kind_other == "" for g in session.agreements)
    assert backup_path(path, 4).read_bytes() == before
