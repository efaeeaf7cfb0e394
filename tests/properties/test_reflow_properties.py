"""Reflow only decides where paragraphs break: it never loses, adds or reorders a word.

``core/reflow.py`` promises that it "never drops, adds or reorders a non-space character of
the whitespace-normalised lines". Stated here on words: the output's words are the input's
words in order, except that a word ending in a hyphen, dash or soft hyphen may be glued to the
next one (a compound or a word cut at the end of a PDF line: "25-" + "NQ/TW").
"""

from __future__ import annotations

from hypothesis import given, settings

from tests.properties.strategies import lines
from workbench.core.reflow import reflow, reflow_indexed
from workbench.core.text import normalize_whitespace

GLUE_ENDINGS = ("-", "–", "\u00ad")


def input_words(source: list[str]) -> list[str]:
    return [word for text in source for word in normalize_whitespace(text).split(" ") if word]


def assert_same_words(source: list[str], paragraphs: list[str]) -> None:
    words = input_words(source)
    at = 0
    for paragraph in paragraphs:
        assert paragraph and paragraph.strip(" ") == paragraph and "  " not in paragraph
        for word in paragraph.split(" "):
            glued = words[at]
            at += 1
            while glued != word:
                assert glued.endswith(GLUE_ENDINGS) and at < len(words), (word, glued)
                glued += words[at]
                at += 1
    assert at == len(words), f"lost words: {words[at:]}"


@settings(max_examples=300, deadline=None)
@given(lines)
def test_reflow_keeps_every_word_in_order(source: list[str]) -> None:
    assert_same_words(source, reflow(source))


@settings(max_examples=200, deadline=None)
@given(lines)
def test_markdown_reflow_keeps_every_word_in_order(source: list[str]) -> None:
    assert_same_words(source, reflow(source, markdown=True))


@settings(max_examples=200, deadline=None)
@given(lines)
def test_each_paragraph_starts_at_the_line_it_names(source: list[str]) -> None:
    indexed = reflow_indexed(source)
    starts = [index for index, _text in indexed]
    assert starts == sorted(set(starts))
    for index, text in indexed:
        assert text.startswith(normalize_whitespace(source[index]))


@settings(max_examples=150, deadline=None)
@given(lines, lines)
def test_lines_kept_alone_stay_whole_paragraphs(before: list[str], after: list[str]) -> None:
    source = [*before, "Tạo chuyển biến trong nhận thức", *after]
    alone = len(before)
    indexed = reflow_indexed(source, alone={alone})
    assert (alone, "Tạo chuyển biến trong nhận thức") in indexed
    assert_same_words(source, [text for _index, text in indexed])
