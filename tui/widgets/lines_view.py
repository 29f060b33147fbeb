"""A scrolling view of lines drawn elsewhere (in a worker thread); only visible ones are painted."""

from __future__ import annotations

from rich.cells import cell_len
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.markdown_lines import Look, PackedLine, Palette

CACHED = 256
"""Painted lines kept ready (a few screens' worth)."""


class LinesView(ScrollView, can_focus=True):
    """Shows packed lines; adding thousands costs the event loop a list extend and a refresh."""

    DEFAULT_CSS = """
    LinesView {
        height: 1fr;
        scrollbar-gutter: stable;
        & > .lines-view--h1 { text-style: bold; color: $markdown-h1-color; }
        & > .lines-view--h2 { text-style: bold; color: $markdown-h2-color; }
        & > .lines-view--h3 { text-style: bold; color: $markdown-h3-color; }
        & > .lines-view--th { text-style: bold; color: $primary; }
        & > .lines-view--border { color: $foreground 40%; }
        & > .lines-view--bullet { color: $text-primary; }
        & > .lines-view--code { color: $text-accent; background: $boost; }
        & > .lines-view--link { text-style: underline; color: $text-accent; }
    }
    """
    COMPONENT_CLASSES = {
        "lines-view--h1",
        "lines-view--h2",
        "lines-view--h3",
        "lines-view--th",
        "lines-view--border",
        "lines-view--bullet",
        "lines-view--code",
        "lines-view--link",
    }
    BINDINGS = [Binding("space", "page_down", show=False)]

    def __init__(self, *, id: str | None = None) -> None:
        """An empty view."""
        super().__init__(id=id)
        self.lines: list[PackedLine] = []
        self.palette = Palette()
        self._width = 0
        self._wide = 0
        self._painted: dict[int, Strip] = {}

    def look(self) -> Look:
        """The drawing styles from this widget's stylesheet (call on the event loop)."""
        style = self.get_component_rich_style
        return Look(
            headings=(style("lines-view--h1"), style("lines-view--h2"), style("lines-view--h3")),
            table_header=style("lines-view--th"),
            border=style("lines-view--border"),
            bullet=style("lines-view--bullet"),
            code=style("lines-view--code"),
            link=style("lines-view--link"),
        )

    @property
    def text_width(self) -> int:
        """How many cells wide the lines should be drawn."""
        return max(20, self.scrollable_content_region.width)

    def plain_text(self) -> str:
        """Every line as plain text (tests, and to find a word)."""
        return "\n".join("".join(text for text, _style in line) for line in self.lines)

    def set_lines(self, lines: list[PackedLine], palette: Palette, width: int) -> None:
        """Show ``lines`` (``width`` cells wide at most) instead of what was shown."""
        self.lines = list(lines)
        self.palette = palette
        self._width = width
        self._wide = self._widest(self.lines)
        self._painted.clear()
        self._resized()

    def add_lines(self, lines: list[PackedLine]) -> None:
        """Show ``lines`` after what is shown (same palette and width)."""
        self.lines.extend(lines)
        self._wide = max(self._wide, self._widest(lines))
        self._resized()

    def _widest(self, lines: list[PackedLine]) -> int:
        """Lines may be wider than the view (a table keeps its words whole): it scrolls."""
        return max((sum(cell_len(text) for text, _n in line) for line in lines), default=0)

    def _resized(self) -> None:
        self.virtual_size = Size(max(self._width, self._wide), len(self.lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """One line of the view, painted from its packed form on first sight."""
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        style = self.rich_style
        width = self.scrollable_content_region.width
        if index >= len(self.lines):
            return Strip.blank(width, style)
        strip = self._painted.get(index)
        if strip is None:
            if len(self._painted) >= CACHED:
                self._painted.clear()
            strip = self._painted[index] = self.palette.strip(self.lines[index])
        return strip.crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
