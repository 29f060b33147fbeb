"""Styles are worked out for widgets on screen only."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.dom import DOMNode


class MountedStyles(App[Any]):
    """App mixin: a widget not yet mounted is not styled until it mounts.

    Textual restyles a widget (and its component parts) whenever a class is added to it,
    even before it is mounted: a field made compact in its constructor was styled once
    there, then again when mounted. A form of sixteen fields paid that sixteen times,
    about a tenth of an app's start. Mounting styles every widget anyway, with the
    classes it has by then.
    """

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle a node and what it holds, if it is on the app's screens."""
        if node is self or node.is_attached:
            super().update_styles(node, animate=animate)
