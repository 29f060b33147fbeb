"""A footer whose key descriptions are translated when drawn, and that never cuts a label."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
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
    """Textual's footer, in the interface language, with only the keys that fit.

    Textual recomposes a footer for every change of the screen's bindings, and a form that opens
    changes them once per widget it mounts and focuses (a hundred times for the resource form):
    this one recomposes once per burst, and only when the keys it would show changed.
    """

    _pending = False
    """A recompose is scheduled for after the next refresh."""
    _shown: tuple[object, ...] | None = None
    """The keys shown by the last recompose, and in which language (what `_keys` returned)."""

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
        """Compose the keys, translating each description."""
        for widget in super().compose():
            for done in _translate(widget):
                # Styled once, not restyled when its binding to the footer's compact sets it
                # (the palette's key is not bound and stays compact, as Textual draws it).
                if isinstance(done, FooterKey) and not done.has_class("-command-palette"):
                    done.set_reactive(FooterKey.compact, self.compact)
                    done.set_class(self.compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        """Compose again (the screen's keys or the language changed), then keep those that fit."""
        self._shown = self._keys() if self._bindings_ready else None
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
        units = _units(list(self.children))
        palette = [u for u in units if u[0].has_class("-command-palette")]
        keys = [u for u in units if u not in palette]
        helps = [u for u in keys if _is_help(u[0])]
        room = self.app.size.width - sum(_width(u) for u in palette)
        if sum(_width(u) for u in keys) > room:
            room -= sum(_width(u) for u in helps)
        else:
            helps = []  # everything fits: help stays where the keymap puts it
        full = False
        for unit in keys:
            shown = True
            if unit not in helps:
                full = full or _width(unit) > room
                shown = not full
                room -= _width(unit) if shown else 0
            for widget in unit:
                widget.display = shown


def _units(items: list[Widget]) -> list[list[Widget]]:
    """The footer's items, a group of keys together with the label that follows it."""
    units: list[list[Widget]] = []
    for widget in items:
        if isinstance(widget, FooterLabel) and units and isinstance(units[-1][-1], KeyGroup):
            units[-1].append(widget)
        else:
            units.append([widget])
    return units


def _width(unit: list[Widget]) -> int:
    return sum(map(width_of, unit))


def _is_help(widget: Widget) -> bool:
    return isinstance(widget, FooterKey) and widget.action.rpartition(".")[2] == "help"
