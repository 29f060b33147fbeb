"""Issue 18 figure: keys a scripted facilitator presses per task, beside each task's budget.

The facilitator runs Concerto in an 80×24 pseudo-terminal and fills a 5 × 5 competency matrix
from the keyboard: each skill typed as one line (label and « 2x2 »; a capital letter on the
skill column starts it), then one key per person's level, the cursor moving on by itself, and
« + » for an interest. Keys beyond the text typed are counted; the screen and the file on disk
are checked after each task, so a figure is never that of keys that did nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from driver import TerminalDriver

BUDGETS = {"matrix row (5 people)": 6, "interest, in the row": 1}
"""Keys beyond the text typed, per task (issue 18). A row's count is its Enter (closing the
skill's line) and its levels; a flag of interest is counted apart, one key each."""

SKILLS = [  # label, requirement, levels of the five people, who is interested (index)
    ("Gestion financière", "2x2", "12030", 3),
    ("Communication", "1x2", "01210", None),
    ("Demande de subvention", "3x1", "22103", 1),
    ("Mobilisation", "2x1", "30001", None),
    ("Évaluation", "3x2", "13320", 0),
]


@dataclass
class Counter:
    """Presses keys in a terminal, counting them apart from the text typed."""

    term: TerminalDriver
    keys: int = 0
    text: int = 0
    tasks: dict[str, list[int]] = field(default_factory=dict)

    def press(self, *keys: str) -> None:
        self.keys += len(keys)
        self.term.press(*keys)

    def type(self, text: str) -> None:
        self.text += len(text)
        self.term.type(text)

    def done(self, task: str, start: int) -> None:
        self.tasks.setdefault(task, []).append(self.keys - start)


def fill_matrix(keys: Counter, rows: int) -> None:
    """Type ``rows`` skills and their levels; check each row on screen."""
    for n, (label, need, levels, interested) in enumerate(SKILLS[:rows]):
        if n == 0:
            keys.press("a")  # the first skill; after it, a capital letter starts the next
            keys.term.wait_for("Nouvelle compétence", timeout=30)
            keys.type(f"{label} {need}")
        else:
            keys.type(f"{label} {need}")
            keys.term.wait_for(label, timeout=30)
        start = keys.keys
        keys.press("enter")
        flags = 0
        for person, level in enumerate(levels):
            keys.press(level)
            if person == interested:
                flag = keys.keys
                keys.press("+")
                keys.done("interest, in the row", flag)
                flags += 1
        level, count = need.split("x")
        keys.term.wait_for(re.compile(rf"{label[:15]}.*{level}×{count}"), timeout=30)
        keys.done("matrix row (5 people)", start + flags)


def run(term: TerminalDriver, folder: Path, sid: str, smoke: bool) -> bool:
    """Play the facilitator; print keys per task beside its budget; False if one is over."""
    from tui.storage.store import SessionStore

    keys = Counter(term)
    rows = 2 if smoke else len(SKILLS)
    fill_matrix(keys, rows)

    def saved() -> bool:
        skills = SessionStore(folder).load(sid).skills
        return len(skills) == rows and all(len(s.levels) == 5 for s in skills)

    term.wait_until(saved, 30, what="the matrix on disk")
    ok = True
    for task, counts in keys.tasks.items():
        worst, budget = max(counts), BUDGETS[task]
        ok = ok and worst <= budget
        mark = "ok" if worst <= budget else "OVER"
        print(f"{task:<24} {worst} keys beyond its text (budget {budget}): {mark}  {counts}")
    return ok
