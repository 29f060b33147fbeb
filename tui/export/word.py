"""The minutes as a Word document (.docx), built with python-docx from the document tree.

Built-in styles only (Heading 1-3, List Bullet, Table Grid, Header, Footer), so a secretary
changes the look of the whole document by changing a style; page numbers are PAGE and NUMPAGES
fields; the running header holds the collective, the date and the « PROJET » mark.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph

from tui.export.frame import Frame
from tui.export.tree import Heading, Inline, Item, Node, Para, Table

LANGUAGE_TAGS = {"fr": "fr-CA", "en": "en-CA"}


def _runs(paragraph: Paragraph, runs: Inline) -> None:
    for r in runs:
        if r.brk:
            paragraph.add_run().add_break()
            continue
        run = paragraph.add_run(r.text)
        if r.bold:
            run.bold = True
        if r.italic:
            run.italic = True
        if r.strike:
            run.font.strike = True


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice compute when shown."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _page(doc: DocxDocument, frame: Frame) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)  # Letter
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    head = section.header.paragraphs[0]
    head.add_run(frame.header)
    if frame.draft:  # on every page, in the header, until the minutes are adopted
        mark = section.header.add_paragraph()
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        mark.add_run(frame.draft).bold = True
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in frame.page_parts():
        if part == "{page}":
            _field(foot, "PAGE")
        elif part == "{pages}":
            _field(foot, "NUMPAGES")
        elif part:
            foot.add_run(part)


def _language(doc: DocxDocument, lang: str) -> None:
    """The proofing language of the Normal style, so spelling checks in the right language."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), LANGUAGE_TAGS.get(lang, lang))
    rpr.append(tag)
    doc.styles["Normal"].font.size = Pt(10.5)


def _repeat_header(row_element: object) -> None:
    trpr = row_element.get_or_add_trPr()  # type: ignore[attr-defined]
    trpr.append(OxmlElement("w:tblHeader"))


def _table(doc: DocxDocument, t: Table) -> None:
    width = len(t.header)
    table = doc.add_table(rows=len(t.rows) + 1, cols=width)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = list(table.rows)
    _repeat_header(rows[0]._tr)
    for row, cells in zip(rows, [t.header, *t.rows], strict=True):
        for n, (target, runs) in enumerate(zip(row.cells, cells, strict=False)):
            paragraph = target.paragraphs[0]
            if n in t.right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if row is rows[0]:
                runs = tuple(r.__class__(r.text, True, r.italic, r.brk) for r in runs)
            _runs(paragraph, runs)


def render_docx(nodes: Sequence[Node], frame: Frame) -> bytes:
    """The document tree ``nodes`` as a .docx file, framed by ``frame``."""
    doc = Document()
    _language(doc, frame.lang)
    doc.core_properties.title = frame.title
    doc.core_properties.language = LANGUAGE_TAGS.get(frame.lang, frame.lang)
    _page(doc, frame)
    bullets = {1: "List Bullet", 2: "List Bullet 2", 3: "List Bullet 3"}
    for node in nodes:
        if isinstance(node, Heading):
            _runs(doc.add_heading(level=min(node.level, 9)), node.runs)
        elif isinstance(node, Para):
            _runs(doc.add_paragraph(), node.runs)
        elif isinstance(node, Item):
            _runs(doc.add_paragraph(style=bullets[min(node.depth, 3)]), node.runs)
        elif isinstance(node, Table):
            _table(doc, node)
            doc.add_paragraph()  # Word joins two tables that touch
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
