"""What `concerto` loads before home's first frame: only what that frame needs.

The start-up figure of issue 4 (bench/home_start.py) rests on it: the models (pydantic), the
session file handle (TinyDB), the lock and the .po parser come later, when a session is opened.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import Clock, counter

from tui.i18n import LANGS
from tui.i18n.catalog import clear_cache, messages
from tui.storage.store import SessionStore

LATER = (
    "pydantic",
    "pydantic_core",
    "tinydb",
    "filelock",
    "babel.messages.pofile",
    "tui.cli.commands",
)

CHILD = textwrap.dedent(
    """
    import asyncio, sys
    import tui.app.main

    def run_app(folder, *, session_id, tz, config):
        app = tui.app.main.make_app(folder, tz=tz, config=config, session_id=session_id)

        async def first_frame():
            async with app.run_test(size=(80, 24)) as pilot:
                while not app.screen.query("#sessions") or not app.screen.query_one(
                    "#sessions"
                ).row_count:
                    await pilot.pause(0.02)
                table = app.screen.query_one("#sessions")
                print("ROW", table.get_row_at(0)[0])
                print("LOADED", *sorted(m for m in LATER if m in sys.modules))

        asyncio.run(first_frame())
        return 0

    LATER = {later!r}
    tui.app.main.run_app = run_app
    from tui.cli.main import main

    raise SystemExit(main(sys.argv[1:]))
    """
)


def test_home_draws_its_rows_before_loading_models_tinydb_or_catalog_sources(
    data_dir: Path,
) -> None:
    store = SessionStore(data_dir, clock=Clock(), new_id=counter("s"))
    store.create("Table de quartier")
    store.list()  # the caches a previous run leaves: the listing, the merged catalogs
    clear_cache()
    for lang in LANGS:
        messages(lang)
    code = CHILD.format(later=LATER)
    out = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = dict(line.partition(" ")[::2] for line in out.stdout.splitlines())
    assert lines["ROW"].startswith("Table de quartier ")
    assert lines["LOADED"] == ""
