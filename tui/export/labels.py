"""Translated words of the minutes for the values of the model's enumerations."""

from __future__ import annotations

from dataclasses import dataclass

from tui.i18n import N_, pt, t

OUTCOMES: dict[str, str] = {
    "consensus": N_("carried by consensus"),
    "unanimous": N_("carried unanimously"),
    "carried": N_("carried by a majority"),
    "defeated": N_("defeated"),
    "deferred": N_("deferred"),
    "tabled": N_("tabled"),
    "withdrawn": N_("withdrawn"),
}
"""The words of each decision outcome (msgids): the interface shows them as they are, the minutes
as a sentence with the votes (`tui.export.closing.outcome_sentence`)."""
PARKING_FATES: dict[str, str] = {
    "agenda": N_("brought back to the agenda"),
    "carried": N_("carried to the next meeting"),
}
"""What the meeting did with a parked topic (msgids); no fate chosen: nothing is said."""


@dataclass(frozen=True)
class Words:
    """Every enumeration value of the model in one language, looked up once per rendering."""

    steps: dict[str, str]
    resource_kinds: dict[str, str]
    resource_statuses: dict[str, str]
    levels: dict[int, str]
    competency: dict[str, str]
    skill_decisions: dict[str, str]
    agreement_kinds: dict[str, str]
    agreement_statuses: dict[str, str]
    indicator_kinds: dict[str, str]
    decision_rules: dict[str, str]
    participation_kinds: dict[str, str]
    signal_kinds: dict[str, str]
    signal_states: dict[str, str]
    item_statuses: dict[str, str]
    outcomes: dict[str, str]
    checks: dict[str, str]


def words(lang: str) -> Words:
    """The words of the minutes in ``lang``."""
    return Words(
        steps=_steps(lang),
        resource_kinds={
            "human": pt(lang, "minutes resource kind", "Human resources"),
            "financial": pt(lang, "minutes resource kind", "Financial resources"),
            "material": pt(lang, "minutes resource kind", "Material resources"),
            "in_kind": pt(lang, "minutes resource kind", "In-kind contributions"),
        },
        resource_statuses={
            "to_request": pt(lang, "minutes resource status", "To request"),
            "requested": pt(lang, "minutes resource status", "Requested"),
            "negotiating": pt(lang, "minutes resource status", "Under negotiation"),
            "confirmed_verbal": pt(lang, "minutes resource status", "Confirmed verbally"),
            "confirmed": pt(lang, "minutes resource status", "Confirmed in writing"),
            "refused": pt(lang, "minutes resource status", "Refused"),
        },
        levels={
            0: pt(lang, "minutes skill level", "absent"),
            1: pt(lang, "minutes skill level", "basic notions"),
            2: pt(lang, "minutes skill level", "autonomous"),
            3: pt(lang, "minutes skill level", "can train others"),
        },
        competency={
            "available": pt(lang, "minutes competency status", "Available"),
            "fragile": pt(lang, "minutes competency status", "Fragile"),
            "to_develop": pt(lang, "minutes competency status", "To develop"),
            "to_source": pt(lang, "minutes competency status", "To source"),
        },
        skill_decisions={
            "role": pt(lang, "minutes skill decision", "Role assignment"),
            "pairing": pt(lang, "minutes skill decision", "Pairing or succession"),
            "training": pt(lang, "minutes skill decision", "Training or mentoring"),
            "recruitment": pt(lang, "minutes skill decision", "Recruitment"),
            "partnership": pt(lang, "minutes skill decision", "Partnership"),
            "consultant": pt(lang, "minutes skill decision", "Consultant"),
        },
        agreement_kinds={
            "partnership": pt(lang, "minutes agreement kind", "Partnership agreement"),
            "mandate": pt(lang, "minutes agreement kind", "Mandate"),
            "protocol": pt(lang, "minutes agreement kind", "Memorandum of understanding"),
            "service_contract": pt(lang, "minutes agreement kind", "Service agreement"),
            "loan": pt(lang, "minutes agreement kind", "Loan agreement"),
            "letter": pt(lang, "minutes agreement kind", "Letter of commitment"),
            "other": pt(lang, "minutes agreement kind", "Other"),
        },
        agreement_statuses={
            "draft": pt(lang, "minutes agreement status", "Draft"),
            "negotiating": pt(lang, "minutes agreement status", "Under negotiation"),
            "signed": pt(lang, "minutes agreement status", "Signed"),
        },
        indicator_kinds={
            "output": pt(lang, "minutes indicator kind", "Output"),
            "outcome": pt(lang, "minutes indicator kind", "Outcome"),
        },
        decision_rules={
            "consensus": pt(lang, "minutes decision rule", "Consensus"),
            "consent": pt(lang, "minutes decision rule", "Consent"),
            "vote": pt(lang, "minutes decision rule", "Vote"),
        },
        participation_kinds={
            "consultation": pt(lang, "minutes participation kind", "Consultation"),
            "seat": pt(lang, "minutes participation kind", "Citizen seat"),
            "survey": pt(lang, "minutes participation kind", "Survey"),
            "event": pt(lang, "minutes participation kind", "Public event"),
        },
        signal_kinds={
            "threat": pt(lang, "minutes signal kind", "Threat"),
            "opportunity": pt(lang, "minutes signal kind", "Opportunity"),
            "both": pt(lang, "minutes signal kind", "Threat and opportunity"),
        },
        signal_states={
            "open": pt(lang, "minutes signal state", "Open"),
            "closed": pt(lang, "minutes signal state", "Closed"),
        },
        item_statuses={
            "open": pt(lang, "minutes item status", "To do"),
            "done": pt(lang, "minutes item status", "Done"),
            "dropped": pt(lang, "minutes item status", "Dropped"),
        },
        outcomes={k: t(lang, v) for k, v in OUTCOMES.items()},
        checks=_checks(lang),
    )


