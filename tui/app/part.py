"""What the app's mixins use of the app, declared once for the type checker."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.live.context import SessionContext


class AppPart:
    """Base of the app's mixins (sync, shutdown, palette and language).

    ConcertoApp and Textual's App provide all of this; nothing here exists at run time.
    """

    ctx: SessionContext | None
    config: Any
    store: Any
    revision: int
    screen: Any
    screen_stack: Any
    push_screen: Any
    persist_preferences: bool
    use_command_palette: bool
    no_color: bool
    theme: Any

    if TYPE_CHECKING:

        def notify(self, message: str, **kw: Any) -> None: ...

        def call_from_thread(self, callback: Any, *args: Any) -> Any: ...

        def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None: ...

        def flush_now(self) -> bool: ...

        def close_session(self) -> None: ...

        def stop_ordering(self) -> None: ...

        def _show_save_state(self) -> None: ...

        def action_sync(self) -> None: ...
