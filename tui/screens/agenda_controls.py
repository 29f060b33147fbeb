"""The chair's agenda controls on every session screen: the previous item, the parked topics,
and the option that moves the screen with the agenda (F9 shows the item's screen; F3 at the
end of the current item's screen offers the next item)."""

from __future__ import annotations

from typing import Protocol, cast

from tui.i18n import _
from tui.model import AgendaItem
from tui.screens.live import LiveScreen


class AgendaScreen(LiveScreen, Protocol):
    """What the agenda controls use of the session screen they are mixed into."""

    @property
    def left(self) -> bool:
        """The screen was left or its session closed."""

    def touch(self, *tables: str) -> None:
        """Save ``tables`` soon, refresh progress."""

    def tick(self) -> None:
        """Update the header."""

    def next_screen(self) -> None:
        """Show the next screen of the session."""

    def action_next_agenda(self) -> None:
        """Move the meeting on to the next agenda item."""


class AgendaControls:
    """Mixed into SessionScreen: shift+F9, shift+F8, ctrl+F9 and F3's offer."""

    def _agenda_screen(self) -> AgendaScreen:
        return cast("AgendaScreen", self)

    @property
    def follows_agenda(self) -> bool:
        """Whether the screen moves with the agenda (a preference, off by default)."""
        return self._agenda_screen().capp.config.follow_agenda

    def action_prev_agenda(self) -> None:
        """Back to the previous agenda item, its time kept; the current item's time stops."""
        from tui.live.timebox import no_previous_item, previous_item

        me = self._agenda_screen()
        if me.ctx.read_only:
            return
        session = me.ctx.session
        adjourned = session.meeting.adjourned_at
        back = previous_item(session, me.capp.clock())
        if back is None:
            me.notify(no_previous_item(session))
            return
        me.touch("meeting", "agenda", "progress")
        if adjourned is not None and session.meeting.adjourned_at is None:
            me.notify(_("The meeting goes on: its adjournment time is cleared."))
            me.reload()  # the meeting form no longer shows the adjournment
        me.tick()
        self.show_item_screen(back)

    def show_item_screen(self, item: AgendaItem | None) -> None:
        """With the option on, show the screen that ``item`` works on (if it names one)."""
        me = self._agenda_screen()
        if item is None or item.step is None or not self.follows_agenda:
            return
        if item.step != me.KEY:
            me.capp.show_screen(item.step)

    def offers_next_item(self) -> bool:
        """F3 on the screen of the running item, option on, a next item waiting: ask first."""
        from tui.live.timebox import current_item
        from tui.widgets.dialogs import Confirm

        me = self._agenda_screen()
        session = me.ctx.session
        item = current_item(session)
        if me.ctx.read_only or not self.follows_agenda or item is None or item.step != me.KEY:
            return False
        position = session.agenda.index(item)
        if position + 1 >= len(session.agenda):
            return False
        following = session.agenda[position + 1]
        question = _(
            "Move on to the next agenda item, «{item}»? No: only the next screen.",
            item=following.label,
        )
        me.app.push_screen(Confirm(question), self._next_item_or_screen)
        return True

    def _next_item_or_screen(self, yes: bool | None) -> None:
        me = self._agenda_screen()
        if me.left:
            return
        if yes:
            me.action_next_agenda()
        else:
            me.next_screen()

    def action_toggle_follow_agenda(self) -> None:
        """Turn on or off the screen moving with the agenda; remembered in the preferences."""
        me = self._agenda_screen()
        on = not self.follows_agenda
        me.capp.save_preferences(follow_agenda=on)
        if on:
            me.notify(_("The screen now follows the agenda: F9 shows the item's screen."))
        else:
            me.notify(_("The screen no longer follows the agenda."))

    def action_parked_topics(self) -> None:
        """The parked topics: see, edit, bring back to the agenda, carry to the next meeting."""
        from tui.screens.parking import ParkedTopics

        self._agenda_screen().app.push_screen(ParkedTopics())
