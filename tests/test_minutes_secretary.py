"""Minutes a secretary signs as they are: what each point of issue 20 puts in the minutes."""

from __future__ import annotations

import pytest
from secretary_data import CASES, secretary_session
from test_minutes import tables

from tui.export import render_minutes
from tui.model import review


def _rows(text: str, header: str) -> dict[str, list[str]]:
    """The rows of the first table whose first header is ``header``, by their first cell."""
    found = next(t for t in tables(text) if t[0][0] == header)
    return {row[0]: row for row in found[1:]}


@pytest.mark.parametrize(("lang", "mode"), CASES)
def test_a_lead_may_be_an_organisation_named_in_words(lang: str, mode: str) -> None:
    text = render_minutes(secretary_session(), mode, lang)
    task = "Tâche" if lang == "fr" else "Task"
    rows = _rows(text, task)
    tbd = "à déterminer" if lang == "fr" else "to be determined"
    assert rows["Cuisine mobile"][2] == "Centre communautaire"
    assert rows["Jardin"][2] == "Comité des jardins (Geneviève Lapointe)"
    assert rows["Épicerie"][2] == "Martin Gagnon"
    assert rows["Transport"][2] == tbd
    group = _rows(text, "Groupe de travail" if lang == "fr" else "Working group")
    assert group["Comité transport"][3] == "MRC"


def test_an_organisation_lead_is_no_review_point() -> None:
    points = {(it.record_id, it.check) for it in review(secretary_session())}
    assert ("r4", "no_lead") in points
    assert not {("r1", "no_lead"), ("r2", "no_lead"), ("w1", "no_lead")} & points
