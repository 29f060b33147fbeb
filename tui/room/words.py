"""What the command line and the app say about who can open the room view."""

from __future__ import annotations

from tui.i18n import _


def lan_warning() -> str:
    """Who can read the session once it is shared on the network."""
    return _(
        "On the local network, anyone on it who has the link or scans the code can read "
        "this session, without changing it, while it is shared."
    )


def local_only() -> str:
    """Who can read the session when the room listens on this computer alone."""
    return _("Only this computer can open it (a projector plugged into it, a browser here).")
