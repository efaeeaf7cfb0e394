"""Turning whatever an editor types into a safe FTS5 MATCH expression (pure, no SQLite).

Measured on 41 everyday strings (DOMAIN.md §5), a raw MATCH fails on most of them. The rule
that worked on all: NFC; split on white space; drop pieces with no letter or digit; wrap each
in double quotes with inner quotes doubled (FTS5 then reads ``25-NQ/TW`` as the phrase
"25 nq tw"); keep at most ``MAX_TERMS``; a ``*`` on the last piece only, for search as you
type, unless the text ends with a space (the last word is finished). A last word of one
character gets no ``*`` (``t*`` would expand to a large share of the vocabulary); typed after
other words it is left out until a second character follows. Nor does a finished Vietnamese
word ("trung", "thanh": no syllable begins with it): a prefix longer than the index's prefix
lengths (2-4) makes FTS5 merge every matching word's list first, 17.7 ms for "Ban Chấp hành
Trung*" against 9.6 ms for "... Trung" at 100,000 reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workbench.core.fold import fold_search, has_marks, strip_marks, words
from workbench.core.syllables import is_finished_word
from workbench.core.text import fold_tone_style, nfc

MAX_TERMS = 16
MIN_PREFIX = 2
_ALNUM = re.compile(r"[^\W_]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # NUL ends a C string early: "unterminated string"


@dataclass(frozen=True)
class ParsedQuery:
    """An editor's query split into terms; each term is one quoted phrase of the MATCH."""

    terms: tuple[str, ...] = ()
    prefix: bool = False

    @property
    def empty(self) -> bool:
        return not self.terms

    @property
    def exact_terms(self) -> tuple[str, ...]:
        """The terms exact ranking looks for: whole words, so a word being typed is left out
        (unless it is the only one)."""
        return self.terms[:-1] if self.prefix and len(self.terms) > 1 else self.terms

    @property
    def has_marks(self) -> bool:
        """Whether an exact term was typed with marks (then exact matches rank first)."""
        return any(has_marks(term) for term in self.exact_terms)

    def folded_match(self) -> str:
        """The MATCH expression for the folded index ``reports_fts``."""
        return _match(self.terms, fold_search, self.prefix)

    def phrase_match(self) -> str | None:
        """The MATCH expression for every term in a row as one phrase (the last as a prefix
        when typed so), for ranking; None for a single word."""
        if len(self.terms) < 2:
            return None
        phrase = " ".join(fold_search(term) for term in self.terms).replace('"', '""')
        return f'"{phrase}"' + ("*" if self.prefix else "")

    def exact_match(self) -> str:
        """The MATCH expression for the exact-diacritic index ``reports_exact`` (no prefix:
        the exact index has no prefix index, and a prefix query on it is slow)."""
        return _match(self.exact_terms, fold_tone_style, False)

    def highlight_words(self) -> tuple[set[str], str | None]:
        """The folded words to mark in a text, and the folded prefix of the last word if any."""
        folded = [strip_marks(word) for term in self.terms for word in words(term)]
        if self.prefix and folded:
            return set(folded[:-1]), folded[-1]
        return set(folded), None


def _match(terms: tuple[str, ...], fold: Callable[[str], str], prefix: bool) -> str:
    phrases = ['"' + fold(term).replace('"', '""') + '"' for term in terms]
    if prefix and phrases:
        phrases[-1] += "*"
    return " ".join(phrases)


def parse_query(text: str, *, max_terms: int = MAX_TERMS) -> ParsedQuery:
    """Split ``text`` into at most ``max_terms`` terms; any string gives a valid query.

    An empty result (``ParsedQuery().empty``) means there is nothing to match.
    """
    normal = _CONTROL.sub(" ", nfc(text or ""))
    valid = [piece for piece in normal.split() if _ALNUM.search(piece)]
    terms = valid[:max_terms]
    if not terms:
        return ParsedQuery()
    if len(valid) > max_terms or normal[-1:].isspace():
        return ParsedQuery(tuple(terms), prefix=False)
    last_words = words(terms[-1])
    if len(last_words[-1]) >= MIN_PREFIX:
        return ParsedQuery(tuple(terms), prefix=not is_finished_word(strip_marks(last_words[-1])))
    if len(last_words) == 1 and len(terms) > 1:
        return ParsedQuery(tuple(terms[:-1]), prefix=False)  # a letter being typed: wait
    return ParsedQuery(tuple(terms), prefix=False)
