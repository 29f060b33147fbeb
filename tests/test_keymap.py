"""The one keymap: no collisions, nothing that cannot arrive, and the README says the same."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from tui.i18n import set_language
from tui.terminal.keymap import KEYMAP, SAME_IN_FIELDS, keymap_markdown

EDITING = {f"ctrl+{c}" for c in "aedkuwxvcyz"} | {"f6", "f7"}
"""Keys that Input and TextArea use for editing."""
TEXT_SCOPES = {"app", "session", "form"}
DIALOGS = {"form", "links", "chooser"}
"""Scopes whose keys reach a focused text field."""


def test_no_key_collides_with_the_editing_keys_of_text_fields() -> None:
    clashes = [c for c in KEYMAP if c.scope in TEXT_SCOPES and c.key in EDITING]
    # Undo and redo mean the same in a field and in the session: the field's own comes first.
    assert [(c.action, c.key) for c in clashes] == sorted(SAME_IN_FIELDS, reverse=True)


def test_no_key_relies_on_ctrl_s_or_ctrl_b() -> None:
    assert [c for c in KEYMAP if c.key in ("ctrl+s", "ctrl+b")] == []


def test_escape_is_never_the_only_way() -> None:
    for command in KEYMAP:
        if command.key == "escape":
            others = [c for c in KEYMAP if c.action == command.action and c.key != "escape"]
            assert others, f"{command.action} in {command.scope} needs a key besides Escape"


def test_keys_are_unique_within_a_scope_and_against_the_app_and_session_keys() -> None:
    by_scope: dict[str, dict[str, str]] = defaultdict(dict)
    for c in KEYMAP:
        assert by_scope[c.scope].get(c.key, c.action) == c.action, (c.scope, c.key)
        by_scope[c.scope][c.key] = c.action
    for scope, keys in by_scope.items():
        for shared in ("app", "session") if scope not in ("app", "home") else ("app",):
            if scope == shared:
                continue
            for key, action in keys.items():
                if key == "ctrl+q" and scope in DIALOGS:
                    continue  # in a dialog, ctrl+q closes the dialog (Escape is not alone)
                other = by_scope[shared].get(key)
                assert other in (None, action), (scope, key, action, shared, other)


def test_the_readme_keymap_is_the_keymap() -> None:
    set_language("en")
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    found = re.search(r"<!-- keymap:start -->\n(.*?)\n<!-- keymap:end -->", readme, re.S)
    assert found is not None
    assert found.group(1) == keymap_markdown(), "run: python -m tui.terminal.keymap"
