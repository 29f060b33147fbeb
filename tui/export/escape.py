"""Escaping of user text for the Markdown minutes: no markup, link or raw HTML can form.

Every text typed by users goes through `inline` (one line: headings, list items, labels),
`cell` (a table cell) or `lines` / `paragraphs` (multi-line text). The rules, for CommonMark
with GitHub tables:

- control characters and bidirectional overrides are removed (again: the model already
  cleans its input, this is defence in depth) and tabs become spaces;
- the ASCII punctuation that can open markup anywhere in a line is backslash-escaped:
  ``\\ ` * _ [ ] < > # | ~``. With `[` and `<` escaped no link, image or autolink can form,
  and no raw HTML can pass whatever the renderer's settings; `|` can never split a cell;
- `&` is escaped when it could start an entity or character reference (`&amp;`, `&#60;`),
  so what was typed is what is shown;
- at the start of each line, a `-`, `+` or `=` followed by a blank, another of them or the end
  of the line, and an ordered-list number (`1. `, `1)`) are escaped, so no list, setext heading
  or thematic break can start; leading and trailing blanks are dropped, so no indented code
  block can start (fences, `#` and `>` are escaped already);
- in table cells, line breaks become ` / `; in paragraphs they become hard breaks (a backslash
  at the end of the line), and blank lines separate paragraphs.
"""

from __future__ import annotations

import re

from tui.model.clean import clean_text

EMPTY = "—"
"""What an empty table cell shows."""

_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~]")
_ENTITY = re.compile(r"&(?=#|[A-Za-z0-9]+;)")
_ANY = re.compile(r"[\\`*_\[\]<>#|~&]|^[-+=\d]")
_LEAD = re.compile(r"^(?:[-+=](?=[-+=\s]|$)|(\d{1,9})([.)])(?=\s|$))")
_HARD_BREAK = "\\\n"
_CELL_BREAK = " / "


def clean(text: str) -> str:
    """User text without control characters, bidi overrides or tabs; newlines kept."""
    return clean_text(text).replace("\t", " ")


def _lead(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group(0)


def _line(text: str) -> str:
    """Escape one stripped line of cleaned text."""
    if not _ANY.search(text):
        return text  # most text: nothing to escape
    text = _SPECIAL.sub(r"\\\g<0>", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LEAD.sub(_lead, text, count=1)


def _split(text: str) -> list[str]:
    return [part.strip() for part in clean(text).split("\n")]


def inline(text: str) -> str:
    """User text for one line of Markdown: line breaks become spaces."""
    return _line(" ".join(part for part in _split(text) if part))


def cell(text: str) -> str:
    """User text for a table cell: line breaks become ` / `; empty gives a dash."""
    value = _CELL_BREAK.join(_line(part) for part in _split(text) if part)
    return value or EMPTY


def lines(text: str, indent: str = "") -> str:
    """User text joined by hard breaks, blank lines dropped; ``indent`` starts later lines."""
    return (_HARD_BREAK + indent).join(_line(part) for part in _split(text) if part)


def paragraphs(text: str) -> list[str]:
    """User text as Markdown paragraphs: blank lines separate them, line breaks are kept."""
    found: list[str] = []
    current: list[str] = []
    for part in [*_split(text), ""]:
        if part:
            current.append(_line(part))
        elif current:
            found.append(_HARD_BREAK.join(current))
            current = []
    return found
