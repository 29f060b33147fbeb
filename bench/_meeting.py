"""Issue 18 figure: the scripted facilitator's whole meeting, one small function per task.

Each task presses the keys a facilitator presses today and waits for their effect on screen;
`run` checks the file on disk at the end, so that no figure counts keys that did nothing.
Text typed (a label, a name's first letters, a number, the letters that pick a choice) is
not counted; every other key is. When a feature lands that makes a task shorter (the
agenda-item entry, now one line per item; the one-line vote), only that task's function
changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from driver import TerminalDriver

from bench._facilitator import SKILLS, Counter, fill_matrix

F10, SHIFT_F10 = "f10", "shift+f10"

BUDGETS: dict[str, int | None] = {
    "participant": None,
    "agenda item": 4,
    "matrix row (5 people)": 6,
    "interest, in the row": 1,
    "resource": None,
    "decision, mover, seconder, vote": 8,
    "queue: add a name": 2,
    "queue: next speaker": 1,
    "navigation": None,
}
"""Keys beyond the text typed, per task: the issue's budgets (None: none set, shown only)."""

PARTICIPANTS = [
    ("Marie Tremblay", "CDC Rivière"),
    ("Luc Gagnon", "Ville"),
    ("Amina Diallo", "CLSC"),
    ("Jean Roy", "Centraide"),
    ("Sophie Côté", "Maison des jeunes"),
]
AGENDA = [  # label, letters that pick its screen, timebox
    ("Ressources du projet", "res", "20"),
    ("Compétences", "com", "30"),
    ("Rôles et responsabilités", "rol", "20"),
]
RESOURCES = [("Subvention Centraide", "25000"), ("Local communautaire", "1")]
DECISIONS = [  # text, mover and seconder (first letters), outcome (letters), for-against-abst.
    ("Le budget 2027 est adopté.", "ma", "lu", "maj", ("7", "0", "1")),
    ("La demande au bailleur est reportée.", "am", "je", "rep", ("4", "3", "1")),
]
QUEUE = ["lu", "so", "am"]
"""First letters of the people who ask for the floor."""


@dataclass(frozen=True)
class Meeting:
    """How much of the meeting to play (all of it, or a little in smoke runs)."""

    participants: int
    agenda: int
    skills: int
    resources: int
    decisions: int
    queue: int


def settle(keys: Counter) -> None:
    """Wait until the screen has drawn the last key (a focus move shows no text to wait on)."""
    keys.term.wait_quiet(0.2, timeout=30)


def fill(keys: Counter, *moves: str, text: str) -> None:
    """Move to a field (``moves``: tab…), then type ``text`` in it."""
    keys.press(*moves)
    settle(keys)
    keys.type(text)


def opened(keys: Counter, key: str, title: str, text: str) -> int:
    """Open a form with ``key``, wait for its ``title``, type its first field; the key count
    at the start of the task."""
    start = keys.keys
    keys.press(key)
    keys.term.wait_for(title, timeout=30)
    keys.type(text)
    return start


# -- one function per task ------------------------------------------------------------------


def participant(keys: Counter, name: str, organisation: str) -> None:
    """A participant on the Meeting screen's Participants tab: a, name, Tab, organisation."""
    start = opened(keys, "a", "Nouvelle personne", name)
    fill(keys, "tab", text=organisation)
    keys.press("ctrl+q")  # closes the form: every edit is already saved
    keys.term.wait_for(re.compile(rf"{name}\s+{organisation[:10]}"), timeout=30)
    keys.done("participant", start)


def agenda_items(keys: Counter, items: list[tuple[str, str, str]]) -> None:
    """The agenda, one line per item: a opens the line (first item), then « label @screen
    minutes » and Enter each (the letters after @ pick the screen); an empty Enter closes
    (counted with the last item). Through the record form it cost a, Tab Tab to the screen,
    Tab to the timebox and ctrl+q: 5 keys an item."""
    for n, (label, screen, minutes) in enumerate(items):
        start = keys.keys
        if n == 0:
            keys.press("a")
            keys.term.wait_for("Nouveaux points, un par ligne", timeout=30)
        keys.type(f"{label} @{screen} {minutes}")
        keys.press("enter")
        keys.term.wait_for(f"Ajouté : « {label} ».", timeout=30)
        if n == len(items) - 1:
            keys.press("enter")  # an empty line closes
            keys.term.wait_for(re.compile(rf"{label[:20]}.*{minutes} min"), timeout=30)
        keys.done("agenda item", start)


def resource(keys: Counter, label: str, needed: str) -> None:
    """A resource: a, label, Tab Tab Tab to the amount needed, the amount, ctrl+q."""
    start = opened(keys, "a", "Nouvelle ressource", label)
    fill(keys, "tab", "tab", "tab", text=needed)
    keys.press("ctrl+q")
    keys.term.wait_for(re.compile(rf"{label[:20]}"), timeout=30)
    keys.done("resource", start)


