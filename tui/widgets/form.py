"""A form for one record, generated from its pydantic model and a list of field specs."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets._select import SelectOverlay

from tui.i18n import _, get_language
from tui.i18n.errors import describe_error
from tui.widgets.choices import choice_word
from tui.widgets.chooser import LinksField, missing_name
from tui.widgets.fields import FieldSpec, ParseError, display, parse
from tui.widgets.line_input import LineInput
from tui.widgets.type_select import ChoiceSelect

Options = dict[str, list[tuple[str, str]]]
"""For each link field, the records it may point to, as (name, id)."""


def keeps_enter(widget: Widget | None) -> bool:
    """Whether Enter belongs to ``widget``: it opens a choice list, picks in it, breaks a line.

    Every form's own Enter (save, next field) gives way to these, so that Enter on a closed
    choice list opens it everywhere, as its footer and help say.
    """
    return isinstance(widget, Select | SelectOverlay | TextArea | LinksField)


class RecordForm(VerticalScroll):
    """Label and field for each field of one record; edits validate as typed.

    A field's error line is mounted under it the first time its text is not valid, then kept
    (hidden once the text is valid): a form that opens mounts no line nobody reads.
    """

    can_focus = False  # Tab goes from field to field, never to the scrolling container
    # Enter in a one-line field moves on before the keys typed after it are read (a burst over
    # SSH): a priority binding, like Tab. Input's own Enter was handled only after those keys,
    # which then landed in the field just left.
    BINDINGS = [Binding("enter", "next_field", show=False, priority=True)]

    DEFAULT_CSS = """
    RecordForm {
        height: 1fr; padding: 0 1; layout: grid; grid-size: 2; grid-columns: 28 1fr;
        grid-rows: auto;
    }
    RecordForm Label.form-label {
        width: 28; padding: 0 1 0 0; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    RecordForm .form-field { width: 1fr; }
    RecordForm .form-error { color: $error; text-style: bold; height: auto; }
    RecordForm .form-error-gap { height: 0; }
    RecordForm TextArea.form-field { height: 3; min-height: 3; }  /* a grid row is as high */
    RecordForm LinksField.form-field { height: auto; max-height: 3; }
    RecordForm Input.form-field:focus, RecordForm TextArea.form-field:focus,
    RecordForm LinksField.form-field:focus {
        background: $boost;
    }
    """

    class FieldChanged(Message):
        """A field now holds a valid value (the record was updated)."""

        def __init__(self, form: RecordForm, field: str) -> None:
            super().__init__()
            self.form = form
            self.field = field

    class DraftChanged(Message):
        """A field holds text that is not valid yet (kept as a draft)."""

        def __init__(self, form: RecordForm, field: str, text: str | None) -> None:
            super().__init__()
            self.form = form
            self.field = field
            self.text = text

    def __init__(self, specs: list[FieldSpec], *, id: str | None = None) -> None:
        """A form for ``specs``; call ``load`` to show a record."""
        super().__init__(id=id)
        self.specs = specs
        self.record: BaseModel | None = None
        self._texts: dict[str, str] = {}
        """The text each field showed when loaded or last applied (its echo is ignored)."""
        self._errors: dict[str, tuple[Static, Static]] = {}
        """The error line of each field that had one, under the field, and the empty cell
        under the label beside it (a grid cell: a line across both columns would be measured
        as high as it is in the label's width)."""

    def compose(self) -> ComposeResult:
        """One labelled widget per field."""
        for spec in self.specs:  # a grid: label and field side by side, a row each
            yield Label(_(spec.label), classes="form-label", id=f"label-{spec.name}")
            yield _field_widget(spec)

    def relabel(self) -> None:
        """Redraw the labels in the interface language."""
        for spec in self.specs:
            self.query_one(f"#label-{spec.name}", Label).update(_(spec.label))

    def load(
        self,
        record: BaseModel,
        drafts: dict[str, str] | None = None,
        options: Options | None = None,
    ) -> None:
        """Show ``record``; ``drafts`` hold typed text not valid yet; ``options`` feed links."""
        self.record = record
        drafts = drafts or {}
        options = options or {}
        for spec in self.specs:
            value = getattr(record, spec.name)
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, LinksField):
                widget.set(options.get(spec.name, []), value)
            elif isinstance(widget, Select):
                self._load_select(widget, spec, value, options.get(spec.name))
            elif isinstance(widget, TextArea):
                text = drafts.get(spec.name, display(spec, value))
                self._texts[spec.name] = text
                if widget.text != text:
                    widget.load_text(text)
            elif isinstance(widget, Input):
                text = drafts.get(spec.name, display(spec, value))
                self._texts[spec.name] = text
                if widget.value != text:
                    widget.value = text
            self._show_error(spec, None)
            if spec.name in drafts:
                self._apply(spec, drafts[spec.name], notify=False)

    def _load_select(
        self, widget: Select[Any], spec: FieldSpec, value: Any, links: list[tuple[str, str]] | None
    ) -> None:
        if spec.kind == "link":
            shown: list[tuple[Any, Any]] = [(_one_line(name), rid) for name, rid in links or []]
            if value is not None and value not in {rid for _n, rid in links or []}:
                shown.append((_one_line(missing_name(value)), value))
            widget.set_options(shown)
        widget.value = value if value is not None else Select.NULL

    def to_model(self) -> BaseModel | None:
        """The record as edited (valid fields applied; drafts are not part of it)."""
        return self.record

    def spec_of(self, widget_id: str | None) -> FieldSpec | None:
        """The spec of the field shown by the widget ``widget_id``."""
        name = (widget_id or "")[2:]
        return next((s for s in self.specs if s.name == name), None)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        spec = self.spec_of(event.input.id)
        if spec is not None and event.value != self._texts.get(spec.name):
            self._apply(spec, event.value)

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter moves on from this form's one-line fields; elsewhere it keeps its use."""
        if action == "next_field":
            focused = self.screen.focused
            return isinstance(focused, Input) and focused in self.query(Input)
        return True

    def action_next_field(self) -> None:
        """Go to the next field."""
        self.screen.focus_next()

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        spec = self.spec_of(event.text_area.id)
        if spec is not None and event.text_area.text != self._texts.get(spec.name):
            self._apply(spec, event.text_area.text)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        spec = self.spec_of(event.select.id)
        if spec is None or self.record is None:
            return
        if event.value != event.select.value:
            return  # a stale event from loading the options
        value = None if event.value is Select.NULL else event.value
        if getattr(self.record, spec.name) != value:
            self._set(spec, value, str(value or ""))

    @on(LinksField.Changed)
    def _links_changed(self, event: LinksField.Changed) -> None:
        spec = self.spec_of(event.field.id)
        if spec is not None and self.record is not None:
            self._set(spec, event.value, ", ".join(event.value))

    def _apply(self, spec: FieldSpec, text: str, *, notify: bool = True) -> None:
        # What the field shows now: its own Changed message for this text is no news.
        self._texts[spec.name] = text
        if self.record is None:
            return
        try:
            value = parse(spec, text)
        except ParseError as exc:
            self._draft(spec, text, {"type": exc.code, "loc": (spec.name,), "msg": ""})
            return
        self._set(spec, value, text, notify=notify)

    def _set(self, spec: FieldSpec, value: Any, text: str, *, notify: bool = True) -> None:
        assert self.record is not None
        try:
            setattr(self.record, spec.name, value)
        except ValidationError as exc:
            self._draft(spec, text, dict(exc.errors()[0]))
            return
        had_error = self._shows_error(spec)
        self._show_error(spec, None)
        if notify:
            if had_error:
                self.post_message(self.DraftChanged(self, spec.name, None))
            self.post_message(self.FieldChanged(self, spec.name))

    def _draft(self, spec: FieldSpec, text: str, error: dict[str, Any]) -> None:
        self._show_error(spec, describe_error(error, get_language()))
        self.post_message(self.DraftChanged(self, spec.name, text))

    def _shows_error(self, spec: FieldSpec) -> bool:
        cells = self._errors.get(spec.name)
        return cells is not None and cells[1].display

    def _show_error(self, spec: FieldSpec, message: str | None) -> None:
        cells = self._errors.get(spec.name)
        if cells is None:
            if not message:
                return  # nothing to clear: typing a valid value repaints nothing here
            cells = (
                Static(classes="form-error-gap"),
                Static(classes="form-error", id=f"e-{spec.name}", markup=False),
            )
            self._errors[spec.name] = cells
            self.mount(*cells, after=self.query_one(f"#f-{spec.name}"))
        elif not message and not cells[1].display:
            return
        cells[1].update(f"⚠ {message}" if message else "")
        for cell in cells:
            cell.display = bool(message)


def _field_widget(spec: FieldSpec) -> Widget:
    """The editing widget of one field, compact so that a form fits at 80×24."""
    wid = f"f-{spec.name}"
    if spec.kind == "choice":
        words = spec.words or choice_word
        options = [(words(v), v) for v in spec.choices]
        return ChoiceSelect(
            options,
            allow_blank=spec.optional,
            id=wid,
            prompt="—",
            compact=True,
            classes="form-field",
        )
    if spec.kind == "link":
        return ChoiceSelect([], allow_blank=True, id=wid, prompt="—", compact=True,
                            classes="form-field")  # fmt: skip
    if spec.kind == "links":
        return LinksField(_(spec.label), id=wid, classes="form-field")
    if spec.kind == "block":
        return TextArea(
            id=wid, soft_wrap=True, show_line_numbers=False, compact=True, classes="form-field"
        )
    return LineInput(  # no select-all on focus: a stray key must not replace a whole value
        id=wid,
        placeholder=_placeholder(spec),
        compact=True,
        classes="form-field",
        select_on_focus=False,
    )


def _placeholder(spec: FieldSpec) -> str:
    return {
        "date": _("YYYY-MM-DD"),
        "time": _("HH:MM"),
    }.get(spec.kind, "")


def _one_line(text: str) -> Text:
    """An option of a select: one line, cut with an ellipsis (user text, no markup)."""
    return Text(text, no_wrap=True, overflow="ellipsis")
