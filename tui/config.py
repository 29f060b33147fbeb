"""User preferences in `config.toml`, and where Concerto keeps its state and log."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.i18n import N_, get_language, normalize_lang, t

APP = "concerto"
CONFIG_NAME = "config.toml"
LOG_NAME = "concerto.log"
KEYS = ("lang", "theme", "tz", "bell", "facilitator")
_SHOWN_MAX = 40


@dataclass(frozen=True)
class Problem:
    """Something wrong in the preferences file, kept untranslated until it is shown."""

    msgid: str
    args: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str) -> str:
        """The problem described in `lang`."""
        return t(lang, self.msgid, **dict(self.args))


@dataclass(frozen=True)
class Config:
    """Preferences; `None` means "not set", so that the next source decides."""

    lang: str | None = None
    theme: str | None = None
    tz: str | None = None
    bell: bool = True
    facilitator: str | None = None
    """The facilitator's name: the author of the changes this computer syncs."""
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def warnings(self) -> list[str]:
        """What was wrong in the file, in the interface language at the time of asking."""
        return self.warnings_in(get_language())

    def warnings_in(self, lang: str) -> list[str]:
        """What was wrong in the file, in `lang`."""
        return [problem.text(lang) for problem in self.problems]


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME")
    return Path(home) if home else Path.home()


def _xdg(env: Mapping[str, str], var: str, default: str) -> Path:
    value = env.get(var, "")
    # The XDG spec says relative paths are invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return _home(env) / default


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$XDG_CONFIG_HOME/concerto`, by default `~/.config/concerto`."""
    return _xdg(os.environ if env is None else env, "XDG_CONFIG_HOME", ".config") / APP


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """The preferences file."""
    return config_dir(env) / CONFIG_NAME


def state_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$XDG_STATE_HOME/concerto`, by default `~/.local/state/concerto` (not created here)."""
    return _xdg(os.environ if env is None else env, "XDG_STATE_HOME", ".local/state") / APP


def log_path(env: Mapping[str, str] | None = None) -> Path:
    """The file that receives the traceback of an unexpected error."""
    return state_dir(env) / LOG_NAME


def valid_tz(name: str) -> bool:
    """Whether `name` is a known IANA time zone."""
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _system_tz(localtime: Path) -> str | None:
    try:
        target = str(localtime.resolve())
    except OSError:
        return None
    _, sep, name = target.partition("/zoneinfo/")
    return name if sep and valid_tz(name) else None


def resolve_tz(
    cli: str | None,
    env: Mapping[str, str],
    config_tz: str | None,
    localtime: Path = Path("/etc/localtime"),
) -> str:
    """The display time zone: `--tz`, config, `TZ`, the system's zone, then UTC."""
    env_tz = env.get("TZ", "").removeprefix(":")
    for candidate in (cli, config_tz, env_tz):
        if candidate and valid_tz(candidate):
            return candidate
    return _system_tz(localtime) or "UTC"


def _printable(text: str) -> str:
    return "".join(ch for ch in text if ch.isprintable())


def _shown(value: Any) -> str:
    """A value read from the file, safe to display: no control characters, not too long."""
    text = _printable(value if isinstance(value, str) else repr(value))
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def _problem(msgid: str, *, path: Path | None = None, **args: Any) -> Problem:
    shown = {key: _shown(value) for key, value in args.items()}
    if path is not None:
        shown["path"] = _printable(str(path))
    return Problem(msgid, tuple(sorted(shown.items())))


def _parse(data: Mapping[str, Any], path: Path) -> Config:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        if key == "lang":
            lang = normalize_lang(value) if isinstance(value, str) else None
            if lang is None:
                problems.append(
                    _problem(
                        N_('Preference lang: "{value}" is not fr or en; ignored.'), value=value
                    )
                )
            else:
                values["lang"] = lang
        elif key == "theme":
            if isinstance(value, str) and value.strip() and value.isprintable():
                values["theme"] = value.strip()
            else:
                problems.append(
                    _problem(N_("Preference theme: a theme name is expected; ignored."))
                )
        elif key == "tz":
            if isinstance(value, str) and valid_tz(value):
                values["tz"] = value
            else:
                problems.append(
                    _problem(
                        N_('Preference tz: "{value}" is not a known time zone; ignored.'),
                        value=value,
                    )
                )
        elif key == "bell":
            if isinstance(value, bool):
                values["bell"] = value
            else:
                problems.append(
                    _problem(N_("Preference bell: true or false is expected; ignored."))
                )
        elif key == "facilitator":
            if isinstance(value, str) and value.strip() and value.isprintable():
                values["facilitator"] = value.strip()[:200]
            else:
                problems.append(
                    _problem(N_("Preference facilitator: a name is expected; ignored."))
                )
        else:
            problems.append(
                _problem(N_('Unknown preference "{key}" in {path}; ignored.'), path=path, key=key)
            )
    return Config(**values, problems=tuple(problems))


def load_config(path: Path | None = None) -> Config:
    """The preferences; a missing file gives defaults, a bad one defaults plus problems."""
    path = config_path() if path is None else path
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return Config()
    except OSError:
        problem = _problem(N_("Cannot read the preferences file {path}; defaults used."), path=path)
        return Config(problems=(problem,))
    except ValueError as err:  # TOMLDecodeError, or bytes that are not UTF-8
        line = re.search(r"line (\d+)", str(err))
        if line:
            msgid = N_(
                "The preferences file {path} is not valid TOML (line {line}); defaults used."
            )
            return Config(problems=(_problem(msgid, path=path, line=line.group(1)),))
        msgid = N_("The preferences file {path} is not valid TOML; defaults used.")
        return Config(problems=(_problem(msgid, path=path),))
    return _parse(data, path)


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(value: str) -> str:
    """`value` as a TOML basic string."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def dumps(cfg: Config) -> str:
    """The preferences as TOML; keys left unset are not written."""
    lines = [
        "# Concerto preferences. Keys: lang (fr, en), theme, tz (IANA zone), bell, facilitator."
    ]
    for key in ("lang", "theme", "tz", "facilitator"):
        value = getattr(cfg, key)
        if value is not None:
            lines.append(f"{key} = {toml_string(value)}")
    lines.append(f"bell = {'true' if cfg.bell else 'false'}")
    return "\n".join(lines) + "\n"


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is done anyway
    finally:
        os.close(fd)


def save_config(cfg: Config, path: Path | None = None) -> None:
    """Write the preferences atomically, file 0600 in a 0700 folder; raise OSError on failure."""
    default = path is None
    path = config_path() if path is None else path
    folder = path.parent
    existed = folder.is_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if default or not existed:
        os.chmod(folder, 0o700)
    data = dumps(cfg).encode("utf-8")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o600)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)
