"""Preferences file: defaults, round trip, bad content, privacy and atomic writes."""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.i18n import set_language
from tui.storage.config import (
    Config,
    config_path,
    dumps,
    load_config,
    log_path,
    resolve_tz,
    save_config,
    state_dir,
    toml_string,
)


@pytest.fixture(autouse=True)
def _french_interface() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("fr")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "cfg" / "config.toml"


def test_missing_file_gives_defaults(path: Path) -> None:
    cfg = load_config(path)
    assert cfg == Config()
    assert cfg.warnings == []
    assert (cfg.lang, cfg.theme, cfg.tz, cfg.bell) == (None, None, None, True)


def test_round_trip(path: Path) -> None:
    cfg = Config(lang="en", theme="textual-dark", tz="America/Toronto", bell=False)
    save_config(cfg, path)
    again = load_config(path)
    assert again == cfg
    assert again.warnings == []


def test_unset_keys_are_not_written(path: Path) -> None:
    save_config(Config(), path)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"bell": True}


def test_strings_are_escaped(path: Path) -> None:
    theme = 'my "quoted" \\ theme ∞'
    save_config(Config(theme=theme), path)
    assert load_config(path).theme == theme


def test_toml_string_escapes_control_characters() -> None:
    value = 'a"b\\c\n\t\x00\x1b\x7fé'
    assert tomllib.loads(f"k = {toml_string(value)}")["k"] == value


def test_new_folder_is_private_and_file_is_0600(path: Path) -> None:
    save_config(Config(lang="fr"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_default_folder_is_made_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "concerto").mkdir(mode=0o755)
    os.chmod(tmp_path / "concerto", 0o755)
    save_config(Config(lang="en"))
    assert stat.S_IMODE((tmp_path / "concerto").stat().st_mode) == 0o700
    assert load_config().lang == "en"


def test_save_replaces_the_file_and_leaves_no_temporary(path: Path) -> None:
    save_config(Config(lang="fr"), path)
    save_config(Config(lang="en"), path)
    assert load_config(path).lang == "en"
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]


def test_failed_save_keeps_the_old_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_config(Config(lang="fr"), path)

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        save_config(Config(lang="en"), path)
    assert load_config(path).lang == "fr"
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]


def test_malformed_file_gives_defaults_and_a_translated_warning(path: Path) -> None:
    path.parent.mkdir()
    path.write_text('lang = "en"\ntheme = = oops\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.lang is None
    assert cfg.warnings_in("en") == [
        f"The preferences file {path} is not valid TOML (line 2); defaults used."
    ]
    assert cfg.warnings == [
        f"Le fichier de préférences {path} n’est pas du TOML valide (ligne 2); "
        "préférences par défaut utilisées."
    ]


def test_file_that_is_not_utf8_gives_defaults(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(b'theme = "\xff"\n')
    cfg = load_config(path)
    assert cfg.theme is None
    assert len(cfg.warnings) == 1


def test_unreadable_file_gives_defaults(path: Path) -> None:
    path.mkdir(parents=True)  # a folder where the file should be
    cfg = load_config(path)
    assert cfg == Config()
    assert cfg.warnings_in("en") == [f"Cannot read the preferences file {path}; defaults used."]


def test_bad_values_fall_back_one_by_one(path: Path) -> None:
    path.parent.mkdir()
    path.write_text(
        'lang = "de"\ntheme = "nord"\ntz = "Mars/Olympus"\nbell = "yes"\ncolour = 1\n',
        encoding="utf-8",
    )
    cfg = load_config(path)
    assert (cfg.lang, cfg.theme, cfg.tz, cfg.bell) == (None, "nord", None, True)
    assert cfg.warnings_in("en") == [
        'Preference lang: "de" is not fr or en; ignored.',
        'Preference tz: "Mars/Olympus" is not a known time zone; ignored.',
        "Preference bell: true or false is expected; ignored.",
        f'Unknown preference "colour" in {path}; ignored.',
    ]
    assert cfg.warnings[0] == "Préférence lang\u00a0: «\u00a0de\u00a0» n’est ni fr ni en; ignorée."


def test_wrong_types_and_control_characters_are_not_shown(path: Path) -> None:
    path.parent.mkdir()
    path.write_text('lang = "\\u001b[31mxx"\ntheme = 3\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.theme is None
    warnings = cfg.warnings_in("en")
    assert warnings[0] == 'Preference lang: "[31mxx" is not fr or en; ignored.'
    assert warnings[1] == "Preference theme: a theme name is expected; ignored."
    assert all("\x1b" not in w for w in warnings)


def test_locale_style_lang_is_accepted(path: Path) -> None:
    path.parent.mkdir()
    path.write_text('lang = "fr_CA"\n', encoding="utf-8")
    assert load_config(path).lang == "fr"


def test_paths_follow_xdg(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    env["XDG_STATE_HOME"] = str(tmp_path / "s")
    assert config_path(env) == tmp_path / "c" / "concerto" / "config.toml"
    assert state_dir(env) == tmp_path / "s" / "concerto"
    assert log_path(env) == tmp_path / "s" / "concerto" / "concerto.log"


def test_paths_default_to_home_and_ignore_relative_xdg(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "relative", "XDG_STATE_HOME": ""}
    assert config_path(env) == tmp_path / ".config" / "concerto" / "config.toml"
    assert state_dir(env) == tmp_path / ".local" / "state" / "concerto"


def test_dumps_is_valid_toml() -> None:
    cfg = Config(lang="fr", theme="nord", tz="UTC", bell=False)
    assert tomllib.loads(dumps(cfg)) == {"lang": "fr", "theme": "nord", "tz": "UTC", "bell": False}


@pytest.mark.parametrize(
    ("cli", "env", "config", "expected"),
    [
        ("Europe/Paris", {"TZ": "Asia/Tokyo"}, "America/Toronto", "Europe/Paris"),
        (None, {"TZ": "Asia/Tokyo"}, "America/Toronto", "America/Toronto"),
        (None, {"TZ": ":Asia/Tokyo"}, None, "Asia/Tokyo"),
        ("Bad/Zone", {"TZ": "nonsense"}, "Worse/Zone", "UTC"),
    ],
)
def test_resolve_tz_order(
    tmp_path: Path, cli: str | None, env: dict[str, str], config: str | None, expected: str
) -> None:
    assert resolve_tz(cli, env, config, localtime=tmp_path / "none") == expected


def test_resolve_tz_reads_the_system_zone(tmp_path: Path) -> None:
    zone = tmp_path / "zoneinfo" / "America" / "Montreal"
    zone.parent.mkdir(parents=True)
    zone.write_bytes(b"")
    link = tmp_path / "localtime"
    link.symlink_to(zone)
    assert resolve_tz(None, {}, None, localtime=link) == "America/Montreal"
