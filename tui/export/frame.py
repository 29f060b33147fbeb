"""What every page of a printed document repeats: running header, draft mark, page numbers."""

from __future__ import annotations

from dataclasses import dataclass

from tui.i18n import pt
from tui.i18n.fmt import format_date
from tui.model.clean import clean_text
from tui.model.session import Session

PAGE_FIELDS = ("{page}", "{pages}")


@dataclass(frozen=True)
class Frame:
    """The page furniture of the minutes, in their language; all plain text."""

    title: str
    header: str
    """The collective and the date, the running header of every page."""
    draft: str
    """« PROJET » while the minutes are not adopted, else empty."""
    page: str
    """``Page {page} of {pages}`` in the minutes' language, fields left in place."""
    lang: str

    def page_parts(self) -> list[str]:
        """The page line split around its fields: text, ``{page}``, text, ``{pages}``, text."""
        out: list[str] = []
        rest = self.page
        for name in PAGE_FIELDS:
            before, _, rest = rest.partition(name)
            out += [before, name]
        return [*out, rest]


def page_frame(session: Session, lang: str) -> Frame:
    """The frame of ``session``'s minutes in ``lang``."""
    m = session.meeting
    parts = [clean_text(m.collective, multiline=False).strip()]
    if m.date is not None:
        parts.append(format_date(m.date, lang))
    draft = "" if m.minutes_status == "adopted" else pt(lang, "minutes", "DRAFT")
    return Frame(
        title=clean_text(m.title, multiline=False),
        header=" — ".join(p for p in parts if p),
        draft=draft,
        page=pt(lang, "documents", "Page {page} of {pages}", page="{page}", pages="{pages}"),
        lang=lang,
    )
