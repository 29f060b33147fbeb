"""The minutes as a printable HTML page, rendered from their Markdown."""

from __future__ import annotations

import html
import importlib
import re

from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit

from tui.model.clean import clean_text

ALLOWED_SCHEMES = ("http:", "https:", "mailto:")

STYLE = """\
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; font-size: 11pt;
  line-height: 1.4; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5em; margin: 0 0 0.5em; }
h2 { font-size: 1.2em; margin: 1.5em 0 0.5em; border-bottom: 1px solid #888; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #666; padding: 0.2em 0.4em; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th { background: #eee; }
@page { size: auto; margin: 2cm 1.5cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


_table_rule = importlib.import_module("markdown_it.rules_block.table")  # the module, not the rule
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
LIBRARY_SPLIT = escapedSplit
"""markdown-it's own split of a table row into cells (kept for the test that compares)."""


def split_row(row: str) -> list[str]:
    """A table row's cells, as markdown-it's ``escapedSplit`` cuts them, in one regex pass.

    A pipe after a backslash is no cut and loses that backslash. markdown-it walks the row
    character by character in Python and tries the table rule at every line: a long cell
    (a pasted paragraph) made rendering the minutes take seconds.
    """
    return [cell.replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(row)]


setattr(_table_rule, "escapedSplit", split_row)  # noqa: B010 (the table rule reads it at each row)


def _safe_link(url: str) -> bool:
    """Only web and mail links may form (the minutes' own text never makes any)."""
    return url.strip().lower().startswith(ALLOWED_SCHEMES)


def minutes_parser() -> MarkdownIt:
    """The Markdown parser of the minutes: CommonMark, tables, strikethrough (a voided
    decision), no raw HTML, safe links only."""
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


def render_html(markdown_text: str, title: str, lang: str, *, extra_css: str = "") -> str:
    """A complete printable HTML page of the minutes ``markdown_text``; ``extra_css`` follows."""
    return html_page(minutes_parser().render(markdown_text), title, lang, extra_css=extra_css)


def html_page(body: str, title: str, lang: str, *, extra_css: str = "") -> str:
    """The printable page around ``body``, the minutes already rendered to HTML."""
    code = lang if lang in ("fr", "en") else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{code}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(clean_text(title, multiline=False), quote=True)}</title>\n"
        f"<style>\n{STYLE}{extra_css}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{body}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )
