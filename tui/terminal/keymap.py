"""The one keymap: every command, its key, its words; it feeds bindings, footer, palette, help."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from tui.i18n import N_, _


@dataclass(frozen=True)
class Command:
    """A command reachable by a key, the footer, the palette and the help."""

    action: str
    key: str
    label: str
    """msgid of what it does, e.g. "Next screen"."""
    area: str
    """msgid of the palette area, e.g. "step", "session"."""
    scope: str
    """Where it applies: app, home, session, editor, matrix, minutes."""
    show: bool = True
    """Shown in the footer (every command is in the palette and the help)."""
    key_display: str | None = None
    short: str | None = None
    """msgid of a shorter label for the footer (80 columns); the palette keeps ``label``."""

    def palette_text(self) -> str:
        """The palette entry, "area: action"."""
        return f"{_(self.area)}: {_(self.label)}"


KEYMAP: tuple[Command, ...] = (
    Command("help", "f1", N_("Help"), N_("app"), "app", key_display="F1"),
    Command("help", "question_mark", N_("Help"), N_("app"), "app", show=False, key_display="?"),
    Command("quit", "ctrl+q", N_("Quit"), N_("app"), "app", key_display="^q"),
    Command(
        "toggle_language",
        "f12",
        N_("Français / English"),
        N_("app"),
        "app",
        show=False,
        key_display="F12",
    ),
    Command("cycle_theme", "f11", N_("Theme"), N_("app"), "app", show=False, key_display="F11"),
    Command("new_session", "n", N_("New"), N_("session"), "home"),
    Command("resume", "enter", N_("Resume"), N_("session"), "home", key_display="⏎"),
    Command("copy_session", "c", N_("Copy"), N_("session"), "home"),
    Command("delete_session", "delete", N_("Delete"), N_("session"), "home", key_display="del"),
    Command("show_trash", "t", N_("Trash"), N_("session"), "home"),
    Command("demo", "d", N_("Demo sessions"), N_("session"), "home", show=False),
    Command("filter", "slash", N_("Filter"), N_("session"), "home", key_display="/"),
    Command("sync", "s", N_("Sync"), N_("session"), "home", show=False),
    Command(
        "prev_screen",
        "f2",
        N_("Previous screen"),
        N_("step"),
        "session",
        key_display="F2",
        short=N_("Prev."),
    ),
    Command(
        "next_screen",
        "f3",
        N_("Next screen"),
        N_("step"),
        "session",
        key_display="F3",
        short=N_("Next"),
    ),
    Command("go_to", "ctrl+g", N_("Go to"), N_("step"), "session", key_display="^g"),
    Command(
        "next_agenda",
        "f9",
        N_("Next agenda item"),
        N_("agenda"),
        "session",
        key_display="F9",
        short=N_("Next item"),
    ),
    # xterm, tmux and SSH send shift+F9 as CSI 20;2~, which Textual reads as shift+f9 (shift+F3's
    # CSI 1;2R reads as a cursor position report: the option takes ctrl+F9).
    Command(
        "prev_agenda",
        "shift+f9",
        N_("Previous agenda item"),
        N_("agenda"),
        "session",
        show=False,
        key_display="⇧F9",
    ),
    Command(
        "parked_topics",
        "shift+f8",
        N_("Parked topics"),
        N_("agenda"),
        "session",
        show=False,
        key_display="⇧F8",
    ),
    Command(
        "toggle_follow_agenda",
        "ctrl+f9",
        N_("Screen follows the agenda (on / off)"),
        N_("agenda"),
        "session",
        show=False,
        key_display="^F9",
    ),
    Command(
        "adjourn",
        "ctrl+f",
        N_("Adjourn the meeting"),
        N_("agenda"),
        "session",
        show=False,
        key_display="^f",
    ),
    Command(
        "home", "ctrl+o", N_("Sessions"), N_("session"), "session", show=False, key_display="^o"
    ),
    Command("undo", "ctrl+z", N_("Undo"), N_("edit"), "session", show=False, key_display="^z"),
    Command("redo", "ctrl+y", N_("Redo"), N_("edit"), "session", show=False, key_display="^y"),
    # -- record editor (scope "editor") --------------------------------------------------
    Command("add_record", "a", N_("Add"), N_("record"), "editor"),
    Command("add_indicator", "i", N_("Add an indicator"), N_("record"), "editor"),
    Command("add_group", "g", N_("Add a working group"), N_("record"), "editor"),
    Command("edit_record", "enter", N_("Edit"), N_("record"), "editor", key_display="⏎"),
    Command("delete_record", "delete", N_("Delete"), N_("record"), "editor", key_display="del"),
    Command("delete_record", "d", N_("Delete"), N_("record"), "editor", show=False),
    Command("undo_delete", "u", N_("Undo delete"), N_("record"), "editor"),
    Command("move_up", "shift+up", N_("Move up"), N_("record"), "editor", key_display="⇧↑"),
    Command("move_down", "shift+down", N_("Move down"), N_("record"), "editor", key_display="⇧↓"),
    Command("notes", "n", N_("Notes"), N_("step"), "editor"),
    Command("stamp_arrival", "r", N_("Arrived now"), N_("attendance"), "participants"),
    Command("stamp_departure", "x", N_("Left now"), N_("attendance"), "participants"),
    # The record form and its link chooser (dialogs; Escape is never the only way out).
    Command("close_form", "escape", N_("Close"), N_("record"), "form", key_display="esc"),
    Command("close_form", "ctrl+q", N_("Close"), N_("record"), "form", show=False),
    Command("choose", "enter", N_("Choose"), N_("record"), "links", key_display="⏎"),
    Command("choose", "space", N_("Choose"), N_("record"), "links", show=False),
    Command("done", "enter", N_("Done"), N_("record"), "chooser", key_display="⏎"),
    Command("cancel", "escape", N_("Cancel"), N_("record"), "chooser", key_display="esc"),
    Command("cancel", "ctrl+q", N_("Cancel"), N_("record"), "chooser", show=False),
    # -- competency matrix (scope "matrix") and review (scope "review") -----------------
    Command("level_0", "0", N_("Level 0: absent"), N_("matrix"), "matrix"),
    Command("level_1", "1", N_("Level 1: notions"), N_("matrix"), "matrix"),
    Command("level_2", "2", N_("Level 2: autonomous"), N_("matrix"), "matrix"),
    Command("level_3", "3", N_("Level 3: can train"), N_("matrix"), "matrix"),
    Command("toggle_interest", "i", N_("Interested"), N_("matrix"), "matrix"),
    Command(
        "interest_last",
        "plus",
        N_("Interested: the level just typed"),
        N_("matrix"),
        "matrix",
        show=False,
        key_display="+",
    ),
    Command("decide", "d", N_("Record follow-up"), N_("skill"), "matrix"),
    Command(
        "follow_up_decision",
        "D",
        N_("Make the follow-up a numbered decision"),
        N_("skill"),
        "matrix",
        show=False,
    ),
    Command("add_skill", "a", N_("Add skill"), N_("skill"), "matrix"),
    Command("edit_skill", "e", N_("Edit skill"), N_("skill"), "matrix"),
    Command("toggle_by_org", "o", N_("By organisation"), N_("matrix"), "matrix"),
    Command("add_person", "p", N_("Add person"), N_("person"), "matrix", show=False),
    Command("cost_to_resources", "c", N_("Cost to resources"), N_("skill"), "matrix", show=False),
    Command(
        "delete_skill",
        "delete",
        N_("Delete skill"),
        N_("skill"),
        "matrix",
        show=False,
        key_display="del",
    ),
    Command("edit_person", "P", N_("Edit person"), N_("person"), "matrix", show=False),
    Command("remove_person", "X", N_("Remove person"), N_("person"), "matrix", show=False),
    Command("go_to_record", "enter", N_("Go to record"), N_("review"), "review", key_display="⏎"),
    Command("accept", "a", N_("Accept as is"), N_("review"), "review"),
    Command("reopen", "u", N_("Reopen"), N_("review"), "review"),
    Command("toggle_accepted", "s", N_("Show accepted"), N_("review"), "review"),
    Command(
        "keep_first", "1", N_("Keep the first value"), N_("conflict"), "review", short=N_("First")
    ),
    Command(
        "keep_second",
        "2",
        N_("Keep the second value"),
        N_("conflict"),
        "review",
        short=N_("Second"),
    ),
    Command("write_value", "w", N_("Write the value"), N_("conflict"), "review", short=N_("Write")),
    # -- live capture: decisions, action items, parking lot, notes (scope "session") -----
    Command("capture_decision", "f4", N_("Decision"), N_("capture"), "session", key_display="F4"),
    Command(
        "capture_action",
        "f5",
        N_("Action item"),
        N_("capture"),
        "session",
        key_display="F5",
        short=N_("Action"),
    ),
    Command(
        "capture_parking",
        "f8",
        N_("Park a topic"),
        N_("capture"),
        "session",
        key_display="F8",
        short=N_("Park"),
    ),
    Command(
        "speaking_queue",
        "f10",
        N_("Speaking queue: add a name"),
        N_("queue"),
        "session",
        show=False,  # the footer is full at 80 columns: help and palette list it
        key_display="F10",
    ),
    Command(
        "next_speaker",
        "shift+f10",  # ESC [21;2~ in xterm, tmux and over SSH
        N_("Next speaker"),
        N_("queue"),
        "session",
        show=False,
        key_display="⇧F10",
    ),
    Command(
        "find_row",
        "slash",
        N_("Find a row by its first letters"),
        N_("record"),
        "session",
        show=False,
        key_display="/",
    ),
    Command(
        "withdraw_speaker",
        "delete",
        N_("Remove from the queue"),
        N_("queue"),
        "queue",
        key_display="del",
    ),
    Command("capture_note", "ctrl+n", N_("Note"), N_("capture"), "session", key_display="^n"),
    Command(
        "quick_capture",
        "ctrl+t",
        N_("Quick capture"),
        N_("capture"),
        "session",
        key_display="^t",
        short=N_("Quick"),
    ),
    Command(
        "live_lists",
        "ctrl+l",
        N_("Decisions and action items"),
        N_("capture"),
        "session",
        show=False,
        key_display="^l",
    ),
    Command("show_decisions", "d", N_("Decisions"), N_("lists"), "lists"),
    Command("show_actions", "a", N_("Action items"), N_("lists"), "lists"),
    Command("edit_item", "e", N_("Edit"), N_("lists"), "lists"),
    Command("toggle_done", "space", N_("Done / open"), N_("lists"), "lists"),
    Command("void_decision", "v", N_("Void / restore"), N_("lists"), "lists"),
    Command("extract", "x", N_("Certified extract"), N_("lists"), "lists", short=N_("Extract")),
    Command(
        "find_row",
        "slash",
        N_("Find a row by its first letters"),
        N_("record"),
        "lists",
        show=False,
        key_display="/",
    ),
    Command(
        "delete_item", "delete", N_("Delete"), N_("lists"), "lists", show=False, key_display="del"
    ),
    Command("edit_parked", "e", N_("Edit"), N_("parked topic"), "parking"),
    Command(
        "bring_back",
        "b",
        N_("Bring back to the agenda"),
        N_("parked topic"),
        "parking",
        short=N_("Bring back"),
    ),  # fmt: skip
    Command(
        "carry",
        "c",
        N_("Carry to the next meeting"),
        N_("parked topic"),
        "parking",
        short=N_("Carry"),
    ),  # fmt: skip
    Command("undo", "ctrl+z", N_("Undo"), N_("edit"), "parking", show=False, key_display="^z"),
    Command(
        "share_room",
        "ctrl+r",
        N_("Share with the room"),
        N_("session"),
        "session",
        show=False,  # the footer is full at 80 columns: help and palette list it
        key_display="^r",
    ),
    Command("follow_up", "f", N_("Follow-up meeting"), N_("session"), "home"),
    # -- minutes (scope "minutes") -------------------------------------------------------
    # The footer shows what fits at 80 columns, in this order: the secretary's formats and the
    # two settings first; F1 and the palette list every key.
    Command(
        "export_markdown",
        "e",
        N_("Markdown minutes"),
        N_("export"),
        "minutes",
        short=N_("Markdown"),
    ),
    Command(
        "export_docx", "w", N_("Word minutes (.docx)"), N_("export"), "minutes", short=N_("Word")
    ),
    Command(
        "export_pdf", "p", N_("PDF minutes, to sign"), N_("export"), "minutes", short=N_("PDF")
    ),
    Command(
        "toggle_mode",
        "m",
        N_("Summary / formal minutes"),
        N_("minutes"),
        "minutes",
        short=N_("Mode"),
    ),
    Command(
        "toggle_minutes_lang",
        "l",
        N_("Minutes in French / English"),
        N_("minutes"),
        "minutes",
        short=N_("Language"),
    ),
    Command(
        "export_html", "h", N_("HTML minutes, to print"), N_("export"), "minutes", short=N_("HTML")
    ),
    Command(
        "export_odt", "o", N_("OpenDocument minutes (.odt)"), N_("export"), "minutes", show=False
    ),
    Command(
        "export_ics",
        "i",
        N_("Calendar: next meeting and follow-ups (.ics)"),
        N_("export"),
        "minutes",
        show=False,
    ),
    Command(
        "export_xlsx", "x", N_("Workbook of the plan (.xlsx)"), N_("export"), "minutes", show=False
    ),
    Command(
        "copy_markdown",
        "c",
        N_("Copy the Markdown minutes"),
        N_("clipboard"),
        "minutes",
        short=N_("Copy"),
    ),
    Command(
        "export_minutes",
        "e",
        N_("Export the minutes (Markdown)"),
        N_("session"),
        "home",
        show=False,  # the footer is full at 80 columns: help and palette list it
        short=N_("Export"),
    ),
)


SCOPES: dict[str, str] = {
    "app": N_("Everywhere"),
    "home": N_("Sessions"),
    "session": N_("In a session"),
    "editor": N_("Record lists"),
    "participants": N_("Participants"),
    "form": N_("Record form"),
    "links": N_("Links"),
    "chooser": N_("Choosers"),
    "matrix": N_("Competency matrix"),
    "review": N_("Review"),
    "lists": N_("Decisions and action items"),
    "parking": N_("Parked topics"),
    "queue": N_("Speaking queue"),
    "minutes": N_("Minutes"),
}
"""Where keys apply, in the order the help and the README list them."""


def ordered_commands() -> list[Command]:
    """Every command, grouped by where it applies in the order of SCOPES."""
    order = {scope: n for n, scope in enumerate(SCOPES)}
    return sorted(KEYMAP, key=lambda c: order.get(c.scope, len(order)))


def keymap_line(c: Command) -> tuple[str, str, str]:
    """(where, key, what) of one command, in the interface language."""
    return _(SCOPES.get(c.scope, c.scope)), c.key_display or c.key, c.palette_text()


def keymap_lines() -> list[tuple[str, str, str]]:
    """(where, key, what) for every command, in the interface language."""
    return [keymap_line(c) for c in ordered_commands()]


def keymap_markdown() -> str:
    """The keymap as the README's table (``python -m tui.terminal.keymap`` prints it)."""
    lines = ["| where | key | what |", "| --- | --- | --- |"]
    for where, key, what in keymap_lines():
        lines.append(f"| {where} | `{key}` | {what} |".replace("`|`", "`\\|`"))
    return "\n".join(lines)


