"""The record-level three-way merge of sessions, and settling what it leaves in conflict.

The property: for random edits on two sides from a common base, every change that does not
collide is in the result, and every collision is a listed conflict (never a silent choice).
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tui.export.minutes import render_minutes
from tui.model import Session
from tui.model.conflict import conflict_key
from tui.model.merge import merge_sessions
from tui.model.settling import settle, settled_view
from tui.storage.codec import session_text
from tui.storage.merging import MergeRefused, merge_bytes

ACTIONS = ["a1", "a2", "a3"]
PEOPLE = ["p1", "p2"]


def base_session() -> dict[str, Any]:
    """A small session in its JSON form: three actions, two skills, notes."""
    session = Session.model_validate(
        {
            "id": "s1",
            "created": "2026-11-25T14:30:00Z",
            "updated": "2026-11-25T14:30:00Z",
            "meeting": {"title": "Table de concertation", "place": "Salle 1"},
            "actions": [{"id": a, "label": f"Action {a}"} for a in ACTIONS],
            "skills": [
                {"id": "k1", "label": "Animation", "levels": {"p1": 1}},
                {"id": "k2", "label": "Comptabilité"},
            ],
            "notes": {"actions": "Note"},
        }
    )
    return session.model_dump(mode="json")


words = st.sampled_from(["Rouge", "Vert", "Bleu", "Salle 2", "Marie", ""])
edits = st.one_of(
    st.tuples(st.just("meeting"), st.sampled_from(["place", "collective", "facilitator"]), words),
    st.tuples(st.just("note"), st.sampled_from(["actions", "roles"]), words),
    st.tuples(
        st.just("action"), st.sampled_from(ACTIONS), st.sampled_from(["lead", "code"]), words
    ),
    st.tuples(st.just("delete"), st.sampled_from(ACTIONS)),
    st.tuples(st.just("add"), st.sampled_from(["n1", "n2"]), words),
    st.tuples(
        st.just("level"), st.sampled_from(["k1", "k2"]), st.sampled_from(PEOPLE), st.integers(0, 3)
    ),  # fmt: skip
    st.tuples(st.just("decision"), st.sampled_from(["d1", "d2", "d3"]), st.integers(1, 2)),
)


def apply(doc: dict[str, Any], ops: list[tuple[Any, ...]], side: str) -> dict[str, Any]:
    """One side's edits, as the app would make them."""
    out = copy.deepcopy(doc)
    for op in ops:
        kind = op[0]
        if kind == "meeting":
            out["meeting"][op[1]] = op[2]
        elif kind == "note":
            out["notes"][op[1]] = op[2]
        elif kind == "action":
            for a in out["actions"]:
                if a["id"] == op[1]:
                    a[op[2]] = op[3]
        elif kind == "delete":
            out["actions"] = [a for a in out["actions"] if a["id"] != op[1]]
        elif kind == "add":
            rid = f"{op[1]}{side}"
            if all(a["id"] != rid for a in out["actions"]):
                out["actions"].append({"id": rid, "label": f"Nouvelle {op[2]}", "lead": ""})
        elif kind == "level":
            for k in out["skills"]:
                if k["id"] == op[1]:
                    k["levels"][op[2]] = op[3]
        elif kind == "decision":
            rid = f"{op[1]}{side}"
            if all(d["id"] != rid for d in out["decisions"]):
                number = f"2026-11-25-{len(out['decisions']) + op[2]:02d}"
                out["decisions"].append({"id": rid, "text": f"Décision {rid}", "number": number})
    return Session.model_validate(out).model_dump(mode="json")


def places(doc: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any] | None]:
    """Every record (and the meeting, the notes) as flat fields: nested values one level down."""
    found: dict[tuple[str, str], dict[str, Any] | None] = {
        ("meeting", ""): doc["meeting"],
        ("notes", ""): doc["notes"],
    }
    for table in ("actions", "skills"):
        for record in doc[table]:
            flat = {k: v for k, v in record.items() if k != "levels"}
            flat.update({f"levels.{p}": v for p, v in record.get("levels", {}).items()})
            found[(table, record["id"])] = flat
    return found


