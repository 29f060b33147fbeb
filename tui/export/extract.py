"""A certified extract of one resolution (« extrait certifié conforme du procès-verbal »).

What banks and funders ask for: the collective, the meeting and its quorum, that resolution
alone in the procès-verbal's wording (its amendments under it), the secretary's certification
and the lines where they sign. Markdown, like the minutes, so every format shows the same.
"""

from __future__ import annotations

from tui.export.blocks import fields, heading, join
from tui.export.context import make_context
from tui.export.escape import inline
from tui.export.opening import quorum, status_mark
from tui.export.resolutions import amendment_tree, resolution, signature
from tui.i18n import pt
from tui.model.live import Decision
from tui.model.session import Session


def _certification(session: Session, lang: str, date: str) -> str:
    """The secretary's sentence: who certifies, of which body, the minutes of which meeting."""
    m = session.meeting
    name, body = inline(m.note_taker), inline(m.collective)
    if name and body:
        who = pt(lang, "extract", "{name}, secretary of {body}", name=name, body=body)
    elif body:
        who = pt(lang, "extract", "secretary of {body}", body=body)
    elif name:
        who = pt(lang, "extract", "{name}, secretary of the meeting", name=name)
    else:
        who = pt(lang, "extract", "secretary of the meeting")
    if date:
        meeting = pt(lang, "extract", "the meeting of {date}", date=date)
    else:
        meeting = pt(lang, "extract", "the meeting “{title}”", title=inline(m.title))
    return pt(
        lang,
        "extract",
        "I, the undersigned, {who}, certify that the following resolution is a true extract "
        "of the minutes of {meeting}.",
        who=who,
        meeting=meeting,
    )


def render_extract(session: Session, decision: Decision, lang: str) -> str:
    """The certified extract of ``decision`` of ``session``, in ``lang``, as Markdown. Pure."""
    c = make_context(session, "formal", lang)
    m = session.meeting
    date = "" if m.date is None else c.date(m.date)
    header = fields(
        lang,
        [
            (pt(lang, "minutes header", "Group"), inline(m.collective)),
            (pt(lang, "extract", "Meeting"), inline(m.title)),
            (pt(lang, "minutes header", "Date"), date),
            (pt(lang, "minutes header", "Place"), inline(m.place)),
            (pt(lang, "minutes attendance", "Quorum"), quorum(c)),
        ],
    )
    _roots, under = amendment_tree(c.session.decisions)  # as typeset, like the minutes
    decision = next((d for d in c.session.decisions if d.id == decision.id), decision)
    role = pt(lang, "resolution", "Secretary of the meeting")
    blocks = [
        heading(1, pt(lang, "extract", "Certified true extract of the minutes")),
        status_mark(c),
        header,
        _certification(session, lang, date),
        *resolution(c, decision, under),
        signature(c, m.note_taker, role),
    ]
    return join(blocks) + "\n"
