"""The one-line field of every form and dialog."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input

from tui.i18n import _
from tui.model.clean import clean_text


class LineInput(Input):
    """A one-line field that keeps a multi-line paste whole (joined) and says so."""

    # Textual's Input sets its virtual size to the text's width at every key, and that
    # reactive asks for a layout of the whole screen: a full repaint per key typed. The
    # field's own scrolling only needs a repaint of the field.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def on_mount(self) -> None:
        """Blink the cursor only if the app wants it (tests and benchmarks do not)."""
        self.cursor_blink = getattr(self.app, "blink", True)

    def _on_paste(self, event: events.Paste) -> None:
        text = clean_text(event.text)
        if "\n" in text.strip("\n"):
            event.prevent_default()
            event.stop()
            joined = " ".join(line.strip() for line in text.splitlines() if line.strip())
            self.insert_text_at_cursor(joined)
            self.app.notify(_("The pasted lines were joined into one line."))
            return
        event.text = text.strip("\n")