def commands_for(scope: str) -> list[Command]:
    """The commands of one scope, in keymap order."""
    return [c for c in KEYMAP if c.scope == scope]


def is_command_key(key: str) -> bool:
    """Function and control keys never type text, so they act before any key typed after them."""
    name = key.removeprefix("shift+")  # shift+F10 is a function key too
    return key.startswith("ctrl+") or (name[0] == "f" and name[1:].isdigit())


SAME_IN_FIELDS: frozenset[tuple[str, str]] = frozenset({("undo", "ctrl+z"), ("redo", "ctrl+y")})
"""Commands whose key a text field uses for the same thing: in a field that has its own undo
(a text area), the field's; anywhere else, the session's."""
YIELDING: frozenset[tuple[str, str]] = frozenset(
    {("quit", "ctrl+q"), ("help", "f1"), *SAME_IN_FIELDS}
)
"""Commands whose key also closes a form, a pane or a dialog, or edits a field: never priority.

A priority binding of the app acts before any other: ctrl+q quit the app from a record form
instead of closing it (the way out that is not Escape), and F1 left the help open.
"""


def bindings_for(scope: str) -> list[Binding]:
    """Textual bindings of one scope; descriptions are msgids, translated when drawn.

    Function and control keys are priority bindings: Textual otherwise lets a key typed
    right after them (a burst over SSH, a fast typist) reach the focused field first.
    Those in YIELDING are not, so that the innermost form or dialog gets them first.
    """
    return [
        Binding(
            c.key,
            c.action,
            c.short or c.label,
            show=c.show,
            key_display=c.key_display,
            priority=is_command_key(c.key) and (c.action, c.key) not in YIELDING,
        )
        for c in commands_for(scope)
    ]


if __name__ == "__main__":
    from tui.i18n import set_language

    set_language("en")
    print(keymap_markdown())
