"""What the commands print and how they fail: shared by the parser and every command."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["CliError", "emit_json"]


class CliError(Exception):
    """Bad input: one line on standard error, a non-zero exit, nothing written."""


def emit_json(items: list[dict[str, Any]]) -> None:
    """Print one JSON object per line."""
    for item in items:
        print(json.dumps(item, ensure_ascii=False, sort_keys=True))
