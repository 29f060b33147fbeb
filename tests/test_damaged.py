"""Damaged files, end to end: listed with their reason, refused, and never changed by anything."""

from __future__ import annotations

import hashlib
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import until

from tui.cli.main import main
from tui.i18n import set_language
from tui.storage.listing import damage_detail
from tui.storage.lock import SessionLock
from tui.storage.messages import DAMAGED, damaged_reason
from tui.storage.rawcheck import CURRENT_SCHEMA_VERSION, REASONS, DamagedFile
from tui.storage.store import SessionStore

SIZE_CAP = 50 * 2**20


def _good() -> bytes:
    """A valid session file (id ``fixture``), as the store writes it."""
    return (Path(__file__).parent / "fixtures" / "session-v1.json").read_bytes()


def _meta(version: int = CURRENT_SCHEMA_VERSION, sid: str = "x") -> str:
    return f'"meta":{{"1":{{"app":"concerto","schema_version":{version},"id":"{sid}"}}}}'


def _sparse(path: Path) -> None:
    """A file one mebibyte over the cap that takes no disk space."""
    with open(path, "wb") as f:
        f.write(b'{"meta":')
        f.truncate(SIZE_CAP + 2**20)


def _reid(raw: bytes, sid: str) -> bytes:
    data = json.loads(raw)
    data["meta"]["1"]["id"] = sid
    return json.dumps(data, ensure_ascii=False).encode()


def _link_outside(path: Path) -> None:
    """A link to a good session of the same id kept outside the data folder."""
    outside = path.parent.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / path.name).write_bytes(_reid(_good(), path.stem))
    path.symlink_to(outside / path.name)


# name -> (file content, or a function writing the file; the reason it must be listed with)
CORPUS: dict[str, tuple[bytes | Callable[[Path], None], str]] = {
    "empty": (b"", "empty"),
    "null": (b"null", "null"),
    "truncated": (_good()[: len(_good()) // 2], "syntax"),
    "random": (random.Random(7).randbytes(4096), "encoding"),
    "bom": (b"\xef\xbb\xbf" + _good(), "bom"),
    "latin1": (_good().decode("utf-8").encode("latin-1"), "encoding"),
    "list": (b"[]", "not_object"),
    "not-session": (b'{"todo": {"1": {"text": "milk"}}}', "not_session"),
    "not-tables": (b'{"a": 1, "b": [2]}', "not_tables"),
    "nan": (("{" + _meta() + ',"resources":{"1":{"needed":NaN}}}').encode(), "nan"),
    "duplicate": (("{" + _meta() + "," + _meta() + "}").encode(), "duplicate_key"),
    "long-number": (
        ("{" + _meta() + ',"x":{"1":{"n":' + "7" * 5000 + "}}}").encode(), "number_too_long"
    ),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "too_deep"),
    "too-large": (_sparse, "too_large"),
    "link-outside": (_link_outside, "link_outside"),
    "newer": (("{" + _meta(CURRENT_SCHEMA_VERSION + 1) + ',"shiny":{}}').encode(), "newer_schema"),
    "invalid": (("{" + _meta() + ',"meeting":{"1":{"title":""}}}').encode(), "invalid"),
    "mismatch": (_good(), "id_mismatch"),
}  # fmt: skip


def sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def tree(folder: Path) -> dict[str, str]:
    """Every file under the folder (store files included) and its digest."""
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(params=sorted(CORPUS))
def damaged(request: pytest.FixtureRequest, data_dir: Path) -> tuple[str, str]:
    """A data folder holding one good session (``good``) and one damaged file; (id, reason)."""
    (data_dir / "good.json").write_bytes(_reid(_good(), "good"))
    content, reason = CORPUS[request.param]
    sid = f"d-{request.param}"
    path = data_dir / f"{sid}.json"
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    path.chmod(0o600)
    return sid, reason


def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_listed_with_its_reason_and_the_good_session_still_lists(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, damaged: tuple[str, str]
) -> None:
    sid, reason = damaged
    before = sha(data_dir / f"{sid}.json")
    code, out, _ = cli(capsys, data_dir, "list", "--json")
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert code == 0
    assert rows[sid]["damaged"] == reason
    assert rows["good"]["damaged"] is None and rows["good"]["title"] == "Réunion de fixture"
    if reason == "newer_schema":
        assert rows[sid]["detail"] == str(CURRENT_SCHEMA_VERSION + 1)
    code, out, _ = cli(capsys, data_dir, "list")  # the text listing says why, in words
    line = next(x for x in out.splitlines() if x.startswith(sid))
    assert damaged_reason(reason, rows[sid]["detail"]) in line
    assert sha(data_dir / f"{sid}.json") == before


def test_open_refuses_with_the_reason_and_touches_nothing(
    data_dir: Path, damaged: tuple[str, str]
) -> None:
    sid, reason = damaged
    before = tree(data_dir)
    store = SessionStore(data_dir)
    for write in (True, False):
        with pytest.raises(DamagedFile) as info:
            store.open(sid, write=write)
        assert info.value.reason == reason
    if reason == "newer_schema":  # the reason names the version
        assert damage_detail(info.value) == str(CURRENT_SCHEMA_VERSION + 1)
    after = tree(data_dir)
    assert {k: v for k, v in after.items() if not k.startswith(".")} == {
        k: v for k, v in before.items() if not k.startswith(".")
    }
    assert not any("bak" in k or "backups" in k for k in after)  # nothing copied either
    lock = SessionLock(data_dir, sid)
    assert lock.acquire()  # the refusal released the lock
    lock.release()
    good = store.open("good")  # the other session still opens and saves
    good.session.meeting.title = "Encore là"
    good.save(good.session, ["meeting"])
    good.close()
    assert store.load("good").meeting.title == "Encore là"


def test_export_refuses_in_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, damaged: tuple[str, str]
) -> None:
    sid, reason = damaged
    before = tree(data_dir)
    for fmt in ("json", "md"):
        code, out, err = cli(capsys, data_dir, "export", sid, "--format", fmt)
        assert code != 0 and out == ""
        assert err.count("\n") == 1 and err.startswith("concerto: ")
        set_language("en")
        assert damaged_reason(reason, "").split(" (")[0] in err
    assert tree(data_dir) == before
    code, out, _ = cli(capsys, data_dir, "export", "good", "--format", "json", "-o", "-")
    assert code == 0 and json.loads(out)["session"]["id"] == "good"


