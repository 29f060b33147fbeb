"""Check a session file's raw bytes before TinyDB or the models ever see them."""

from __future__ import annotations

import json
import math
import os
import re
import stat
from itertools import accumulate
from typing import Any, NoReturn

from tui.storage.atomic import resolve_in_folder

__all__ = [
    "CURRENT_SCHEMA_VERSION",
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "META_DOC_ID",
    "OLDEST_SCHEMA_VERSION",
    "META_TABLE",
    "REASONS",
    "SESSION_APP",
    "DamagedFile",
    "check_bytes",
    "load_checked",
    "parse_json",
    "schema_version",
]

CURRENT_SCHEMA_VERSION = 5
OLDEST_SCHEMA_VERSION = 0
"""The oldest version a migration exists for (0 is the synthetic one that proves the mechanism)."""
DEFAULT_MAX_BYTES = 50 * 2**20
MAX_DEPTH = 64
MAX_NUMBER_DIGITS = 4300
META_TABLE = "meta"
META_DOC_ID = "1"
SESSION_APP = "concerto"

REASONS: tuple[str, ...] = (
    "link_outside",
    "not_file",
    "too_large",
    "empty",
    "null",
    "bom",
    "encoding",
    "syntax",
    "not_object",
    "nan",
    "duplicate_key",
    "number_too_long",
    "too_deep",
    "not_tables",
    "not_session",
    "newer_schema",
)

_BOM = b"\xef\xbb\xbf"
# A JSON string (escapes included), or an unterminated one running to the end of the input.
# The unrolled form never backtracks; the optional trailing backslash keeps it linear.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
# The look-behind starts a match only at the first digit of a run: linear, not quadratic.
_LONG_DIGITS = re.compile(rb"(?<![0-9])[0-9]{%d}" % (MAX_NUMBER_DIGITS + 1))
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_DELTA = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_DOC_ID = re.compile(r"[0-9]{1,18}")


class DamagedFile(Exception):
    """A file that is not a readable Concerto session, with a reason code and details."""

    def __init__(self, reason_code: str, detail: dict[str, Any] | None = None) -> None:
        self.reason_code = reason_code
        self.detail: dict[str, Any] = dict(detail or {})
        super().__init__(f"{reason_code}: {self.detail}" if self.detail else reason_code)

    @property
    def reason(self) -> str:
        """Alias of reason_code."""
        return self.reason_code


def _fail(reason: str, **detail: Any) -> NoReturn:
    raise DamagedFile(reason, detail)


def load_checked(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, Any]:
    """Read and check a session file without changing it; raises DamagedFile or OSError.

    A symlink is read only when it leads to a file in its own folder (or below it).
    """
    target = resolve_in_folder(path)
    if target is None:
        _fail("link_outside", at=os.path.realpath(path), path=str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)  # the target was resolved: no link may appear since
    fd = os.open(target, flags)  # non-blocking: opening a FIFO must not hang
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            _fail("not_file", mode=stat.filemode(info.st_mode))
        if info.st_size > max_bytes:
            _fail("too_large", size=info.st_size, max_bytes=max_bytes)
        chunks: list[bytes] = []
        remaining = max_bytes + 1  # the file may grow after fstat
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > max_bytes:
        _fail("too_large", size=len(raw), max_bytes=max_bytes)
    try:
        return check_bytes(raw)
    except DamagedFile as damaged:
        damaged.detail.setdefault("path", str(path))
        raise


def _prescan(raw: bytes) -> None:
    skeleton = _STRING.sub(b'""', raw)
    long_number = _LONG_DIGITS.search(skeleton)
    if long_number is not None:
        _fail("number_too_long", max_digits=MAX_NUMBER_DIGITS)
    brackets = skeleton.translate(None, _NOT_BRACKET)
    if brackets:
        depth = max(accumulate(map(_DELTA.__getitem__, brackets)))
        if depth > MAX_DEPTH:
            _fail("too_deep", max_depth=MAX_DEPTH)


class _Reject(Exception):
    def __init__(self, reason: str, detail: dict[str, Any]) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def _reject_constant(name: str) -> NoReturn:
    raise _Reject("nan", {"value": name})


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Reject("nan", {"value": text[:40]})
    return value


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Reject("duplicate_key", {"key": key[:200]})
            seen.add(key)
    return result


def parse_json(raw: bytes) -> Any:
    """Parse raw bytes as strict JSON of any shape (the byte-level checks), or raise DamagedFile."""
    if not raw:
        _fail("empty")
    if raw.startswith(_BOM):
        _fail("bom")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        _fail("encoding", position=exc.start)
    if not text.strip():
        _fail("empty")
    _prescan(raw)
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_parse_float,
            object_pairs_hook=_pairs,
        )
    except _Reject as rejected:
        raise DamagedFile(rejected.reason, rejected.detail) from None
    except json.JSONDecodeError as exc:
        _fail("syntax", position=exc.pos, line=exc.lineno, column=exc.colno, message=exc.msg)
    except RecursionError:
        _fail("too_deep", max_depth=MAX_DEPTH)
    except ValueError as exc:  # e.g. an integer over sys.get_int_max_str_digits()
        _fail("number_too_long", message=str(exc)[:200])


def check_bytes(raw: bytes) -> dict[str, Any]:
    """Parse raw file bytes into a session's tables dict, or raise DamagedFile."""
    data = parse_json(raw)
    if data is None:
        _fail("null")
    if not isinstance(data, dict):
        _fail("not_object", type=type(data).__name__)
    _check_newer(data)
    _check_tables(data)
    schema_version(data)
    return data


def _meta_doc(data: dict[str, Any]) -> dict[str, Any] | None:
    table = data.get(META_TABLE)
    doc = table.get(META_DOC_ID) if isinstance(table, dict) else None
    return doc if isinstance(doc, dict) else None


def _version_of(doc: dict[str, Any]) -> int | None:
    version = doc.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool):
        return version
    return None


def _check_newer(data: dict[str, Any]) -> None:
    # Checked before the table shape: a newer version may lay its tables out differently.
    doc = _meta_doc(data)
    if doc is None or doc.get("app") != SESSION_APP:
        return
    version = _version_of(doc)
    if version is not None and version > CURRENT_SCHEMA_VERSION:
        _fail("newer_schema", version=version, supported=CURRENT_SCHEMA_VERSION)


def _check_tables(data: dict[str, Any]) -> None:
    for name, table in data.items():
        if not isinstance(table, dict):
            _fail("not_tables", table=name[:200], type=type(table).__name__)
        for doc_id, doc in table.items():
            if not _DOC_ID.fullmatch(doc_id):
                _fail("not_tables", table=name[:200], doc_id=doc_id[:200])
            if not isinstance(doc, dict):
                _fail("not_tables", table=name[:200], doc_id=doc_id, type=type(doc).__name__)


def schema_version(data: dict[str, Any]) -> int:
    """Return the session's schema version, or raise DamagedFile('not_session')."""
    if not isinstance(data, dict) or not isinstance(data.get(META_TABLE), dict):
        _fail("not_session", missing=META_TABLE)
    doc = _meta_doc(data)
    if doc is None:
        _fail("not_session", missing=f"{META_TABLE}/{META_DOC_ID}")
    app = doc.get("app")
    if app != SESSION_APP:
        _fail("not_session", app=str(app)[:200] if app is not None else None)
    version = _version_of(doc)
    if version is None or version < OLDEST_SCHEMA_VERSION:
        _fail("not_session", schema_version=repr(doc.get("schema_version"))[:200])
    return version
