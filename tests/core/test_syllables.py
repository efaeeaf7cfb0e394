"""Syllable shapes: what search takes for a finished word."""

from __future__ import annotations

import pytest

from workbench.core.syllables import SYLLABLE, is_finished_word


@pytest.mark.parametrize("word", ["trung", "thanh", "nguoi", "truong", "chinh", "kheo", "moi"])
def test_no_syllable_begins_with_a_finished_word(word: str) -> None:
    assert is_finished_word(word)


@pytest.mark.parametrize(
    "word",
    [
        "dan",  # dang, danh
        "truon",  # truong
        "nghie",  # nghiem, nghien, nghiep
        "nghien",  # nghieng
        "thon",  # thong
        "trump",  # not a syllable
        "",
    ],
)
def test_a_beginning_or_a_foreign_word_is_not_finished(word: str) -> None:
    assert not is_finished_word(word)


def test_the_shape_takes_vietnamese_syllables_and_refuses_others() -> None:
    assert all(SYLLABLE.fullmatch(w) for w in ["nghiêng", "khuya", "quốc".replace("ố", "ô")])
    assert not any(SYLLABLE.fullmatch(w) for w in ["trump", "xyz", "ngg"])
