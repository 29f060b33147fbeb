"""The app's sync: a worker runs ``concerto sync``; the open session takes the merge in place."""

from __future__ import annotations

from textual import work

from tui.app.part import AppPart
from tui.i18n import _


class SyncCommand(AppPart):
    """The « session: Sync » command of the app (a mixin of the App)."""

    def action_sync(self) -> None:
        """Sync the sessions with the shared git repository, in the background."""
        self.notify(_("Syncing…"))
        self._sync_worker()

    @work(thread=True, exclusive=True, group="sync")
    def _sync_worker(self) -> None:
        from tui.sync.engine import SyncError, sync
        from tui.sync.git import author_for
        from tui.sync.report import notes, refusal, summary

        author = author_for(self.config.facilitator)
        try:
            report = sync(self.store.folder, author, merge_open=self._merge_open, store=self.store)
        except SyncError as exc:
            self.call_from_thread(self._synced, refusal(exc), True)
            return
        lines = [summary(report), *notes(report)]
        self.call_from_thread(self._synced, "\n".join(lines), report.offline is not None)

    def _merge_open(self, session_id: str, old: bytes | None, new: bytes | None) -> bool:
        """The sync reached the session open here: merge into it, on the event loop."""
        return bool(self.call_from_thread(self._merge_into_open, session_id, old, new))

    def _merge_into_open(self, session_id: str, old: bytes | None, new: bytes | None) -> bool:
        ctx = self.ctx
        if ctx is None or ctx.read_only or new is None or ctx.handle.path.stem != session_id:
            return False
        from tui.sync.git import author_for

        done = ctx.merge_in(old, new, ours_by=author_for(self.config.facilitator).name)
        self.revision += 1  # every screen shows the merged session
        self._show_save_state()
        return done

    def _synced(self, text: str, failed: bool) -> None:
        self.notify(text, severity="warning" if failed else "information", markup=False)
        refresh = getattr(self.screen, "refresh_sessions", None)
        if callable(refresh):
            refresh()
