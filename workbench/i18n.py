"""Translations: English source strings, Vietnamese by default.

The catalogues are ``resources/translations/<lang>.po`` files, read directly (no compiled
``.mo`` to keep in step). The language comes from ``WORKBENCH_LANG``, else the user settings,
else Vietnamese. ``_()`` translates at call time; ``N_()`` marks module-level constants whose
translation happens later, where they are shown.
"""

from __future__ import annotations

import ast
import os
from functools import cache

from workbench.paths import resource_path

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"

_language: str | None = None


def set_language(code: str) -> None:
    """Switch the language of every later ``_()`` call. Unknown codes fall back to English."""
    global _language
    _language = code if code in LANGUAGES else "en"


def current_language() -> str:
    """The language in force: set_language(), else $WORKBENCH_LANG, else Vietnamese."""
    if _language is not None:
        return _language
    env = os.environ.get("WORKBENCH_LANG", "").strip().lower()[:2]
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


def _(message: str) -> str:
    """The translation of ``message`` in the current language (the message itself if none)."""
    return catalogue(current_language()).get(message) or message


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet."""
    return message


@cache
def catalogue(language: str) -> dict[str, str]:
    """The msgid → msgstr pairs of one language's .po file (empty for English or no file)."""
    path = resource_path("translations", f"{language}.po")
    if language == "en" or not path.is_file():
        return {}
    return parse_po(path.read_text(encoding="utf-8"))


def parse_po(text: str) -> dict[str, str]:
    """Parse the subset of the gettext .po format we write: msgid/msgstr with continued lines.

    Fuzzy entries and untranslated (empty msgstr) entries are left out.
    """
    entries: dict[str, str] = {}
    entry: dict[str, str] = {}
    field = ""
    fuzzy = next_fuzzy = False
    for raw in [*text.splitlines(), 'msgid ""']:  # the sentinel flushes the last entry
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            next_fuzzy = True
        elif line.startswith(("msgid ", "msgstr ")):
            field, _sep, rest = line.partition(" ")
            if field == "msgid":
                if entry.get("msgid") and entry.get("msgstr") and not fuzzy:
                    entries[entry["msgid"]] = entry["msgstr"]
                entry, fuzzy, next_fuzzy = {}, next_fuzzy, False
            entry[field] = ast.literal_eval(rest)
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
    return entries