@given(st.lists(edits, max_size=6), st.lists(edits, max_size=6))
def test_every_change_that_does_not_collide_is_kept_and_every_collision_is_listed(
    ours_ops: list[tuple[Any, ...]], theirs_ops: list[tuple[Any, ...]]
) -> None:
    base = base_session()
    ours, theirs = apply(base, ours_ops, "o"), apply(base, theirs_ops, "t")
    merged = merge_sessions(base, ours, theirs, ours_by="Alice", theirs_by="Bob")
    result = Session.model_validate(merged).model_dump(mode="json")
    listed = {conflict_key(c) for c in result["conflicts"]}
    b_at, o_at, t_at, r_at = places(base), places(ours), places(theirs), places(result)
    for where in {*o_at, *t_at}:
        b, o, t = b_at.get(where), o_at.get(where), t_at.get(where)
        if o is None or t is None:  # deleted (or added) on one side
            kept = t if o is None else o
            if b is None or kept == b:  # added on one side, or deleted and untouched
                assert r_at.get(where) == (None if b is not None else kept)
            else:  # deleted on one side, changed on the other: kept, and listed
                assert f"{where[0]}/{where[1]}/" in listed
                assert r_at[where] is not None
            continue
        for field in {*o, *t}:
            bv, ov, tv = (b or {}).get(field), o.get(field), t.get(field)
            got = (r_at.get(where) or {}).get(field)
            if ov == tv or tv == bv:
                expected = ov
            elif ov == bv:
                expected = tv
            else:  # the same field changed differently: a conflict, ours kept meanwhile
                assert f"{where[0]}/{where[1]}/{field}" in listed
                expected = ov
            if not (where[0] == "actions" and field == "number"):
                assert got == expected, (where, field)
    numbers = [d["number"] for d in result["decisions"] if d["number"]]
    assert len(numbers) == len(set(numbers)), "never two decisions under one number"
    given_numbers = [d["number"] for d in (*ours["decisions"], *theirs["decisions"])]
    lost = len([n for n in given_numbers if n]) - len(numbers)
    assert lost == len([c for c in listed if c.endswith("/number")])


def test_a_decision_number_taken_on_both_computers_is_a_conflict_settled_to_the_next() -> None:
    base = base_session()
    ours = apply(base, [("decision", "d1", 1)], "o")
    theirs = apply(base, [("decision", "d1", 1)], "t")
    merged = Session.model_validate(merge_sessions(base, ours, theirs))
    assert [d.number for d in merged.decisions] == ["2026-11-25-01", None]
    (conflict,) = merged.conflicts
    assert (conflict.record, conflict.field, conflict.theirs) == ("d1t", "number", "2026-11-25-01")
    next_one = settle(merged, conflict, conflict.ours)
    assert [d.number for d in next_one.decisions] == ["2026-11-25-01", "2026-11-25-02"]
    swapped = settle(merged, conflict, conflict.theirs)
    assert [d.number for d in swapped.decisions] == ["2026-11-25-02", "2026-11-25-01"]
    assert not next_one.conflicts and not swapped.conflicts


def test_the_minutes_say_nothing_of_a_conflicted_field_until_it_is_settled() -> None:
    base = base_session()
    ours = apply(base, [("meeting", "place", "Salle Rouge")], "o")
    theirs = apply(base, [("meeting", "place", "Salle Verte")], "t")
    merged = Session.model_validate(merge_sessions(base, ours, theirs))
    minutes = render_minutes(merged, "summary", "fr")
    assert "Salle Rouge" not in minutes and "Salle Verte" not in minutes
    assert settled_view(merged).meeting.place == ""
    settled = settle(merged, merged.conflicts[0], "Salle Verte")
    assert "Salle Verte" in render_minutes(settled, "summary", "fr")


def test_a_damaged_side_is_never_merged_into_a_good_one() -> None:
    good = session_text(Session.model_validate(base_session())).encode()
    for damaged in (b"{not json", b'{"meta": {}}', b""):
        try:
            merge_bytes(good, good, damaged)
        except MergeRefused as exc:
            assert exc.side == "theirs"
        else:  # pragma: no cover - the assertion says what went wrong
            raise AssertionError(f"{damaged!r} was merged")