def _steps(lang: str) -> dict[str, str]:
    return {
        "actions": pt(lang, "minutes section", "Strategic plan actions"),
        "resources": pt(lang, "minutes section", "Resources"),
        "skills": pt(lang, "minutes section", "Skills"),
        "roles": pt(lang, "minutes section", "Roles and responsibilities"),
        "agreements": pt(lang, "minutes section", "Agreements and mandates"),
        "objectives": pt(lang, "minutes section", "Objectives and indicators"),
        "coordination": pt(lang, "minutes section", "Coordination and working groups"),
        "watch": pt(lang, "minutes section", "Environmental scanning and adjustments"),
        "decisions": pt(lang, "minutes section", "Decisions"),
        "live": pt(lang, "minutes section", "Action items"),
    }


def _checks(lang: str) -> dict[str, str]:
    """One sentence per review check code (`tui.model.analysis`)."""
    return {
        "no_lead": pt(lang, "minutes", "No lead designated."),
        "no_deadline": pt(lang, "minutes", "No deadline set."),
        "past_deadline": pt(lang, "minutes", "Deadline already past on the meeting's date."),
        "not_confirmed": pt(lang, "minutes", "Not confirmed in writing."),
        "no_amount": pt(lang, "minutes", "Amount or quantity needed not specified."),
        "broken_link": pt(lang, "minutes", "Refers to a record that no longer exists."),
        "no_decision": pt(lang, "minutes", "No follow-up yet on how to secure this skill."),
        "no_accountability": pt(
            lang, "minutes", "Accountability not specified (to whom it reports)."
        ),
        "no_indicator": pt(lang, "minutes", "No indicator yet."),
        "no_target": pt(lang, "minutes", "No target set."),
        "no_baseline": pt(lang, "minutes", "Baseline unknown."),
        "no_collector": pt(lang, "minutes", "Nobody designated to collect the data."),
        "not_followed": pt(lang, "minutes", "Reviewed by no follow-up."),
        "no_rule": pt(lang, "minutes", "Decision rule not specified."),
        "no_date": pt(lang, "minutes", "Neither a date nor a frequency set."),
        "no_body": pt(lang, "minutes", "No body designated to review it."),
        "no_responsible": pt(lang, "minutes", "Nobody designated as responsible."),
        "no_adjustment": pt(lang, "minutes", "No adjustment planned yet."),
        "no_outcome": pt(lang, "minutes", "Outcome not recorded."),
        "votes_exceed_present": pt(
            lang, "minutes", "More votes counted than voting members present."
        ),
        "no_quorum": pt(lang, "minutes", "Taken without quorum (majority of the members)."),
        "open_item": pt(lang, "minutes", "Action item still to do."),
    }
