"""Word, OpenDocument, calendar and workbook exports, read back by independent readers."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from icalendar import Calendar
from readers import from_markdown, read_docx, read_odt
from test_minutes import demo

from tui.export import render_file, render_minutes
from tui.export.ical import render_ics
from tui.export.workbook import render_xlsx
from tui.model import Session
from tui.model.live import ActionItem, Decision
from tui.model.plan import Action, Resource

NBSP = "\u00a0"
HOSTILE = [
    '=HYPERLINK("http://evil.example","clic")',
    "<script>alert(1)</script> & <b>x</b>",
    "**pas gras** | cellule | [lien](javascript:x)",
    "+SUM(A1:A9) -2 @cmd",
]


def hostile_session() -> Session:
    """The French demo with hostile text in an action, a resource, a decision and a follow-up."""
    s = demo()["fr"].model_copy(deep=True)
    s.actions.append(Action(id="hostile-a", label=HOSTILE[0], code=HOSTILE[3]))
    s.resources.append(Resource(id="hostile-r", label=HOSTILE[1], needed=Decimal("31000")))
    s.decisions.append(Decision(id="hostile-d", text=HOSTILE[2], number="2026-11-25-99"))
    s.action_items.append(ActionItem(id="hostile-i", label=HOSTILE[1], due=dt.date(2027, 1, 5)))
    return s


@pytest.mark.parametrize(("lang", "mode"), [("fr", "formal"), ("en", "summary")])
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_a_document_holds_the_headings_and_tables_of_the_markdown(
    fmt: str, lang: str, mode: str
) -> None:
    session = demo()[lang]
    expected = from_markdown(render_minutes(session, mode, lang))
    reader = read_docx if fmt == "docx" else read_odt
    found = reader(render_file(session, fmt, mode=mode, lang=lang))
    assert found.headings == expected.headings
    assert found.shapes == expected.shapes and len(found.shapes) > 10
    assert found.cells == expected.cells  # every cell, as the Markdown shows it
    for d in session.decisions:
        assert d.number is not None and d.number in found.text


def test_the_word_document_is_framed_for_a_secretary() -> None:
    session = demo()["fr"]
    data = render_file(session, "docx", mode="formal", lang="fr")
    found = read_docx(data)
    collective = session.meeting.collective
    assert collective in found.header and "25 novembre 2026" in found.header
    assert "PROJET" in found.header
    assert 'w:instr="PAGE"' in found.footer_xml and 'w:instr="NUMPAGES"' in found.footer_xml
    assert "Page " in found.footer_xml and " de " in found.footer_xml
    import docx

    d = docx.Document(io.BytesIO(data))
    assert (d.sections[0].page_width.inches, d.sections[0].page_height.inches) == (8.5, 11)
    assert any(p.style.name == "List Bullet" for p in d.paragraphs)
    assert all(t.style.name == "Table Grid" for t in d.tables)
    assert f"31{NBSP}000{NBSP}$" in found.text  # French typography kept


def test_adopted_minutes_carry_no_draft_mark() -> None:
    session = demo()["fr"].model_copy(deep=True)
    session.meeting.minutes_status = "adopted"
    assert "PROJET" not in read_docx(render_file(session, "docx", lang="fr")).header
    assert "PROJET" not in read_odt(render_file(session, "odt", lang="fr")).header


def test_the_opendocument_is_framed_on_letter_paper() -> None:
    found = read_odt(render_file(demo()["en"], "odt", mode="formal", lang="en"))
    styles = found.header
    assert 'fo:page-width="8.5in"' in styles and 'fo:page-height="11in"' in styles
    assert "<text:page-number" in styles and "<text:page-count" in styles
    assert "DRAFT" in styles and "Page " in styles and " of " in styles


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_hostile_strings_stay_text_in_documents(fmt: str) -> None:
    session = hostile_session()
    reader = read_docx if fmt == "docx" else read_odt
    found = reader(render_file(session, fmt, mode="formal", lang="fr"))
    for text in HOSTILE:
        assert text in found.text
    expected = from_markdown(render_minutes(session, "formal", "fr"))
    assert found.shapes == expected.shapes


def test_the_workbook_has_one_typed_sheet_per_table() -> None:
    session = hostile_session()
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(session, "fr")))
    names = book.sheetnames
    assert names[:3] == ["Actions", "Ressources", "Matrice des compétences"]
    assert len(names) == 15 and names[-2:] == ["Décisions", "Suivis"]
    counts = [len(session.actions), len(session.resources), len(session.skills)]
    counts += [len(session.decisions), len(session.action_items)]
    sheets = [book[n] for n in names[:3] + names[-2:]]
    assert [ws.max_row - 1 for ws in sheets] == counts
    for ws in book:
        assert ws.freeze_panes == "A2" and ws["A1"].font.b
        assert all(ws.column_dimensions[c].width >= 8 for c in "ABC")
    actions = book["Actions"]
    deadline = actions.cell(row=2, column=5)
    assert isinstance(deadline.value, dt.datetime) and deadline.value.date() == (
        session.actions[0].deadline
    )
    money = book["Ressources"].cell(row=2, column=4)
    assert money.value == 31000 and "$" in money.number_format
    hostile = actions.cell(row=actions.max_row, column=2)
    assert hostile.value == HOSTILE[0] and hostile.data_type == "s"  # text, not a formula
    assert actions.cell(row=actions.max_row, column=1).value == HOSTILE[3]
    matrix = book["Matrice des compétences"]
    people = [p.name for p in [*session.participants, *session.people]]
    assert [c.value for c in matrix[1]][2 : 2 + len(people)] == people
    assert isinstance(matrix.cell(row=2, column=3).value, int)


def test_the_calendar_has_the_next_meeting_in_its_zone_and_the_open_follow_ups() -> None:
    session = hostile_session()
    cal = Calendar.from_ical(render_ics(session, "fr", "America/Montreal"))
    events = cal.walk("VEVENT")
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    assert zones == ["America/Montreal"]
    meeting = events[0]
    start = meeting.decoded("dtstart")
    m = session.meeting
    assert start.date() == m.next_date and start.time() == m.next_time
    assert str(start.tzinfo) == "America/Montreal"
    assert str(meeting["location"]) == m.next_place
    assert str(meeting["summary"]).startswith("Prochaine rencontre — ")
    due = [i for i in session.action_items if i.status == "open" and i.due is not None]
    follow = events[1:]
    assert [str(e["uid"]) for e in follow] == [f"follow-up-{i.id}@concerto" for i in due]
    for event, item in zip(follow, due, strict=True):
        assert event.decoded("dtstart") == item.due  # a date: all day
        assert event.decoded("dtend") == item.due + dt.timedelta(days=1)
        assert str(event["summary"]).startswith(item.label)
    assert HOSTILE[1] in [str(e["summary"]) for e in follow]
    again = Calendar.from_ical(render_ics(session, "fr", "America/Montreal"))
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(e["uid"]) for e in events]


def test_a_calendar_without_a_next_meeting_holds_the_follow_ups_only() -> None:
    session = demo()["en"].model_copy(deep=True)
    session.meeting.next_date = None
    cal = Calendar.from_ical(render_ics(session, "en", "America/Montreal"))
    uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
    assert uids and all(u.startswith("follow-up-") for u in uids)
    assert cal.walk("VTIMEZONE") == []
