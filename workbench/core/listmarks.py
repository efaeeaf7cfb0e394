"""The markers that open a list item in Vietnamese reports (DOMAIN.md §1, "Task lists").

"Một là, ..." / "Thứ nhất, ..." (word ordinals), "1." / "1)" / "(1)", "a)" (Vietnamese letters
a, b, c, d, đ, e, g, ...), "I." (roman), and dash or bullet items ("- ...;", "– ...", "• ...").
Word ordinals and round bullets only ever open an item; dashes, numbers and letters can also be
the tail of a wrapped sentence ("chính trị\\n- xã hội"), so line joiners check the line before.
"""

from __future__ import annotations

import re

__all__ = ["ORDINALS", "list_marker", "ordinal_value", "strong_list_marker"]

# Cardinal words as "N là" uses them, and ordinals as "Thứ N" uses them; index + 1 = value.
_CARDINALS = ("Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")
ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")

_CARDINAL_ITEM = re.compile(rf"^({'|'.join(_CARDINALS)})\s+là\b[,:]?\s*")
_ORDINAL_ITEM = re.compile(
    rf"^Thứ\s+({'|'.join(ORDINALS)})(?:\s*[,:]|\s+là\b[,:]?)(?!\s*(?:ngày\s*)?\d{{1,2}}\s*[/.-])\s*"
)
_BULLET = re.compile(r"^[•▪●◦■□➢➤✓]\s*(?=\S)")
_DASH = re.compile(r"^[-–—+*]\s+(?=\S)")
_NUMBER = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.)])\s+(?=\S)")
_LETTER = re.compile(r"^(?:\([a-zđ]\)|[a-zđ]\))\s+(?=\S)")
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)[.)]\s+(?=\S)")


def strong_list_marker(text: str) -> str | None:
    """The marker at the start of ``text`` when it can only open a list item ("Một là, ",
    "Thứ hai, ", "• "), else None."""
    for pattern in (_CARDINAL_ITEM, _ORDINAL_ITEM, _BULLET):
        match = pattern.match(text)
        if match:
            return match.group(0)
    return None


def list_marker(text: str) -> str | None:
    """The list marker at the start of ``text`` (with its trailing space), or None.

    Recognises word ordinals, bullets, dashes ("- ", "– ", "+ "), numbers ("1. ", "2) ",
    "(3) ", "1.2. "), letters ("a) ", "đ) ", "(b) ") and roman numerals ("II. ").
    """
    strong = strong_list_marker(text)
    if strong is not None:
        return strong
    for pattern in (_DASH, _NUMBER, _LETTER, _ROMAN):
        match = pattern.match(text)
        if match:
            return match.group(0)
    return None


def ordinal_value(marker: str) -> int | None:
    """The number a word-ordinal marker stands for ("Ba là, " → 3, "Thứ nhất, " → 1)."""
    match = _CARDINAL_ITEM.match(marker)
    if match:
        return _CARDINALS.index(match.group(1)) + 1
    match = _ORDINAL_ITEM.match(marker)
    if match:
        return ORDINALS.index(match.group(1)) + 1
    return None
