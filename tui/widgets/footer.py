"""A footer whose key descriptions are translated when drawn, and that never cuts a label."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from tui.i18n import _

KEY_PADDING = 3
"""Columns a footer key adds around its key and description (" n " and one after)."""


def _translate(widget: Widget) -> Iterator[Widget]:
    if isinstance(widget, FooterKey):
        widget.description = _(widget.description)
        if widget.tooltip is not None:
            widget.tooltip = _(str(widget.tooltip))
    elif isinstance(widget, FooterLabel):
        widget.update(_(str(widget.render())))
    for child in getattr(widget, "_pending_children", ()):
        yield from _translate(child)
    yield widget


def width_of(widget: Widget) -> int:
    """Columns a footer item takes, margins included (from the footer's default CSS)."""
    margin = widget.styles.margin.width + widget.styles.gutter.width  # gutter: padding, border
    if isinstance(widget, FooterKey):
        if not widget.description:
            return cell_len(widget.key_display) + margin
        return cell_len(widget.key_display) + cell_len(widget.description) + KEY_PADDING + margin
    if isinstance(widget, FooterLabel):
        return cell_len(str(widget.render())) + margin
    if isinstance(widget, KeyGroup):
        return sum(map(width_of, widget.children)) + margin
    return widget.outer_size.width


class TranslatedFooter(Footer):
    """Textual's footer, in the interface language, with only the keys that fit."""

    def compose(self) -> ComposeResult:
        """Compose the keys, translating each description."""
        for widget in super().compose():
            for _done in _translate(widget):
                pass
            yield widget

    async def recompose(self) -> None:
        """Compose again (the screen's keys changed), then keep those that fit."""
        await super().recompose()
        self.fit()

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal shows more or fewer keys."""
        self.fit()

    def fit(self) -> None:
        """Show the keys that fit, in the keymap's order, none cut in the middle.

        When some are left out, help (F1, which lists every key of the screen) stays at the end
        of the line: the facilitator always sees where the other keys are.
        """
        items = list(self.children)
        palette = [w for w in items if w.has_class("-command-palette")]
        keys = [w for w in items if w not in palette]
        helps = [w for w in keys if _is_help(w)]
        room = self.app.size.width - sum(map(width_of, palette))
        if sum(map(width_of, keys)) > room:
            room -= sum(map(width_of, helps))
        else:
            helps = []  # everything fits: help stays where the keymap puts it
        full = False
        for widget in keys:
            if widget in helps:
                widget.display = True
                continue
            full = full or width_of(widget) > room
            widget.display = not full
            room -= 0 if full else width_of(widget)


def _is_help(widget: Widget) -> bool:
    return isinstance(widget, FooterKey) and widget.action.rpartition(".")[2] == "help"
