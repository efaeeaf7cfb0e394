"""Character-level cleaning keeps its promises on any text: one line, NFC, idempotent."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.properties.strategies import tone_text
from workbench.core.text import normalize_quotes, normalize_whitespace

texts = st.one_of(tone_text, st.text(max_size=60))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_whitespace_gives_one_trimmed_line(text: str) -> None:
    out = normalize_whitespace(text)
    assert "\n" not in out and "  " not in out and out == out.strip()


@settings(max_examples=300, deadline=None)
@given(texts)
@example("Hội nghi\u200b\u0323 tổng kết")
def test_normalize_whitespace_gives_nfc_and_is_idempotent(text: str) -> None:
    out = normalize_whitespace(text)
    assert unicodedata.is_normalized("NFC", out)
    assert normalize_whitespace(out) == out


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_quotes_gives_nfc(text: str) -> None:
    assert unicodedata.is_normalized("NFC", normalize_quotes(text))
