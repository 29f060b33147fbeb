"""Hypothesis strategies for whole sessions, derived from the models' own field types."""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from typing import Any, Literal

from annotated_types import Ge, Le
from hypothesis import strategies as st
from pydantic import BaseModel

from tui.model import RECORD_LISTS, Acceptance, Meeting, Progress, Session
from tui.model.plan import SkillDecision

ids = st.text(alphabet="abcdef0123456789", min_size=4, max_size=10)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x1FFFF), max_size=40
)
labels = texts.map(lambda s: "L" + s.strip())
amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
moments = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
)


def _bounds(info: Any) -> tuple[int, int]:
    low, high = 0, 10_000
    for m in info.metadata:
        if isinstance(m, Ge):
            low = int(m.ge)  # type: ignore[arg-type]
        if isinstance(m, Le):
            high = int(m.le)  # type: ignore[arg-type]
    return low, high


def _has(metadata: Any, validator: str) -> bool:
    """Whether an annotation's metadata holds the validator function named ``validator``."""
    return any(getattr(getattr(m, "func", None), "__name__", "") == validator for m in metadata)


def for_type(annotation: Any, info: Any = None, name: str = "") -> st.SearchStrategy[Any]:
    """A strategy for one annotation of the models."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        inner = args[0]
        if any(getattr(getattr(m, "func", None), "__name__", "") == "_check_id" for m in args[1:]):
            return ids
        if inner == Decimal | None:
            return st.none() | amounts
        if name in ("label", "title", "name", "text") or _has(args[1:], "_required"):
            return labels  # a required text, wherever it is (a list of names too)
        return for_type(inner, info, name)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = st.one_of(*(for_type(a, info, name) for a in options))
        return st.none() | inner if type(None) in args else inner
    if origin is Literal:
        return st.sampled_from(args)
    if origin is list:
        return st.lists(for_type(args[0], None, name), max_size=3)
    if origin is dict:
        return st.dictionaries(ids, for_type(args[1], None, name), max_size=3)
    if annotation is str and any(
        getattr(getattr(m, "func", None), "__name__", "") == "_check_id"
        for m in (info.metadata if info is not None else [])
    ):
        return ids
    if annotation is str:
        return labels if name in ("label", "title", "name", "text") else texts
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low, high = _bounds(info) if info is not None else (0, 10_000)
        return st.integers(low, high)
    if annotation is Decimal:
        return amounts
    if annotation is dt.date:
        return st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
    if annotation is dt.time:
        return st.times()
    if annotation is dt.datetime:
        return moments
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_dicts(annotation)
    raise NotImplementedError(annotation)


def model_dicts(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    """Dicts of valid field values for ``model``."""
    fields = {
        name: for_type(info.annotation, info, name)
        for name, info in model.model_fields.items()
        if name != "id"
    }
    if "id" in model.model_fields:
        fields["id"] = ids
    return st.fixed_dictionaries(fields)


def sessions() -> st.SearchStrategy[Session]:
    """Valid sessions with a few records in every list."""
    parts: dict[str, st.SearchStrategy[Any]] = {
        "id": st.just("s0001"),
        "created": moments,
        "updated": moments,
        "meeting": model_dicts(Meeting),
        "progress": model_dicts(Progress),
        "notes": st.dictionaries(st.sampled_from(["meeting", "actions", "skills"]), texts),
        "drafts": st.dictionaries(st.sampled_from(["meeting/date", "resources/x/needed"]), texts),
        "acceptances": st.lists(model_dicts(Acceptance), max_size=2),
    }
    for name, model in RECORD_LISTS.items():
        parts[name] = st.lists(model_dicts(model), max_size=3)
    assert SkillDecision  # decisions come inside skills
    return st.fixed_dictionaries(parts).map(Session.model_validate)
