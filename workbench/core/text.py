"""Character-level cleaning of Vietnamese text: NFC, whitespace, quotes, tone-mark style.

Every function returns NFC text. Cleaning happens before a report's blocks are placed, so the
offsets of later layers point into the cleaned text; the tone-style functions additionally keep
the length of ``nfc(s)`` (one character for one character), so they may also be applied to text
that offsets already point into.

Decisions recorded here:

* The soft hyphen U+00AD is **kept**: the gold annotations keep it verbatim inside task texts
  (corpus 012, "Thứ tư,\\u00ad các đơn vị"), and the legacy-encoding detector needs it (DOMAIN.md
  §6: 0xAD is a TCVN3 letter). It is invisible when displayed.
* Zero-width characters that only steer line breaking (U+200B, U+2060, U+FEFF, U+180E) are
  dropped; ZWJ/ZWNJ (U+200D/U+200C) are kept, they are part of emoji and some scripts.
* Curly “…”, straight "…", ‘…’ and '…' quotes are kept as written (corpus 000 mixes “Dân vận
  khéo” and "Dân vận khéo"); only odd forms are mapped: ``''`` and ````` → ``"``, `„`/`‟` →
  `“`, `‚`/`‛` → `‘`, a backtick or an acute accent used as an apostrophe → ``'``, fullwidth
  quotes → ASCII.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "fold_tone_style",
    "nfc",
    "normalize_quotes",
    "normalize_whitespace",
    "to_new_style",
    "to_old_style",
]

# Spaces of every width become an ASCII space; line/paragraph separators too (one line out).
_SPACE_CHARS = "\t\n\r\x0b\x0c\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACES = re.compile(f"[ {_SPACE_CHARS}]+")
# Zero-width format characters that carry nothing but line-break hints, and C0/C1 controls.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u180e\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")

_QUOTE_PAIRS = re.compile("''|``")
_QUOTE_TABLE = str.maketrans(
    {
        "\u201e": "\u201c",  # „ low double → “
        "\u201f": "\u201c",  # ‟ reversed double → “
        "\u201a": "\u2018",  # ‚ low single → ‘
        "\u201b": "\u2018",  # ‛ reversed single → ‘
        "`": "'",
        "\u00b4": "'",  # ´ acute accent typed as an apostrophe
        "\uff02": '"',  # ＂ fullwidth
        "\uff07": "'",  # ＇ fullwidth
        "\u301d": "\u201c",  # 〝
        "\u301e": "\u201d",  # 〞
    }
)

_ODD_QUOTE = re.compile("[" + "".join(chr(c) for c in _QUOTE_TABLE) + "']")

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def nfc(s: str) -> str:
    """``s`` in Unicode normal form C (composed letters: "Thể" as 3 code points, not 4)."""
    return unicodedata.normalize("NFC", s)


def nfc_strings(value: object) -> object:
    """``value`` with every string in it, in dicts and lists too, in NFC (what an editor
    typed, before it is stored)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {key: nfc_strings(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [nfc_strings(item) for item in value]
    return value


def normalize_whitespace(s: str) -> str:
    """NFC ``s`` on one line: every run of whitespace (NBSP, tabs, newlines, wide spaces) is one
    ASCII space, zero-width and control characters are dropped, the ends are trimmed.

    The soft hyphen U+00AD is kept (see the module docstring).
    """
    return nfc(_SPACES.sub(" ", _INVISIBLE.sub("", s)).strip())


def normalize_quotes(s: str) -> str:
    """NFC ``s`` with odd quote forms mapped to the usual ones; “…”, "…", ‘…’ and '…' unchanged.

    ``''`` and ```` `` ```` become ``"``; „ ‟ become “; ‚ ‛ become ‘; a lone backtick or acute
    accent becomes ``'``; fullwidth quotes become ASCII. The length may shrink (``''`` → ``"``).
    """
    s = nfc(s)
    if not _ODD_QUOTE.search(s):
        return s
    return _QUOTE_PAIRS.sub('"', s).translate(_QUOTE_TABLE)


def _tone_tables() -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], str]]:
    """(toned letter → (bare letter, tone)) and its inverse, for o a e u y in both cases."""
    split: dict[str, tuple[str, str]] = {}
    join: dict[tuple[str, str], str] = {}
    for base in "oaeuyOAEUY":
        for tone in _TONE_MARKS:
            toned = nfc(base + tone)
            split[toned] = (base, tone)
            join[(base, tone)] = toned
    return split, join


_SPLIT, _JOIN = _tone_tables()
_O_TONED = "".join(ch for ch, (base, _t) in _SPLIT.items() if base in "oO")
_U_TONED = "".join(ch for ch, (base, _t) in _SPLIT.items() if base in "uU")
_AE_TONED = "".join(ch for ch, (base, _t) in _SPLIT.items() if base in "aAeE")
_Y_TONED = "".join(ch for ch, (base, _t) in _SPLIT.items() if base in "yY")
# "Nothing after": neither a letter nor a combining mark (NFC text may still carry a mark that
# has no precomposed form with the letter before it).
_END = r"(?![^\W\d_]|[\u0300-\u036f])"
_OLD = re.compile(rf"(?<![qQ])(?:([{_O_TONED}])([aAeE])|([{_U_TONED}])([yY])){_END}")
_NEW = re.compile(rf"(?<![qQ])(?:([oO])([{_AE_TONED}])|([uU])([{_Y_TONED}])){_END}")


def _move_tone(first: str, second: str, *, to_second: bool) -> str:
    if to_second:
        base, tone = _SPLIT[first]
        return base + _JOIN[(second, tone)]
    base, tone = _SPLIT[second]
    return _JOIN[(first, tone)] + base


def _to_new(match: re.Match[str]) -> str:
    first, second = (match[1], match[2]) if match[1] else (match[3], match[4])
    return _move_tone(first, second, to_second=True)


def _to_old(match: re.Match[str]) -> str:
    first, second = (match[1], match[2]) if match[1] else (match[3], match[4])
    return _move_tone(first, second, to_second=False)


def to_new_style(s: str) -> str:
    """NFC ``s`` with word-final oa/oe/uy written in the new tone style ("hòa" → "hoà",
    "khỏe" → "khoẻ", "Ủy" → "Uỷ"); not after q, and not when a letter follows ("hoàn").

    The result has exactly the length of ``nfc(s)``.
    """
    return _OLD.sub(_to_new, nfc(s))


def to_old_style(s: str) -> str:
    """NFC ``s`` with word-final oa/oe/uy written in the old tone style ("hoà" → "hòa",
    "Uỷ" → "Ủy"); the inverse of ``to_new_style``, with the same length guarantee."""
    return _NEW.sub(_to_old, nfc(s))


def fold_tone_style(s: str) -> str:
    """The canonical tone style used for matching: the old style (the corpus's majority, and
    Unikey's default). ``fold_tone_style(to_new_style(x)) == fold_tone_style(x)``."""
    return to_old_style(s)
