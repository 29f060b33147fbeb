"""Minutes tables of the modes of participation, follow-up and communication (step 7).

Placed after the bodies and working groups (`tui.export.governance.coordination`); the view
of each field in a follow-up's minutes (`tui.export.diffs`) uses the same formatters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tui.export.blocks import Block, heading, table
from tui.export.context import Context
from tui.export.escape import EMPTY, cell
from tui.i18n import pt

Rows = Iterable[list[str]]


def when(c: Context, p: Any) -> str:
    """A participation's date and how often it is held, or a dash."""
    parts = [c.date(p.date)] if p.date is not None else []
    if p.frequency.strip():
        parts.append(cell(p.frequency))
    return ", ".join(parts) or EMPTY


def actions(c: Context, r: Any) -> str:
    """The actions a record links to, by code, or a dash."""
    return ", ".join(c.action(a) for a in r.actions) or EMPTY


def indicators(c: Context, r: Any) -> str:
    """The indicators a follow-up reviews, by label, or a dash."""
    known = {i.id: i.label for i in c.session.indicators}
    removed = pt(c.lang, "minutes", "(removed indicator)")
    return ", ".join(cell(known[i]) if i in known else removed for i in r.indicators) or EMPTY


def reviewer(c: Context, r: Any) -> str:
    """The body that reviews a follow-up, or « to be determined »."""
    return pt(c.lang, "minutes", "to be determined") if r.body is None else c.body(r.body)


def responsible(c: Context, r: Any) -> str:
    """Who is responsible for a communication item, or « to be determined »."""
    text = r.responsible.strip()
    return cell(text) if text else pt(c.lang, "minutes", "to be determined")


def _section(level: int, title: str, headers: list[str], rows: Rows) -> list[Block]:
    """A heading and a table, or nothing when there is no row."""
    found = list(rows)
    return [heading(level, title), table(headers, found)] if found else []


def participation(c: Context, level: int) -> list[Block]:
    """How the collective involves the people concerned."""
    lang = c.lang
    headers = [
        pt(lang, "minutes column", "Mechanism"),
        pt(lang, "minutes column", "Type"),
        pt(lang, "minutes column", "Who is invited"),
        pt(lang, "minutes column", "When"),
        pt(lang, "minutes column", "Organized by"),
        pt(lang, "minutes column", "Actions"),
    ]
    rows = (
        [
            cell(p.label),
            EMPTY if p.kind is None else c.words.participation_kinds[p.kind],
            cell(p.invited),
            when(c, p),
            cell(p.organiser),
            actions(c, p),
        ]
        for p in c.session.participation
    )
    return _section(level, pt(lang, "minutes section", "Participation"), headers, rows)


def monitoring(c: Context, level: int) -> list[Block]:
    """The follow-up of the plan: what is reviewed, by which body, how often, with what."""
    lang = c.lang
    headers = [
        pt(lang, "minutes column", "What is reviewed"),
        pt(lang, "minutes column", "Indicators"),
        pt(lang, "minutes column", "Actions"),
        pt(lang, "minutes column", "Reviewed by"),
        pt(lang, "minutes column", "Frequency"),
        pt(lang, "minutes column", "Tool or report"),
    ]
    rows = (
        [cell(m.label), indicators(c, m), actions(c, m), reviewer(c, m), cell(m.frequency),
         cell(m.tool)]
        for m in c.session.monitoring
    )  # fmt: skip
    return _section(level, pt(lang, "minutes section", "Follow-up"), headers, rows)


def communication(c: Context, level: int) -> list[Block]:
    """The communication plan."""
    lang = c.lang
    headers = [
        pt(lang, "minutes column", "Message or purpose"),
        pt(lang, "minutes column", "Audience"),
        pt(lang, "minutes column", "Channel"),
        pt(lang, "minutes column", "Languages"),
        pt(lang, "minutes column", "Frequency"),
        pt(lang, "minutes column", "Responsible"),
    ]
    rows = (
        [cell(n.label), cell(n.audience), cell(n.channel), cell(n.languages),
         cell(n.frequency), responsible(c, n)]
        for n in c.session.communication
    )  # fmt: skip
    return _section(level, pt(lang, "minutes section", "Communication"), headers, rows)


def modes(c: Context, level: int) -> list[Block]:
    """Participation, follow-up and communication, each when it holds records."""
    return [*participation(c, level), *monitoring(c, level), *communication(c, level)]
