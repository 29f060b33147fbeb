"""Translated words for every choice value of the model (statuses, kinds, modes)."""

from __future__ import annotations

from tui.export.labels import OUTCOMES
from tui.i18n import N_, _, _p

CHOICES: dict[str, str] = {
    "summary": N_("summary (compte rendu)"),
    "formal": N_("formal minutes (procès-verbal)"),
    "fr": N_("French"),
    "en": N_("English"),
    "present": N_("present"),
    "absent": N_("absent"),
    "excused": N_("excused"),
    "guest": N_("guest"),  # épicène in French: présence, absence, absence motivée, personne invitée
    "opening": N_("opening"),
    "step": N_("step"),
    "closing": N_("closing"),
    "human": N_("human"),
    "financial": N_("financial"),
    "material": N_("material"),
    "in_kind": N_("in kind"),
    "to_request": N_("to request"),
    "requested": N_("requested"),
    "confirmed_verbal": N_("confirmed verbally"),
    "confirmed": N_("confirmed in writing"),
    "refused": N_("refused"),
    "role": N_("role assignment"),
    "pairing": N_("pairing or succession"),
    "training": N_("training or mentoring"),
    "recruitment": N_("recruitment"),
    "partnership": N_("partnership"),
    "consultant": N_("consultant"),
    "mandate": N_("mandate"),
    "protocol": N_("memorandum of understanding"),
    "service_contract": N_("service agreement"),
    "loan": N_("loan agreement"),
    "other": N_("other"),
    "letter": N_("letter of commitment"),
    "draft": N_("draft"),
    "negotiating": N_("negotiating"),
    "signed": N_("signed"),
    "output": N_("output"),
    "outcome": N_("outcome"),
    "consensus": N_("consensus"),
    "consent": N_("consent"),
    "vote": N_("vote"),
    "consultation": N_("consultation"),
    "seat": N_("citizen seat"),
    "survey": N_("survey"),
    "event": N_("public event"),
    "threat": N_("threat"),
    "opportunity": N_("opportunity"),
    "both": N_("threat and opportunity"),
    "open": N_("open"),
    "closed": N_("closed"),
    "done": N_("done"),
    "dropped": N_("dropped"),
    "adopted": N_("adopted"),
}


def choice_word(value: object) -> str:
    """The word for a choice value in the interface language."""
    if isinstance(value, str) and value in CHOICES:
        return _(CHOICES[value])
    return str(value)


def outcome_word(value: object) -> str:
    """The word for a decision outcome in the interface language; « not recorded » for none."""
    if isinstance(value, str) and value in OUTCOMES:
        return _(OUTCOMES[value])
    return _p("outcome", "not recorded") if value is None else str(value)


SHORT: dict[str, str] = {
    "confirmed": N_("in writing"),
    "confirmed_verbal": N_("verbally"),
    "both": N_("both"),
    "service_contract": N_("service"),
    "protocol": N_("MOU"),
    "loan": N_("loan"),
    "letter": N_("letter"),
}
"""Shorter words for table columns, where the full word does not fit."""


def short_word(value: object) -> str:
    """The word for a choice value in a narrow column."""
    if isinstance(value, str) and value in SHORT:
        return _(SHORT[value])
    return choice_word(value)
