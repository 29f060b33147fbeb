"""One declaration per step: its records, form fields, table columns, summary and help.

Step 7's editors, one per mode of coordination, are in `tui.screens.coordination_config`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.i18n import N_
from tui.model import Action, Agreement, Indicator, Objective, Resource, Role, Signal
from tui.screens import coordination_config
from tui.screens.summaries import (
    actions_summary,
    agreements_summary,
    objectives_summary,
    resources_summary,
    roles_summary,
    signals_summary,
)
from tui.widgets.choices import short_word
from tui.widgets.editor_config import (
    LEAD,
    LEAD_ORG_HELP,
    Column,
    EditorConfig,
    EditorTab,
    TableConfig,
    amount,
    blank,
    const,
    date,
    flag,
    link,
    links,
    need,
    number,
    text,
    word,
)
from tui.widgets.fields import spec_for

NEED_HELP = N_("A need that is not a number, in words: “loan of the truck”.")
OTHER_KIND_HELP = N_("The type in words, when none of the list fits (type: other).")
ACCOUNTABLE_HELP = N_("Who answers for it (the A of RACI): a person or a body.")


def _agreement_kind(record: Agreement, view: object) -> str:
    """The type's short word, or the type named in words when it is « other »."""
    return (record.kind == "other" and record.kind_other.strip()) or short_word(record.kind)


@dataclass(frozen=True)
class StepConfig:
    """A step shown by the record editor: its editor and its help (msgid)."""

    key: str
    editor: EditorConfig
    help: str
    tabs: tuple[EditorTab, ...] = ()
    """Several editors, one tab each (the first holds ``editor``); none: ``editor`` alone."""


ACTIONS = StepConfig(
    "actions",
    EditorConfig(
        TableConfig(
            "actions",
            Action,
            (
                spec_for(Action, "label", N_("Action")),
                spec_for(Action, "code", N_("Code"), help=N_("Its number in the plan, e.g. 2.1.")),
                spec_for(Action, "orientation", N_("Strategic direction")),
                spec_for(Action, "lead", N_("Lead"), help=N_("The organisation that carries it.")),
                spec_for(Action, "deadline", N_("Deadline")),
            ),
            N_("Action"),
            N_("New action"),
        ),
        (
            Column(N_("Code"), text("code"), 6),
            Column(N_("Action"), text("label")),
            Column(N_("Strategic direction"), text("orientation"), 24, wide=110),
            Column(N_("Lead"), flag(text("lead"), N_("none")), 16),
            Column(N_("Deadline"), date("deadline"), 10),
        ),
        N_("No action yet. Press a to add the plan's actions."),
        actions_summary,
    ),
    N_(
        "Step 1: the strategic plan's actions to make concrete. Later steps link to them: "
        "resources, roles, objectives and signals."
    ),
)

RESOURCES = StepConfig(
    "resources",
    EditorConfig(
        TableConfig(
            "resources",
            Resource,
            (
                spec_for(Resource, "label", N_("Description")),
                spec_for(Resource, "kind", N_("Type")),
                spec_for(Resource, "action", N_("Linked action"), link="actions"),
                spec_for(Resource, "needed", N_("Needed")),
                spec_for(Resource, "needed_text", N_("Need in words"), help=NEED_HELP),
                spec_for(Resource, "available", N_("Available")),
                spec_for(
                    Resource,
                    "unit",
                    N_("Unit"),
                    help=N_("For a quantity: hours, days, rooms. Money needs no unit."),
                ),
                spec_for(Resource, "source", N_("Source"), help=N_("Organisation or funder.")),
                spec_for(Resource, "status", N_("Status")),
                spec_for(Resource, "confirmed_on", N_("Confirmed on")),
                spec_for(Resource, "owner", N_("Owner")),
            ),
            N_("Resource"),
            N_("New resource"),
        ),
        (
            Column(N_("Resource"), text("label")),
            Column(N_("Type"), word("kind"), 10),
            Column(N_("Needed"), need("needed", "needed_text"), 11, right=True),
            Column(N_("Available"), amount("available"), 11, right=True),
            Column(N_("Status"), word("status", short_word), 12),
            Column(N_("Action"), link("action", "actions"), 20, wide=110),
            Column(N_("Source"), text("source"), 16, wide=130),
            Column(N_("Owner"), text("owner"), 14, wide=150),
        ),
        N_("No resource yet. Press a to add a need."),
        resources_summary,
    ),
    N_(
        "Step 2: what the actions need (human, financial, material, in kind), what is "
        "available, and its status from to request to confirmed in writing. A need may be "
        "said in words. Totals compare what is needed with what is confirmed in writing; "
        "verbal promises are shown apart."
    ),
)

