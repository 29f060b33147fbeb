"""Writing exported minutes: generated slugs, never a path built from user text, no overwrite."""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from pathlib import Path

from tui.storage.atomic import inside_folder
from tui.storage.paths import ensure_private_dir, exports_dir

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, limit: int = 60) -> str:
    """ASCII letters, digits and dashes only; ``minutes`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return slug or "minutes"


class ExistsError(FileExistsError):
    """The target file exists and overwriting was not asked for."""


def _write_exclusive(path: Path, data: bytes, *, force: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | (os.O_TRUNC if force else os.O_EXCL)
    fd = os.open(path, flags, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_export(
    folder: Path, stem: str, ext: str, data: bytes, *, output: Path | None, force: bool
) -> Path:
    """Write to ``output``, or to ``exports/<stem>.<ext>`` with a new name if that one exists."""
    if output is not None:
        try:
            _write_exclusive(output, data, force=force)
        except FileExistsError:
            raise ExistsError(str(output)) from None
        return output
    where = exports_dir(folder)
    if not inside_folder(where, folder):  # a link leading out of the data folder: never followed
        from tui.i18n import _

        reason = _("the exports folder is a link that leads out of the data folder")
        raise OSError(errno.ELOOP, reason, str(where))
    ensure_private_dir(where)
    for n in range(1, 1000):
        target = where / (f"{stem}.{ext}" if n == 1 else f"{stem}-{n}.{ext}")
        try:
            _write_exclusive(target, data, force=False)
            return target
        except FileExistsError:
            continue
    raise ExistsError(str(where / f"{stem}.{ext}"))
