"""Participation, follow-up and communication: the review's points, the minutes, the JSON."""

from __future__ import annotations

import datetime as dt
import json

from test_minutes import plain_text, tables

from tui.export import render_minutes
from tui.model import (
    Body,
    Communication,
    Indicator,
    Meeting,
    Monitoring,
    Participation,
    Session,
    WorkingGroup,
    review,
)
from tui.storage.codec import export_json
from tui.storage.transfer import parse_export


def session(**lists: object) -> Session:
    return Session(id="s1", meeting=Meeting(title="Table", minutes_lang="fr"), **lists)  # type: ignore[arg-type]


def points(s: Session) -> list[tuple[str, str, str]]:
    return [(i.table, i.record_id, i.check) for i in review(s)]


def test_participation_needs_a_date_or_a_frequency() -> None:
    s = session(
        participation=[
            Participation(id="m1", label="Consultation"),
            Participation(id="m2", label="Siège citoyen", frequency="chaque rencontre"),
            Participation(id="m3", label="Sondage", date=dt.date(2027, 2, 1), actions=["gone"]),
        ]
    )
    assert points(s) == [
        ("participation", "m1", "no_date"),
        ("participation", "m3", "broken_link"),
    ]


def test_a_follow_up_needs_a_body_and_every_indicator_needs_a_follow_up() -> None:
    s = session(
        indicators=[Indicator(id="i1", label="Ménages"), Indicator(id="i2", label="Ateliers")],
        bodies=[Body(id="c1", label="Comité", decision_rule="consensus")],
        monitoring=[
            Monitoring(id="f1", label="Tableau de bord", indicators=["i1"], body="c1"),
            Monitoring(id="f2", label="Bilan", indicators=["i9"]),
        ],
    )
    found = [p for p in points(s) if p[2] not in ("no_target", "no_baseline", "no_collector")]
    assert found == [
        ("indicators", "i2", "not_followed"),
        ("monitoring", "f2", "no_body"),
        ("monitoring", "f2", "broken_link"),
    ]
    assert {i.step for i in review(s) if i.table in ("indicators", "monitoring")} >= {
        "coordination"
    }


def test_a_communication_item_needs_someone_responsible() -> None:
    s = session(
        communication=[
            Communication(id="n1", label="Infolettre", responsible="Nadia"),
            Communication(id="n2", label="Affiches trilingues", responsible="  "),
        ]
    )
    assert points(s) == [("communication", "n2", "no_responsible")]


def test_an_empty_session_has_nothing_to_review_in_step_7() -> None:
    assert points(session()) == []


def full() -> Session:
    return session(
        actions=[],
        indicators=[Indicator(id="i1", label="Ménages inscrits")],
        bodies=[Body(id="c1", label="Comité de coordination")],
        participation=[
            Participation(
                id="m1",
                label="Consultation | des résidents",
                kind="seat",
                invited="Résidentes\net résidents",
                date=dt.date(2027, 2, 10),
                frequency="deux fois par année",
                organiser="CDC",
            )
        ],
        monitoring=[
            Monitoring(id="f1", label="Tableau de bord", indicators=["i1", "i9"], frequency="")
        ],
        communication=[Communication(id="n1", label="Infolettre", languages="fr, en")],
    )


def test_the_minutes_show_each_mode_as_a_table_in_both_languages() -> None:
    s = full()
    fr = render_minutes(s, "summary", "fr")
    en = render_minutes(s, "formal", "en")
    for text, heads in (
        (fr, ["### Participation", "### Suivi du plan", "### Communication"]),
        (en, ["### Participation", "### Follow-up", "### Communication"]),
    ):
        assert all(f"\n{h}\n" in text for h in heads)
        for table in tables(text):
            assert all(len(row) == len(table[0]) for row in table)
    rows = {t[0][0]: t[1] for t in tables(fr)}
    assert rows["Mécanisme"] == [
        "Consultation | des résidents",  # escaped: the pipe breaks no table
        "Siège citoyen",
        "Résidentes / et résidents",
        "10 février 2027, deux fois par année",
        "CDC",
        "—",
    ]
    assert rows["Ce qui est suivi"] == [
        "Tableau de bord",
        "Ménages inscrits, (indicateur retiré)",
        "—",
        "à déterminer",  # no body: said as such, never a default one
        "—",
        "—",
    ]
    assert rows["Message ou objectif"][-1] == "à déterminer"
    shown = plain_text(en)
    assert "Citizen seat" in shown and "February 10, 2027, deux fois par année" in shown
    assert "(removed indicator)" in shown and "Reviewed by no follow-up." not in shown


def test_the_json_format_carries_the_new_lists_and_gives_back_an_equal_session() -> None:
    s = full()
    text = export_json(s)
    assert '"participation": [' in text and '"communication": [' in text
    assert parse_export(text.encode()) == s


def test_a_v3_export_imports_with_the_new_lists_empty_and_no_frequency_guessed() -> None:
    s = full()
    s.working_groups.append(WorkingGroup(id="w1", label="GT transport", mandate="hebdomadaire"))
    raw = json.loads(export_json(s))
    raw["schema_version"] = 3
    for name in ("participation", "monitoring", "communication"):
        del raw["session"][name]
    del raw["session"]["working_groups"][0]["frequency"]
    got = parse_export(json.dumps(raw).encode())
    assert (got.participation, got.monitoring, got.communication) == ([], [], [])
    assert (got.working_groups[0].frequency, got.working_groups[0].mandate) == ("", "hebdomadaire")


def test_the_workbook_has_a_sheet_per_mode_with_typed_cells() -> None:
    import io

    import openpyxl

    from tui.export.workbook import render_xlsx

    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(full(), "fr")))
    names = book.sheetnames
    at = names.index("Participation")
    assert names[at : at + 3] == ["Participation", "Suivi du plan", "Communication"]
    rows = [[c.value for c in row] for row in book["Participation"].iter_rows()]
    assert rows[0][:4] == ["Mécanisme", "Type", "Personnes invitées", "Date"]
    assert rows[1][0] == "Consultation | des résidents" and rows[1][3] == dt.datetime(2027, 2, 10)
    follow = [[c.value for c in row] for row in book["Suivi du plan"].iter_rows()]
    assert follow[1][:2] == ["Tableau de bord", "Ménages inscrits, ?"]
    assert [c.value for c in book["Communication"][2]][3] == "fr, en"