ROLES = StepConfig(
    "roles",
    EditorConfig(
        TableConfig(
            "roles",
            Role,
            (
                spec_for(Role, "label", N_("Task or action")),
                spec_for(Role, "action", N_("Linked action"), link="actions"),
                spec_for(
                    Role,
                    "lead",
                    N_("Lead"),
                    link="people",
                    help=N_("One lead at most; a role without one is a review point."),
                ),
                spec_for(Role, "accountable", N_("Accountable (A)"), help=ACCOUNTABLE_HELP),
                spec_for(Role, "contributors", N_("Contributors"), link="people"),
                spec_for(Role, "consulted", N_("Consulted"), link="people"),
                spec_for(Role, "informed", N_("Informed"), link="people"),
                spec_for(Role, "deadline", N_("Deadline")),
                spec_for(Role, "mandate", N_("Mandate"), block=True),
                spec_for(Role, "lead_org", N_("Lead organisation"), help=LEAD_ORG_HELP),
            ),
            N_("Role"),
            N_("New role"),
        ),
        (
            Column(N_("Task or action"), text("label")),
            Column(N_("Lead"), flag(LEAD, N_("no lead")), 18),
            Column(N_("Contributors"), links("contributors", "people"), 18, wide=100),
            Column(N_("Accountable"), text("accountable"), 18, wide=180),
            Column(N_("Deadline"), date("deadline"), 10),
            Column(N_("Action"), link("action", "actions"), 20, wide=120),
            Column(N_("Consulted"), links("consulted", "people"), 16, wide=140),
            Column(N_("Informed"), links("informed", "people"), 16, wide=160),
        ),
        N_("No role yet. Press a to say who does what."),
        roles_summary,
    ),
    N_(
        "Step 4: who does what. For each task, one lead (a role without a lead is flagged), "
        "who is accountable (a person or a body), the contributors, who is consulted and "
        "who is informed."
    ),
)

AGREEMENTS = StepConfig(
    "agreements",
    EditorConfig(
        TableConfig(
            "agreements",
            Agreement,
            (
                spec_for(Agreement, "label", N_("Title")),
                spec_for(Agreement, "kind", N_("Type")),
                spec_for(Agreement, "status", N_("Status")),
                spec_for(Agreement, "parties", N_("Parties"), block=True),
                spec_for(Agreement, "mandating", N_("Mandating party")),
                spec_for(Agreement, "mandated", N_("Mandated party")),
                spec_for(Agreement, "purpose", N_("Purpose"), block=True),
                spec_for(Agreement, "start", N_("Start")),
                spec_for(Agreement, "end", N_("End")),
                spec_for(
                    Agreement,
                    "commitments",
                    N_("Commitments"),
                    block=True,
                    help=N_("What each party commits to."),
                ),
                spec_for(Agreement, "deliverables", N_("Deliverables"), block=True),
                spec_for(
                    Agreement,
                    "reports_to",
                    N_("Reports to"),
                    help=N_("The body the mandated party accounts to."),
                ),
                spec_for(Agreement, "report_frequency", N_("Reporting frequency")),
                spec_for(Agreement, "report_form", N_("Reporting form")),
                spec_for(Agreement, "kind_other", N_("Other type"), help=OTHER_KIND_HELP),
            ),
            N_("Agreement"),
            N_("New agreement"),
        ),
        (
            Column(N_("Agreement"), text("label")),
            Column(N_("Type"), _agreement_kind, 12),
            Column(N_("Status"), word("status", short_word), 14),
            Column(N_("Reports to"), flag(text("reports_to"), N_("nobody")), 16),
            Column(N_("End"), date("end"), 10, wide=100),
            Column(N_("Mandated party"), text("mandated"), 18, wide=120),
        ),
        N_("No agreement yet. Press a to add one."),
        agreements_summary,
    ),
    N_(
        "Step 5: partnership agreements, mandates and service contracts: the parties, the "
        "purpose, the commitments, and the accountability (reports to which body, how often, "
        "in what form)."
    ),
)

