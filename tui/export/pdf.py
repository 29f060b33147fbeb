"""The minutes as a PDF: WeasyPrint on the project's HTML page with print CSS (Letter paper).

WeasyPrint needs Pango from the system (Debian: libpango-1.0-0, libpangoft2-1.0-0); it is the
optional extra ``concerto[pdf]``. When it cannot load, `PdfUnavailable` says why.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from tui.export.frame import Frame
from tui.export.html import render_html

UNAVAILABLE = 3
"""Exit status of the rendering child when WeasyPrint cannot load."""


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the Pango library it loads) is not installed here."""


class PdfError(RuntimeError):
    """The rendering child failed; the message is its last line of error output."""


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: every character but letters, digits and spaces escaped."""
    # The space after a hex escape ends it (and is consumed), so a space may follow as text.
    out = [c if c.isascii() and c.isalnum() else f"\\{ord(c):06x} " for c in text]
    return '"' + "".join(out) + '"'


def print_css(frame: Frame) -> str:
    """The paged-media rules: Letter, running header, draft mark, « page X de Y »."""
    page: list[str] = []
    for part in frame.page_parts():
        if part == "{page}":
            page.append("counter(page)")
        elif part == "{pages}":
            page.append("counter(pages)")
        elif part:
            page.append(css_string(part))
    boxes = [
        f"@top-left {{ content: {css_string(frame.header)}; width: 80%; }}",
        f"@bottom-center {{ content: {' '.join(page)}; }}",
    ]
    if frame.draft:
        boxes.append(
            f"@top-right {{ content: {css_string(frame.draft)}; font-weight: bold; width: 20%; }}"
        )
    margin_boxes = "\n  ".join(boxes)
    return (
        "@page { size: letter; margin: 2cm 2cm 2cm 2cm;\n"
        "  font-family: system-ui, Arial, sans-serif; font-size: 8.5pt; color: #333;\n"
        f"  {margin_boxes}\n}}\n"
        "body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }\n"
        "h2, h3 { break-after: avoid; }\n"
        "tr, li { break-inside: avoid; }\n"
        "th, td { overflow-wrap: break-word; hyphens: auto; }\n"
    )


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint is there, Pango is not
        raise PdfUnavailable(str(exc)) from None
    return weasyprint


def render_pdf(markdown_text: str, frame: Frame, *, isolated: bool = False) -> bytes:
    """The minutes ``markdown_text`` as a PDF file; raises `PdfUnavailable` without WeasyPrint.

    ``isolated`` renders in a child process: the app's event loop then shares nothing with
    the seconds of layout (a thread would hold the interpreter lock for long stretches).
    """
    page = render_html(markdown_text, frame.title, frame.lang, extra_css=print_css(frame))
    if isolated:
        return _in_child(page)
    pdf: bytes = _weasyprint().HTML(string=page).write_pdf()
    return pdf


def _in_child(page: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "tui.export.pdf"],
        input=page.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
    if done.returncode == UNAVAILABLE:
        raise PdfUnavailable(reason[-1] if reason else "")
    if done.returncode != 0:
        raise PdfError(reason[-1] if reason else f"exit status {done.returncode}")
    return done.stdout


def _child() -> int:
    """Read an HTML page on standard input, write its PDF on standard output."""
    try:
        weasyprint = _weasyprint()
    except PdfUnavailable as exc:
        print(exc, file=sys.stderr)
        return UNAVAILABLE
    page = sys.stdin.buffer.read().decode("utf-8")
    sys.stdout.buffer.write(weasyprint.HTML(string=page).write_pdf())
    return 0


if __name__ == "__main__":
    raise SystemExit(_child())
