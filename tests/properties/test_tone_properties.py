"""Tone-mark styles (DOMAIN.md §4): folding is length-preserving, idempotent and round-trips.

Offsets of highlights and analysis point into text that may be shown in either style, so
``to_old_style``/``to_new_style``/``fold_tone_style`` must keep the length of ``nfc(s)``
character for character, and the two styles must fold to one form.
"""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings

from tests.properties.strategies import TONED, tone_text
from workbench.core.text import fold_tone_style, nfc, to_new_style, to_old_style

CONVERSIONS = (to_old_style, to_new_style, fold_tone_style)
MOVABLE = set("oaeuyOAEUY" + TONED)


@settings(max_examples=400, deadline=None)
@given(tone_text)
@example("hòa khỏe thủy Ủy quý hoàn")
@example("hoà khoẻ thuỷ Uỷ quý hoàn")
@example(unicodedata.normalize("NFD", "Hòa bình, khỏe mạnh, Ủy ban"))
def test_conversions_keep_the_length_and_only_move_marks(text: str) -> None:
    source = nfc(text)
    for convert in CONVERSIONS:
        out = convert(text)
        assert len(out) == len(source), convert.__name__
        assert unicodedata.is_normalized("NFC", out)
        changed = [(a, b) for a, b in zip(source, out, strict=True) if a != b]
        assert all(a in MOVABLE and b in MOVABLE for a, b in changed), changed
        assert _bare(out) == _bare(source)  # the same letters, marks moved at most


@settings(max_examples=400, deadline=None)
@given(tone_text)
def test_conversions_are_idempotent(text: str) -> None:
    for convert in CONVERSIONS:
        once = convert(text)
        assert convert(once) == once, convert.__name__


@settings(max_examples=400, deadline=None)
@given(tone_text)
def test_both_styles_fold_to_one_form(text: str) -> None:
    folded = fold_tone_style(text)
    assert fold_tone_style(to_new_style(text)) == folded
    assert fold_tone_style(to_old_style(text)) == folded
    assert to_new_style(to_old_style(text)) == to_new_style(text)
    assert to_old_style(to_new_style(text)) == to_old_style(text)
    assert fold_tone_style(unicodedata.normalize("NFD", text)) == folded


@settings(max_examples=300, deadline=None)
@given(tone_text)
def test_case_does_not_change_where_the_mark_goes(text: str) -> None:
    for convert in CONVERSIONS:
        assert convert(text).lower() == convert(text.lower()), convert.__name__


def _bare(text: str) -> str:
    """The text without tone marks (letter shapes like ơ, â kept)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")