def test_import_refuses_in_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    capsys, data_dir: Path, damaged: tuple[str, str]
) -> None:
    sid, _ = damaged
    before = tree(data_dir)
    code, out, err = cli(capsys, data_dir, "import", str(data_dir / f"{sid}.json"))
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and err.startswith("concerto: ")
    assert tree(data_dir) == before


def test_every_reason_code_has_a_sentence_in_both_languages() -> None:
    codes = {*REASONS, "invalid", "unreadable", "id_mismatch"}
    assert codes <= set(DAMAGED)
    assert {reason for _, reason in CORPUS.values()} >= set(REASONS) - {"not_file"}
    for code in codes:
        texts = []
        for lang in ("fr", "en"):
            set_language(lang)
            texts.append(damaged_reason(code, "7"))
        assert texts[0] != texts[1], code  # translated, not the msgid
        assert "{" not in texts[0] + texts[1]


def test_a_fifo_is_listed_and_refused_without_hanging(capsys, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    os.mkfifo(data_dir / "pipe.json", 0o600)
    (listing,) = SessionStore(data_dir).list()
    assert listing.damaged == "not_file"
    code, _, err = cli(capsys, data_dir, "import", str(data_dir / "pipe.json"))
    assert code != 0 and err.count("\n") == 1


def test_a_dangling_symlink_is_listed_not_skipped(data_dir: Path) -> None:
    (data_dir / "gone.json").symlink_to(data_dir / "nowhere.json")
    (listing,) = SessionStore(data_dir).list()
    assert (listing.id, listing.damaged) == ("gone", "unreadable")


def test_the_size_cap_is_the_stores_and_checked_before_reading(data_dir: Path) -> None:
    path = data_dir / "big.json"
    path.write_bytes(_reid(_good(), "big"))
    small = SessionStore(data_dir, max_bytes=100)
    assert small.list()[0].damaged == "too_large"
    with pytest.raises(DamagedFile, match="too_large"):
        small.open("big")
    assert SessionStore(data_dir).list()[0].damaged is None


async def test_the_app_shows_the_reason_in_words(make_app, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "d-newer.json").write_bytes(CORPUS["newer"][0])  # type: ignore[arg-type]
    before = sha(data_dir / "d-newer.json")
    app = make_app(session_id="d-newer", lang="en")
    shown: list[str] = []
    app.notify = lambda message, **kw: shown.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(app.screen.query("#sessions")))  # the list, not a step
        assert app.ctx is None
    set_language("en")
    assert damaged_reason("newer_schema", str(CURRENT_SCHEMA_VERSION + 1)) in shown
    assert sha(data_dir / "d-newer.json") == before
