"""The review's conflicts: a field two computers changed differently, settled from the keyboard.

1 keeps the first value, 2 the second, w writes the value; until then both are kept and the
minutes leave the field out.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from textual import work
from textual.css.query import NoMatches

from tui.i18n import _, get_language
from tui.i18n.errors import describe_error
from tui.model import Conflict, ReviewItem, Session
from tui.model.settling import settle
from tui.screens.dialogs import AskText

ACTIONS = ("keep_first", "keep_second", "write_value")


def find_conflict(session: Session, item: ReviewItem | None) -> Conflict | None:
    """The conflict a review point names, if it names one."""
    if item is None or item.check != "conflict":
        return None
    field = item.params.get("target", "")
    return next(
        (
            c
            for c in session.conflicts
            if (c.table, c.record, c.field) == (item.table, item.record_id, field)
        ),
        None,
    )


def shown(value: Any) -> str:
    """A conflicting value as the facilitator reads and edits it."""
    if value is None or value == "":
        return _("(empty)")
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def conflict_sentence(item: ReviewItem, conflict: Conflict | None) -> str:
    """The point: where, and both values with who made them."""
    label = item.params.get("label", "")
    if conflict is None:
        return _("“{label}”: {check}", label=label, check=item.check)
    first = conflict.ours_by or _("first computer")
    second = conflict.theirs_by or _("second computer")
    if conflict.field == "":
        kept = {True: _("kept and changed"), False: _("deleted")}
        return _(
            "“{label}” was {first_value} by {first} and {second_value} by {second}.",
            label=label,
            first=first,
            first_value=kept[bool(conflict.ours)],
            second=second,
            second_value=kept[bool(conflict.theirs)],
        )
    if conflict.number:
        return _(
            "“{label}” and another decision both took number {number}: 1 gives it the next "
            "number, 2 gives it {number}.",
            label=label,
            number=shown(conflict.theirs),
        )
    return _(
        "“{label}”, {field}: 1 “{first_value}” ({first}) or 2 “{second_value}” ({second}).",
        label=label,
        field=conflict.field,
        first_value=shown(conflict.ours),
        first=first,
        second_value=shown(conflict.theirs),
        second=second,
    )


def point_sentence(item: ReviewItem, session: Session) -> str:
    """Any open point of the review as a sentence, conflicts included."""
    from tui.screens.review_text import sentence

    if item.check == "conflict":
        return conflict_sentence(item, find_conflict(session, item))
    return sentence(item, session)


class ConflictActions:
    """Keys of the review that settle the highlighted conflict."""

    def current_conflict(self) -> Conflict | None:
        """The conflict highlighted in the review, if any."""
        return find_conflict(self.ctx.session, self._current())  # type: ignore[attr-defined]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The conflict keys only on a conflict; the others as the screen says."""
        if action in ACTIONS:
            try:
                return self.current_conflict() is not None
            except NoMatches:  # not composed yet
                return False
        return super().check_action(action, parameters)  # type: ignore[misc,no-any-return]

    def action_keep_first(self) -> None:
        """Keep the first value of the highlighted conflict."""
        if (c := self.current_conflict()) is not None:
            self.settle_conflict(c, c.ours)

    def action_keep_second(self) -> None:
        """Keep the second value of the highlighted conflict."""
        if (c := self.current_conflict()) is not None:
            self.settle_conflict(c, c.theirs)

    @work(exclusive=True, group="review-dialog")
    async def action_write_value(self) -> None:
        """Settle the highlighted conflict with a value typed by the facilitator."""
        c = self.current_conflict()
        if c is None or c.field == "":
            return
        start = "" if c.ours is None else shown(c.ours)
        question = _("The value of {field}:", field=c.field)
        typed = await self.app.push_screen_wait(AskText(question, start))  # type: ignore[attr-defined]
        if typed:
            self.settle_conflict(c, typed)

    def settle_conflict(self, conflict: Conflict, value: Any) -> None:
        """Settle ``conflict`` to ``value`` in the open session, or say why not."""
        ctx = self.ctx  # type: ignore[attr-defined]
        if ctx.read_only:
            self.notify(_("This session is open read-only: nothing can be changed."))  # type: ignore[attr-defined]
            return
        try:
            settled = settle(ctx.session, conflict, value)
        except ValidationError as exc:
            message = describe_error(exc.errors()[0], get_language())
            self.notify(message, severity="error", markup=False)  # type: ignore[attr-defined]
            return
        tables = ("conflicts", conflict.table)
        for name in tables:
            setattr(ctx.session, name, getattr(settled, name))
        self.touch(*tables)  # type: ignore[attr-defined]
        self.load()  # type: ignore[attr-defined]
        self.notify(_("Conflict settled."))  # type: ignore[attr-defined]
