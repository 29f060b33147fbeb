"""Themes: the default, a light one, a high-contrast one for projectors, ANSI for 16 colours."""

from __future__ import annotations

from collections.abc import Mapping

from textual.theme import Theme

from tui.i18n import N_

CONTRAST = Theme(
    name="concerto-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    warning="#ffaf00",
    error="#ff5f5f",
    success="#5fff5f",
    dark=True,
)

THEMES: dict[str, tuple[str, str]] = {
    "dark": ("textual-dark", N_("dark")),
    "light": ("textual-light", N_("light")),
    "contrast": ("concerto-contrast", N_("high contrast (projector)")),
}
"""Preference value → (Textual theme, description msgid)."""

ANSI = "ansi-dark"


def terminal_colors(env: Mapping[str, str]) -> int:
    """How many colours the terminal shows, by the rules Rich follows (0 for none)."""
    if env.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return 1 << 24
    term = env.get("TERM", "").lower()
    if term in ("", "dumb", "unknown"):
        return 0
    if term.endswith(("-256color", "-256")) or "truecolor" in term or "direct" in term:
        return 256
    return 16


def pick_theme(preference: str | None, env: Mapping[str, str], no_color: bool) -> str:
    """The Textual theme to use: ANSI when the terminal has 16 colours or fewer.

    Not with NO_COLOR: Textual then draws the theme in shades of grey (its Monochrome filter,
    chosen when the app is built, before any theme is set), which turns the ANSI theme's
    default colours into black on black. The preferred theme in greys stays readable, with
    its cursor and highlights.
    """
    if terminal_colors(env) <= 16 and not no_color:
        return ANSI
    return THEMES.get(preference or "dark", THEMES["dark"])[0]


STATUS_COLORS: dict[str, tuple[str, str, str, str]] = {
    "ansi": ("ansi_green", "ansi_yellow", "ansi_cyan", "ansi_red"),
    "dark": ("#5fd75f", "#ffd700", "#5fafff", "#ff5f87"),
    "light": ("#008700", "#af5f00", "#005fd7", "#d70000"),
}
"""Competency statuses (available, fragile, to develop, to source): four hues apart in 16
colours (the ANSI theme), and xterm-256 palette entries (exact in 256 colours, unchanged in
true colour) for the other themes, so that no two statuses ever share a colour."""
STATUS_ORDER = ("available", "fragile", "to_develop", "to_source")


def status_colors(theme: Theme) -> dict[str, str]:
    """The colour of each competency status in ``theme`` (a Textual colour name or hex)."""
    kind = "ansi" if theme.name.startswith("ansi") else "dark" if theme.dark else "light"
    return dict(zip(STATUS_ORDER, STATUS_COLORS[kind], strict=True))
