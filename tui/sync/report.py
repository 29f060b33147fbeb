"""What a sync did, in words: one line, then one line per session that needs attention."""

from __future__ import annotations

from tui.i18n import _, _n
from tui.model.clean import clean_text
from tui.sync.engine import SyncError, SyncReport


def _line(text: str) -> str:
    return clean_text(text, multiline=False)


def summary(report: SyncReport) -> str:
    """The one line that tells what was sent and received (or why nothing could be)."""
    remote = _line(report.remote)
    if report.offline is not None:
        kept = _n(
            "{n} session committed here",
            "{n} sessions committed here",
            len(report.committed),
        )
        if report.offline == "not_repo":
            why = _("{remote} is not a git repository", remote=remote)
        elif report.offline == "refused":
            why = _("the remote refused the changes ({detail})", detail=_line(report.detail))
        else:
            why = _("cannot reach {remote} ({detail})", remote=remote, detail=_line(report.detail))
        return _("Not synced: {why}; {kept}, sent at the next sync.", why=why, kept=kept)
    sent = _n("{n} session sent", "{n} sessions sent", len(report.sent))
    received = _n("{n} received", "{n} received", len(report.received))
    text = _(
        "Synced with {remote}: {sent}, {received}.", remote=remote, sent=sent, received=received
    )
    if report.conflicts:
        text += " " + _n(
            "{n} session has conflicts to settle in its review.",
            "{n} sessions have conflicts to settle in their review.",
            len(report.conflicts),
        )
    return text


def notes(report: SyncReport) -> list[str]:
    """One line for each session that did not travel as it should."""
    lines = [
        _("Session {id} is open in another program: it takes the changes at the next sync.", id=s)
        for s in report.held
    ]
    lines += [
        _(
            "Session {id}: the copy received is damaged; kept aside as {file}, this one unchanged.",
            id=s,
            file=f"{s}-remote.json",
        )
        for s in report.damaged
    ]
    lines += [_("Session {id} is damaged here: not sent.", id=s) for s in report.not_sent]
    return lines


def refusal(exc: SyncError) -> str:
    """Why a sync could not start."""
    if exc.code == "no_remote":
        return _(
            "No remote yet: concerto sync URL (a path or ssh://host/path of a git repository)."
        )
    if exc.code == "busy":
        return _("A sync of this folder is already running.")
    if exc.code == "no_git":
        return _("git is not installed: install it (apt install git) to sync.")
    return _("git failed: {detail}", detail=_line(exc.detail))
