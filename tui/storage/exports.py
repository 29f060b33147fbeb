"""Writing exported minutes: generated slugs, never a path built from user text, no overwrite."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import unicodedata
from pathlib import Path

from tui.storage.atomic import REAL_FS, FileOps, inside_folder, temp_prefix
from tui.storage.paths import ensure_private_dir, exports_dir

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, limit: int = 60) -> str:
    """ASCII letters, digits and dashes only, cut at a word boundary within ``limit``;
    ``minutes`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:limit]  # never mid-word
    return slug.strip("-") or "minutes"


class ExistsError(FileExistsError):
    """The target file exists and overwriting was not asked for."""


_NO_HARD_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV})


def _temporary(folder: Path, name: str, data: bytes, fs: FileOps) -> Path:
    """``data`` written and flushed to a hidden temporary file in ``folder``."""
    tmp = folder / f"{temp_prefix(name)}{os.getpid()}-{os.urandom(6).hex()}"
    fd = fs.open(str(tmp))
    try:
        try:
            fs.write(fd, data)
            fs.fsync(fd)
        finally:
            fs.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _move_in(tmp: Path, target: Path, *, force: bool, fs: FileOps) -> None:
    """Put the temporary file at ``target``: replacing it if forced, else only if it is free."""
    if force:
        fs.replace(str(tmp), str(target))
        return
    try:
        os.link(tmp, target, follow_symlinks=False)  # atomic, and fails if target exists
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS or os.path.lexists(target):
            raise
        fs.replace(str(tmp), str(target))  # a file system without hard links
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)


def write_export(
    folder: Path,
    stem: str,
    ext: str,
    data: bytes,
    *,
    output: Path | None,
    force: bool,
    keep_both: bool = False,
    fs: FileOps = REAL_FS,
) -> Path:
    """Write to ``output``, or to ``exports/<stem>.<ext>``.

    The bytes go to a temporary file beside the target first: a full disk or a failed write
    leaves no half-written file. An existing file is kept: `ExistsError` unless ``force``
    (replace it) or, in ``exports/``, ``keep_both`` (the new file takes a numbered name).
    """
    if output is not None:
        if not force and os.path.lexists(output):
            raise ExistsError(str(output))
        targets = [output]
    else:
        where = exports_dir(folder)
        if not inside_folder(where, folder):  # a link leading out of the data folder: never
            from tui.i18n import _

            reason = _("the exports folder is a link that leads out of the data folder")
            raise OSError(errno.ELOOP, reason, str(where))
        ensure_private_dir(where)
        targets = [
            where / (f"{stem}.{ext}" if n == 1 else f"{stem}-{n}.{ext}")
            for n in range(1, 1000 if keep_both else 2)
        ]
    parent = targets[0].parent
    tmp = _temporary(parent, targets[0].name, data, fs)
    try:
        for target in targets:
            try:
                _move_in(tmp, target, force=force, fs=fs)
            except FileExistsError:
                if not keep_both:
                    raise ExistsError(str(target)) from None
                continue
            with contextlib.suppress(OSError):
                fs.fsync_dir(str(parent))
            return target
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    raise ExistsError(str(targets[0]))
