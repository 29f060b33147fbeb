"""Type-to-select: the first letters of an option or a row move the cursor to it.

One mechanism for every list. Where letters are not keys of their own (a Select, open or
closed, and the option lists of dialogs: Go to, choices, the speaking queue), typing letters
jumps straight to the first entry whose text starts with them; letters typed quickly make a
prefix, a pause of `PAUSE` starts a new search, and the same letter again goes on to the next
entry starting with it. Only letters search there, and only those that are not keys of the
screen around the list (in ctrl+l's lists, « d » still shows the decisions from a filter);
digits and signs keep their own use (a digit in Go to opens that screen). Where single
letters are keys (record tables, the matrix, the review, the lists of decisions), `/` opens a
find line that moves the cursor as it is typed.

Texts are compared without case or accents; an entry matches when its text starts with what
was typed, else when one of its words does (« 3  Compétences » is found by « c »).
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Sequence

from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Select
from textual.widgets._select import SelectOverlay

_WORDS = re.compile(r"\W+")
"""What separates words: « l'unanimité » has a word « unanimité »."""
PAUSE = 1.0
"""Seconds after which a letter typed starts a new search rather than extending the prefix."""


def fold(text: str) -> str:
    """``text`` compared the way a person types it: no case, no accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _starts(label: str, query: str) -> int:
    """2 if ``label`` starts with ``query``, 1 if one of its words does, else 0."""
    if label.startswith(query):
        return 2
    return 1 if any(word.startswith(query) for word in _WORDS.split(label)) else 0


def find(labels: Sequence[str], query: str, current: int | None = None) -> int | None:
    """The entry of ``labels`` that ``query`` selects, or None.

    The first whose text starts with ``query``, else the first with a word that does. The
    same letter typed again (``query`` is one letter repeated and nothing starts with it all)
    goes on from ``current`` to the next entry starting with that letter, round the list.
    """
    wanted = fold(query)
    if not wanted:
        return None
    folded = [fold(label) for label in labels]
    for rank in (2, 1):
        found = next((n for n, label in enumerate(folded) if _starts(label, wanted) >= rank), None)
        if found is not None:
            return found
    if len(set(wanted)) == 1 and len(wanted) > 1:
        letter, start = wanted[0], -1 if current is None else current
        ring = [*range(start + 1, len(folded)), *range(0, start + 1)]
        return next((n for n in ring if _starts(folded[n], letter)), None)
    return None


class TypedPrefix:
    """The letters typed so far: quick letters make a prefix, a pause starts a new one."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        """Time pauses with ``clock`` (tests give their own)."""
        self.clock = clock
        self.query = ""
        self._last = float("-inf")

    def feed(self, character: str) -> str:
        """Add ``character`` (after a pause: start over); the query to search for."""
        now = self.clock()
        if now - self._last > PAUSE:
            self.query = ""
        self._last = now
        self.query += character
        return self.query


# -- what a list shows, and how its cursor moves --------------------------------------------


def entries(widget: Widget) -> list[str] | None:
    """The text of each row or option of a list widget; None for anything else."""
    if isinstance(widget, DataTable):
        rows = (widget.get_row_at(n) for n in range(widget.row_count))
        return [" ".join(_plain(cell) for cell in row) for row in rows]
    if isinstance(widget, OptionList):
        return [_plain(option.prompt) for option in widget.options]
    return None


def _plain(value: object) -> str:
    """The text of a cell or a prompt, inside its padding or alignment if it has one."""
    if isinstance(value, Text):
        return value.plain
    inner = getattr(value, "renderable", None)
    return _plain(inner) if inner is not None and not isinstance(value, str) else str(value)


def cursor(widget: Widget) -> int | None:
    """The row or option under the cursor of a list widget."""
    if isinstance(widget, DataTable):
        return widget.cursor_row if widget.row_count else None
    if isinstance(widget, OptionList):
        return widget.highlighted
    return None


def move_to(widget: Widget, index: int | None) -> None:
    """Put the cursor of a list widget on ``index`` (None: leave it)."""
    if index is None:
        return
    if isinstance(widget, DataTable):
        widget.move_cursor(row=index, scroll=True)
    elif isinstance(widget, OptionList):
        widget.highlighted = index


def jump(widget: Widget, query: str) -> bool:
    """Move the cursor of a list widget to the entry ``query`` selects; False if none does."""
    labels = entries(widget)
    if labels is None:
        return False
    found = find(labels, query, cursor(widget))
    move_to(widget, found)
    return found is not None


# -- lists whose letters are not keys: type to select -----------------------------------------


def takes(character: str | None) -> bool:
    """Whether a key typed in a list selects by its text: letters (accented ones too)."""
    return character is not None and len(character) == 1 and character.isalpha()


def bound_above(widget: Widget, key: str) -> bool:
    """Whether a container of ``widget`` (its screen, the app) has ``key`` as a key of its own:
    type-to-select leaves it that use (« d » in the lists of decisions shows the decisions)."""
    # Textual keeps each node's bindings in `_bindings`; its Screen reads them the same way.
    return any(key in node._bindings.key_to_bindings for node in widget.ancestors)


def selects(widget: Widget, key: str, character: str | None) -> bool:
    """Whether a key typed in ``widget`` selects by its text rather than acting as a key."""
    return takes(character) and not bound_above(widget, key)


class TypeToSelect:
    """Printable keys typed in this list select an entry (see the module's docstring).

    A mixin placed before the list's class (not a Widget itself: the list keeps its CSS type).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        """As the list it is mixed into; the typed letters start empty."""
        super().__init__(*args, **kwargs)
        self.typed = TypedPrefix()

    YIELDS = True
    """Letters that are keys of the screen keep that use (an open Select's list takes all)."""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Letters are this list's, unless the screen has them as keys (digits: Go to's)."""
        assert isinstance(self, Widget)
        return selects(self, key, character) if self.YIELDS else takes(character)

    async def _on_key(self, event: events.Key) -> None:
        if not self.check_consume_key(event.key, event.character):
            return
        event.stop()
        event.prevent_default()
        self.select_typed(self.typed.feed(event.character or ""))

    def select_typed(self, query: str) -> None:
        """Move to the entry ``query`` selects."""
        assert isinstance(self, Widget)
        jump(self, query)


class SearchOptionList(TypeToSelect, OptionList):
    """An option list with type-to-select."""


class PrefixOverlay(TypeToSelect, SelectOverlay):
    """The open list of a Select, with type-to-select by prefix (as Textual's, every letter)."""

    YIELDS = False

    def __init__(self) -> None:
        """Textual's own search (a substring anywhere) is off: this one is used instead."""
        super().__init__(type_to_search=False)


class ChoiceSelect(Select[str]):
    """A Select with type-to-select, open (the highlight moves) or closed (the value does)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        """As Select; the letters typed on it while closed start empty."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.typed = TypedPrefix()

    def compose(self):  # type: ignore[no-untyped-def]
        """Select's own parts, with the prefix overlay."""
        for child in super().compose():
            yield (
                PrefixOverlay().data_bind(compact=Select.compact)
                if isinstance(child, SelectOverlay)
                else child
            )

    async def _on_key(self, event: events.Key) -> None:
        character = event.character
        if self.expanded or character is None or not self.check_consume_key(event.key, character):
            return  # open, the list has the keys; the space bar opens it
        event.stop()
        event.prevent_default()
        overlay = self.query_one(PrefixOverlay)
        labels = entries(overlay) or []
        found = find(labels, self.typed.feed(character), overlay.highlighted)
        if found is not None:
            overlay.post_message(SelectOverlay.UpdateSelection(found))

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Letters typed on a closed Select choose, unless the screen has them as keys."""
        return selects(self, key, character)
