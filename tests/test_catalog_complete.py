"""Every message in the code is in both catalogs, and both catalogs agree with each other.

When a test here fails it prints what to add, as `.po` entries ready to paste into the
`.po` file of your area, in `tui/i18n/locales/fr/` and `tui/i18n/locales/en/` alike.
"""

from __future__ import annotations

import ast
import string
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import escape

from tui.i18n import LANGS
from tui.i18n.catalog import LOCALES_DIR, NPLURALS, Entry, po_files, read_entries

ROOT = Path(__file__).resolve().parents[1]
TUI = ROOT / "tui"

# For each translation function: the positions and keyword names of (context, msgid, plural).
Slot = tuple[int, str]
API: dict[str, tuple[Slot | None, Slot, Slot | None]] = {
    "_": (None, (0, "msgid"), None),
    "N_": (None, (0, "msgid"), None),
    "_p": ((0, "context"), (1, "msgid"), None),
    "_n": (None, (0, "singular"), (1, "plural")),
    "t": (None, (1, "msgid"), None),
    "pt": ((1, "context"), (2, "msgid"), None),
    "tn": (None, (1, "singular"), (2, "plural")),
}


@dataclass(frozen=True)
class Use:
    """One translatable message found in the code."""

    where: str
    context: str | None
    msgid: str
    plural: str | None

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)


def _i18n_module(module: str | None, level: int) -> bool:
    if module is None:
        return False
    return (
        module == "tui.i18n" or module.startswith("tui.i18n.") or (level > 0 and "i18n" in module)
    )


