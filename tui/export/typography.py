"""Typography of the text users type, set for the minutes' language at export time.

What is stored never changes: the minutes get a typeset copy of the session. French (Québec,
OQLF) takes a no-break space (U+00A0) before the colon, inside guillemets, between the groups
of a number (« 8 000 »), before a unit (« 8 000 $ », « 20 % ») and around the « h » of a time
(« 13 h 30 »), so that none of them breaks across lines; the app's own French text does the
same (`tui.i18n.fmt`, the catalogs). Québec sets no space before ; ! ?, and neither does this.
English takes no space before the colon.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel

from tui.model.session import Session
from tui.model.text import TEXT_VALIDATORS

NBSP = "\u00a0"
_BLANK = "[ \u00a0\u202f]"
_COLON = re.compile(rf"(?<=\S){_BLANK}*:(?=\s|$)")
_OPEN = re.compile(rf"«{_BLANK}*")
_CLOSE = re.compile(rf"{_BLANK}*»")
_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u202f]\d{3})+(?!\d)")
_UNIT = re.compile(rf"(?<=\d){_BLANK}?([$%])")
_DIGIT = re.compile(r"\d")
_TIME = re.compile(rf"\b([01]?\d|2[0-3]){_BLANK}?h(?:{_BLANK}?([0-5]\d))?\b(?!\d)")


def _time(match: re.Match[str]) -> str:
    hour, minutes = match.group(1), match.group(2)
    return f"{hour}{NBSP}h{NBSP}{minutes}" if minutes else f"{hour}{NBSP}h"


def typeset(text: str, lang: str) -> str:
    """``text`` with the spaces of ``lang``'s typography (pure: same text, same result)."""
    if lang != "fr":
        return _COLON.sub(":", text) if ":" in text else text
    if ":" in text:
        text = _COLON.sub(f"{NBSP}:", text)
    if "«" in text or "»" in text:
        text = _CLOSE.sub(f"{NBSP}»", _OPEN.sub(f"«{NBSP}", text))
    if _DIGIT.search(text):
        text = _GROUPS.sub(lambda m: re.sub("[ \u202f]", NBSP, m.group()), text)
        text = _UNIT.sub(rf"{NBSP}\1", text)
        text = _TIME.sub(_time, text)
    return text


@cache
def _text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that hold text users type (names, labels, notes, ...)."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if any(getattr(m, "func", None) in TEXT_VALIDATORS for m in info.metadata)
    )


def _typeset_model(model: BaseModel, lang: str) -> BaseModel:
    """``model`` with its typed text typeset: the same object when nothing changes."""
    update: dict[str, Any] = {}
    for name in _text_fields(type(model)):
        value = getattr(model, name)
        done = typeset(value, lang)
        if done != value:
            update[name] = done
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            nested = _typeset_model(value, lang)
            if nested is not value:
                update[name] = nested
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            items = [_typeset_model(v, lang) for v in value]
            if any(new is not old for new, old in zip(items, value, strict=True)):
                update[name] = items
    return model.model_copy(update=update) if update else model


def typeset_session(session: Session, lang: str) -> Session:
    """A copy of ``session`` whose typed text is set for ``lang``; ``session`` is unchanged."""
    copy: Session = _typeset_model(session, lang)  # type: ignore[assignment]
    notes = {key: typeset(text, lang) for key, text in session.notes.items()}
    return copy.model_copy(update={"notes": notes})
