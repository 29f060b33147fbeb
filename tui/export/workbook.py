"""The plan as a workbook (.xlsx), one sheet per table, with openpyxl.

Cells are typed (dates as dates, amounts as numbers in a money format when they are money), the
header row is frozen and bold, columns are as wide as their content. Every text is written as a
string cell: a label that begins with ``=`` stays text, never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tui.export.labels import Words, words
from tui.export.typography import typeset_session
from tui.i18n import pt
from tui.i18n.fmt import format_time
from tui.model.competency import coverage, status
from tui.model.live import Decision
from tui.model.plan import Role, WorkingGroup
from tui.model.session import Session

MONEY = {"fr": '#,##0.00\\ "$"', "en": '"$"#,##0.00'}
DATE = "yyyy-mm-dd"
MAX_WIDTH = 60
Value = str | int | Decimal | dt.date | None


@dataclass(frozen=True)
class Money:
    """An amount of money (a number cell in the money format)."""

    value: Decimal | None


Cell = Value | Money


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, its column headers and its rows of typed values."""

    name: str
    headers: list[str]
    rows: list[list[Cell]]


class _Names:
    """Plain names of the records a row refers to (no Markdown: cells hold text as typed)."""

    def __init__(self, s: Session, w: Words) -> None:
        self.people = {pid: p.name for pid, p in s.people_by_id().items()}
        self.actions = {a.id: a.code or a.label for a in s.actions}
        self.objectives = {o.id: o.label for o in s.objectives}
        self.bodies = {b.id: b.label for b in s.bodies}
        self.indicators = {i.id: i.label for i in s.indicators}
        self.w = w

    def many(self, found: dict[str, str], ids: Iterable[str]) -> str:
        return ", ".join(found.get(i, "?") for i in ids)

    def one(self, found: dict[str, str], key: str | None) -> str:
        return "" if key is None else found.get(key, "?")

    def lead(self, record: Role | WorkingGroup) -> str:
        person = self.one(self.people, record.lead)
        org = record.lead_org.strip()
        return f"{org} ({person})" if org and person else org or person


