"""The terminal input guard: a paste stays one paste, whatever it holds and however it is cut."""

from __future__ import annotations

from textual import events

from tui.terminal.paste_guard import END, START, PasteGuardParser, lenient_decoder

PAYLOAD = "A\x1b[7;42HZAP\x1b]0;PWNED\x07B\x00\x01\x9b\x85\u202eC\r\nD\x11"
STREAM = f"x{START}{PAYLOAD}{END}y\x1b[A{START}Q\x1b{END}"
EXPECTED = [
    ("Key", "x"),
    ("Paste", "A[7;42HZAP]0;PWNEDBC\r\nD"),
    ("Key", "y"),
    ("Key", "up"),
    ("Paste", "Q"),
]


def events_of(pieces: list[str]) -> list[tuple[str, str]]:
    """Feed the pieces one by one, as reads from the terminal; return what Textual gets."""
    parser = PasteGuardParser()
    found: list[tuple[str, str]] = []
    for piece in pieces:
        if not piece:
            continue
        for event in parser.feed(piece):
            if isinstance(event, events.Paste):
                found.append(("Paste", event.text))
            elif isinstance(event, events.Key):
                found.append(("Key", event.key))
    return found


def test_a_paste_never_turns_into_keys() -> None:
    assert events_of([STREAM]) == EXPECTED


def test_the_markers_may_be_cut_anywhere() -> None:
    for cut in range(len(STREAM) + 1):
        for cut2 in range(cut, len(STREAM) + 1):
            pieces = [STREAM[:cut], STREAM[cut:cut2], STREAM[cut2:]]
            assert events_of(pieces) == EXPECTED, (cut, cut2)


def test_keys_outside_a_paste_are_untouched() -> None:
    parser = PasteGuardParser()
    assert parser.guard("ab\x1b[Bc\x11\x1b") == "ab\x1b[Bc\x11\x1b"
    # The lone ESC at the end was passed on (a press of Escape is never held back).
    assert parser.guard("x") == "x"


def test_a_byte_that_is_not_utf8_becomes_a_replacement_character() -> None:
    decode = lenient_decoder("utf-8")().decode
    assert decode(b"caf\xe9 ") == "caf\ufffd "
    assert decode(b"\xc3") == ""  # half a character waits for the rest
    assert decode(b"\xa9") == "é"


def test_typed_joiners_arrive_as_text() -> None:
    # An emoji picker types the whole sequence; Textual's fields drop what is not printable.
    assert events_of(["a👩🏽\u200d🌾b\u200c"]) == [
        ("Key", "a"),
        ("Key", "woman"),
        ("Key", "emoji_modifier_fitzpatrick_type_4"),
        ("Paste", "\u200d"),
        ("Key", "ear_of_rice"),
        ("Key", "b"),
        ("Paste", "\u200c"),
    ]
