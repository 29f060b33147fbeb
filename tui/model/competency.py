"""Competency status of a skill and the by-organisation view of the matrix."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from tui.model.plan import Skill

Status = Literal["available", "fragile", "to_develop", "to_source"]

SUGGESTED: dict[Status, tuple[str, ...]] = {
    "available": ("role",),
    "fragile": ("pairing",),
    "to_develop": ("training",),
    "to_source": ("recruitment", "partnership", "consultant"),
}
"""The decisions each status calls for (DESIGN.md, Competency status)."""


def coverage(skill: Skill, people: Iterable[str] | None = None) -> int:
    """Count the people at or above the required level (restricted to ``people`` if given)."""
    allowed = None if people is None else set(people)
    return sum(
        1
        for person, level in skill.levels.items()
        if level >= skill.required_level and (allowed is None or person in allowed)
    )


def status(skill: Skill, people: Iterable[str] | None = None) -> Status:
    """Return the competency status of ``skill`` (available, fragile, to develop, to source)."""
    allowed = None if people is None else set(people)
    covered = coverage(skill, allowed)
    if covered >= skill.needed:
        return "available"
    if covered > 0:
        return "fragile"
    below = skill.required_level - 1
    for person in skill.interested:
        if allowed is not None and person not in allowed:
            continue
        if skill.levels.get(person, 0) == below:
            return "to_develop"
    return "to_source"


def by_organisation(skill: Skill, organisation_of: Mapping[str, str]) -> dict[str, int]:
    """An organisation's level is the highest level among its people."""
    levels: dict[str, int] = {}
    for person, organisation in organisation_of.items():
        level = skill.levels.get(person, 0)
        levels[organisation] = max(levels.get(organisation, 0), level)
    return levels
