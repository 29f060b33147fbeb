"""Small typed dialogs: ask a text, confirm, choose one option, go to a screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.i18n import N_, _
from tui.model import SCREENS
from tui.widgets.line_input import LineInput
from tui.widgets.stepbar import screen_name

if TYPE_CHECKING:
    from tui.context import SessionContext

T = TypeVar("T")

CANCEL = Binding("escape,ctrl+q", "cancel", N_("Cancel"), key_display="esc")


class Dialog(ModalScreen[T | None], Generic[T]):
    """A centred box; Escape or ctrl+q cancels (Escape is never the only way)."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 70; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    Dialog .dialog-title { text-style: bold; margin-bottom: 1; }
    Dialog .dialog-hint { color: $text-muted; }
    """
    BINDINGS = [CANCEL]

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)


class AskText(Dialog[str]):
    """Ask for one line of text."""

    def __init__(self, question: str, value: str = "", *, typed: bool = False) -> None:
        """Ask ``question``, pre-filled with ``value`` (selected, unless it was just ``typed``:
        then typing goes on after it)."""
        super().__init__()
        self.question = question
        self.value = value
        self.typed = typed

    def compose(self) -> ComposeResult:
        """Question, field, hint."""
        with Vertical():
            yield Label(self.question, classes="dialog-title", markup=False)
            yield LineInput(self.value, id="answer", select_on_focus=not self.typed)
            yield Static(_("Enter to confirm, Esc to cancel."), classes="dialog-hint")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


class Confirm(Dialog[bool]):
    """A yes-or-no question; y or Enter confirms, n or Esc cancels."""

    BINDINGS = [
        CANCEL,
        Binding("y,o,enter", "yes", N_("Yes")),
        Binding("n", "cancel", N_("No")),
    ]

    def __init__(self, question: str) -> None:
        """Ask ``question``."""
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and its keys."""
        with Vertical():
            yield Static(self.question, classes="dialog-title", markup=False)
            yield Static(_("Enter or y: yes · n or Esc: no"), classes="dialog-hint")

    def action_yes(self) -> None:
        """Confirm."""
        self.dismiss(True)


class Choose(Dialog[str]):
    """Choose one option from a list."""

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        """Offer ``options`` as (text, value) pairs."""
        super().__init__()
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        """Title and list."""
        with Vertical():
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*[Option(text, id=value) for text, value in self.options])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class GoTo(Choose):
    """Choose a screen of the session; its number jumps straight to it."""

    def __init__(self, current: str) -> None:
        """Offer every screen of the session."""
        options = [(f"{n}  {screen_name(key)}", key) for n, key in enumerate(SCREENS)]
        super().__init__(_("Go to"), options)
        self.current = current

    def on_key(self, event: events.Key) -> None:
        """A digit jumps to that screen."""
        key = event.character
        if key and key.isdigit() and int(key) < len(SCREENS):
            # Stopped here: left to bubble, the digit reached the screen shown next (a level
            # typed into the matrix).
            event.stop()
            event.prevent_default()
            self.dismiss(SCREENS[int(key)])


class SaveFailedQuit(Dialog[None]):
    """Quitting while saves fail: save a copy elsewhere, retry, or quit and lose the edits."""

    BINDINGS = [
        CANCEL,
        Binding("r", "retry", N_("Retry")),
        Binding("c", "copy", N_("Save a copy elsewhere")),
        Binding("ctrl+x", "lose", N_("Quit without saving")),
    ]

    def __init__(self, ctx: SessionContext) -> None:
        """For the open session ``ctx``."""
        super().__init__()
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        """What failed and what can be done."""
        with Vertical():
            yield Static(_("The session could not be saved."), classes="dialog-title")
            yield Static(self.app.save_error_text(), markup=False)  # type: ignore[attr-defined]
            yield Static(
                _("r: retry · c: save a copy elsewhere · ctrl+x: quit without saving · Esc: back"),
                classes="dialog-hint",
            )

    def action_retry(self) -> None:
        """Try the save again; quit if it works."""
        if self.ctx.flush():
            self.app.exit(0)
        else:
            self.notify(_("Still not saved."), severity="error")

    async def action_copy(self) -> None:
        """Ask for a folder and write a copy of the session there."""
        self.app.push_screen(AskText(_("Folder for a copy of the session")), self._copy_to)

    def _copy_to(self, folder: str | None) -> None:
        if not folder:
            return
        from pathlib import Path

        from tui.storage.store import SessionStore

        try:
            copy = SessionStore(Path(folder).expanduser()).write_new(self.ctx.session)
        except Exception as exc:
            self.notify(_("Could not write the copy: {error}", error=str(exc)), severity="error")
            return
        self.notify(_("Copy written as {id} in {folder}.", id=copy.id, folder=folder))
        self.app.exit(0)

    def action_lose(self) -> None:
        """Quit, losing what could not be saved."""
        self.app.exit(1)
