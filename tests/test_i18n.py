"""Translations: the interface is Vietnamese by default and every message is translated."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workbench import i18n
from workbench.i18n import _, catalogue, parse_po

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"


def marked_strings(place: Path) -> set[str]:
    """Every string literal passed to _() or N_() in the module ``place``, or in the modules
    under the folder ``place``."""
    found = set()
    for path in [place] if place.is_file() else place.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"_", "N_"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("layer", ["gui", "cli", "services", "storage", "formats", "core"])
def test_every_message_has_a_vietnamese_translation(layer):
    """What the window and the command line show, their own words and the reasons the layers
    below give (a refused file, a damaged archive), reads in Vietnamese."""
    missing = marked_strings(PACKAGE / layer) - set(catalogue("vi"))
    assert not missing, f"untranslated: {sorted(missing)}"


def test_vietnamese_by_default_english_on_request(monkeypatch):
    monkeypatch.setattr(i18n, "_language", None)
    monkeypatch.delenv("WORKBENCH_LANG")
    assert _("&File") == "&Tệp"
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    assert _("&File") == "&File"


def test_translations_keep_their_placeholders():
    for msgid, msgstr in catalogue("vi").items():
        assert sorted(_placeholders(msgid)) == sorted(_placeholders(msgstr)), msgid


def _placeholders(text: str) -> list[str]:
    import string

    return [f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f]


@pytest.mark.parametrize(
    ("po", "expected"),
    [
        ('msgid "A"\nmsgstr "a"\n', {"A": "a"}),
        ('#, fuzzy\nmsgid "A"\nmsgstr "a"\n\nmsgid "B"\nmsgstr "b"\n', {"B": "b"}),
        ('msgid "A"\nmsgstr ""\n', {}),
        ('msgid ""\n"Lo"\n"ng"\nmsgstr "x"\n"y"\n', {"Long": "xy"}),
    ],
)
def test_po_parser(po, expected):
    assert parse_po(po) == expected
