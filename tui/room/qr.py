"""The room's address as a QR code drawn with text, for a terminal or a dialog to show."""

from __future__ import annotations

import segno

BORDER = 2
"""Quiet zone in modules (the drawn code sits on its own white background)."""
_HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
_BLACK_ON_WHITE = "\x1b[30;107m"
_RESET = "\x1b[0m"


def qr_rows(url: str) -> list[str]:
    """The code of ``url`` as rows of half blocks: drawn characters are dark modules.

    Two modules per character cell, one above the other, so the code keeps its square shape
    in a terminal; it must be shown dark on light (see ``qr_ansi``).
    """
    code = segno.make(url, error="l", micro=False)
    matrix = [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=BORDER)]
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    return [
        "".join(_HALVES[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(matrix[::2], matrix[1::2], strict=True)
    ]


def qr_ansi(url: str) -> str:
    """The code for a terminal: black on white whatever the terminal's own colours."""
    return "\n".join(f"{_BLACK_ON_WHITE}{row}{_RESET}" for row in qr_rows(url))
