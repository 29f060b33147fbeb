"""Hostile text in every field never changes the structure of the minutes nor injects markup."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token
from pydantic import BaseModel

from tui.demo import demo_sessions
from tui.export import minutes_parser, render_minutes
from tui.export.html import html_page
from tui.export.typography import typeset
from tui.model import Session
from tui.model.text import _clean_block, _clean_line, clean_text

CLOCK = dt.datetime(2026, 11, 25, 13, 30, tzinfo=dt.UTC)

HOSTILE = [
    "a | b || c |",
    "`code` ``x`` ```\nfenced\n```",
    "*bold* **strong** _em_ __x__",
    "# heading",
    "\n# heading after a break",
    "> quote\n>> nested",
    "1. one\n2) two",
    "- item\n+ item\n* item",
    "text\n===\nmore\n---",
    "***\n___\n- - -",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&amp; &lt;b&gt; &#60;i&#62; &copy",
    "[x](javascript:alert(1))",
    "![img](http://evil/x.png)",
    "<http://evil> <mailto:a@b.c> http://bare.example",
    "[ref]: http://evil\n[ref]",
    "[/] [bold [x] [",
    "\x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07",
    "nul\x00byte \x7f \x85 \x9b",
    "\u202eevil\u202c \u2066iso\u2069",
    "family \U0001f468\u200d\U0001f469\u200d\U0001f467 zwj",
    "w" * 10_000,
    "tab\there\n    indented code\n\ttabbed",
    "line\\\nbackslash\\",
    "| --- | --- |\n| x | y |",
    "a\r\nb\rc",
    "~~strike~~ ~~~",
    "{label} {0} %s",
]

TEXT_VALIDATORS = (_clean_line, _clean_block)


def text_fields(model: type[BaseModel]) -> list[str]:
    """The fields of ``model`` that hold user text (names, labels, notes, ...)."""
    return [
        name
        for name, info in model.model_fields.items()
        if any(getattr(m, "func", None) in TEXT_VALIDATORS for m in info.metadata)
    ]


def visible(text: str) -> str:
    """``text``, made non-empty once cleaned, so that no field disappears."""
    return text if clean_text(text).strip() else text + "z"


def inject(session: Session, texts: list[str]) -> Session:
    """A copy of ``session`` with ``texts``, in turn, in every text field (not validated)."""
    pool = itertools.cycle([visible(t) for t in texts])

    def fill(model: BaseModel) -> Any:
        update: dict[str, Any] = {name: next(pool) for name in text_fields(type(model))}
        if hasattr(model, "decision") and isinstance(model.decision, BaseModel):
            update["decision"] = fill(model.decision)
        return model.model_copy(update=update)

    update: dict[str, Any] = {"meeting": fill(session.meeting)}
    for name in type(session).model_fields:
        value = getattr(session, name)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [fill(record) for record in value]
    update["notes"] = {key: next(pool) for key in session.notes}
    return session.model_copy(update=update)


Structure = tuple[list[str], list[int], int, set[str]]


def structure(tokens: list[Token]) -> Structure:
    """Headings (by level), tables (by columns), list items and the kinds of block used."""
    headings: list[str] = []
    columns: list[int] = []
    items = 0
    kinds: set[str] = set()
    for tok in tokens:
        kinds.add(tok.type)
        if tok.type == "heading_open":
            headings.append(tok.tag)
        elif tok.type == "list_item_open":
            items += 1
        elif tok.type == "thead_open":
            columns.append(0)
        elif tok.type == "th_open":
            columns[-1] += 1
    return headings, columns, items, kinds


def visible_lines(text: str, lang: str) -> list[str]:
    """The lines of a user text as the minutes must show them (typeset, blanks normalised)."""
    shown = typeset(clean_text(text), lang)
    return [" ".join(line.split()) for line in shown.split("\n") if line.strip()]


def shown_text(tokens: list[Token]) -> str:
    """The visible text of the minutes, blanks normalised."""
    parts = []
    for tok in tokens:
        for child in tok.children or []:
            parts.append(child.content if child.type == "text" else " ")
        parts.append(" ")
    return " ".join("".join(parts).split())


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3"}
ALLOWED_TAGS |= {"p", "ul", "li", "strong", "br", "table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_TAGS |= {"s", "em"}  # a voided decision: struck through, its reason in italics
ALLOWED_ATTRS = {("html", "lang"), ("meta", "charset"), ("meta", "name"), ("meta", "content")}
ALLOWED_ATTRS |= {("th", "style"), ("td", "style")}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[tuple[str, str]] = set()
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.add((tag, name))
            self.values.append(value or "")


_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")


def table_pipes_agree(text: str) -> bool:
    """Every raw line of each table has as many unescaped pipes as the table's header."""
    expected = None
    for line in text.splitlines():
        if not line.startswith("|"):
            expected = None
            continue
        count = len(_PIPE.findall(line))
        if expected is None:
            expected = count
        elif count != expected:
            return False
    return True


