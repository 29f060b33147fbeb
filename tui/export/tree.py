"""The minutes as a tree of blocks (headings, paragraphs, list items, tables) for the writers.

The Markdown of the minutes is the one structure: the Word, OpenDocument and PDF writers read it
back through the same parser as the HTML page, so every format shows the same content. User text
was escaped when the Markdown was built; the parser turns it back into plain text here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from tui.export.html import minutes_parser


@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis; ``brk`` is a line break inside the paragraph."""

    text: str
    bold: bool = False
    italic: bool = False
    brk: bool = False
    strike: bool = False
    """Struck through: a voided decision."""


Inline = tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    """A heading of level 1 to 6."""

    level: int
    runs: Inline


@dataclass(frozen=True)
class Para:
    """A paragraph."""

    runs: Inline


@dataclass(frozen=True)
class Item:
    """A bullet-list item, at depth 1 (top) or deeper."""

    depth: int
    runs: Inline


@dataclass(frozen=True)
class Table:
    """A table: its header cells, its rows, and which columns are right-aligned (numbers)."""

    header: list[Inline]
    rows: list[list[Inline]] = field(default_factory=list)
    right: frozenset[int] = frozenset()


Node = Heading | Para | Item | Table


def plain(runs: Inline) -> str:
    """The text of runs, line breaks as newlines."""
    return "".join("\n" if r.brk else r.text for r in runs)


def _inline(token: Token) -> Inline:
    """The runs of an inline token: text, breaks, bold, italic and struck through."""
    bold = italic = strike = 0
    out: list[Run] = []
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("s_open", "s_close"):
            strike += 1 if kind == "s_open" else -1
        elif kind == "hardbreak":
            out.append(Run("", brk=True))
        elif kind == "softbreak":
            out.append(Run(" ", bool(bold), bool(italic), strike=bool(strike)))
        elif child.content:  # text, code spans, anything else that carries text
            out.append(Run(child.content, bool(bold), bool(italic), strike=bool(strike)))
    return tuple(out)


def _right(token: Token) -> bool:
    return "right" in str(token.attrs.get("style", ""))


def document_tree(markdown: str) -> list[Node]:
    """The blocks of the minutes ``markdown``, in order."""
    tokens = minutes_parser().parse(markdown)
    out: list[Node] = []
    depth = 0
    table: Table | None = None
    row: list[Inline] | None = None
    in_head = False
    right: set[int] = set()
    pending: Token | None = None  # the opening token of the block the next inline belongs to
    for tok in tokens:
        kind = tok.type
        if kind == "bullet_list_open" or kind == "ordered_list_open":
            depth += 1
        elif kind == "bullet_list_close" or kind == "ordered_list_close":
            depth -= 1
        elif kind == "table_open":
            table, right = Table(header=[]), set()
        elif kind == "table_close" and table is not None:
            out.append(Table(table.header, table.rows, frozenset(right)))
            table = None
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and table is not None and row is not None:
            if in_head:
                table.header.extend(row)
            else:
                table.rows.append(row)
            row = None
        elif kind in ("th_open", "td_open", "heading_open", "paragraph_open"):
            pending = tok
            if kind in ("th_open", "td_open") and _right(tok) and row is not None:
                right.add(len(row))
        elif kind == "inline":
            _place(out, pending, tok, depth, row)
        elif kind in ("code_block", "fence", "html_block") and tok.content.strip():
            out.append(Para((Run(tok.content.strip()),)))  # never produced; kept as text
    return out


def _place(
    out: list[Node], opener: Token | None, tok: Token, depth: int, row: list[Inline] | None
) -> None:
    runs = _inline(tok)
    if opener is not None and opener.type in ("th_open", "td_open") and row is not None:
        row.append(runs)
    elif opener is not None and opener.type == "heading_open":
        out.append(Heading(int(opener.tag[1:]), runs))
    elif depth:
        out.append(Item(depth, runs))
    else:
        out.append(Para(runs))


def tables(nodes: Sequence[Node]) -> list[Table]:
    """The tables among ``nodes``."""
    return [n for n in nodes if isinstance(n, Table)]
