"""What every screen of the app does when it is shown."""

from __future__ import annotations

from textual import events


class StyledOnce:
    """Full-screen mixin: a screen shown for the first time is not restyled whole.

    Textual restyles every widget of a screen each time the screen is shown. The first time,
    the screen has just mounted, and mounting styled each widget with the classes it had then;
    a class that changed since restyled its widget. Restyling the whole screen again cost about
    a tenth of the start of the app, and again at every step shown. A screen shown again, after
    a dialog or another screen, is restyled as Textual does (the theme or the keys may have
    changed meanwhile). Dialogs are left to Textual: they draw over the screen under them, and
    four of their snapshots changed without that first restyle.
    """

    _shown_before = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
