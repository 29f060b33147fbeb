"""A footer whose key descriptions are translated when drawn."""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

from tui.i18n import _


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


class TranslatedFooter(Footer):
    """Textual's footer, in the interface language."""

    def compose(self) -> ComposeResult:
        """Compose the keys, translating each description."""
        for widget in super().compose():
            for _done in _translate(widget):
                pass
            yield widget
