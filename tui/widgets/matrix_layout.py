"""How the competency matrix fits its width: column widths, short unique headers, legends.

Pure functions (no widget): the matrix asks for a layout each time it is filled or resized.
Every column costs its width plus two cells of padding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PAD = 2
"""Cells of padding around each column (one on each side)."""
NEED_WIDTH = 4
"""The required-level column: « 2×2 » under « Req. »."""
SKILL_MIN = 18
SKILL_MAX = 34
CELL_MIN = 3
"""A level with its interest mark (« 2+ ») and a header of initials."""
NAME_MAX = 8
"""Whole short names wider than this are shown as initials."""


@dataclass(frozen=True)
class Layout:
    """Widths of the columns and the headers of the people (or organisations) columns."""

    skill: int
    status: int
    """The status column: a symbol and its word, or the symbol alone (width 1)."""
    cell: int
    heads: tuple[str, ...]
    initials: bool
    """The headers are initials: a legend line names them."""

    @property
    def status_words(self) -> bool:
        """The status column shows words beside the symbols."""
        return self.status > 1


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, an ellipsis marking the cut."""
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


def short_names(names: Sequence[str]) -> list[str]:
    """Unique short names: the first name; with the last name's initial, then whole, if shared."""
    firsts = [(name.split() or ["?"])[0] for name in names]
    heads = []
    for name, first in zip(names, firsts, strict=True):
        words = name.split()
        if firsts.count(first) > 1 and len(words) > 1:
            first = f"{first} {words[-1][0]}."
        heads.append(first)
    pairs = zip(names, heads, strict=True)
    return [name if heads.count(head) > 1 else head for name, head in pairs]


def initials(names: Sequence[str]) -> list[str]:
    """Unique initials of at most three letters (« MT », « CJ »); a number when shared."""
    found: list[str] = []
    for name in names:
        words = [w.strip("()[].,'’") for w in name.replace("-", " ").split()]
        words = [w for w in words if w[:1].isalnum()] or ["?"]
        if len(words) == 1:
            word = words[0]
            head = word if len(word) <= CELL_MIN and word.isupper() else word[:2].capitalize()
        else:
            head = "".join(w[0] for w in words[:3]).upper()
        found.append(head)
    unique: list[str] = []
    for n, head in enumerate(found):
        if found.count(head) > 1:
            head = head[:2] + str(found[: n + 1].count(head))
        unique.append(head)
    return unique


def fit(
    names: Sequence[str],
    width: int,
    status_full: int,
    longest_label: int,
    *,
    first_names: bool = True,
) -> Layout:
    """The widest readable layout for ``names`` in ``width`` cells.

    In order of preference: whole short names and status words; whole names and status
    symbols; initials and words; initials and symbols. The skill column gets at least
    ``SKILL_MIN`` cells and what is left, up to its longest label. With too many people for
    the width, the last choice holds and the people columns scroll (the skill, required level
    and status columns stay put). Organisations (``first_names`` false) keep their whole name.
    """
    whole = short_names(names) if first_names else list(names)
    marks = initials(names)
    whole_cell = max([CELL_MIN, *(len(h) for h in whole)])
    marks_cell = max([CELL_MIN, *(len(h) for h in marks)])
    choices: list[tuple[list[str], int, int, bool]] = []
    if whole_cell <= NAME_MAX:
        choices += [(whole, whole_cell, status_full, False), (whole, whole_cell, 1, False)]
    choices += [(marks, marks_cell, status_full, True), (marks, marks_cell, 1, True)]
    n = len(names)
    for heads, cell, status, short in choices:
        rest = width - (NEED_WIDTH + PAD) - n * (cell + PAD) - (status + PAD) - PAD
        if rest >= SKILL_MIN:
            skill = min(rest, max(SKILL_MIN, min(longest_label, SKILL_MAX)))
            return Layout(skill, status, cell, tuple(heads), short)
    heads, cell, status, short = choices[-1]
    return Layout(SKILL_MIN, status, cell, tuple(heads), short)


def legend(heads: Sequence[str], names: Sequence[str]) -> str:
    """« MT Marie Tremblay · JG Jean Gagnon »: what the initials stand for."""
    pairs = zip(heads, names, strict=True)
    return " · ".join(f"{head} {name}" for head, name in pairs if head != name)
