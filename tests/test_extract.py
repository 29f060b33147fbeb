"""The certified extract of one resolution, and the procès-verbal's formal parts in every format,
read back by independent readers and compared with the Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import until
from readers import from_markdown, pdf_pages, read_docx, read_odt
from test_cli import run, snapshot
from test_documents import HOSTILE
from test_minutes import demo
from test_minutes_screen import SIZE, exports, stored, write_demo

from tui.export import render_file, render_minutes
from tui.export.extract import render_extract
from tui.export.typography import typeset
from tui.model import Session
from tui.model.live import Decision
from tui.services.exporting import render_extract_export

NB = "\u00a0"
CERTIFY = {
    "fr": "Je, soussigné·e, Nadia Ouellet, secrétaire de Table de concertation en sécurité "
    "alimentaire de la MRC du Lac-aux-Hérons, certifie que la résolution suivante est un "
    "extrait conforme du procès-verbal de la séance du 25 novembre 2026.",
    "en": "I, the undersigned, David Okafor, secretary of Alder Creek Aging Well Coalition, "
    "certify that the following resolution is a true extract of the minutes of the meeting of "
    "November 25, 2026.",
}
SIGN = {
    "fr": ("Signature", "Secrétaire de la séance"),
    "en": ("Signature", "Secretary of the meeting"),
}


def _demo_id(capsys, data_dir: Path, lang: str) -> str:  # type: ignore[no-untyped-def]
    run(capsys, "--data-dir", str(data_dir), "demo")
    _code, out, _ = run(capsys, "--data-dir", str(data_dir), "list")
    return next(line.split()[0] for line in out.splitlines() if f"  {lang}  " in line)


def _numbers(session: Session) -> list[str]:
    return [d.number or "" for d in session.decisions]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_extract_holds_that_resolution_alone_with_the_certification(lang: str) -> None:
    session = demo()[lang]
    chosen = session.decisions[2]
    text = render_extract(session, chosen, lang)
    title = {"fr": "Extrait certifié conforme du procès-verbal",
             "en": "Certified true extract of the minutes"}[lang]  # fmt: skip
    assert text.startswith(f"# {title}\n")
    assert session.meeting.collective in text and session.meeting.title in text
    quorum = {"fr": "6 présences sur 8 membres.", "en": "6 members present out of 8."}[lang]
    assert quorum in text and CERTIFY[lang] in text
    shown = typeset(chosen.text, lang)  # typed text set as the minutes set it
    assert shown in text and (chosen.number or "") in text
    for other in session.decisions:
        if other is not chosen:
            assert other.text not in text and (other.number or "") not in text
    sign, role = SIGN[lang]
    assert text.count(f"**{sign}") == 1 and role in text
    assert text.index(CERTIFY[lang]) < text.index(shown) < text.index(role)


def test_the_extract_of_a_proposal_keeps_its_amendments_and_says_only_what_was_recorded() -> None:
    session = demo()["fr"].model_copy(deep=True)
    session.meeting.note_taker = ""
    session.meeting.collective = ""
    session.decisions.append(
        Decision(
            text="Porter le montant à 4 000 $.",
            number="2026-11-25-07",
            amends=session.decisions[3].id,
            moved_by="Awa",
        )  # fmt: skip
    )
    text = render_extract(session, session.decisions[3], "fr")
    assert "Je, soussigné·e, secrétaire de la séance, certifie" in text
    assert f"**Amendement TCSA-2026-11-25-07**\n\nIl est proposé par Awa{NB}:" in text
    assert "résolu" not in text.split("Amendement", 1)[1].split("Reportée")[0]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_an_extract_document_reads_back_as_its_markdown(fmt: str) -> None:
    session = demo()["fr"]
    markdown = render_extract(session, session.decisions[2], "fr")
    rendered = render_extract_export(session, fmt, "03")
    found = (read_docx if fmt == "docx" else read_odt)(rendered.data)
    assert found.headings == from_markdown(markdown).headings
    assert CERTIFY["fr"] in found.text.replace("\n", " ")
    shown = typeset(session.decisions[2].text, "fr")  # typed text set as the minutes set it
    assert shown in found.text and "TCSA-2026-11-25-03" in found.text
    assert all(d.text not in found.text for d in session.decisions if d is not session.decisions[2])
    assert "Secrétaire de la séance" in found.text and "Signature" in found.text
    assert rendered.stem.endswith("-extrait-tcsa-2026-11-25-03-fr")


def test_the_cli_writes_the_extract_as_pdf_and_the_pdf_reads_back(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path
) -> None:
    sid = _demo_id(capsys, data_dir, "fr")
    target = data_dir.parent / "extrait.pdf"
    number = f"TCSA-{stored(data_dir, sid).decisions[5].number}"  # the demo is dated today
    args = ["--data-dir", str(data_dir), "export", sid, "--extract", number]
    code, out, err = run(capsys, *args, "--format", "pdf", "-o", str(target))
    assert (code, err) == (0, "") and out.strip() == str(target)
    text = " ".join(" ".join(page.split()) for page in pdf_pages(target.read_bytes()))
    assert "Extrait certifié conforme du procès-verbal" in text and number in text
    assert "Je, soussigné·e, Nadia Ouellet, secrétaire de Table de concertation" in text
    assert "certifie que la résolution suivante est un extrait conforme du procès-verbal" in text
    assert "Mandater la présidente pour négocier" in text and "Désigner la Banque" not in text
    assert "Secrétaire de la séance" in text and "PROJET" in text


@pytest.mark.parametrize("wanted", ["{number}", "TCSA-{number}", "tcsa-{number}", "03", "3"])
def test_the_cli_finds_the_resolution_by_any_form_of_its_number(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, wanted: str
) -> None:
    sid = _demo_id(capsys, data_dir, "fr")
    number = stored(data_dir, sid).decisions[2].number or ""
    argv = ["--data-dir", str(data_dir), "export", sid, "--extract", wanted.format(number=number)]
    code, out, err = run(capsys, *argv, "-o", "-")
    assert (code, err) == (0, "")
    assert f"**Résolution TCSA-{number}** — Ressources" in out
    assert "Désigner la Banque alimentaire du Lac comme fiduciaire" in out


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--extract", "42"], "aucune résolution ne porte le numéro 42 dans cette séance"),
        (["--extract", "03", "--format", "json"], "un extrait est un document"),
        (["--extract", "\x1b[31m9"], "aucune résolution ne porte le numéro [31m9"),
    ],
)
def test_a_bad_extract_request_says_why_in_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, extra: list[str], said: str
) -> None:
    sid = _demo_id(capsys, data_dir, "fr")
    before = snapshot(data_dir)
    code, out, err = run(capsys, "--lang", "fr", "--data-dir", str(data_dir), "export", sid, *extra)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and said in err and "\x1b" not in err
    assert snapshot(data_dir) == before


def test_hostile_strings_stay_text_in_the_extract() -> None:
    session = demo()["fr"].model_copy(deep=True)
    session.meeting.resolution_prefix = "<b>CA</b>"
    session.meeting.note_taker = HOSTILE[2]
    chosen = session.decisions[0]
    chosen.text, chosen.moved_by = HOSTILE[0], HOSTILE[1]
    markdown = render_extract(session, chosen, "fr")
    assert "\\<b\\>CA\\</b\\>-2026-11-25-01" in markdown
    found = read_docx(render_extract_export(session, "docx", "1").data)
    for text in (*HOSTILE[:3], "<b>CA</b>-2026-11-25-01"):
        assert text in found.text
    html = render_extract_export(session, "html", "1").text
    assert "<b>CA" not in html and "<script>" not in html


@pytest.mark.parametrize(("fmt", "lang"), [("docx", "fr"), ("odt", "en"), ("docx", "en")])
def test_formal_minutes_documents_hold_the_resolutions_and_the_signature_block(
    fmt: str, lang: str
) -> None:
    session = demo()[lang]
    markdown = render_minutes(session, "formal", lang)
    found = (read_docx if fmt == "docx" else read_odt)(
        render_file(session, fmt, mode="formal", lang=lang)
    )
    assert found.headings == from_markdown(markdown).headings
    name = {"fr": "Résolution", "en": "Resolution"}[lang]
    lead = {"fr": "Il est proposé par", "en": "Moved by"}[lang]
    assert found.text.count(f"{name} ") == markdown.count(f"**{name} ")
    assert found.text.count(lead) == markdown.count(lead) > 0
    assert found.text.count("Signature") == markdown.count("Signature") == 3  # heading + 2 lines
    roles = {"fr": ("Présidence de la séance", "Secrétaire de la séance"),
             "en": ("Chair of the meeting", "Secretary of the meeting")}[lang]  # fmt: skip
    for text in (*roles, session.meeting.facilitator, session.meeting.note_taker, "_" * 30):
        assert text in found.text


def test_the_formal_pdf_holds_the_resolutions_and_the_signature_block() -> None:
    session = demo()["fr"]
    pages = pdf_pages(render_file(session, "pdf", mode="formal", lang="fr"))
    text = " ".join(" ".join(page.split()) for page in pages)
    for number in _numbers(session):
        assert f"Résolution TCSA-{number}" in text
    assert "La séance est ouverte à 9 h 30." in text
    last = " ".join(pages[-1].split())
    assert last.count("Signature") >= 2 and "Présidence de la séance" in last
    assert "Nadia Ouellet Secrétaire de la séance" in last


async def test_x_in_the_decisions_list_writes_the_extract_of_the_selected_resolution(  # type: ignore[no-untyped-def]
    make_app, data_dir, clock
) -> None:
    from tui.screens.lists import LiveLists
    from tui.widgets.dialogs import Choose

    sid = write_demo(data_dir, clock)
    app = make_app(session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.ctx is not None and app.screen.is_mounted)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LiveLists))
        await pilot.press("down", "down")  # the third decision
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, Choose))
        await pilot.press("enter")  # the first format offered: Word
        await until(pilot, lambda: len(exports(data_dir)) == 1)
        await until(pilot, lambda: isinstance(app.screen, LiveLists))
    (path,) = exports(data_dir)
    assert path.name.endswith("-extrait-tcsa-2026-11-25-03-fr.docx")
    session = stored(data_dir, sid)
    found = read_docx(path.read_bytes())
    expected = render_extract(session, session.decisions[2], "fr")
    assert found.headings == from_markdown(expected).headings
    assert typeset(session.decisions[2].text, "fr") in found.text
    assert session.decisions[0].text not in found.text
