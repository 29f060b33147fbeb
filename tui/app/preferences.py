"""The app's palette entries, its language and theme commands, and the preferences they keep."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from textual.app import SystemCommand
from textual.screen import Screen

from tui.app.part import AppPart
from tui.i18n import _, get_language, set_language


class PaletteAndLanguage(AppPart):
    """The palette, F1, the language and the theme (a mixin of the App)."""

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Concerto's own palette entries, translated (Textual's English ones replaced)."""
        from tui.terminal.keymap import KEYMAP

        seen: set[str] = set()
        for command in KEYMAP:
            if command.action in seen:
                continue
            if command.scope not in ("app", getattr(screen, "SCOPE", "")):
                continue
            seen.add(command.action)
            target = self if command.scope == "app" else screen
            action = getattr(target, f"action_{command.action}", None)
            if action is not None:
                key = command.key_display or command.key
                yield SystemCommand(command.palette_text(), _("Key: {key}", key=key), action)
        if "sync" not in seen:  # everywhere: on home it has a key of its own
            text = f"{_('session')}: {_('Sync')}"
            yield SystemCommand(text, _("Share the sessions through git"), self.action_sync)
        yield from getattr(screen, "extra_commands", lambda: [])()

    def action_command_palette(self) -> None:
        """The command palette, in the interface language."""
        from textual.command import CommandPalette

        from tui.screens.palette import TranslatedPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(TranslatedPalette())

    def action_toggle_language(self) -> None:
        """Switch the interface between French and English, and remember it."""
        set_language("en" if get_language() == "fr" else "fr")
        self.save_preferences(lang=get_language())
        self.refresh_language()

    def action_cycle_theme(self) -> None:
        """Next theme (dark, light, high contrast), remembered in the preferences."""
        from tui.terminal.themes import THEMES, pick_theme

        names = list(THEMES)
        current = self.config.theme if self.config.theme in names else "dark"
        chosen = names[(names.index(current) + 1) % len(names)]
        self.save_preferences(theme=chosen)
        self.theme = pick_theme(chosen, os.environ, self.no_color)
        self.notify(_("Theme: {name}", name=_(THEMES[chosen][1])))

    def save_preferences(self, **changes: Any) -> None:
        """Update the preferences file (a failure is said, never fatal)."""
        import dataclasses

        from tui.storage.config import save_config

        self.config = dataclasses.replace(self.config, **changes)
        if not self.persist_preferences:
            return
        try:
            save_config(self.config)
        except OSError as exc:
            self.notify(
                _("Preferences not saved: {error}", error=exc.strerror or ""), severity="warning"
            )

    def refresh_language(self) -> None:
        """Redraw every screen in the new language."""
        for screen in self.screen_stack:
            if hasattr(screen, "relabel"):
                screen.relabel()
            screen.refresh_bindings()

    def action_help(self) -> None:
        """Show the help of the current screen and the keymap."""
        from tui.screens.help import HelpScreen, screen_keys

        screen = self.screen
        if not isinstance(screen, HelpScreen):
            self.push_screen(HelpScreen(getattr(screen, "HELP", ""), screen_keys(screen)))