def _columns(lang: str) -> dict[str, str]:
    """The column headers of the workbook, by their English name."""
    found = [
        pt(lang, "minutes column", "Abstentions"),
        pt(lang, "minutes column", "Accountability"),
        pt(lang, "minutes column", "Action"),
        pt(lang, "minutes column", "Action item"),
        pt(lang, "minutes column", "Actions"),
        pt(lang, "minutes column", "Actions affected"),
        pt(lang, "minutes column", "Adjustment"),
        pt(lang, "minutes column", "Against"),
        pt(lang, "minutes column", "Agreement"),
        pt(lang, "minutes column", "Anticipated effect"),
        pt(lang, "minutes column", "Audience"),
        pt(lang, "minutes column", "Available"),
        pt(lang, "minutes column", "Baseline"),
        pt(lang, "minutes column", "Body"),
        pt(lang, "minutes column", "Channel"),
        pt(lang, "minutes column", "Code"),
        pt(lang, "minutes column", "Collected by"),
        pt(lang, "minutes column", "Confirmed"),
        pt(lang, "minutes column", "Consulted"),
        pt(lang, "minutes column", "Contributors"),
        pt(lang, "minutes column", "Convened by"),
        pt(lang, "minutes column", "Cost"),
        pt(lang, "minutes column", "Coverage"),
        pt(lang, "minutes column", "Date"),
        pt(lang, "minutes column", "Deadline"),
        pt(lang, "minutes column", "Decision"),
        pt(lang, "minutes column", "Decision rule"),
        pt(lang, "minutes column", "Follow-up"),
        pt(lang, "minutes column", "Deliverable"),
        pt(lang, "minutes column", "Due"),
        pt(lang, "minutes column", "End"),
        pt(lang, "minutes column", "For"),
        pt(lang, "minutes column", "Frequency"),
        pt(lang, "minutes column", "Indicator"),
        pt(lang, "minutes column", "Indicators"),
        pt(lang, "minutes column", "Informed"),
        pt(lang, "minutes column", "Kind"),
        pt(lang, "minutes column", "Languages"),
        pt(lang, "minutes column", "Lead"),
        pt(lang, "minutes column", "Mandate"),
        pt(lang, "minutes column", "Mechanism"),
        pt(lang, "minutes column", "Members"),
        pt(lang, "minutes column", "Message or purpose"),
        pt(lang, "minutes column", "Moved by"),
        pt(lang, "minutes column", "Need"),
        pt(lang, "minutes column", "Needed"),
        pt(lang, "minutes column", "Number"),
        pt(lang, "minutes column", "Objective"),
        pt(lang, "minutes column", "Organized by"),
        pt(lang, "minutes column", "Orientation"),
        pt(lang, "minutes column", "Outcome"),
        pt(lang, "minutes column", "Owner"),
        pt(lang, "minutes column", "Parties"),
        pt(lang, "minutes column", "Purpose"),
        pt(lang, "minutes column", "Reports to"),
        pt(lang, "minutes column", "Required level"),
        pt(lang, "minutes column", "Responsible"),
        pt(lang, "minutes column", "Reviewed by"),
        pt(lang, "minutes column", "Seconded by"),
        pt(lang, "minutes column", "Signal"),
        pt(lang, "minutes column", "Skill"),
        pt(lang, "minutes column", "Source"),
        pt(lang, "minutes column", "Start"),
        pt(lang, "minutes column", "State"),
        pt(lang, "minutes column", "Status"),
        pt(lang, "minutes column", "Target"),
        pt(lang, "minutes column", "Task"),
        pt(lang, "minutes column", "Time"),
        pt(lang, "minutes column", "Tool or report"),
        pt(lang, "minutes column", "Type"),
        pt(lang, "minutes column", "Unit"),
        pt(lang, "minutes column", "Voided"),
        pt(lang, "minutes column", "What is reviewed"),
        pt(lang, "minutes column", "Who"),
        pt(lang, "minutes column", "Who is invited"),
        pt(lang, "minutes column", "Working group"),
    ]
    return dict(zip(COLUMNS, found, strict=True))


COLUMNS = (
    "Abstentions",
    "Accountability",
    "Action",
    "Action item",
    "Actions",
    "Actions affected",
    "Adjustment",
    "Against",
    "Agreement",
    "Anticipated effect",
    "Audience",
    "Available",
    "Baseline",
    "Body",
    "Channel",
    "Code",
    "Collected by",
    "Confirmed",
    "Consulted",
    "Contributors",
    "Convened by",
    "Cost",
    "Coverage",
    "Date",
    "Deadline",
    "Decision",
    "Decision rule",
    "Follow-up",
    "Deliverable",
    "Due",
    "End",
    "For",
    "Frequency",
    "Indicator",
    "Indicators",
    "Informed",
    "Kind",
    "Languages",
    "Lead",
    "Mandate",
    "Mechanism",
    "Members",
    "Message or purpose",
    "Moved by",
    "Need",
    "Needed",
    "Number",
    "Objective",
    "Organized by",
    "Orientation",
    "Outcome",
    "Owner",
    "Parties",
    "Purpose",
    "Reports to",
    "Required level",
    "Responsible",
    "Reviewed by",
    "Seconded by",
    "Signal",
    "Skill",
    "Source",
    "Start",
    "State",
    "Status",
    "Target",
    "Task",
    "Time",
    "Tool or report",
    "Type",
    "Unit",
    "Voided",
    "What is reviewed",
    "Who",
    "Who is invited",
    "Working group",
)


