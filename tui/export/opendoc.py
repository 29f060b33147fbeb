"""The minutes as an OpenDocument text (.odt), built with odfpy from the document tree.

Named styles (Heading 1-3, Text body, Table contents) a secretary can change in LibreOffice;
Letter paper; a running header with the collective, the date and the « PROJET » mark; page
numbers as page-number and page-count fields.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from odf import teletype
from odf.dc import Title
from odf.opendocument import OpenDocumentText
from odf.style import (
    Footer,
    Header,
    ListLevelProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableProperties,
    TextProperties,
)
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import (
    H,
    LineBreak,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListStyle,
    P,
    PageCount,
    PageNumber,
    Span,
)

from tui.export.frame import Frame
from tui.export.tree import Heading, Inline, Item, Node, Para, Run, Table

LANGUAGES = {"fr": ("fr", "CA"), "en": ("en", "CA")}
HEADING_SIZES = {1: "16pt", 2: "13pt", 3: "11.5pt"}


class _Styles:
    """The styles of one document, made once."""

    def __init__(self, doc: OpenDocumentText, lang: str) -> None:
        language, country = LANGUAGES.get(lang, (lang, ""))
        body = Style(name="Text_20_body", displayname="Text body", family="paragraph")
        body.addElement(ParagraphProperties(margintop="0in", marginbottom="0.08in"))
        body.addElement(TextProperties(fontsize="10.5pt", language=language, country=country))
        doc.styles.addElement(body)
        self.body = body
        self.headings: dict[int, Style] = {}
        for level in range(1, 7):
            style = Style(
                name=f"Heading_20_{level}",
                displayname=f"Heading {level}",
                family="paragraph",
                parentstylename=body,
                nextstylename=body,
                defaultoutlinelevel=str(level),
            )
            style.addElement(ParagraphProperties(margintop="0.17in", marginbottom="0.08in",
                                                 keepwithnext="always"))  # fmt: skip
            size = HEADING_SIZES.get(level, "10.5pt")
            style.addElement(TextProperties(fontsize=size, fontweight="bold"))
            doc.styles.addElement(style)
            self.headings[level] = style
        self.cell_text = Style(name="Table_20_Contents", displayname="Table Contents",
                               family="paragraph", parentstylename=body)  # fmt: skip
        self.cell_text.addElement(ParagraphProperties(margintop="0in", marginbottom="0in"))
        doc.styles.addElement(self.cell_text)
        self.right = Style(name="Table_20_Number", displayname="Table Number",
                           family="paragraph", parentstylename=self.cell_text)  # fmt: skip
        self.right.addElement(ParagraphProperties(textalign="end"))
        doc.styles.addElement(self.right)
        self.bold = Style(name="Strong_20_Emphasis", displayname="Strong Emphasis", family="text")
        self.bold.addElement(TextProperties(fontweight="bold"))
        doc.styles.addElement(self.bold)
        self.italic = Style(name="Emphasis", family="text")
        self.italic.addElement(TextProperties(fontstyle="italic"))
        doc.styles.addElement(self.italic)
        self.strike = Style(name="Struck", family="text")
        self.strike.addElement(TextProperties(textlinethroughstyle="solid"))
        doc.styles.addElement(self.strike)
        self.table = Style(name="Grid", family="table")
        self.table.addElement(TableProperties(width="6.5in", align="margins"))
        doc.automaticstyles.addElement(self.table)
        self.cell = Style(name="GridCell", family="table-cell")
        self.cell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.03in"))
        doc.automaticstyles.addElement(self.cell)
        self.bullets = ListStyle(name="List_20_Bullet", displayname="List Bullet")
        for level in range(1, 4):
            bullet = ListLevelStyleBullet(level=str(level), bulletchar="•" if level == 1 else "◦")
            indent = f"{0.25 * level:.2f}in"
            bullet.addElement(ListLevelProperties(spacebefore=indent, minlabelwidth="0.2in"))
            self.bullets.addElement(bullet)
        doc.styles.addElement(self.bullets)
        self.centre = Style(name="Footer", family="paragraph", parentstylename=body)
        self.centre.addElement(ParagraphProperties(textalign="center"))
        doc.styles.addElement(self.centre)
        self.end = Style(name="Header_20_right", displayname="Header right", family="paragraph",
                         parentstylename=body)  # fmt: skip
        self.end.addElement(ParagraphProperties(textalign="end"))
        doc.styles.addElement(self.end)


def _runs(element: Any, runs: Inline, s: _Styles) -> Any:
    for r in runs:
        if r.brk:
            element.addElement(LineBreak())
            continue
        if r.bold or r.italic or r.strike:
            span = Span(stylename=s.strike if r.strike else s.bold if r.bold else s.italic)
            teletype.addTextToElement(span, r.text)
            element.addElement(span)
        else:
            teletype.addTextToElement(element, r.text)
    return element


def _page(doc: OpenDocumentText, frame: Frame, s: _Styles) -> None:
    layout = PageLayout(name="Letter")
    layout.addElement(
        PageLayoutProperties(
            pagewidth="8.5in",
            pageheight="11in",
            printorientation="portrait",
            margintop="0.6in",
            marginbottom="0.6in",
            marginleft="1in",
            marginright="1in",
        )  # fmt: skip
    )
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header = Header()
    header.addElement(_runs(P(stylename=s.body), (Run(frame.header),), s))
    if frame.draft:
        mark = P(stylename=s.end)
        span = Span(stylename=s.bold, text=frame.draft)
        mark.addElement(span)
        header.addElement(mark)
    master.addElement(header)
    footer = Footer()
    line = P(stylename=s.centre)
    for part in frame.page_parts():
        if part == "{page}":
            line.addElement(PageNumber(selectpage="current", text="1"))
        elif part == "{pages}":
            line.addElement(PageCount(text="1"))
        elif part:
            teletype.addTextToElement(line, part)
    footer.addElement(line)
    master.addElement(footer)
    doc.masterstyles.addElement(master)


def _table(t: Table, s: _Styles, n: int) -> OdfTable:
    table = OdfTable(name=f"Table{n}", stylename=s.table)
    table.addElement(TableColumn(numbercolumnsrepeated=len(t.header)))
    head = TableHeaderRows()
    table.addElement(head)
    for k, cells in enumerate([t.header, *t.rows]):
        row = TableRow()
        for col, runs in enumerate(cells):
            cell = TableCell(valuetype="string", stylename=s.cell)
            style = s.right if col in t.right else s.cell_text
            shown = (
                tuple(r.__class__(r.text, True, r.italic, r.brk) for r in runs) if not k else runs
            )
            cell.addElement(_runs(P(stylename=style), shown, s))
            row.addElement(cell)
        (head if k == 0 else table).addElement(row)
    return table


def render_odt(nodes: Sequence[Node], frame: Frame) -> bytes:
    """The document tree ``nodes`` as an .odt file, framed by ``frame``."""
    doc = OpenDocumentText()
    s = _Styles(doc, frame.lang)
    _page(doc, frame, s)
    doc.meta.addElement(_title(frame.title))
    lists: list[Any] = []  # the open bullet lists, outermost first
    tables = 0
    for node in nodes:
        if not isinstance(node, Item):
            lists = []
        if isinstance(node, Heading):
            level = min(node.level, 6)
            heading = H(outlinelevel=level, stylename=s.headings[level])
            doc.text.addElement(_runs(heading, node.runs, s))
        elif isinstance(node, Para):
            doc.text.addElement(_runs(P(stylename=s.body), node.runs, s))
        elif isinstance(node, Item):
            lists = _item(doc, lists, node, s)
        elif isinstance(node, Table):
            tables += 1
            doc.text.addElement(_table(node, s, tables))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def _item(doc: OpenDocumentText, lists: list[Any], node: Item, s: _Styles) -> list[Any]:
    """Add a list item at its depth, opening or closing nested lists as needed."""
    lists = lists[: node.depth]
    while len(lists) < node.depth:
        new = List(stylename=s.bullets) if not lists else List()
        if lists:
            items = lists[-1].getElementsByType(ListItem)
            parent = items[-1] if items else lists[-1]
        else:
            parent = doc.text
        parent.addElement(new)
        lists.append(new)
    item = ListItem()
    item.addElement(_runs(P(stylename=s.body), node.runs, s))
    lists[-1].addElement(item)
    return lists


def _title(text: str) -> Any:
    return Title(text=text)