_PLAIN: dict[tuple[str, str], tuple[Structure, int]] = {}
"""By the session's content and the mode: a voided decision shows its text more often."""


def _plain(session: Session, mode: str) -> tuple[Structure, int]:
    """The structure of the minutes with "plain text" everywhere, and how often it shows."""
    key = (session.model_dump_json(), mode)
    if key not in _PLAIN:
        text = render_minutes(inject(session, ["plain text"]), mode, session.meeting.minutes_lang)
        tokens = minutes_parser().parse(text)
        _PLAIN[key] = (structure(tokens), shown_text(tokens).count("plain text"))
    return _PLAIN[key]


def check(session: Session, texts: list[str]) -> None:
    """Hostile ``texts`` keep the structure of every rendering and inject nothing.

    With a single text, every place that shows "plain text" must show each of its lines.
    """
    hostile = inject(session, texts)
    lang = session.meeting.minutes_lang
    for mode in ("summary", "formal"):
        expected, count = _plain(session, mode)
        text = render_minutes(hostile, mode, lang)
        parser = minutes_parser()
        tokens = parser.parse(text)
        assert structure(tokens) == expected
        assert table_pipes_agree(text)
        assert not _CONTROL.search(text)
        shown = shown_text(tokens)
        places = count if len(texts) == 1 else 1
        for line in {line for t in texts for line in visible_lines(visible(t), lang)}:
            assert shown.count(line) >= places, line
        # render_html's page, from the tokens parsed once (what it renders is what they give)
        body = parser.renderer.render(tokens, parser.options, {})
        tags = _Tags()
        tags.feed(html_page(body, hostile.meeting.title, lang))
        assert tags.tags <= ALLOWED_TAGS
        assert tags.attrs <= ALLOWED_ATTRS
        assert not any("javascript:" in v.lower() for v in tags.values)


def demo() -> list[Session]:
    counter = itertools.count(1)
    return demo_sessions(CLOCK, lambda: f"r{next(counter):04d}")


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_each_hostile_text_in_every_field_is_harmless(text: str) -> None:
    for session in demo():
        check(session, [text])


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_each_hostile_text_in_a_voided_decision_and_its_reason_is_harmless(text: str) -> None:
    for session in demo():
        decisions = [d.model_copy(update={"voided": True}) for d in session.decisions]
        check(session.model_copy(update={"decisions": decisions}), [text])


fragments = st.sampled_from(HOSTILE) | st.text(max_size=12)
hostile_texts = st.lists(fragments, min_size=1, max_size=3).map("".join)


@pytest.mark.heavy(9)
@settings(max_examples=30, deadline=None)
@given(st.lists(hostile_texts, min_size=1, max_size=4))
def test_mixed_hostile_texts_are_harmless(texts: list[str]) -> None:
    check(demo()[0], texts)


def test_a_markdown_table_typed_in_a_note_stays_text() -> None:
    session = demo()[1]
    notes = {**session.notes, "actions": "a | b\n--|--\n1 | 2"}
    text = render_minutes(session.model_copy(update={"notes": notes}), "summary", "en")
    before = structure(minutes_parser().parse(render_minutes(session, "summary", "en")))
    assert structure(minutes_parser().parse(text))[1] == before[1]
    assert "a \\| b\\\n\\--\\|--\\\n1 \\| 2" in text