def sheets(session: Session, lang: str) -> list[Sheet]:
    """The tables of the plan and of the meeting, as sheets in ``lang``, typed text typeset as in
    the minutes."""
    session = typeset_session(session, lang)
    w = words(lang)
    n = _Names(session, w)
    s = session

    columns = _columns(lang)

    def c(*names: str) -> list[str]:
        return [columns[name] for name in names]

    def amount(kind: str, value: Decimal | None) -> Cell:
        return Money(value) if kind == "financial" else value

    def time(value: dt.time | None) -> str:
        return "" if value is None else format_time(value, lang)

    def voided(d: Decision) -> str:
        """Why a decision was voided (« voided » when no reason was given); empty if it stands."""
        return (d.void_reason or pt(lang, "minutes", "VOIDED")) if d.voided else ""

    people = [(pid, p.name) for pid, p in s.people_by_id().items()]
    return [
        Sheet(pt(lang, "workbook sheet", "Actions"),
              c("Code", "Action", "Orientation", "Lead", "Deadline"),
              [[a.code, a.label, a.orientation, a.lead, a.deadline] for a in s.actions]),
        Sheet(pt(lang, "workbook sheet", "Resources"),
              c("Need", "Kind", "Action", "Needed", "Available", "Unit", "Source", "Status",
                "Confirmed", "Owner"),
              [[r.label, w.resource_kinds[r.kind], n.one(n.actions, r.action),
                amount(r.kind, r.needed), amount(r.kind, r.available), r.unit, r.source,
                w.resource_statuses[r.status], r.confirmed_on, r.owner] for r in s.resources]),
        Sheet(pt(lang, "workbook sheet", "Competency matrix"),
              [*c("Skill", "Required level"), *[name for _, name in people],
               *c("Coverage", "Needed", "Status", "Follow-up", "Who", "Due", "Cost")],
              [[k.label, k.required_level, *[k.levels.get(pid, 0) for pid, _ in people],
                coverage(k), k.needed, w.competency[status(k)],
                "" if k.decision.kind is None else w.skill_decisions[k.decision.kind],
                k.decision.who, k.decision.due, Money(k.decision.cost)] for k in s.skills]),
        Sheet(pt(lang, "workbook sheet", "Roles"),
              c("Task", "Action", "Lead", "Contributors", "Consulted", "Informed", "Deadline"),
              [[r.label, n.one(n.actions, r.action), n.lead(r),
                n.many(n.people, r.contributors), n.many(n.people, r.consulted),
                n.many(n.people, r.informed), r.deadline] for r in s.roles]),
        Sheet(pt(lang, "workbook sheet", "Agreements"),
              c("Agreement", "Type", "Parties", "Purpose", "Start", "End", "Status",
                "Accountability"),
              [[g.label, g.kind_other if g.kind == "other" and g.kind_other.strip()
                else w.agreement_kinds[g.kind], g.parties, g.purpose, g.start, g.end,
                w.agreement_statuses[g.status], g.reports_to] for g in s.agreements]),
        Sheet(pt(lang, "workbook sheet", "Objectives"), c("Objective", "Action", "Deadline"),
              [[o.label, n.one(n.actions, o.action), o.deadline] for o in s.objectives]),
        Sheet(pt(lang, "workbook sheet", "Indicators"),
              c("Indicator", "Objective", "Type", "Unit", "Baseline", "Target", "Deadline",
                "Source", "Frequency", "Collected by"),
              [[i.label, n.one(n.objectives, i.objective), w.indicator_kinds[i.kind], i.unit,
                i.baseline, i.target, i.deadline, i.source, i.frequency, i.collector]
               for i in s.indicators]),
        Sheet(pt(lang, "workbook sheet", "Coordination bodies"),
              c("Body", "Purpose", "Members", "Decision rule", "Frequency", "Channel",
                "Convened by"),
              [[b.label, b.purpose, b.members,
                "" if b.decision_rule is None else w.decision_rules[b.decision_rule],
                b.frequency, b.channel, b.convener] for b in s.bodies]),
        Sheet(pt(lang, "workbook sheet", "Working groups"),
              c("Working group", "Mandate", "Deliverable", "Lead", "Members", "Frequency",
                "Reports to", "Deadline"),
              [[g.label, g.mandate, g.deliverable, n.lead(g), g.members,
                g.frequency, n.one(n.bodies, g.reports_to), g.deadline]
               for g in s.working_groups]),
        Sheet(pt(lang, "workbook sheet", "Participation"),
              c("Mechanism", "Type", "Who is invited", "Date", "Frequency", "Organized by",
                "Actions"),
              [[p.label, "" if p.kind is None else w.participation_kinds[p.kind], p.invited,
                p.date, p.frequency, p.organiser, n.many(n.actions, p.actions)]
               for p in s.participation]),
        Sheet(pt(lang, "workbook sheet", "Plan follow-up"),
              c("What is reviewed", "Indicators", "Actions", "Reviewed by", "Frequency",
                "Tool or report"),
              [[m.label, n.many(n.indicators, m.indicators), n.many(n.actions, m.actions),
                n.one(n.bodies, m.body), m.frequency, m.tool] for m in s.monitoring]),
        Sheet(pt(lang, "workbook sheet", "Communication"),
              c("Message or purpose", "Audience", "Channel", "Languages", "Frequency",
                "Responsible"),
              [[m.label, m.audience, m.channel, m.languages, m.frequency, m.responsible]
               for m in s.communication]),
        Sheet(pt(lang, "workbook sheet", "Signals"),
              c("Signal", "Type", "Source", "Date", "Actions affected", "Anticipated effect",
                "Adjustment", "Owner", "State"),
              [[g.label, w.signal_kinds[g.kind], g.source, g.date, n.many(n.actions, g.actions),
                g.effect, g.adjustment, g.owner, w.signal_states[g.state]] for g in s.signals]),
        Sheet(pt(lang, "workbook sheet", "Decisions"),
              c("Number", "Decision", "Time", "Moved by", "Seconded by", "Outcome", "For",
                "Against", "Abstentions", "Voided"),
              [[d.number or "", d.text, time(d.taken_at), d.moved_by, d.seconded_by,
                w.outcomes.get(d.outcome or "", ""), d.votes_for, d.votes_against,
                d.abstentions, voided(d)] for d in s.decisions]),
        Sheet(pt(lang, "workbook sheet", "Follow-ups"), c("Action item", "Who", "Due", "Status"),
              [[i.label, i.who, i.due, w.item_statuses[i.status]] for i in s.action_items]),
    ]  # fmt: skip


