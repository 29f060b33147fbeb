"""Independent readers of exported documents: what a secretary's software would find in them."""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from odf import table as odf_table
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odt

from tui.export.tree import Heading, document_tree, plain, tables


@dataclass
class Read:
    """What a reader found: heading texts, table shapes (columns, rows), the whole text."""

    headings: list[str] = field(default_factory=list)
    shapes: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""
    header: str = ""
    footer_xml: str = ""
    cells: list[list[list[str]]] = field(default_factory=list)


def from_markdown(markdown: str) -> Read:
    """The same facts, from the Markdown of the minutes (the reference)."""
    nodes = document_tree(markdown)
    found = Read()
    found.headings = [plain(n.runs) for n in nodes if isinstance(n, Heading)]
    for t in tables(nodes):
        found.shapes.append((len(t.header), len(t.rows) + 1))
        found.cells.append([[plain(c) for c in row] for row in [t.header, *t.rows]])
    return found


def read_docx(data: bytes) -> Read:
    """A .docx read with python-docx."""
    d = docx.Document(io.BytesIO(data))
    found = Read()
    lines = []
    for p in d.paragraphs:
        lines.append(p.text)
        if p.style is not None and p.style.name.startswith("Heading"):
            found.headings.append(p.text)
    for t in d.tables:
        rows = [[c.text for c in row.cells] for row in t.rows]
        found.shapes.append((len(t.columns), len(t.rows)))
        found.cells.append(rows)
        lines += [" | ".join(r) for r in rows]
    found.text = "\n".join(lines)
    section = d.sections[0]
    found.header = "\n".join(p.text for p in section.header.paragraphs)
    found.footer_xml = section.footer.paragraphs[0]._p.xml
    return found


def read_odt(data: bytes) -> Read:
    """An .odt read with odfpy."""
    doc = load_odt(io.BytesIO(data))
    found = Read()
    found.headings = [teletype.extractText(h) for h in doc.text.getElementsByType(odf_text.H)]
    for t in doc.text.getElementsByType(odf_table.Table):
        rows = t.getElementsByType(odf_table.TableRow)
        cells = [
            [teletype.extractText(c) for c in r.getElementsByType(odf_table.TableCell)]
            for r in rows
        ]
        found.shapes.append((len(cells[0]), len(rows)))
        found.cells.append(cells)
    found.text = teletype.extractText(doc.text)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("styles.xml").decode("utf-8")
    found.header = styles
    found.footer_xml = styles
    return found


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of a PDF, by poppler's pdftotext."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.pdf"
        path.write_bytes(data)
        out = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    return [page for page in out.split("\f") if page.strip()]
