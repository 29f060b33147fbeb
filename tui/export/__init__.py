"""Exports of a session: the minutes as Markdown and as a printable HTML page."""

from tui.export.document import render_document, render_file
from tui.export.html import minutes_parser, render_html
from tui.export.minutes import render_minutes

__all__ = ["minutes_parser", "render_document", "render_file", "render_html", "render_minutes"]
