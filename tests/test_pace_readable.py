"""Readable at 80×24 (issue 18): what the screen shows of the step bar, header, matrix, minutes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matrix_data import make_session
from rich.color import ColorSystem
from rich.console import Console
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui.i18n import set_language
from tui.model import Person
from tui.storage.store import SessionStore
from tui.themes import CONTRAST, status_colors
from tui.widgets.header import SessionHeader
from tui.widgets.markdown_lines import Look, Palette, draw
from tui.widgets.matrix import FIXED, CompetencyMatrix
from tui.widgets.matrix_layout import fit, initials, short_names
from tui.widgets.matrix_text import STATUSES, SYMBOLS
from tui.widgets.stepbar import StepBar


def _store(data_dir: Path, clock: Any) -> SessionStore:
    from conftest import counter

    return SessionStore(data_dir, clock=clock, new_id=counter("s"))


def screen_lines(app: Any) -> list[str]:
    """The text of each line of the screen (what a facilitator reads)."""
    import io

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True), end="")
    return console.export_text().splitlines()


async def test_the_step_bar_names_the_current_step_whole_and_its_neighbours_at_80_columns(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    sid = make_session(_store(data_dir, clock), rows=3, cols=4)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = screen_lines(app)[1]
        assert "▸3 Compétences" in bar  # the current one whole
        assert "2 Ress." in bar and "4 Rôles" in bar  # its neighbours named (abbreviated)
        assert bar.rstrip().endswith("CR") and "…" not in bar
        assert app.screen.query_one(StepBar).current == "skills"


async def test_the_header_gives_a_long_title_and_agenda_item_a_second_line(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    from tui.model import AgendaItem

    store = _store(data_dir, clock)
    title = "Table de concertation en sécurité alimentaire de la MRC"
    sid = make_session(store, rows=2, cols=3, title=title)
    handle = store.open(sid)
    item = "Ressources humaines et financières du projet d'épicerie solidaire"
    handle.session.agenda = [AgendaItem(id="a1", label=item, timebox_min=20)]
    handle.session.progress.agenda_item = "a1"
    handle.save(handle.session)
    handle.close()
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(SessionHeader)
        assert header.size.height == 2
        first, second = screen_lines(app)[:2]
        assert title in first and "09:30" in first and "enregistré" in first
        assert second.strip().startswith(item[:45]) and "reste 20:00" in second
        assert "…" in second or item in second  # cut only with an ellipsis


@pytest.mark.parametrize("count", [5, 8])
async def test_every_person_of_up_to_eight_shows_at_80_columns_with_a_legend(
    make_app: Any, data_dir: Path, clock: Any, count: int
) -> None:
    sid = make_session(_store(data_dir, clock), rows=5, cols=count, participants=count)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        matrix = app.screen.query_one(CompetencyMatrix)
        heads = matrix.fitted.heads
        assert len(heads) == count and matrix.max_scroll_x == 0  # nothing to scroll to
        lines = screen_lines(app)
        header_line = next(line for line in lines if line.lstrip().startswith("Compétence"))
        assert all(head in header_line for head in heads)
        assert all(len(line) <= 80 for line in lines)
        if matrix.fitted.initials:  # initials are named on a legend line
            assert any("MT Marie Tremblay" in line for line in lines)
        assert any("✓ disponible · ! fragile" in line for line in lines) or (
            matrix.fitted.status_words
        )


async def test_scrolling_right_shows_whole_columns_never_a_cut_name(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    sid = make_session(_store(data_dir, clock), rows=10, cols=30)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        matrix = app.screen.query_one(CompetencyMatrix)
        await pilot.press(*["right"] * 20)
        await pilot.pause()
        assert matrix.scroll_x > 0
        starts, at = [], 0
        for column in matrix.ordered_columns[len(FIXED) :]:
            starts.append(at)
            at += column.get_render_width(matrix)
        assert matrix.scroll_x in starts  # the first visible column is whole
        header = matrix.render_line(0).text
        assert "Compétence" in header  # the fixed columns stay
        shown = header.split()
        assert all(h in matrix.fitted.heads for h in shown[2:])


async def test_the_view_by_organisation_keeps_people_without_one(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    store = _store(data_dir, clock)
    sid = make_session(store, rows=3, cols=6)
    handle = store.open(sid)
    handle.session.people = [*handle.session.people, Person(id="r1", name="Rita Résidente")]
    handle.session.skills[0].levels = {**handle.session.skills[0].levels, "r1": 3}  # type: ignore[dict-item]
    handle.save(handle.session)
    handle.close()
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        matrix = app.screen.query_one(CompetencyMatrix)
        assert matrix.columns_shown[-1].key == "#none" and matrix.max_scroll_x == 0
        lines = screen_lines(app)
        assert any("(sans organisme)" in line for line in lines), "\n".join(lines)
        none = len(FIXED) + len(matrix.columns_shown) - 1
        assert matrix.get_cell_at((0, none)).plain.strip() == "3"


@pytest.mark.parametrize(
    "theme, system",
    [
        ("ansi-dark", ColorSystem.STANDARD),
        ("textual-dark", ColorSystem.EIGHT_BIT),
        ("textual-light", ColorSystem.EIGHT_BIT),
        ("textual-dark", ColorSystem.TRUECOLOR),
        ("concerto-contrast", ColorSystem.EIGHT_BIT),
    ],
)
def test_the_four_statuses_have_four_colours_in_16_256_and_true_colours(
    theme: str, system: ColorSystem
) -> None:
    found = BUILTIN_THEMES.get(theme) or CONTRAST
    colours = status_colors(found)
    shown = {Color.parse(colours[s]).rich_color.downgrade(system).get_truecolor() for s in STATUSES}
    assert len(shown) == 4
    assert len(set(SYMBOLS.values())) == 4  # and a symbol each, never a colour alone


async def test_the_status_cells_are_drawn_in_their_own_colours(
    make_app: Any, data_dir: Path, clock: Any
) -> None:
    sid = make_session(_store(data_dir, clock), rows=4, cols=4)
    app = make_app(session_id=sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        matrix = app.screen.query_one(CompetencyMatrix)
        cells = [matrix.get_cell_at((r, FIXED.index("#status"))) for r in range(4)]
        assert [c.plain[0] for c in cells] == [SYMBOLS[s] for s in STATUSES]
        assert len({c.style.color for c in cells}) == 4  # type: ignore[union-attr]


def test_initials_and_short_names_are_unique() -> None:
    names = ["Marie Tremblay", "Marie Roy", "Jean Gagnon", "Julie Gauthier", "Jacques Girard"]
    assert short_names(names) == ["Marie T.", "Marie R.", "Jean", "Julie", "Jacques"]
    marks = initials(names)
    assert len(set(marks)) == len(marks) and marks[:2] == ["MT", "MR"]
    layout = fit([f"Person{n} Name{n}" for n in range(8)], 78, 18, 30)
    assert layout.initials and len(set(layout.heads)) == 8


def test_minutes_table_cells_wrap_at_word_boundaries_or_the_table_scrolls() -> None:
    from tui.export import minutes_parser

    set_language("fr")
    words = "coordonnatrice intersectorielle responsabilités communautaires"
    row = f"| {words} | Awa Diallo | 2027-06-30 | {words} | {words} |"
    text = "| Tâche | Porteur | Échéance | Rôle | Note |\n| --- | --- | --- | --- | --- |\n" + row
    palette = Palette()
    lines = draw(minutes_parser().parse(text), Look(), 78, palette)
    plain = ["".join(t for t, _s in line) for line in lines]
    body = " ".join(plain)
    for word in words.split():
        assert word in body  # never broken across lines
    assert max(len(line) for line in plain) > 78  # wider than the view: it scrolls sideways
