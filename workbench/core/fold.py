"""Folding Vietnamese text for search and for matching names.

Three foldings, each for one job:

* ``fold_search`` swaps ``đ``/``Đ`` for ``d``/``D`` and nothing else. FTS5's ``unicode61
  remove_diacritics 2`` tokenizer folds every other mark but never ``đ`` (it has no Unicode
  decomposition), so the search index holds this folding. The swap is one character for one
  character, so an offset in the folded text is the same offset in the original.
* ``fold_tone_style`` (from ``core.text``) writes the new tone-mark style ("hoà", "khoẻ",
  "thuỷ") in the old style ("hòa", "khỏe", "thủy"), also one character for one character.
* ``fold_name`` / ``fold_key`` build comparison keys: NFC, one space between words, casefolded,
  tone style folded; ``strip_marks`` drops every mark, ``đ`` included, as the index sees words.

Every function first normalises to NFC (offsets are kept relative to the NFC text).
"""

from __future__ import annotations

import re
import unicodedata

from workbench.core.text import fold_tone_style, nfc

_D_SWAP = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")


def fold_search(s: str) -> str:
    """NFC ``s`` with ``đ→d`` and ``Đ→D``; same length as ``nfc(s)``, so offsets carry over."""
    return nfc(s).translate(_D_SWAP)


def strip_marks(s: str) -> str:
    """``s`` lower-cased with every mark removed and ``đ→d``: how the search index sees words."""
    decomposed = unicodedata.normalize("NFD", s.translate(_D_SWAP))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return nfc(bare).casefold()


def fold_key(s: str, *, keep_marks: bool = True) -> str:
    """A comparison key: NFC, trimmed, one space between words, casefolded, tone style folded.

    With ``keep_marks=False`` every mark is dropped too ("Nguyễn" → "nguyen").
    """
    key = _SPACES.sub(" ", fold_tone_style(s)).strip().casefold()
    return strip_marks(key) if not keep_marks else key


def fold_name(s: str, *, keep_marks: bool = True) -> str:
    """The key people are matched on: ``fold_key`` of the name without forms of address.

    Marks are kept by default: "Thể" and "Thế" are different names. "đồng chí", "ông", "bà"
    at the start are dropped ("Đồng chí Nguyễn Văn Thể" → "nguyễn văn thể").
    """
    key = fold_key(s, keep_marks=True)
    for prefix in _ADDRESS_FORMS:
        if key.startswith(prefix + " "):
            key = key[len(prefix) + 1 :]
            break
    return strip_marks(key) if not keep_marks else key


_ADDRESS_FORMS = ("đồng chí", "đ/c", "ông", "bà")


def _letter_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]:
        folded = strip_marks(chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


_LETTERS = _letter_table()


def fold_letters(s: str) -> str:
    """Latin letters of ``s`` lower-cased and stripped of marks (``đ→d``), other characters kept.

    One character for one character, so offsets in the result are offsets in ``s``; for
    Vietnamese text the words equal ``strip_marks`` of the words of ``s``.
    """
    return s.translate(_LETTERS)


def word_spans(s: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of letters and digits in ``s``, as FTS5 unicode61 splits it."""
    return [match.span() for match in _WORD.finditer(s)]


def words(s: str) -> list[str]:
    """The runs of letters and digits in ``s``, in order."""
    return _WORD.findall(s)


def has_marks(s: str) -> bool:
    """Whether ``s`` holds a letter with a mark (``đ`` included), i.e. was typed with accents."""
    return strip_marks(s) != nfc(s).casefold()


def number_key(number: str) -> str:
    """A document number compared loosely: no spaces, no marks, lower case, TƯ = TW.

    "25-NQ/TW", "25-NQ/TƯ" and "25- NQ/TW" share the key "25-nq/tw".
    """
    key = fold_key(number, keep_marks=False).replace(" ", "")
    return re.sub(r"(?<=/)tu\b", "tw", key)
