"""The store's refusals: one exception with a code that the interface translates."""

from __future__ import annotations

__all__ = ["StoreError"]


class StoreError(Exception):
    """A store operation refused, with a code the interface translates."""

    def __init__(self, code: str, **detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
