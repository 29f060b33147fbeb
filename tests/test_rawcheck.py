"""The damaged-file corpus: each file gives its reason and stays byte-identical."""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.storage.rawcheck import (
    CURRENT_SCHEMA_VERSION,
    DEFAULT_MAX_BYTES,
    REASONS,
    DamagedFile,
    check_bytes,
    load_checked,
    parse_json,
    schema_version,
)

META = {"app": "concerto", "schema_version": 1, "id": "s1"}
GOOD: dict[str, Any] = {"meta": {"1": META}, "actions": {"1": {"title": "élan", "n": [1, 2.5]}}}


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _random_bytes() -> bytes:
    return random.Random(7).randbytes(4096)


CORPUS: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "empty"),
    "whitespace": (b" \n\t\r\n", "empty"),
    "null": (b"null", "null"),
    "null_spaced": (b"  null\n", "null"),
    "truncated": (_json(GOOD)[:-7], "syntax"),
    "trailing_garbage": (_json(GOOD) + b'ons": {}}', "syntax"),
    "random_bytes": (_random_bytes(), "encoding"),
    "random_ascii": (bytes(random.Random(3).choices(range(32, 127), k=2000)), "syntax"),
    "bom": (b"\xef\xbb\xbf" + _json(GOOD), "bom"),
    "latin1": ('{"meta": {"1": {"app": "réunion"}}}'.encode("latin-1"), "encoding"),
    "list": (b"[]", "not_object"),
    "list_of_tables": (_json([GOOD]), "not_object"),
    "string": (b'"concerto"', "not_object"),
    "not_session": (b'{"name": "some other app", "items": [1, 2]}', "not_tables"),
    "tinydb_not_session": (_json({"_default": {"1": {"a": 1}}}), "not_session"),
    "other_app": (_json({"meta": {"1": {"app": "other", "schema_version": 1}}}), "not_session"),
    "no_version": (_json({"meta": {"1": {"app": "concerto"}}}), "not_session"),
    "bool_version": (
        _json({"meta": {"1": {"app": "concerto", "schema_version": True}}}),
        "not_session",
    ),
    "negative_version": (  # 0 is a past version: migrated, not damaged
        _json({"meta": {"1": {"app": "concerto", "schema_version": -1}}}),
        "not_session",
    ),
    "table_list": (_json({"meta": {"1": META}, "_default": []}), "not_tables"),
    "doc_not_object": (_json({"meta": {"1": META}, "t": {"1": 5}}), "not_tables"),
    "bad_doc_id": (_json({"meta": {"1": META}, "t": {"x": {}}}), "not_tables"),
    "nan": (b'{"meta": {"1": {"app": "concerto", "schema_version": 1, "x": NaN}}}', "nan"),
    "infinity": (b'{"a": -Infinity}', "nan"),
    "overflow_float": (b'{"a": 1e999}', "nan"),
    "duplicate_keys": (b'{"meta": {"1": {"app": "concerto", "app": "concerto"}}}', "duplicate_key"),
    "long_number": (b'{"a": ' + b"7" * 5000 + b"}", "number_too_long"),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "too_deep"),
    "deep_objects": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "too_deep"),
    "deep_truncated": (b"[" * 100_000, "too_deep"),
    "newer_schema": (
        _json({"meta": {"1": {**META, "schema_version": CURRENT_SCHEMA_VERSION + 1}}, "x": []}),
        "newer_schema",
    ),
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_damaged_corpus(tmp_path: Path, name: str) -> None:
    """Each damaged file raises its reason code and is left byte-identical."""
    raw, reason = CORPUS[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(raw)
    before = (_sha(path), path.stat().st_mtime_ns)
    with pytest.raises(DamagedFile) as info:
        load_checked(path)
    assert info.value.reason_code == reason
    assert info.value.reason_code in REASONS
    assert info.value.detail["path"] == str(path)
    assert (_sha(path), path.stat().st_mtime_ns) == before


def test_details_name_what_is_wrong() -> None:
    with pytest.raises(DamagedFile) as info:
        check_bytes(b'{"meta":\n {"1": ')
    assert info.value.detail["line"] == 2 and info.value.detail["position"] == 16
    with pytest.raises(DamagedFile) as info:
        check_bytes(CORPUS["newer_schema"][0])
    assert info.value.detail["version"] == CURRENT_SCHEMA_VERSION + 1
    with pytest.raises(DamagedFile) as info:
        check_bytes(CORPUS["duplicate_keys"][0])
    assert info.value.detail["key"] == "app"
    with pytest.raises(DamagedFile) as info:
        check_bytes(b'{"a": "\xc3\xa9", "b": "\xe9"}')
    assert info.value.reason_code == "encoding" and info.value.detail["position"] == 18


def test_oversized_sparse_file_is_refused_before_reading(tmp_path: Path) -> None:
    """A 200 MB sparse file exceeds the default cap; a small cap refuses a small file."""
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(200 * 2**20)
    with pytest.raises(DamagedFile) as info:
        load_checked(huge)
    assert info.value.reason_code == "too_large"
    assert info.value.detail["size"] == 200 * 2**20
    assert info.value.detail["max_bytes"] == DEFAULT_MAX_BYTES
    small = tmp_path / "small.json"
    small.write_bytes(_json(GOOD))
    before = _sha(small)
    with pytest.raises(DamagedFile) as info:
        load_checked(small, max_bytes=10)
    assert info.value.reason_code == "too_large"
    assert _sha(small) == before
    assert load_checked(small, max_bytes=len(_json(GOOD))) == GOOD


def test_fifo_is_not_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(DamagedFile) as info:
        load_checked(fifo)
    assert info.value.reason_code == "not_file"


def test_good_session_loads_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "s1.json"
    path.write_bytes(_json(GOOD))
    before = _sha(path)
    data = load_checked(path)
    assert data == GOOD and schema_version(data) == 1
    assert _sha(path) == before


def test_brackets_inside_strings_do_not_count_as_depth() -> None:
    text = "[" * 500 + '\\"{' * 300
    doc = {"meta": {"1": META}, "t": {"1": {"text": text, "n": "9" * 6000}}}
    assert check_bytes(_json(doc)) == doc


def test_depth_limit_is_exact() -> None:
    def nested(depth: int) -> bytes:
        inner = b'{"v": ' * (depth - 3) + b"1" + b"}" * (depth - 3)
        return b'{"meta": {"1": {"app": "concerto", "schema_version": 1, "x": ' + inner + b"}}}"

    assert schema_version(check_bytes(nested(64))) == 1
    with pytest.raises(DamagedFile) as info:
        check_bytes(nested(65))
    assert info.value.reason_code == "too_deep"


def test_parse_json_checks_bytes_but_not_shape() -> None:
    assert parse_json(b"[1, 2.5]") == [1, 2.5]
    assert parse_json(b" null ") is None
    for name in ("nan", "duplicate_keys", "deep", "bom", "latin1", "empty", "truncated"):
        raw, reason = CORPUS[name]
        with pytest.raises(DamagedFile) as info:
            parse_json(raw)
        assert info.value.reason_code == reason, name


def test_schema_version_requires_a_session() -> None:
    assert schema_version(GOOD) == 1
    with pytest.raises(DamagedFile) as info:
        schema_version({"actions": {}})
    assert info.value.reason_code == "not_session"


def test_large_session_checks_quickly() -> None:
    """A 5,000-record session (about 1 MB) is checked in well under a second."""
    doc = {"meta": {"1": META}}
    doc["actions"] = {
        str(i): {"title": f"action {i} [x] {{y}}", "tags": ["a", "b"], "amount": i * 1.5}
        for i in range(1, 5001)
    }
    raw = _json(doc)
    started = time.perf_counter()
    assert check_bytes(raw) == doc
    assert time.perf_counter() - started < 1.0


def test_adversarial_inputs_check_in_linear_time() -> None:
    """Long digit runs and long escaped strings do not make the pre-scan quadratic."""
    numbers = b'{"a":[' + b",".join([b"9" * 4300] * 500) + b"]}"
    backslashes = b'{"a":"' + b"\\" * 1_000_000
    started = time.perf_counter()
    with pytest.raises(DamagedFile) as info:
        check_bytes(numbers)
    assert info.value.reason_code == "not_tables"
    with pytest.raises(DamagedFile) as info:
        check_bytes(backslashes)
    assert info.value.reason_code == "syntax"
    assert time.perf_counter() - started < 2.0


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    """Whatever the bytes, the outcome is a tables dict or DamagedFile, nothing else."""
    try:
        data = check_bytes(raw)
    except DamagedFile as damaged:
        assert damaged.reason_code in REASONS
    else:
        assert isinstance(data, dict)


documents = st.dictionaries(st.text(max_size=10), json_values, max_size=5)


@pytest.mark.heavy(5)
@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.integers(1, 10**6).map(str), documents, max_size=5))
def test_valid_sessions_round_trip(docs: dict[str, dict[str, Any]]) -> None:
    """Any session TinyDB could write is read back equal."""
    doc = {"meta": {"1": META}, "records": docs}
    raw = json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    assert check_bytes(raw.encode("utf-8")) == doc