OBJECTIVES = StepConfig(
    "objectives",
    EditorConfig(
        TableConfig(
            "objectives",
            Objective,
            (
                spec_for(Objective, "label", N_("Objective")),
                spec_for(Objective, "action", N_("Linked action"), link="actions"),
                spec_for(Objective, "deadline", N_("Deadline")),
            ),
            N_("Objective"),
            N_("New objective"),
        ),
        (
            Column(N_("Objective / indicator"), text("label")),
            Column(N_("Type"), const(N_("objective")), 11, child=word("kind")),
            Column(N_("Baseline"), blank, 9, child=number("baseline"), right=True),
            Column(N_("Target"), blank, 9, child=number("target"), right=True),
            Column(N_("Deadline"), date("deadline"), 10, child=date("deadline")),
            Column(N_("Who collects"), blank, 14, wide=100, child=text("collector")),
            Column(N_("Data source"), blank, 16, wide=130, child=text("source")),
        ),
        N_("No objective yet. Press a to add one, then i to add its indicators."),
        objectives_summary,
        child=TableConfig(
            "indicators",
            Indicator,
            (
                spec_for(Indicator, "label", N_("Indicator")),
                spec_for(Indicator, "objective", N_("Objective"), link="objectives"),
                spec_for(
                    Indicator,
                    "kind",
                    N_("Type"),
                    help=N_("Output: under the collective's control. Outcome: a change."),
                ),
                spec_for(Indicator, "unit", N_("Unit")),
                spec_for(Indicator, "baseline", N_("Baseline")),
                spec_for(Indicator, "target", N_("Target")),
                spec_for(Indicator, "deadline", N_("Deadline")),
                spec_for(Indicator, "source", N_("Data source")),
                spec_for(Indicator, "frequency", N_("Frequency")),
                spec_for(Indicator, "collector", N_("Who collects")),
            ),
            N_("Indicator"),
            N_("New indicator"),
        ),
        parent_field="objective",
        child_action="add_indicator",
        orphans=N_("Indicators without an objective"),
    ),
    N_(
        "Step 6: specific objectives, each with its indicators (output or outcome), "
        "baseline, target, deadline, data source, frequency and who collects. Indicators "
        "are listed under their objective; i adds one under the selected objective."
    ),
)

COORDINATION = StepConfig(
    "coordination",
    coordination_config.BODIES,
    N_(
        "Step 7: the modes of coordination, participation, follow-up and communication, one "
        "tab each. Bodies (purpose, members, decision rule, frequency, channel, who convenes) "
        "with their working groups listed under the body they report to (g adds one); "
        "participation (who is invited, when, who organises); follow-up (which indicators and "
        "actions, by which body, how often, with which tool); communication (audience, "
        "channel, languages, who is responsible). Shift+tab then the arrows change tabs."
    ),
    tabs=coordination_config.TABS,
)

WATCH = StepConfig(
    "watch",
    EditorConfig(
        TableConfig(
            "signals",
            Signal,
            (
                spec_for(Signal, "label", N_("Signal")),
                spec_for(Signal, "source", N_("Source")),
                spec_for(Signal, "date", N_("Date")),
                spec_for(Signal, "kind", N_("Type")),
                spec_for(Signal, "actions", N_("Actions affected"), link="actions"),
                spec_for(Signal, "effect", N_("Anticipated effect"), block=True),
                spec_for(Signal, "adjustment", N_("Adjustment"), block=True),
                spec_for(Signal, "owner", N_("Owner")),
                spec_for(Signal, "state", N_("State")),
            ),
            N_("Signal"),
            N_("New signal"),
        ),
        (
            Column(N_("Signal"), text("label")),
            Column(N_("Type"), word("kind", short_word), 11),
            Column(N_("Date"), date("date"), 10),
            Column(N_("State"), word("state"), 7),
            Column(N_("Adjustment"), flag(text("adjustment"), N_("none")), 20, wide=100),
            Column(N_("Owner"), text("owner"), 14, wide=120),
            Column(N_("Actions affected"), links("actions", "actions"), 20, wide=140),
        ),
        N_("No signal yet. Press a to record one."),
        signals_summary,
    ),
    N_(
        "Step 8: signals from the community and the environment, threat, opportunity or both, "
        "the actions they affect, the anticipated effect and the adjustment, and who "
        "keeps watch."
    ),
)

STEP_CONFIGS: dict[str, StepConfig] = {
    c.key: c for c in (ACTIONS, RESOURCES, ROLES, AGREEMENTS, OBJECTIVES, COORDINATION, WATCH)
}
"""The steps shown by the record editor, by step key."""
