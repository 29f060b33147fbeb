"""The Markdown minutes: golden files, well-formed tables, every record shown, determinism."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from markdown_it.token import Token
from strategies import sessions

from tui.demo import demo_sessions
from tui.export import minutes_parser, render_minutes
from tui.export.escape import cell, inline, lines, paragraphs
from tui.export.typography import typeset
from tui.model import Meeting, Session

GOLDEN = Path(__file__).parent / "golden"
CLOCK = dt.datetime(2026, 11, 25, 13, 30, tzinfo=dt.UTC)
CASES = [(lang, mode) for lang in ("fr", "en") for mode in ("summary", "formal")]


def demo() -> dict[str, Session]:
    """The demo sessions by language, from a fixed clock and a counter id factory."""
    counter = itertools.count(1)
    found = demo_sessions(CLOCK, lambda: f"r{next(counter):04d}")
    return {s.meeting.minutes_lang: s for s in found}


def tables(text: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts (the header row first), as markdown-it parses them."""
    found: list[list[list[str]]] = []
    row: list[str] | None = None
    for tok in minutes_parser().parse(text):
        if tok.type == "table_open":
            found.append([])
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            found[-1].append(row)
            row = None
        elif tok.type == "inline" and row is not None:
            row.append(tok.content)
    return found


def _inline_text(tok: Token) -> str:
    parts = []
    for child in tok.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        else:
            parts.append(child.content)
    return "".join(parts)


def plain_text(text: str) -> str:
    """The visible text of a Markdown document (escapes and entities resolved)."""
    return "\n".join(_inline_text(t) for t in minutes_parser().parse(text) if t.type == "inline")


