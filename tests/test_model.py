"""The planning model: validation, competency status, totals, progress and the review list."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from pydantic import ValidationError

from tui.model import (
    Acceptance,
    Action,
    Indicator,
    Meeting,
    Objective,
    Participant,
    Resource,
    Role,
    Session,
    Skill,
    progress,
    resource_totals,
    review,
    status,
)


def session(**kw: object) -> Session:
    return Session(id="s1", meeting=Meeting(title="Table"), **kw)  # type: ignore[arg-type]


def test_an_incomplete_record_is_valid() -> None:
    resource = Resource(label="Local")
    assert resource.needed is None and resource.action is None


def test_a_record_without_label_is_refused_with_its_reason() -> None:
    with pytest.raises(ValidationError) as caught:
        Resource(label="   ")
    assert caught.value.errors()[0]["type"] == "label_required"


def test_a_negative_amount_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Resource(label="Local", needed=Decimal("-5"))
    assert caught.value.errors()[0]["type"] == "negative_amount"


def test_text_is_cleaned_of_controls_and_bidi_overrides() -> None:
    p = Participant(name="Ana\x1b]0;PWNED\x07 \u202eïs\u0301")
    assert p.name == "Ana]0;PWNED ïś"


def test_too_long_text_is_refused_not_cut() -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(name="x" * 501)
    error = caught.value.errors()[0]
    assert error["type"] == "text_too_long" and error["ctx"]["max"] == 500


def test_ids_cannot_be_paths() -> None:
    with pytest.raises(ValidationError):
        Resource(id="../etc", label="x")


@pytest.mark.parametrize(
    ("required", "needed", "levels", "interested", "expected"),
    [
        (2, 1, {"a": 2}, [], "available"),
        (2, 2, {"a": 3, "b": 2}, [], "available"),
        (2, 2, {"a": 2, "b": 1}, [], "fragile"),
        (3, 3, {"a": 3, "b": 3}, ["c"], "fragile"),
        (2, 1, {"a": 1}, ["a"], "to_develop"),
        (3, 1, {"a": 2, "b": 1}, ["a"], "to_develop"),
        (1, 1, {}, ["a"], "to_develop"),
        (2, 1, {"a": 1}, [], "to_source"),
        (3, 1, {"a": 1}, ["a"], "to_source"),
        (2, 1, {}, [], "to_source"),
    ],
)
def test_competency_status(
    required: int, needed: int, levels: dict[str, int], interested: list[str], expected: str
) -> None:
    skill = Skill(
        label="Animation",
        required_level=required,  # type: ignore[arg-type]
        needed=needed,
        levels=levels,  # type: ignore[arg-type]
        interested=interested,
    )
    assert status(skill) == expected


def test_resource_totals_count_only_confirmed_amounts() -> None:
    s = session(
        resources=[
            Resource(
                label="Subvention",
                needed=Decimal("31000"),
                available=Decimal("20000"),
                status="confirmed",
            ),
            Resource(
                label="Don", needed=Decimal("500.50"), available=Decimal("500"), status="requested"
            ),
            Resource(label="Bénévoles", kind="human", unit="h", needed=Decimal("40")),
        ]
    )
    totals = resource_totals(s)
    money = totals[("financial", "")]
    assert (money.needed, money.confirmed, money.gap) == (
        Decimal("31500.50"),
        Decimal("20000"),
        Decimal("11500.50"),
    )
    assert totals[("human", "h")].gap == Decimal("40")


def test_progress_counts_checks_met_or_accepted_and_empty_steps_as_not_started() -> None:
    a = Action(label="Halte-garderie", lead="CDC", deadline=None)
    s = session(actions=[a])
    assert progress(s)["actions"] == 0.5
    assert progress(s)["resources"] is None
    s.acceptances.append(Acceptance(key=f"actions/{a.id}/no_deadline", reason="à venir"))
    assert progress(s)["actions"] == 1.0


def test_review_lists_the_open_points_step_by_step() -> None:
    obj = Objective(label="Rejoindre 200 familles")
    s = session(
        actions=[Action(label="Halte", lead="CDC", deadline="2027-01-01")],
        resources=[Resource(label="Local", needed=Decimal(1), status="requested", action="gone")],
        roles=[Role(label="Coordination")],
        objectives=[obj],
        indicators=[
            Indicator(label="Familles", objective=obj.id, target=Decimal(200), baseline=Decimal(0))
        ],
    )
    found = [(i.step, i.check) for i in review(s)]
    assert found == [
        ("resources", "not_confirmed"),
        ("resources", "broken_link"),
        ("roles", "no_lead"),
        ("objectives", "no_collector"),
        ("coordination", "not_followed"),  # no follow-up reviews « Familles »
    ]


def test_accepted_points_leave_the_review() -> None:
    r = Role(label="Coordination")
    s = session(roles=[r])
    s.acceptances.append(Acceptance(key=f"roles/{r.id}/no_lead", reason="en recrutement"))
    assert review(s) == []
    assert [i.check for i in review(s, include_accepted=True)] == ["no_lead"]


def test_the_model_imports_neither_textual_nor_tinydb() -> None:
    code = (
        "import sys, tui.model, tui.model.analysis, tui.model.competency\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
