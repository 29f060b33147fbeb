"""Step 7's editors: bodies and working groups, participation, follow-up and communication.

The source text asks for « la définition des modes de coordination, de participation, de suivi
et de communication »: one tab per mode, each the same record editor as the other steps.
"""

from __future__ import annotations

from typing import Any

from tui.i18n import N_
from tui.model import Body, Communication, Monitoring, Participation, WorkingGroup
from tui.screens.summaries import (
    communication_summary,
    coordination_summary,
    monitoring_summary,
    participation_summary,
)
from tui.widgets.editor_config import (
    LEAD,
    LEAD_ORG_HELP,
    Column,
    EditorConfig,
    EditorTab,
    TableConfig,
    View,
    blank,
    date,
    flag,
    link,
    links,
    text,
    word,
)
from tui.widgets.fields import spec_for

BODIES = EditorConfig(
    TableConfig(
        "bodies",
        Body,
        (
            spec_for(Body, "label", N_("Name")),
            spec_for(Body, "purpose", N_("Purpose"), block=True),
            spec_for(Body, "members", N_("Members"), block=True),
            spec_for(Body, "decision_rule", N_("Decision rule")),
            spec_for(Body, "frequency", N_("Frequency")),
            spec_for(Body, "channel", N_("Channel")),
            spec_for(Body, "convener", N_("Who convenes")),
        ),
        N_("Body"),
        N_("New body"),
    ),
    (
        Column(N_("Body / working group"), text("label")),
        Column(N_("Decision"), flag(word("decision_rule"), N_("none")), 11, child=blank),
        Column(N_("In charge"), text("convener"), 16, child=LEAD),
        Column(N_("When"), text("frequency"), 12, child=date("deadline")),
        Column(
            N_("Channel / deliverable"),
            text("channel"),
            18,
            wide=110,
            child=text("deliverable"),
        ),
    ),
    N_("No body yet. Press a to add a body, then g to add its working groups."),
    coordination_summary,
    child=TableConfig(
        "working_groups",
        WorkingGroup,
        (
            spec_for(WorkingGroup, "label", N_("Name")),
            spec_for(WorkingGroup, "mandate", N_("Mandate"), block=True),
            spec_for(WorkingGroup, "deliverable", N_("Deliverable")),
            spec_for(WorkingGroup, "lead", N_("Lead"), link="people"),
            spec_for(WorkingGroup, "members", N_("Members"), block=True),
            spec_for(
                WorkingGroup,
                "frequency",
                N_("Frequency"),
                help=N_("How often it meets: “weekly at launch”."),
            ),
            spec_for(WorkingGroup, "reports_to", N_("Reports to"), link="bodies"),
            spec_for(WorkingGroup, "deadline", N_("Deadline")),
            spec_for(WorkingGroup, "lead_org", N_("Lead organisation"), help=LEAD_ORG_HELP),
        ),
        N_("Working group"),
        N_("New working group"),
    ),
    parent_field="reports_to",
    child_action="add_group",
    orphans=N_("Working groups reporting to no body"),
)


def _when(record: Any, view: View) -> str:
    """A participation's date, else how often it is held."""
    return str(date("date")(record, view) or text("frequency")(record, view))


PARTICIPATION = EditorConfig(
    TableConfig(
        "participation",
        Participation,
        (
            spec_for(Participation, "label", N_("Mechanism")),
            spec_for(
                Participation,
                "kind",
                N_("Type"),
                help=N_("Consultation, citizen seat, survey or public event."),
            ),
            spec_for(Participation, "invited", N_("Who is invited"), block=True),
            spec_for(Participation, "date", N_("Date")),
            spec_for(
                Participation,
                "frequency",
                N_("Frequency"),
                help=N_("For a recurring mechanism: “twice a year”."),
            ),
            spec_for(Participation, "organiser", N_("Organized by")),
            spec_for(Participation, "actions", N_("Actions it serves"), link="actions"),
        ),
        N_("Participation"),
        N_("New participation mechanism"),
    ),
    (
        Column(N_("Mechanism"), text("label")),
        Column(N_("Type"), word("kind"), 12),
        Column(N_("When"), flag(_when, N_("no date")), 14),
        Column(N_("Organized by"), text("organiser"), 16),
        Column(N_("Actions"), links("actions", "actions"), 14, wide=100),
        Column(N_("Who is invited"), text("invited"), 18, wide=120),
    ),
    N_("No participation mechanism yet. Press a to add a consultation, a seat or a survey."),
    participation_summary,
)

MONITORING = EditorConfig(
    TableConfig(
        "monitoring",
        Monitoring,
        (
            spec_for(Monitoring, "label", N_("What is reviewed")),
            spec_for(
                Monitoring,
                "indicators",
                N_("Indicators reviewed"),
                link="indicators",
                help=N_("An indicator that no follow-up reviews is a review point."),
            ),
            spec_for(Monitoring, "actions", N_("Actions reviewed"), link="actions"),
            spec_for(Monitoring, "body", N_("Reviewed by (body)"), link="bodies"),
            spec_for(Monitoring, "frequency", N_("Frequency")),
            spec_for(
                Monitoring,
                "tool",
                N_("Tool or report"),
                help=N_("A dashboard, an annual report, a review grid."),
            ),
        ),
        N_("Follow-up"),
        N_("New follow-up"),
    ),
    (
        Column(N_("What is reviewed"), text("label")),
        Column(N_("Body"), flag(link("body", "bodies"), N_("no body")), 18),
        Column(N_("Frequency"), text("frequency"), 14),
        Column(N_("Tool or report"), text("tool"), 16),
        Column(N_("Indicators"), links("indicators", "indicators"), 20, wide=110),
        Column(N_("Actions"), links("actions", "actions"), 14, wide=130),
    ),
    N_("No follow-up yet. Press a to say what is reviewed, by which body and how often."),
    monitoring_summary,
)

COMMUNICATION = EditorConfig(
    TableConfig(
        "communication",
        Communication,
        (
            spec_for(Communication, "label", N_("Message or purpose")),
            spec_for(Communication, "audience", N_("Audience")),
            spec_for(
                Communication,
                "channel",
                N_("Channel"),
                help=N_("Newsletter, posters, social media, public meeting."),
            ),
            spec_for(Communication, "languages", N_("Languages")),
            spec_for(Communication, "frequency", N_("Frequency")),
            spec_for(Communication, "responsible", N_("Responsible")),
        ),
        N_("Communication"),
        N_("New communication item"),
    ),
    (
        Column(N_("Message or purpose"), text("label")),
        Column(N_("Audience"), text("audience"), 14),
        Column(N_("Channel"), text("channel"), 14),
        Column(N_("Responsible"), flag(text("responsible"), N_("nobody")), 14),
        Column(N_("Frequency"), text("frequency"), 12, wide=100),
        Column(N_("Languages"), text("languages"), 12, wide=120),
    ),
    N_("No communication item yet. Press a to plan a message: audience, channel, who."),
    communication_summary,
)

TABS = (
    EditorTab("tab-bodies", N_("Bodies and groups"), BODIES),
    EditorTab("tab-participation", N_("Participation"), PARTICIPATION),
    EditorTab("tab-monitoring", N_("Follow-up"), MONITORING),
    EditorTab("tab-communication", N_("Communication"), COMMUNICATION),
)
"""The coordination step's tabs: one per mode the source text names."""
