"""A footer whose key descriptions are translated when drawn, and that never cuts a label."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.compose import compose
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from tui.i18n import N_, _, get_language

TEXTUAL_DESCRIPTIONS = (N_("Dismiss menu"), N_("Show menu"))
"""Descriptions of Textual's own bindings that the footer shows (an open choice list): listed
here so that the catalogs translate them like ours."""

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


def _children(widget: Widget) -> list[Widget]:
    """A widget's children, mounted or still to be mounted (a key group being composed)."""
    return list(widget.children) or list(getattr(widget, "_pending_children", ()))


def _text_width(widget: Widget) -> int:
    """Columns of a footer item's words, without its margins."""
    if isinstance(widget, FooterKey):
        if not widget.description:
            return cell_len(widget.key_display)
        return cell_len(widget.key_display) + cell_len(widget.description) + KEY_PADDING
    if isinstance(widget, FooterLabel):
        return cell_len(str(widget.render()))
    return 0


def _style_key(widget: Widget) -> tuple[str, frozenset[str]]:
    """What a footer item's margins depend on: its kind and classes."""
    return type(widget).__name__, frozenset(widget.classes)


class TranslatedFooter(Footer):
    """Textual's footer, in the interface language, with only the keys that fit.

    Textual recomposes a footer for every change of the screen's bindings, and a form that opens
    changes them once per widget it mounts and focuses (a hundred times for the resource form):
    this one recomposes once per burst, and only when the keys it would show changed.
    """

    _pending = False
    """A recompose is scheduled for after the next refresh."""
    _margins: ClassVar[dict[tuple[str, frozenset[str]], int]] = {}
    """Columns each kind of item adds around its words (margin, padding, border), read off the
    items once they are styled: the keys composed next, in any footer, are measured before they
    are mounted (the footer's CSS is the same in every screen)."""
    _shown: tuple[object, ...] | None = None
    """The keys shown by the last recompose, and in which language (what `_keys` returned)."""
    _left_out = False
    """Keys were left out of the last compose: a wider terminal composes again."""
    _width_composed = 0
    """The terminal's width at the last compose."""

    def bindings_changed(self, screen: Screen) -> None:
        """The screen's keys may have changed: look once the burst of changes is over."""
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def _keys(self) -> tuple[object, ...]:
        """What the footer would show: the language, each key shown, its action, words, state."""
        return (
            get_language(),
            *(
                (b.key, b.action, b.description, b.key_display, b.group, enabled, tooltip)
                for _node, b, enabled, tooltip in self.screen.active_bindings.values()
                if b.show
            ),
        )

    def compose(self) -> ComposeResult:
        """Compose the keys, translating each description; mount only those that fit."""
        items = compose(self, super().compose())  # key groups with their keys
        for widget in items:
            for done in _translate(widget):
                # Styled once, not restyled when its binding to the footer's compact sets it
                # (the palette's key is not bound and stays compact, as Textual draws it).
                if isinstance(done, FooterKey):
                    if not done.has_class("-command-palette"):
                        done.set_reactive(FooterKey.compact, self.compact)
                    done.set_class(done.compact, "-compact", update=False)
        units = _units(items)
        try:
            shown = self._choose(units)
        except KeyError:  # an item of a kind not styled yet: all of them, then fit
            shown = [True] * len(units)
        self._left_out = not all(shown)
        self._width_composed = self.app.size.width
        for unit, fits in zip(units, shown, strict=True):
            if fits:
                yield from unit

    async def recompose(self) -> None:
        """Compose again (the screen's keys or the language changed), then keep those that fit."""
        self._shown = self._keys() if self._bindings_ready else None
        await super().recompose()
        self.fit()

    async def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal shows more or fewer keys."""
        if self._left_out and self.app.size.width > self._width_composed:
            await self.recompose()
        else:
            self.fit()

    def fit(self) -> None:
        """Show the keys that fit, in the keymap's order, none cut in the middle.

        When some are left out, help (F1, which lists every key of the screen) stays at the end
        of the line: the facilitator always sees where the other keys are.
        """
        if not self.is_attached:
            return
        self._learn(list(self.children))
        units = _units(list(self.children))
        try:
            chosen = self._choose(units)
        except KeyError:  # the first keys of their kind are still mounting: fit once styled
            self.call_after_refresh(self.fit)
            return
        for unit, shown in zip(units, chosen, strict=True):
            for widget in unit:
                widget.display = shown

    def _learn(self, items: list[Widget]) -> None:
        """Note the margins of the items now styled."""
        for widget in items:
            self._margins[_style_key(widget)] = (
                widget.styles.margin.width + widget.styles.gutter.width  # gutter: padding, border
            )
            self._learn(list(widget.children))

    def width_of(self, widget: Widget) -> int:
        """Columns a footer item takes, margins included (KeyError: its kind is not known)."""
        margin = self._margins[_style_key(widget)]
        if isinstance(widget, KeyGroup):
            return sum(map(self.width_of, _children(widget))) + margin
        return _text_width(widget) + margin

    def _choose(self, units: list[list[Widget]]) -> list[bool]:
        """Which of ``units`` are shown: those that fit in the keymap's order, help kept."""
        widths = [sum(map(self.width_of, unit)) for unit in units]
        palette = [n for n, u in enumerate(units) if u[0].has_class("-command-palette")]
        keys = [n for n in range(len(units)) if n not in palette]
        helps = [n for n in keys if _is_help(units[n][0])]
        room = self.app.size.width - sum(widths[n] for n in palette)
        if sum(widths[n] for n in keys) > room:
            room -= sum(widths[n] for n in helps)
        else:
            helps = []  # everything fits: help stays where the keymap puts it
        shown = [True] * len(units)
        full = False
        for n in keys:
            if n not in helps:
                full = full or widths[n] > room
                shown[n] = not full
                room -= widths[n] if shown[n] else 0
        return shown


def _units(items: list[Widget]) -> list[list[Widget]]:
    """The footer's items, a group of keys together with the label that follows it."""
    units: list[list[Widget]] = []
    for widget in items:
        if isinstance(widget, FooterLabel) and units and isinstance(units[-1][-1], KeyGroup):
            units[-1].append(widget)
        else:
            units.append([widget])
    return units


def _is_help(widget: Widget) -> bool:
    return isinstance(widget, FooterKey) and widget.action.rpartition(".")[2] == "help"
