"""Words and punctuation of a report's text, with offsets and the keys the analysis compares.

The analysis (people, titles, tasks, documents) reads ``Report.text`` as a list of ``Token``:
a word (letters/digits, with inner ``.``, ``&``, ``-``, ``/`` kept: "TP.HCM", "KT-XH",
"25-NQ/TW", "Đ/c") or one punctuation character. Each token knows its offsets in the text,
its casing, and two comparison keys:

* ``key``: casefolded, tone mark placed in the old style, so the two tone-mark styles
  ("Uỷ"/"Ủy", "hoà"/"hòa") give one key while "Thể" and "Thế" stay different;
* ``bare``: casefolded with the five tone marks removed (vowel marks and ``đ`` kept), for
  tolerant look-ups in word lists ("thương trực" typed for "thường trực").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_TOKEN = re.compile(r"\w+(?:[.&'\-/]\w+)*|[^\s\u00ad]")
_QUOTES = frozenset("\"“”‘’'«»")
SENTENCE_END = frozenset(".!?…")
CLAUSE_PUNCT = frozenset(',;:()[]{}"“”‘’«»–—-.!?…|/*•')


_NEW_STYLE = re.compile(
    "(?<!q)(o)([ae])([\u0300\u0301\u0303\u0309\u0323])$|(?<!q)(u)(y)([\u0300\u0301\u0303\u0309\u0323])$"
)


def _old_style(match: re.Match[str]) -> str:
    groups = match.groups()
    first, second, tone = groups[0:3] if groups[0] else groups[3:6]
    return first + tone + second


@lru_cache(maxsize=16384)
def word_keys(word: str) -> tuple[str, str]:
    """``(key, bare)`` of one word: see the module docstring."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    key = unicodedata.normalize("NFC", _NEW_STYLE.sub(_old_style, decomposed))
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    return key, bare


def phrase_keys(text: str) -> tuple[str, ...]:
    """The key of every token of ``text``, punctuation included (as written)."""
    return tuple(
        word_keys(w)[0] if w[0].isalnum() else w for w in (m.group() for m in _TOKEN.finditer(text))
    )


def key_of(word: str) -> str:
    """The comparison ``key`` of one word ("Uỷ" → "ủy", "Các" → "các")."""
    return word_keys(word)[0]


def text_keys(text: str) -> tuple[str, ...]:
    """The ``key`` of every word token of ``text``, as ``tokenize`` splits it."""
    return tuple(word_keys(m.group())[0] for m in _TOKEN.finditer(text) if m.group()[0].isalnum())


class Token(NamedTuple):
    """One word or punctuation mark of the text."""

    text: str
    start: int
    end: int
    key: str
    bare: str
    word: bool  # letters or digits (not punctuation)
    cap: bool  # "Thủ", "Đảng": one upper-case letter then lower-case letters
    upper: bool  # "UBND", "TP.HCM", "XIII": two or more letters, all upper-case
    lower: bool  # starts with a lower-case letter
    digit: bool  # starts with a digit
    gap: str  # the characters between the previous token and this one


@lru_cache(maxsize=16384)
def _word_info(word: str) -> tuple[str, str, bool, bool, bool]:
    key, bare = word_keys(word)
    first = word[0]
    cap = first.isupper() and word.isalpha() and (len(word) == 1 or word[1:].islower())
    letters = [ch for ch in word if ch.isalpha()]
    upper = len(letters) >= 2 and first.isalpha() and all(ch.isupper() for ch in letters)
    return key, bare, cap, upper, first.islower()


def tokenize(text: str) -> list[Token]:
    """Every token of ``text`` in order, with offsets into ``text``."""
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        gap = text[previous_end:start]
        previous_end = end
        first = word[0]
        if first.isalnum() or first == "_":
            key, bare, cap, upper, lower = _word_info(word)
            token = Token(
                word, start, end, key, bare, True, cap, upper, lower, first.isdigit(), gap
            )
        else:
            token = Token(word, start, end, word, word, False, False, False, False, False, gap)
        tokens.append(token)
    return tokens


def is_quote(token: Token) -> bool:
    """Whether ``token`` is a quotation mark of any style."""
    return token.text in _QUOTES


def breaks_before(token: Token) -> bool:
    """Whether a line break separates ``token`` from the one before it."""
    return "\n" in token.gap


def sentence_start(tokens: list[Token], i: int) -> int:
    """The index of the first token of the sentence holding ``tokens[i]``.

    A sentence ends at ``. ! ? …`` followed by a capital, a digit, a quote or a dash, and at every
    line break (blocks are separated by blank lines; flattened bodies keep one line).
    """
    while i > 0 and not breaks_before(tokens[i]) and not _ends_sentence(tokens, i - 1):
        i -= 1
    return i


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    if tokens[i].text not in SENTENCE_END or i + 1 >= len(tokens):
        return False
    follower = tokens[i + 1]
    if not follower.gap:
        return False
    return follower.cap or follower.upper or follower.digit or not follower.word
