"""Markdown building blocks: headings, field lines, bullet lists and GitHub tables.

Every argument is Markdown already: user text must have gone through `tui.export.escape`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from tui.i18n import pt

Block = str
"""A Markdown block; blocks are separated by a blank line."""


def heading(level: int, text: str) -> Block:
    """An ATX heading."""
    return f"{'#' * level} {text}"


def label(lang: str, name: str) -> str:
    """A field name with its colon, bold (`**Date :**` in French, `**Date:**` in English)."""
    text = pt(lang, "minutes", "{label}:", label=name)
    return f"**{text}**"


def field(lang: str, name: str, value: str) -> str:
    """A field name and its value on one line."""
    return f"{label(lang, name)} {value}"


def fields(lang: str, pairs: Iterable[tuple[str, str]]) -> Block:
    """Field lines as a bullet list, leaving out empty values."""
    return bullets(field(lang, name, value) for name, value in pairs if value)


def bullets(items: Iterable[str]) -> Block:
    """A bullet list; an item's continuation lines must be indented by two spaces."""
    return "\n".join(f"- {item}" for item in items)


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], right: Collection[int] = ()
) -> Block:
    """A GitHub table; ``right`` holds the indexes of right-aligned (numeric) columns."""
    width = len(headers)
    out = [_row(headers), _row(["---:" if i in right else "---" for i in range(width)])]
    for row in rows:
        if len(row) != width:
            raise ValueError(f"row of {len(row)} cells under {width} headers")
        out.append(_row(row))
    return "\n".join(out)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def sentence(text: str) -> str:
    """One final period, even after a time that ends with one (9:00 p.m.)."""
    return text[:-1] if text.endswith("..") else text


def join(blocks: Iterable[Block]) -> str:
    """Blocks separated by blank lines, empty ones left out."""
    return "\n\n".join(b for b in blocks if b)
