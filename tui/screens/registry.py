"""Which screen shows which key of a session."""

from __future__ import annotations

import importlib

from tui.screens.base import SessionScreen

SCREEN_CLASSES: dict[str, tuple[str, str]] = {
    "meeting": ("tui.screens.meeting", "MeetingScreen"),
    "skills": ("tui.screens.skills", "SkillsScreen"),
    "review": ("tui.screens.review", "ReviewScreen"),
    "minutes": ("tui.screens.minutes", "MinutesScreen"),
}
"""Screens of their own; every other step is a record step (tui.screens.records)."""


def make_screen(key: str) -> SessionScreen:
    """A new screen for ``key`` (meeting, a step, review, minutes)."""
    module_name, class_name = SCREEN_CLASSES.get(key, ("tui.screens.records", "RecordStepScreen"))
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        from tui.screens.step import StepScreen

        return StepScreen(key)
    cls = getattr(module, class_name)
    return cls() if key in SCREEN_CLASSES else cls(key)  # type: ignore[no-any-return]
