"""What every layer may import without loading pydantic: text cleaning, the clock, the keys.

Start-up stays fast: the home screen and the command line need these, not the models.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

STEPS: tuple[str, ...] = (
    "actions",
    "resources",
    "skills",
    "roles",
    "agreements",
    "objectives",
    "coordination",
    "watch",
)
"""The eight planning steps, in their order (numbered 1 to 8)."""

SCREENS: tuple[str, ...] = ("meeting", *STEPS, "review", "minutes")
"""Every screen of a session, in order."""


def utcnow() -> dt.datetime:
    """Return the current time, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def local_time(now: dt.datetime, tz: str) -> dt.time:
    """The time of day of ``now`` in the meeting's time zone ``tz``, to the minute."""
    from zoneinfo import ZoneInfo

    return now.astimezone(ZoneInfo(tz)).time().replace(second=0, microsecond=0)


# C0 and C1 controls except tab and newline, DEL, and the bidirectional embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

SHORT_MAX = 500
LONG_MAX = 10_000


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Return ``value`` in NFC without control characters or bidirectional overrides."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = unicodedata.normalize("NFC", value)
    if multiline:
        return _UNSAFE.sub("", value)
    return _UNSAFE_LINE.sub("", value.replace("\n", " ").replace("\t", " "))


def removed_count(value: str) -> int:
    """Count the characters ``clean_text`` would remove (to tell the user)."""
    return len(_UNSAFE.findall(value))
