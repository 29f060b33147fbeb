"""Three-way merge of a session edited on two computers, record by record and field by field.

Works on the JSON form of sessions (``Session.model_dump(mode="json")``), so that it runs on
what git hands over without touching any file. Records are matched by id; the meeting, the
notes and nested values (a skill's levels, its decision) field by field. A change on one side
only is taken; the same change on both is taken once; different changes to the same field are
a `Conflict` kept in the session: the value of ``ours`` stays in place, both are listed.
A record deleted on one side and edited on the other is kept, with a conflict on the record.
Two decisions given the same number on two computers keep apart: the one from ``theirs``
loses its number until the conflict is settled, never two decisions under one number.

Where the facilitator is (``progress``) and half-typed values (``drafts``) belong to the
computer they were typed on: on a collision, ``ours`` wins there without a conflict. Two
reasons given for accepting the same review point are both kept, joined.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.model.conflict import Conflict, conflict_key
from tui.model.session import RECORD_LISTS

Doc = dict[str, Any]
_MISSING: Any = object()


class _Merge:
    """One merge: the conflicts found so far and who made each side."""

    def __init__(self, ours_by: str, theirs_by: str) -> None:
        self.ours_by = ours_by[:200]
        self.theirs_by = theirs_by[:200]
        self.conflicts: list[Doc] = []

    def conflict(self, table: str, record: str, field: str, ours: Any, theirs: Any) -> None:
        found = Conflict(
            table=table,
            record=record,
            field=field,
            ours=None if ours is _MISSING else ours,
            theirs=None if theirs is _MISSING else theirs,
            ours_by=self.ours_by,
            theirs_by=self.theirs_by,
        )
        self.conflicts.append(found.model_dump(mode="json"))

    def doc(
        self, base: Doc, ours: Doc, theirs: Doc, table: str, record: str, prefix: str = "",
        *, quiet: bool = False,
    ) -> Doc:  # fmt: skip
        """Merge two versions of one document key by key, into nested documents."""
        out: Doc = {}
        for key in _keys(ours, theirs):
            b, o, t = base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING)
            if (
                isinstance(o, dict)
                and isinstance(t, dict)
                and (b is _MISSING or isinstance(b, dict))
            ):
                b = {} if b is _MISSING else b
                out[key] = self.doc(b, o, t, table, record, f"{prefix}{key}.", quiet=quiet)
                continue
            value = _pick(b, o, t)
            if value is _COLLISION:
                value = o
                if not quiet:
                    self.conflict(table, record, f"{prefix}{key}", o, t)
            if value is not _MISSING:
                out[key] = value
        return out

    def records(
        self, table: str, base: list[Doc], ours: list[Doc], theirs: list[Doc],
        key: Callable[[Doc], str] = lambda d: str(d.get("id")),
    ) -> list[Doc]:  # fmt: skip
        """Merge two versions of a list of records matched by ``key``, keeping their order."""
        b_by, o_by, t_by = ({key(d): d for d in side} for side in (base, ours, theirs))
        merged: dict[str, Doc] = {}
        for rid in _keys(o_by, t_by):
            b, o, t = b_by.get(rid), o_by.get(rid), t_by.get(rid)
            if o == t:
                result = o
            elif b is None and (o is None or t is None):
                result = o if t is None else t  # added on one side
            elif o is None or t is None:  # deleted on one side
                kept = t if o is None else o
                if kept == b:
                    result = None
                else:  # edited on the other: nothing is lost, the facilitator decides
                    result = kept
                    self.conflict(table, rid, "", o is not None, t is not None)
            else:
                result = self.doc(b or {}, o, t, table, rid)
            if result is not None:
                merged[rid] = result
        return [merged[rid] for rid in _order(ours, theirs, key) if rid in merged]


_COLLISION: Any = object()


def _pick(base: Any, ours: Any, theirs: Any) -> Any:
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    return _COLLISION


def _keys(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    return [*ours, *(k for k in theirs if k not in ours)]


def _order(ours: list[Doc], theirs: list[Doc], key: Callable[[Doc], str]) -> list[str]:
    """Ours in its order; each record only theirs has comes after the one it followed there."""
    mine = {key(d) for d in ours}
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for doc in theirs:
        rid = key(doc)
        if rid in mine:
            anchor = rid
        else:
            after.setdefault(anchor, []).append(rid)
    # Records before any shared one go first; with nothing shared, after ours.
    first = after.pop(None, []) if anchor is not None else []
    order = list(first)
    for doc in ours:
        rid = key(doc)
        order.append(rid)
        order.extend(after.get(rid, []))
    return order + after.get(None, [])


def merge_sessions(
    base: Doc | None, ours: Doc, theirs: Doc, *, ours_by: str = "", theirs_by: str = ""
) -> Doc:
    """The merge of ``ours`` and ``theirs`` from ``base`` (None: no common version)."""
    base = base or {}
    m = _Merge(ours_by, theirs_by)
    out: Doc = {"id": ours["id"], "created": ours.get("created", theirs.get("created"))}
    out["updated"] = max(str(ours.get("updated", "")), str(theirs.get("updated", ""))) or None
    out["meeting"] = m.doc(
        base.get("meeting", {}), ours["meeting"], theirs["meeting"], "meeting", ""
    )
    out["notes"] = m.doc(
        base.get("notes", {}), ours.get("notes", {}), theirs.get("notes", {}), "notes", ""
    )
    for name in ("progress", "drafts"):  # this computer's own: ours wins, quietly
        sides = (base.get(name, {}), ours.get(name, {}), theirs.get(name, {}))
        out[name] = m.doc(*sides, name, "", quiet=True)
    for name in RECORD_LISTS:
        out[name] = m.records(name, base.get(name, []), ours.get(name, []), theirs.get(name, []))
    _separate_numbers(m, out["decisions"], ours.get("decisions", []))
    out["acceptances"] = _acceptances(base, ours, theirs)
    known = _Merge("", "").records(
        "conflicts", base.get("conflicts", []), ours.get("conflicts", []),
        theirs.get("conflicts", []), key=conflict_key,
    )  # fmt: skip
    fresh = {conflict_key(c): c for c in m.conflicts}
    out["conflicts"] = [c for c in known if conflict_key(c) not in fresh] + list(fresh.values())
    return out


def _separate_numbers(m: _Merge, decisions: list[Doc], ours: list[Doc]) -> None:
    """Two decisions under one number: the one not numbered so here gives it up, in conflict."""
    mine = {d.get("id"): d.get("number") for d in ours}
    holders: dict[str, list[Doc]] = {}
    for doc in decisions:
        if doc.get("number"):
            holders.setdefault(doc["number"], []).append(doc)
    for number, docs in holders.items():
        if len(docs) < 2:
            continue
        keep = next((d for d in docs if mine.get(d.get("id")) == number), docs[0])
        for doc in docs:
            if doc is not keep:  # a copy: the sides given to the merge stay as they were
                decisions[decisions.index(doc)] = {**doc, "number": None}
                m.conflict("decisions", str(doc.get("id")), "number", None, number)


def _acceptances(base: Doc, ours: Doc, theirs: Doc) -> list[Doc]:
    joined = _Merge("", "")
    merged = joined.records(
        "acceptances", base.get("acceptances", []), ours.get("acceptances", []),
        theirs.get("acceptances", []), key=lambda d: str(d.get("key")),
    )  # fmt: skip
    reasons = {str(d.get("key")): d.get("reason", "") for d in theirs.get("acceptances", [])}
    for c in joined.conflicts:  # the same point accepted for two reasons: keep both
        if c["field"] == "reason":
            at = next(n for n, d in enumerate(merged) if d.get("key") == c["record"])
            merged[at] = {
                **merged[at],
                "reason": f"{merged[at]['reason']} / {reasons[c['record']]}",
            }
    return merged
