"""Markdown drawn as terminal lines, from markdown-it tokens; safe to run in a worker thread.

The minutes preview parses with the export's own parser (``minutes_parser``), so what forms a
table, a list or a link is exactly what the exported file holds. Drawing goes to a list of
``Strip``s, one a line, so the widget that shows them never lays out more than a screenful:
Textual's ``Markdown`` widget makes a widget per paragraph and per table cell, which stalls
the event loop for seconds on a session of 1,000 records. Lines are kept packed, as text and
style numbers, so that thousands of them add almost nothing for the garbage collector to scan
(its full passes stop every thread, the event loop included).
"""

from __future__ import annotations

import gc
import io
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from markdown_it.token import Token
from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.strip import Strip

PackedLine = tuple[tuple[str, int], ...]
"""One line: its pieces of text, each with the number of its style in a ``Palette``."""

_SECTION = re.compile(r"^(?=## )", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


@dataclass(frozen=True)
class Look:
    """The styles of the parts of the drawing, read from the widget's stylesheet on the loop."""

    headings: tuple[Style, ...] = (Style(bold=True), Style(bold=True), Style(bold=True))
    """h1, h2, h3 (deeper headings take the h3 style)."""
    table_header: Style = field(default_factory=lambda: Style(bold=True))
    border: Style = field(default_factory=Style)
    bullet: Style = field(default_factory=Style)
    code: Style = field(default_factory=lambda: Style(reverse=True))
    link: Style = field(default_factory=lambda: Style(underline=True))


def sections(markdown: str) -> list[str]:
    """The text cut before each second-level heading, each part to be parsed on its own.

    A line starting with ``## `` is a heading wherever it stands, except in a fenced code
    block: a text with a fence is not cut. (Minutes escape ``#``, fences and ``[`` in what
    users type, so neither a fence nor a link reference definition spans sections.)
    """
    if _FENCE.search(markdown):
        return [markdown]
    parts = _SECTION.split(markdown)
    return [part for part in parts if part]


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while drawing.

    Drawing allocates many short-lived objects that live through a section; they would set
    off full collections, and a full collection holds the GIL for as long as it scans every
    object of the app: the event loop stalls for hundreds of milliseconds. Reference counting
    still frees them; the collector runs again as soon as the last drawing ends.
    """
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        if _gc_holders == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()


class Palette:
    """The styles of packed lines, by number; shared by the drawing thread and the widget."""

    def __init__(self) -> None:
        """A palette holding only the plain style, number 0."""
        self.styles: list[Style] = [Style()]
        self._numbers: dict[Style, int] = {Style(): 0}

    def pack(self, segments: Iterator[Segment] | list[Segment]) -> PackedLine:
        """One rendered line as text and style numbers (new styles are added first)."""
        pieces: list[tuple[str, int]] = []
        for text, style, control in segments:
            if control or not text:
                continue
            number = self._numbers.get(style or Style())
            if number is None:
                number = len(self.styles)
                self.styles.append(style or Style())  # before any line can name it
                self._numbers[style or Style()] = number
            pieces.append((text, number))
        return tuple(pieces)

    def strip(self, line: PackedLine) -> Strip:
        """A packed line as a Strip to paint."""
        styles = self.styles
        return Strip([Segment(text, styles[number]) for text, number in line])


def draw(tokens: Sequence[Token], look: Look, width: int, palette: Palette) -> list[PackedLine]:
    """The lines of ``tokens`` drawn ``width`` cells wide, packed with ``palette``."""
    console = Console(
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
    )
    found: list[PackedLine] = []
    for n, block in enumerate(_Reader(tokens, look).blocks()):
        if n:
            found.append(())
        # A table keeps each column as wide as its longest word (up to WORD_MAX): wider than
        # the view, it is drawn wider and the view scrolls sideways, words whole.
        wide = max(width, block.min_width or 0) if isinstance(block, Table) else width
        options = console.options.update(width=wide)
        lines = console.render_lines(block, options, pad=False, new_lines=False)
        found += [palette.pack(line) for line in lines]
    return found


WORD_MAX = 24
"""A table column is at least as wide as its longest word, up to this many cells."""


def _longest_word(text: Text) -> int:
    return min(WORD_MAX, max((len(word) for word in text.plain.split()), default=0))


class _Reader:
    """Turns the token stream into Rich renderables, block by block."""

    def __init__(self, tokens: Sequence[Token], look: Look) -> None:
        self.tokens = tokens
        self.look = look
        self.at = 0

    def _next(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def blocks(self, closing: str | None = None) -> list[RenderableType]:
        """Blocks until the token ``closing`` (consumed), or the end."""
        found: list[RenderableType] = []
        while self.at < len(self.tokens):
            token = self._next()
            if token.type == closing:
                break
            block = self._block(token)
            if block is not None:
                found.append(block)
        return found

    def _block(self, token: Token) -> RenderableType | None:
        kind = token.type
        if kind == "heading_open":
            depth = min(int(token.tag[1:]), 3) - 1
            text = self._inline(self.look.headings[depth])
            self._next()  # heading_close
            return text
        if kind == "paragraph_open":
            text = self._inline()
            self._next()  # paragraph_close
            return text
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self._list(kind == "ordered_list_open", int(token.attrGet("start") or 1))
        if kind == "table_open":
            return self._table()
        if kind == "blockquote_open":
            inner = self.blocks("blockquote_close")
            return Padding(Group(*inner), (0, 0, 0, 2), style=self.look.border)
        if kind in ("fence", "code_block", "html_block"):
            return Text(token.content.rstrip("\n"), style=self.look.code)
        if kind == "hr":
            return Rule(style=self.look.border)
        if kind == "inline":  # stray inline text: show it rather than lose it
            return _inline_text(token, self.look)
        return None

    def _inline(self, style: Style | None = None) -> Text:
        token = self._next()
        text = _inline_text(token, self.look) if token.type == "inline" else Text("")
        if style is not None:
            text.stylize(style)
        return text

    def _list(self, ordered: bool, start: int) -> RenderableType:
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True, justify="right" if ordered else "left")
        grid.add_column(ratio=1)
        number = start
        while self.at < len(self.tokens):
            token = self._next()
            if token.type in ("bullet_list_close", "ordered_list_close"):
                break
            if token.type != "list_item_open":
                continue
            mark = f"{number}." if ordered else "•"
            number += 1
            inner = self.blocks("list_item_close")
            grid.add_row(Text(mark, style=self.look.bullet), Group(*inner))
        return grid

    def _table(self) -> RenderableType:
        table = Table(
            box=box.SQUARE,
            border_style=self.look.border,
            header_style=self.look.table_header,
            expand=False,
            padding=(0, 1),
        )
        rows: list[list[Text]] = []
        heads: list[Text] = []
        in_head = False
        for token in self._until("table_close"):
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open" and not in_head:
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                cell = self._inline()
                cell.overflow = "fold"
                if in_head:
                    right = "right" in str(token.attrGet("style") or "")
                    table.add_column(cell, justify="right" if right else "left")
                    heads.append(cell)
                else:
                    rows[-1].append(cell)
        for row in rows:
            table.add_row(*row)
        for n, column in enumerate(table.columns):
            cells = [heads[n], *(row[n] for row in rows if n < len(row))]
            column.min_width = max(_longest_word(cell) for cell in cells)
        # Each column: its padding and a border; and the closing border.
        table.min_width = sum((c.min_width or 0) + 3 for c in table.columns) + 1
        return table

    def _until(self, closing: str) -> Iterator[Token]:
        while self.at < len(self.tokens):
            token = self._next()
            if token.type == closing:
                return
            yield token


def _inline_text(token: Token, look: Look) -> Text:
    """The text of an inline token, with strong, emphasis, code and link styles."""
    text = Text(overflow="fold")
    stack: list[Style] = []

    def style() -> Style:
        return Style.combine(stack) if stack else Style()

    for child in token.children or ():
        kind = child.type
        if kind == "text":
            text.append(child.content, style())
        elif kind == "softbreak":
            text.append(" ", style())
        elif kind == "hardbreak":
            text.append("\n")
        elif kind == "code_inline":
            text.append(child.content, style() + look.code)
        elif kind == "strong_open":
            stack.append(Style(bold=True))
        elif kind == "em_open":
            stack.append(Style(italic=True))
        elif kind == "s_open":
            stack.append(Style(strike=True))
        elif kind == "link_open":
            stack.append(look.link)
        elif kind in ("strong_close", "em_close", "s_close", "link_close") and stack:
            stack.pop()
        elif kind in ("image", "html_inline"):
            text.append(child.content, style())
    return text
