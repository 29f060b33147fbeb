"""Translated words of the minutes for the values of the model's enumerations."""

from __future__ import annotations

from dataclasses import dataclass

from tui.i18n import pt, t


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
            "human": pt(lang, "resource kind", "Human resources"),
            "financial": pt(lang, "resource kind", "Financial resources"),
            "material": pt(lang, "resource kind", "Material resources"),
            "in_kind": pt(lang, "resource kind", "In-kind contributions"),
        },
        resource_statuses={
            "to_request": pt(lang, "resource status", "To request"),
            "requested": pt(lang, "resource status", "Requested"),
            "confirmed": pt(lang, "resource status", "Confirmed in writing"),
            "refused": pt(lang, "resource status", "Refused"),
        },
        levels={
            0: pt(lang, "skill level", "absent"),
            1: pt(lang, "skill level", "basic notions"),
            2: pt(lang, "skill level", "autonomous"),
            3: pt(lang, "skill level", "can train others"),
        },
        competency={
            "available": pt(lang, "competency status", "Available"),
            "fragile": pt(lang, "competency status", "Fragile"),
            "to_develop": pt(lang, "competency status", "To develop"),
            "to_source": pt(lang, "competency status", "To source"),
        },
        skill_decisions={
            "role": pt(lang, "skill decision", "Role assignment"),
            "pairing": pt(lang, "skill decision", "Pairing or succession"),
            "training": pt(lang, "skill decision", "Training or mentoring"),
            "recruitment": pt(lang, "skill decision", "Recruitment"),
            "partnership": pt(lang, "skill decision", "Partnership"),
            "consultant": pt(lang, "skill decision", "Consultant"),
        },
        agreement_kinds={
            "partnership": pt(lang, "agreement kind", "Partnership agreement"),
            "mandate": pt(lang, "agreement kind", "Mandate"),
            "protocol": pt(lang, "agreement kind", "Memorandum of understanding"),
            "service_contract": pt(lang, "agreement kind", "Service agreement"),
            "letter": pt(lang, "agreement kind", "Letter of commitment"),
        },
        agreement_statuses={
            "draft": pt(lang, "agreement status", "Draft"),
            "negotiating": pt(lang, "agreement status", "Under negotiation"),
            "signed": pt(lang, "agreement status", "Signed"),
        },
        indicator_kinds={
            "output": pt(lang, "indicator kind", "Output"),
            "outcome": pt(lang, "indicator kind", "Outcome"),
        },
        decision_rules={
            "consensus": pt(lang, "decision rule", "Consensus"),
            "consent": pt(lang, "decision rule", "Consent"),
            "vote": pt(lang, "decision rule", "Vote"),
        },
        signal_kinds={
            "threat": pt(lang, "signal kind", "Threat"),
            "opportunity": pt(lang, "signal kind", "Opportunity"),
        },
        signal_states={
            "open": pt(lang, "signal state", "Open"),
            "closed": pt(lang, "signal state", "Closed"),
        },
        item_statuses={
            "open": pt(lang, "action item status", "To do"),
            "done": pt(lang, "action item status", "Done"),
            "dropped": pt(lang, "action item status", "Dropped"),
        },
        outcomes={
            "unanimous": pt(lang, "motion outcome", "Carried unanimously."),
            "carried": pt(lang, "motion outcome", "Carried."),
            "defeated": pt(lang, "motion outcome", "Defeated."),
            "deferred": pt(lang, "motion outcome", "Deferred."),
            "tabled": pt(lang, "motion outcome", "Tabled."),
        },
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
        "live": pt(lang, "minutes section", "Action items"),
    }


def _checks(lang: str) -> dict[str, str]:
    """One sentence per review check code (`tui.model.analysis`)."""
    return {
        "no_lead": t(lang, "No lead designated."),
        "no_deadline": t(lang, "No deadline set."),
        "not_confirmed": t(lang, "Not confirmed in writing."),
        "no_amount": t(lang, "Amount or quantity needed not specified."),
        "broken_link": t(lang, "Refers to a record that no longer exists."),
        "no_decision": t(lang, "No decision yet on how to secure this skill."),
        "no_accountability": t(lang, "Accountability not specified (to whom it reports)."),
        "no_indicator": t(lang, "No indicator yet."),
        "no_target": t(lang, "No target set."),
        "no_baseline": t(lang, "Baseline unknown."),
        "no_collector": t(lang, "Nobody designated to collect the data."),
        "no_rule": t(lang, "Decision rule not specified."),
        "no_adjustment": t(lang, "No adjustment planned yet."),
        "open_item": t(lang, "Action item still to do."),
    }