def decision(
    keys: Counter, text: str, mover: str, seconder: str, outcome: str, votes: tuple[str, ...]
) -> None:
    """A decision: F4, its text, the mover and seconder (letters, → accepts), the outcome
    (letters), the vote in one line (« 7-0-1 » in the votes for), Enter."""
    start = opened(keys, "f4", "Nouvelle décision", text)
    for name in (mover, seconder):
        fill(keys, "tab", text=name)
        settle(keys)
        keys.press("right")  # accepts the name completed
    fill(keys, "tab", text=outcome)
    fill(keys, "tab", text="-".join(votes))
    keys.press("enter")
    keys.term.wait_gone("Nouvelle décision", timeout=30)
    keys.done("decision, mover, seconder, vote", start)


def queue_add(keys: Counter, letters: str) -> None:
    """Someone asks for the floor: F10, the first letters of their name, Enter."""
    start = opened(keys, F10, "Tour de parole", letters)
    keys.press("enter")
    keys.term.wait_gone("Tour de parole", timeout=30)
    keys.done("queue: add a name", start)


def queue_next(keys: Counter, name: str) -> None:
    """The next person gets the floor: shift+F10."""
    start = keys.keys
    keys.press(SHIFT_F10)
    keys.term.wait_for(f"Parole : {name}", timeout=30)
    keys.done("queue: next speaker", start)


def navigate(keys: Counter, *presses: str, shown: str) -> None:
    """Keys that only move (to a tab, to a screen): counted apart."""
    start = keys.keys
    for key in presses:
        keys.press(key)
        settle(keys)
    keys.term.wait_for(shown, timeout=30)
    keys.done("navigation", start)


# -- the meeting ----------------------------------------------------------------------------


def play(keys: Counter, size: Meeting) -> None:
    """The whole meeting, from an empty session on the Meeting screen."""
    navigate(keys, "shift+tab", "right", shown="Aucune personne participante")
    for name, organisation in PARTICIPANTS[: size.participants]:
        participant(keys, name, organisation)
    navigate(keys, "shift+tab", "right", shown="Aucun point")
    agenda_items(keys, AGENDA[: size.agenda])
    navigate(keys, "ctrl+g", "3", shown="Aucune compétence")
    fill_matrix(keys, size.skills)
    navigate(keys, "ctrl+g", "2", shown="Aucune ressource")
    for label, needed in RESOURCES[: size.resources]:
        resource(keys, label, needed)
    for text, mover, seconder, outcome, votes in DECISIONS[: size.decisions]:
        decision(keys, text, mover, seconder, outcome, votes)
    for letters in QUEUE[: size.queue]:
        queue_add(keys, letters)
    queue_next(keys, "Luc Gagnon")


FULL = Meeting(5, len(AGENDA), len(SKILLS), len(RESOURCES), len(DECISIONS), len(QUEUE))
SMOKE = Meeting(5, 1, 1, 1, 1, 1)


def on_disk(folder: Path, sid: str, size: Meeting) -> bool:
    """What the meeting left in the file: every record typed, the vote counts, the queue."""
    from tui.storage.store import SessionStore

    s = SessionStore(folder).load(sid)
    voted = [(d.moved_by, d.seconded_by, d.votes_for) for d in s.decisions]
    counts = [
        "-".join(str(n) for n in (d.votes_for, d.votes_against, d.abstentions)) for d in s.decisions
    ]
    speaking = s.progress.speaking
    return (
        len(s.participants) == size.participants
        and [a.label for a in s.agenda] == [a[0] for a in AGENDA[: size.agenda]]
        and all(a.step is not None and a.timebox_min for a in s.agenda)
        and len(s.skills) == size.skills
        and all(len(k.levels) == 5 for k in s.skills)
        and len(s.resources) == size.resources
        and len(voted) == size.decisions
        and all(mover and seconder and votes is not None for mover, seconder, votes in voted)
        and counts == ["-".join(d[4]) for d in DECISIONS[: size.decisions]]
        and speaking.speaker is not None
        and len(speaking.waiting) == size.queue - 1
    )


def run(term: TerminalDriver, folder: Path, sid: str, smoke: bool) -> bool:
    """Play the meeting; print keys per task beside its budget; False if one is over."""
    keys = Counter(term)
    size = SMOKE if smoke else FULL
    play(keys, size)
    term.wait_until(lambda: on_disk(folder, sid, size), 30, what="the meeting on disk")
    ok = True
    for task, budget in BUDGETS.items():
        counts = keys.tasks.get(task)
        if not counts:
            continue
        worst = max(counts)
        if budget is None:
            mark, limit = "(no budget)", "—"
        else:
            mark, limit = ("ok" if worst <= budget else "OVER"), str(budget)
            ok = ok and worst <= budget
        print(f"{task:<32} {worst:>2} keys (budget {limit:>2}) {mark:<11} {counts}")
    return ok
