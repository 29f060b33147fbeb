"""Records typed one line each: Enter adds the line and clears it for the next one."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from tui.i18n import _, get_language
from tui.i18n.errors import describe_error
from tui.widgets.dialogs import Dialog
from tui.widgets.line_input import LineInput


class LineDialog(Dialog[int]):
    """One line per record; Enter on an empty line, Esc or ctrl+q closes (gives the count)."""

    def __init__(
        self,
        question: str,
        add: Callable[[str], str],
        *,
        line: str = "",
        keep: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        """Ask ``question``; ``add`` records a line and returns the name of what it added.

        ``line`` was typed last time and left unsaved; ``keep`` takes the line typed when the
        dialog is left without Enter (Esc, quitting, a dropped line), as every form does.
        """
        super().__init__()
        self.question = question
        self.add = add
        self.line = line
        self.keep = keep
        self.added = 0

    def compose(self) -> ComposeResult:
        """Question, line, what was added last, hint."""
        with Vertical():
            yield Label(self.question, classes="dialog-title", markup=False)
            yield LineInput(self.line, id="line", select_on_focus=False)
            yield Static("", id="line-said", markup=False)
            yield Static(
                _("Enter adds it and clears the line for the next · empty Enter or Esc: close"),
                classes="dialog-hint",
            )

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.keep_draft()  # a line brought back and emptied is no draft any more
            self.dismiss(self.added)
            return
        said = self.query_one("#line-said", Static)
        self.set_focus(None)  # each line is its own undo step, not more keys typed in a field
        try:
            name = self.add(text)
        except ValidationError as exc:
            said.update("⚠ " + describe_error(exc.errors()[0], get_language()))
            return
        except ValueError as exc:  # what the line says cannot be (the message says why)
            said.update(f"⚠ {exc}")
            return
        finally:
            event.input.focus()
        self.added += 1
        event.input.value = ""
        if self.line and self.keep is not None:  # the line brought back is saved now
            self.line = ""
            self.keep({})
        said.update(_("Added: «{name}».", name=name))

    def keep_draft(self) -> None:
        """Hand the line typed, if any, to ``keep`` (nothing typed: the draft is cleared)."""
        if self.keep is not None:
            text = self.query_one("#line", Input).value
            self.keep({"line": text} if text.strip() else {})

    def action_cancel(self) -> None:
        """Close; what was added stays, the line typed is kept as a draft."""
        self.keep_draft()
        self.dismiss(self.added)
