"""The printable HTML page of the minutes and the shared Markdown parser."""

from __future__ import annotations

import datetime as dt
import itertools
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.demo import demo_sessions
from tui.export import minutes_parser, render_html, render_minutes

CLOCK = dt.datetime(2026, 11, 25, 13, 30, tzinfo=dt.UTC)
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "main"}
CONTENT_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "strong", "br"}
CONTENT_TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[tuple[str, str]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs |= {(tag, name) for name, _ in attrs}


def _demo_markdown(index: int) -> tuple[str, str, str]:
    counter = itertools.count(1)
    session = demo_sessions(CLOCK, lambda: f"r{next(counter):04d}")[index]
    lang = session.meeting.minutes_lang
    return render_minutes(session, "formal", lang), session.meeting.title, lang


@pytest.mark.parametrize("index", [0, 1])
def test_the_page_is_a_complete_printable_document(index: int) -> None:
    markdown, title, lang = _demo_markdown(index)
    page = render_html(markdown, title, lang)
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page and '<meta charset="utf-8">' in page
    assert "@media print" in page and "border-collapse: collapse" in page
    assert page.count("<table>") == markdown.count("\n| --- |") + markdown.count("\n| ---: |")
    parser = _Tags()
    parser.feed(page)
    assert parser.tags == PAGE_TAGS | CONTENT_TAGS
    assert parser.attrs <= {
        ("html", "lang"),
        ("meta", "charset"),
        ("meta", "name"),
        ("meta", "content"),
        ("th", "style"),
        ("td", "style"),
    }


def test_the_title_is_escaped() -> None:
    page = render_html("# x\n", '<b onclick="x">R&D</b>', "fr")
    assert "<title>&lt;b onclick=&quot;x&quot;&gt;R&amp;D&lt;/b&gt;</title>" in page


def test_an_unknown_language_falls_back_to_english() -> None:
    assert '<html lang="en">' in render_html("x", "t", '"><script>')


def test_raw_html_never_passes_the_parser() -> None:
    html = minutes_parser().render("<script>alert(1)</script>\n\n<b>x</b> <i>y</i>\n")
    assert "<script>" not in html and "<b>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "vbscript:x",
        "relative/page.html",
    ],
)
def test_only_web_and_mail_links_can_form(url: str) -> None:
    html = minutes_parser().render(f"[a]({url}) <{url}>\n")
    assert "<a " not in html


@pytest.mark.parametrize("url", ["https://example.org/x", "http://example.org", "mailto:a@b.ca"])
def test_web_and_mail_links_are_kept_for_the_preview(url: str) -> None:
    assert f'<a href="{url}">a</a>' in minutes_parser().render(f"[a]({url})\n")


def test_tables_are_enabled() -> None:
    html = minutes_parser().render("| a | b |\n| --- | ---: |\n| 1 | 2 |\n")
    assert "<table>" in html and '<td style="text-align:right">2</td>' in html


@given(st.text(alphabet="|\\ab `-:\n", max_size=40))
def test_a_table_row_is_cut_into_the_same_cells_as_markdown_it_cuts_it(row: str) -> None:
    from tui.export.html import LIBRARY_SPLIT, split_row

    assert split_row(row) == LIBRARY_SPLIT(row)


def test_a_long_cell_keeps_its_text_and_escaped_pipes() -> None:
    cell = "w" * 5_000 + r" a \| b"
    page = minutes_parser().render(f"| A | B |\n| --- | --- |\n| {cell} | c |\n")
    assert "<td>" + "w" * 5_000 + " a | b</td>" in page
    assert "<td>c</td>" in page


@pytest.mark.parametrize("index", [0, 1])
def test_the_page_is_the_parsed_tokens_rendered(index: int) -> None:
    """render_html is the page around what the parser's tokens render (tests reuse them)."""
    from tui.export.html import html_page

    markdown, title, lang = _demo_markdown(index)
    parser = minutes_parser()
    body = parser.renderer.render(parser.parse(markdown), parser.options, {})
    assert render_html(markdown, title, lang) == html_page(body, title, lang)
