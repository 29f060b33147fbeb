"""Resolution numbers: the body's prefix before a decision's number, and finding one by it."""

from __future__ import annotations

from collections.abc import Sequence

from tui.model.clean import clean_text
from tui.model.live import Decision


class ResolutionNotFound(LookupError):
    """No resolution, or more than one, answers to the number asked for."""

    def __init__(self, wanted: str, matches: Sequence[str] = ()) -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.matches = tuple(matches)
        """The full numbers of the resolutions that matched when more than one did."""


def resolution_number(prefix: str, number: str | None) -> str:
    """The number of a resolution: ``CA-2026-12-04-03``, the number alone without a prefix."""
    body = clean_text(prefix, multiline=False).strip()
    if not number:
        return ""
    if not body:
        return number
    return f"{body}{number}" if body.endswith("-") else f"{body}-{number}"


def _last_part(number: str) -> str:
    tail = number.rsplit("-", 1)[-1]
    return str(int(tail)) if tail.isdigit() else tail


def find_resolution(decisions: Sequence[Decision], prefix: str, wanted: str) -> Decision:
    """The decision numbered ``wanted``: its full number, with or without the prefix, or its
    last part (``03`` or ``3``). Raises `ResolutionNotFound` when none or several match."""
    asked = wanted.strip()
    numbered = [d for d in decisions if d.number]
    for d in numbered:
        if asked.casefold() in (d.number or "", resolution_number(prefix, d.number).casefold()):
            return d
    if asked and "-" not in asked.strip("-"):
        key = _last_part(asked)
        found = [d for d in numbered if _last_part(d.number or "") == key]
        if len(found) == 1:
            return found[0]
        if found:
            raise ResolutionNotFound(asked, [resolution_number(prefix, d.number) for d in found])
    raise ResolutionNotFound(asked)