def raw_rows(text: str) -> Iterator[tuple[str, int]]:
    """Every table line of the raw Markdown with its number of unescaped pipes."""
    for line in text.splitlines():
        if line.startswith("|"):
            yield line, len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_demo_minutes_match_their_golden_file(lang: str, mode: str) -> None:
    text = render_minutes(demo()[lang], mode, lang)
    path = GOLDEN / f"demo-{lang}-{mode}.md"
    if os.environ.get("CONCERTO_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes() == text.encode("utf-8"), f"{path.name} differs; review and update"


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_every_table_row_has_as_many_cells_as_its_header(lang: str, mode: str) -> None:
    text = (GOLDEN / f"demo-{lang}-{mode}.md").read_text(encoding="utf-8")
    found = tables(text)
    assert len(found) >= 15
    for table in found:
        assert all(len(row) == len(table[0]) for row in table)
    widths = {n for _, n in raw_rows(text)}
    assert all(n >= 2 for n in widths)
    # The raw text agrees with the parser: no pipe left unescaped inside a cell.
    assert sum(1 for _ in raw_rows(text)) == sum(len(t) + 1 for t in found)


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_every_record_of_the_demo_is_in_the_minutes(lang: str, mode: str) -> None:
    session = demo()[lang]
    shown = plain_text(render_minutes(session, mode, lang))
    texts = [p.name for p in session.participants]
    texts += [p.name for p in session.people]
    for name in ("agenda", "actions", "resources", "skills", "roles", "agreements"):
        texts += [r.label for r in getattr(session, name)]
    for name in ("objectives", "indicators", "bodies", "working_groups", "signals"):
        texts += [r.label for r in getattr(session, name)]
    for name in ("participation", "monitoring", "communication"):  # step 7's other modes
        texts += [r.label for r in getattr(session, name)]
    texts += [r.label for r in session.action_items] + [r.label for r in session.parking]
    texts += [d.text for d in session.decisions] + [a.reason for a in session.acceptances]
    missing = [text for text in texts if typeset(text, lang) not in shown]  # as typeset
    assert not missing


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_rendering_twice_gives_the_same_bytes(lang: str, mode: str) -> None:
    session = demo()[lang]
    again = Session.model_validate_json(session.model_dump_json())
    assert render_minutes(session, mode, lang) == render_minutes(again, mode, lang)


def test_french_minutes_use_quebec_words_and_formats() -> None:
    text = render_minutes(demo()["fr"], "formal", "fr")
    assert text.startswith("# Procès-verbal — ")
    assert "**PROJET**" in text
    motion = "Il est proposé par Geneviève Lapointe, appuyé par Samuel Côté, et résolu\u00a0:"
    assert f"**Résolution TCSA-2026-11-25-01**\n\n{motion}\n\n" in text
    assert "Adoptée à la majorité (5 pour, 0 contre, 1 abstention)." in text
    assert "31\u00a0000\u00a0$" in text and "4\u00a0850,75\u00a0$" in text
    assert "de 9 h 30 à 12 h 05" in text  # to the adjournment, not the scheduled end (12 h 15)
    assert "## Levée de la séance" in text and "La séance est levée à 12 h 05." in text


def test_english_minutes_use_canadian_formats() -> None:
    text = render_minutes(demo()["en"], "formal", "en")
    assert text.startswith("# Minutes — ")
    assert "**DRAFT**" in text
    assert "$24,000" in text and "$6,750.50" in text
    assert "6:30\u202fp.m. to 8:52\u202fp.m." in text
    assert "Defeated (2 for, 3 against, 1 abstention)." in text


def test_summary_mode_leaves_out_movers_but_keeps_every_chosen_outcome() -> None:
    text = render_minutes(demo()["fr"], "summary", "fr")
    assert text.startswith("# Compte rendu — ")
    assert "Il est proposé par" not in text and "Quorum" not in text
    assert "\n\nReportée.\n\n" in text
    assert "\n\nAdoptée par consensus.\n\n" in text


def test_adopted_minutes_lose_the_draft_mark() -> None:
    session = demo()["fr"]
    meeting = session.meeting.model_copy(
        update={"minutes_status": "adopted", "adopted_on": dt.date(2027, 1, 27)}
    )
    text = render_minutes(session.model_copy(update={"meeting": meeting}), "summary", "fr")
    assert "PROJET" not in text
    assert "Adopté le 27 janvier 2027." in text


def test_an_empty_session_renders_only_its_title() -> None:
    session = Session(id="s1", meeting=Meeting(title="Rencontre"))
    text = render_minutes(session, "summary", "fr")
    assert text == (
        "# Compte rendu — Rencontre\n\n"
        "**PROJET** — sous réserve d'adoption à une prochaine rencontre\n"
    )


def test_steps_without_content_are_left_out() -> None:
    session = demo()["en"].model_copy(update={"signals": [], "notes": {}})
    text = render_minutes(session, "summary", "en")
    assert "## Environmental scanning and adjustments" not in text
    assert "## Skills" in text


def test_unknown_mode_or_language_is_refused() -> None:
    session = demo()["fr"]
    with pytest.raises(ValueError):
        render_minutes(session, "verbatim", "fr")
    with pytest.raises(ValueError):
        render_minutes(session, "summary", "de")


def test_links_to_removed_records_are_named_as_removed() -> None:
    session = demo()["fr"]
    roles = [session.roles[0].model_copy(update={"lead": "gone1", "action": "gone2"})]
    text = render_minutes(session.model_copy(update={"roles": roles}), "summary", "fr")
    assert "| (action retirée) | (personne retirée) |" in text


def test_open_action_items_are_not_repeated_as_open_points() -> None:
    text = render_minutes(demo()["en"], "summary", "en")
    points = text.split("## Open points", 1)[1]
    assert "Action item still to do." not in points
    assert "Baseline unknown." in points.split("### Points accepted as they are", 1)[1]


def test_escaping_keeps_user_text_literal() -> None:
    assert inline("# *a* [b](c) <d> | e_f `g` ~h~ &amp; \\") == (
        "\\# \\*a\\* \\[b\\](c) \\<d\\> \\| e\\_f \\`g\\` \\~h\\~ \\&amp; \\\\"
    )
    assert inline("- a") == "\\- a" and inline("12. a") == "12\\. a" and inline("1.5") == "1.5"
    assert cell("a\n\n  b  \n") == "a / b" and cell(" \n ") == "—"
    assert lines("a\n- b", "  ") == "a\\\n  \\- b"
    assert paragraphs("a\nb\n\n\nc") == ["a\\\nb", "c"]


@pytest.mark.heavy(6)
@settings(max_examples=40, deadline=None)
@given(sessions())
def test_any_valid_session_renders_well_formed_tables(session: Session) -> None:
    for lang in ("fr", "en"):
        text = render_minutes(session, "formal", lang)
        assert text == render_minutes(session, "formal", lang)
        for table in tables(text):
            assert all(len(row) == len(table[0]) for row in table)
        assert sum(1 for _ in raw_rows(text)) == sum(len(t) + 1 for t in tables(text))