def _aliases(tree: ast.Module) -> tuple[dict[str, str], set[str]]:
    """Local names bound to the API functions, and names bound to the `tui.i18n` module."""
    funcs = {name: name for name in API}
    modules = {"i18n"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if _i18n_module(node.module, node.level) and alias.name in API:
                    funcs[alias.asname or alias.name] = alias.name
                elif alias.name == "i18n":
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "tui.i18n" and alias.asname:
                    modules.add(alias.asname)
    return funcs, modules


def _api_name(call: ast.Call, funcs: dict[str, str], modules: set[str]) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return funcs.get(func.id)
    if isinstance(func, ast.Attribute) and func.attr in API:
        value = func.value
        if isinstance(value, ast.Name) and value.id in modules:
            return func.attr
        if isinstance(value, ast.Attribute) and value.attr == "i18n":
            return func.attr
    return None


def _arg(call: ast.Call, slot: Slot) -> ast.expr | None:
    position, keyword = slot
    if position < len(call.args):
        return call.args[position]
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    return None


def _dynamic(node: ast.expr | None) -> bool:
    """An f-string, a concatenation or a `.format()` where a constant message belongs."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    )


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def collect(source: str, where: str) -> tuple[list[Use], list[str]]:
    """The constant messages in one module, and the calls that build a message at run time."""
    tree = ast.parse(source)
    funcs, modules = _aliases(tree)
    uses: list[Use] = []
    dynamic: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _api_name(node, funcs, modules)
        if name is None:
            continue
        context_slot, msgid_slot, plural_slot = API[name]
        nodes = [_arg(node, s) if s else None for s in (context_slot, msgid_slot, plural_slot)]
        line = f"{where}:{node.lineno}"
        if any(_dynamic(n) for n in nodes):
            dynamic.append(f"{line}  {name}(...): {ast.unparse(node)[:100]}")
            continue
        context, msgid, plural = (_literal(n) for n in nodes)
        if msgid is None or (context_slot and context is None):
            continue  # a variable: its value must be marked with N_() where it is defined
        if plural_slot and plural is None:
            continue
        uses.append(Use(line, context, msgid, plural))
    order = {use: i for i, use in enumerate(uses)}
    uses.sort(key=lambda use: (int(use.where.rsplit(":", 1)[1]), order[use]))
    dynamic.sort(key=lambda text: int(text.split(":", 2)[1].split()[0]))
    return uses, dynamic


def code_messages() -> tuple[list[Use], list[str]]:
    """Every constant message under `tui/`, and every dynamic one."""
    uses: list[Use] = []
    dynamic: list[str] = []
    for path in sorted(TUI.rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        found, bad = collect(path.read_text(encoding="utf-8"), where)
        uses += found
        dynamic += bad
    return uses, dynamic


def catalog_entries(lang: str) -> dict[tuple[str | None, str], list[Entry]]:
    """Every entry of one language's `.po` files, by key."""
    by_key: dict[tuple[str | None, str], list[Entry]] = defaultdict(list)
    for path in po_files(lang):
        for entry in read_entries(path, strict=True):
            by_key[entry.key].append(entry)
    return by_key


def _po(text: str) -> str:
    return str(escape(text))


def snippet(use: Use, lang: str) -> str:
    """A `.po` entry for a message: to translate in fr, the msgid itself in en."""
    lines = [f"#: {use.where}"]
    if use.context is not None:
        lines.append(f"msgctxt {_po(use.context)}")
    lines.append(f"msgid {_po(use.msgid)}")
    if use.plural is None:
        lines.append(f"msgstr {_po(use.msgid if lang == 'en' else '')}")
    else:
        lines.append(f"msgid_plural {_po(use.plural)}")
        forms = (use.msgid, use.plural) if lang == "en" else ("", "")
        lines += [f"msgstr[{i}] {_po(form)}" for i, form in enumerate(forms)]
    return "\n".join(lines)


def _problem(use: Use, entries: list[Entry]) -> str | None:
    if not entries:
        return "missing"
    entry = entries[0]
    if use.plural is None and entry.plural is not None:
        return f"is a plural entry in the catalog ({entry.path.name}:{entry.lineno})"
    if use.plural is not None and entry.plural != use.plural:
        return f"msgid_plural differs: catalog has {entry.plural!r} ({entry.path.name})"
    if not entry.translated:
        return f"empty or fuzzy msgstr ({entry.path.name}:{entry.lineno})"
    return None


def test_every_message_in_the_code_is_in_both_catalogs() -> None:
    uses, _ = code_messages()
    report: list[str] = []
    for lang in LANGS:
        entries = catalog_entries(lang)
        problems: dict[tuple[str | None, str], tuple[Use, str]] = {}
        for use in uses:
            problem = _problem(use, entries.get(use.key, []))
            if problem is not None:
                problems.setdefault(use.key, (use, problem))
        if not problems:
            continue
        folder = (LOCALES_DIR / lang).relative_to(ROOT).as_posix()
        report.append(f"\n=== {len(problems)} message(s) to fix in {folder}/<area>.po ===")
        report += [f"  {use.where}: {use.msgid!r} {problem}" for use, problem in problems.values()]
        report.append(f"\n--- entries to paste into {folder}/<your area>.po (fill the msgstr) ---")
        report += [snippet(use, lang) + "\n" for use, _ in problems.values()]
    if report:
        pytest.fail("\n".join(report), pytrace=False)


def test_no_message_is_built_at_run_time() -> None:
    _, dynamic = code_messages()
    if dynamic:
        pytest.fail(
            "Translate a constant message and pass values as keywords, e.g. "
            "_('Saved {name}.', name=name), not an f-string, + or .format():\n  "
            + "\n  ".join(dynamic),
            pytrace=False,
        )


def test_catalog_files_parse_and_exist_in_both_languages() -> None:
    names = {lang: sorted(p.name for p in po_files(lang)) for lang in LANGS}
    assert names["fr"] == names["en"], f"each area needs fr and en files: {names}"
    for lang in LANGS:
        assert names[lang], f"no .po files for {lang}"
        for path in po_files(lang):
            read_entries(path, strict=True)


def test_fr_and_en_catalogs_have_the_same_messages() -> None:
    keys = {lang: set(catalog_entries(lang)) for lang in LANGS}
    only = {lang: keys[lang] - keys[other] for lang, other in (("fr", "en"), ("en", "fr"))}
    lines = [
        f"  only in {lang}: msgctxt={key[0]!r} msgid={key[1]!r}"
        for lang, missing in only.items()
        for key in sorted(missing, key=lambda k: (k[0] or "", k[1]))
    ]
    if lines:
        pytest.fail("fr and en catalogs differ:\n" + "\n".join(lines), pytrace=False)


def test_duplicate_entries_agree() -> None:
    lines = []
    for lang in LANGS:
        for key, entries in catalog_entries(lang).items():
            if len({e.strings for e in entries}) > 1:
                places = ", ".join(f"{e.path.name}:{e.lineno}" for e in entries)
                lines.append(f"  {lang} {key[1]!r}: different translations in {places}")
    if lines:
        pytest.fail("Conflicting translations:\n" + "\n".join(lines), pytrace=False)


def fields(text: str) -> set[str]:
    """The `str.format` field names of a message; raises ValueError on malformed braces."""
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    if any(not name or name.isdigit() for name in names):
        raise ValueError("positional placeholder: use a name, as in {count}")
    return names


def _placeholder_problems(entry: Entry) -> Iterator[str]:
    try:
        source = fields(entry.msgid)
        plural = fields(entry.plural) if entry.plural is not None else set()
        forms = [fields(s) for s in entry.strings]
    except ValueError as err:
        yield f"{err}"
        return
    if entry.plural is None:
        if forms[0] != source:
            yield f"msgstr has {sorted(forms[0])}, msgid has {sorted(source)}"
        return
    if len(forms) != NPLURALS:
        yield f"{len(forms)} plural forms, {NPLURALS} expected"
    allowed = source | plural | {"n"}
    required = (source | plural) - {"n"}
    for i, form in enumerate(forms):
        if not form <= allowed or not required <= form:
            yield f"msgstr[{i}] has {sorted(form)}, the msgid has {sorted(source | plural)}"


def test_placeholders_of_each_translation_match_its_msgid() -> None:
    lines = []
    for lang in LANGS:
        for entries in catalog_entries(lang).values():
            for entry in entries:
                where = f"{lang}/{entry.path.name}:{entry.lineno} {entry.msgid!r}"
                lines += [f"  {where}: {p}" for p in _placeholder_problems(entry)]
    if lines:
        pytest.fail("Placeholders differ:\n" + "\n".join(lines), pytrace=False)


def test_collect_finds_every_form_of_call() -> None:
    source = (
        "from tui.i18n import _, _n, _p, N_, t, tn, pt\n"
        "from tui.i18n import _ as tr\n"
        "from tui import i18n\n"
        "_('a'); N_('b'); _p('status', 'c'); _n('d', 'ds', 2); t(lang, 'e')\n"
        "tn(lang, 'f', 'fs', 3); pt(lang, 'ctx', 'g'); tr('h'); i18n._('i')\n"
        "t(lang, msgid='j'); _(variable); _(f'k {x}'); x._('not ours')\n"
    )
    uses, dynamic = collect(source, "sample.py")
    found = {(u.context, u.msgid, u.plural) for u in uses}
    assert found == {
        (None, "a", None),
        (None, "b", None),
        ("status", "c", None),
        (None, "d", "ds"),
        (None, "e", None),
        (None, "f", "fs"),
        ("ctx", "g", None),
        (None, "h", None),
        (None, "i", None),
        (None, "j", None),
    }
    assert len(dynamic) == 1 and "sample.py:6" in dynamic[0]
