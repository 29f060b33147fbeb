"""Decision numbers: ``YYYY-MM-DD-NN``, assigned once, in order, per day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def next_number(numbers: Iterable[str | None], day: dt.date) -> str:
    """The next decision number of ``day``: ``YYYY-MM-DD-NN``, after the highest one used."""
    prefix = f"{day.isoformat()}-"
    tails = [n[len(prefix) :] for n in numbers if n and n.startswith(prefix)]
    used = [int(tail) for tail in tails if tail.isdigit()]
    return f"{prefix}{max(used, default=0) + 1:02d}"


def number_day(number: str) -> dt.date | None:
    """The day a decision number belongs to, or None when it is not one."""
    try:
        return dt.date.fromisoformat(number[:10]) if number[10:11] == "-" else None
    except ValueError:
        return None
