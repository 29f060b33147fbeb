"""The review's open points as sentences that name their record, in the interface language."""

from __future__ import annotations

from tui.i18n import _
from tui.model import ReviewItem, Session
from tui.model.competency import status
from tui.model.plan import Skill


def _sentences() -> dict[tuple[str, str], str]:
    """The sentence of each (table, check); ``{label}`` names the record."""
    return {
        ("actions", "no_lead"): _("Action “{label}” has no lead."),
        ("actions", "no_deadline"): _("Action “{label}” has no deadline."),
        ("actions", "past_deadline"): _("Action “{label}”: its deadline {date} is already past."),
        ("objectives", "past_deadline"): _(
            "Objective “{label}”: its deadline {date} is already past."
        ),
        ("indicators", "past_deadline"): _(
            "Indicator “{label}”: its deadline {date} is already past."
        ),
        ("resources", "not_confirmed"): _("Resource “{label}” is not confirmed in writing."),
        ("resources", "no_amount"): _("Resource “{label}” does not say the amount needed."),
        ("resources", "broken_link"): _(
            "Resource “{label}” refers to an action that no longer exists."
        ),
        ("skills", "no_decision"): _("Skill “{label}” is {status} and has no follow-up yet."),
        ("skills", "broken_link"): _("Skill “{label}” refers to an action that no longer exists."),
        ("roles", "no_lead"): _("Role “{label}” has no lead."),
        ("roles", "broken_link"): _(
            "Role “{label}” refers to an action or a person that no longer exists."
        ),
        ("agreements", "no_accountability"): _(
            "Agreement “{label}” does not say to whom it reports."
        ),
        ("objectives", "no_indicator"): _("Objective “{label}” has no indicator."),
        ("objectives", "broken_link"): _(
            "Objective “{label}” refers to an action that no longer exists."
        ),
        ("indicators", "no_target"): _("Indicator “{label}” has no target."),
        ("indicators", "no_baseline"): _("Indicator “{label}” has no baseline."),
        ("indicators", "no_collector"): _("Indicator “{label}” has nobody to collect its data."),
        ("indicators", "broken_link"): _(
            "Indicator “{label}” refers to an objective that no longer exists."
        ),
        ("indicators", "not_followed"): _("Indicator “{label}” is reviewed by no follow-up."),
        ("bodies", "no_rule"): _("Body “{label}” has no decision rule."),
        ("working_groups", "no_lead"): _("Working group “{label}” has no lead."),
        ("working_groups", "broken_link"): _(
            "Working group “{label}” refers to a person or a body that no longer exists."
        ),
        ("participation", "no_date"): _("Participation “{label}” says neither when nor how often."),
        ("participation", "broken_link"): _(
            "Participation “{label}” refers to an action that no longer exists."
        ),
        ("monitoring", "no_body"): _("Follow-up “{label}” has no body to review it."),
        ("monitoring", "broken_link"): _(
            "Follow-up “{label}” refers to an indicator, an action or a body that no longer exists."
        ),
        ("communication", "no_responsible"): _("Communication “{label}” has nobody responsible."),
        ("signals", "no_adjustment"): _("Signal “{label}” is open with no adjustment planned."),
        ("signals", "broken_link"): _(
            "Signal “{label}” refers to an action that no longer exists."
        ),
        ("action_items", "open_item"): _("Action item “{label}” is still open."),
        ("decisions", "no_outcome"): _("Decision {label}: outcome not recorded."),
        ("decisions", "votes_exceed_present"): _(
            "Decision {label}: {votes} votes counted, but {present} voting members present."
        ),
        ("decisions", "no_quorum"): _(
            "Decision {label} was taken without quorum: {present} of {members} members "
            "present (majority: {needed})."
        ),
    }


def sentence(item: ReviewItem, session: Session) -> str:
    """One open point as a sentence naming its record."""
    from tui.widgets.matrix import status_word

    label = item.params.get("label", "")
    template = _sentences().get((item.table, item.check))
    if template is None:
        return _("“{label}”: {check}", label=label, check=item.check)
    extra: dict[str, str] = {}
    if item.table == "skills":
        skill = session.find("skills", item.record_id)
        if isinstance(skill, Skill):
            extra["status"] = status_word(status(skill))
    return _format(template, **{**item.params, "label": label, **extra})


def _format(template: str, **values: str) -> str:
    """Fill a translated template; a missing value leaves its placeholder readable."""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