def _title(name: str, taken: set[str]) -> str:
    """A sheet title Excel accepts: 31 characters, none of ``[]:*?/\\``, unique."""
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in name)[:31].strip() or "Sheet"
    title, n = clean, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _write(ws: Worksheet, sheet: Sheet, money: str) -> None:
    widths = [len(h) for h in sheet.headers]
    ws.append(sheet.headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(sheet.rows, start=2):
        for col, value in enumerate(row, start=1):
            target = ws.cell(row=r, column=col)
            _set(target, value, money)
            shown = "" if target.value is None else str(target.value)
            longest = max((len(line) for line in shown.split("\n")), default=0)
            widths[col - 1] = max(widths[col - 1], longest + (3 if isinstance(value, Money) else 0))
    ws.freeze_panes = "A2"
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(8, width + 2))


def _set(target: Any, value: Cell, money: str) -> None:
    if isinstance(value, Money):
        if value.value is not None:
            target.value = value.value
            target.number_format = money
    elif isinstance(value, str):
        if value:
            target.value = ILLEGAL_CHARACTERS_RE.sub("", value)
            target.data_type = "s"  # text, even when it begins with "=": never a formula
            if "\n" in value:
                target.alignment = Alignment(wrap_text=True, vertical="top")
    elif isinstance(value, dt.date):
        target.value = value
        target.number_format = DATE
    elif value is not None:
        target.value = value


def render_xlsx(session: Session, lang: str) -> bytes:
    """The workbook of ``session`` in ``lang``."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    taken: set[str] = set()
    for sheet in sheets(session, lang):
        _write(book.create_sheet(_title(sheet.name, taken)), sheet, MONEY[lang])
    book.properties.title = session.meeting.title
    book.properties.language = lang
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
