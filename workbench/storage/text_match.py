"""Whether a report matches a query, read from the report's own columns (pure).

A filter that passes few reports (``search.FEW``: a person named in forty of them) has its
reports read here instead of looked up in the index one by one. A lookup seeks every word in
every index segment: 45 µs a word and report on the 18 segments of 100,000 reports imported
one at a time (three words, sixty reports: 29 ms for the matches and their exact and phrase
tiers), 12 µs once merged into one; reading sixty texts of 12 KB with these patterns takes
about 5 ms, however the index is split.

The patterns read a column as the index does, for the characters in ``READABLE`` (Latin with
Vietnamese, punctuation, currency signs):

* a word is a run of letters and digits (``core.fold.word_spans``, FTS5 ``unicode61``);
* the folded index compares words without marks, ``đ`` as ``d``, in any case
  (``snippets.any_marks``); a term is its words one after another with anything else between
  them (an FTS5 phrase: ``25-NQ/TW`` is "25 nq tw"); the last word of a prefix query is a word
  start; a report matches when each term is in one of its columns;
* the exact index compares words with their marks, in either tone style ("hòa", "hoà") and
  any case (``reports_exact``: ``fold_tone_style``, then lower case).

Outside ``READABLE`` Python and FTS5 part ways: FTS5 counts private-use bullets, stray
combining marks and characters newer than its Unicode 6.1 tables as letters, and folds a few
Latin letters its own way (ſ, İ, ǅ). A column holding any of them, or a query holding any of
them or longer than ``MAX_QUERY_CHARS``, is left to the index (``readable``, ``TextQuery.of``
returning None). ``tests/storage/test_text_match.py`` checks every readable character against
FTS5, and the patterns against the index's answers over the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.core.fold import fold_letters, fold_search, words
from workbench.core.text import fold_tone_style, nfc, to_new_style
from workbench.storage.query import ParsedQuery
from workbench.storage.snippets import WORD_CHAR, any_case, any_marks, klass

READABLE = (  # every character here reads as FTS5 reads it (checked one by one by a test)
    "\u0001-\u012f\u0132-\u017e\u0180-\u01c3\u01cd-\u01df\u01e4-\u01ed\u01f0"
    "\u01f4-\u01fb\u0200-\u024f\u1e00-\u1e9a\u1e9c\u1e9d\u1e9f-\u1eff"
    "\u2000-\u2064\u206a-\u206f\u20a0-\u20b9"
)
MAX_QUERY_CHARS = 200  # longer queries are pasted sentences: the index, under its deadline
_UNREADABLE = re.compile(f"[^{READABLE}]")
_BETWEEN = r"[\W_]+"  # what stands between two words of a phrase
_END = f"(?!{WORD_CHAR})"
_PREFIX_END = f"{WORD_CHAR}*"


@dataclass(frozen=True)
class Verdict:
    """How a report matched: with the words' marks as typed, and with the words as one phrase."""

    exact: bool
    phrase: bool


@dataclass(frozen=True)
class TextQuery:
    """A query as patterns over a report's columns (``index.row_values``)."""

    terms: tuple[re.Pattern[str], ...]
    phrase: re.Pattern[str] | None  # None: a single word
    exact: tuple[re.Pattern[str], ...]  # empty: nothing typed with marks

    @classmethod
    def of(cls, query: ParsedQuery, *, tiers: bool = True) -> TextQuery | None:
        """The query's patterns (None: the query is empty, not ``readable`` or too long). Without
        ``tiers`` only whether a report matches is read, and verdicts say nothing of the
        tiers (neither exact nor a phrase)."""
        text = " ".join(query.terms)
        if not text or len(text) > MAX_QUERY_CHARS or readable([text]) is None:
            return None
        folded = [_folded_words(term) for term in query.terms]
        prefixed = [False] * (len(folded) - 1) + [query.prefix]
        terms = tuple(map(_folded_pattern, folded, prefixed))
        if not tiers:
            return cls(terms, None, ())
        phrase = None
        if query.phrase_match() is not None:
            phrase = _folded_pattern([word for term in folded for word in term], query.prefix)
        exact = () if not query.has_marks else tuple(map(_exact_pattern, query.exact_terms))
        return cls(terms, phrase, exact)

    def judge(self, values: tuple[str, ...]) -> Verdict | None:
        """None when the columns (``readable`` ones) do not match the query; else how they
        match it."""
        phrase = self.phrase is not None and _in_any(self.phrase, values)
        if not phrase and not all(_in_any(pattern, values) for pattern in self.terms):
            return None  # (the phrase holds every term)
        exact = bool(self.exact) and all(_in_any(pattern, values) for pattern in self.exact)
        return Verdict(exact, phrase)


def readable(columns: Iterable[str]) -> tuple[str, ...] | None:
    """The columns in NFC (as the index folds them), or None when one holds a character
    outside ``READABLE``: the index must answer for that report."""
    values = tuple(map(nfc, columns))
    return None if any(_UNREADABLE.search(value) for value in values) else values


def _in_any(pattern: re.Pattern[str], values: tuple[str, ...]) -> bool:
    return any(pattern.search(value) for value in values)


def _folded_words(term: str) -> list[str]:
    """The words of a term as the folded index holds them: no marks, ``đ→d``, lower case."""
    return [fold_letters(word).lower() for word in words(fold_search(term))]


def _folded_pattern(folded: list[str], prefix: bool) -> re.Pattern[str]:
    """The words one after another, each with any marks and case (the last as a word start
    when ``prefix``). It starts with a class of the first letter's spellings, so ``re`` skips
    along the text in C; the word boundary before it is checked looking back past it (a
    pattern starting with a look-behind tries every position; ``re.IGNORECASE`` doubles the
    time: the classes hold both cases)."""
    first, *rest = folded
    start = f"{any_marks(first[0])}(?<!{WORD_CHAR}.)"
    body = _BETWEEN.join([any_marks(first[1:]), *map(any_marks, rest)])
    return re.compile(start + body + (_PREFIX_END if prefix else _END))


def _exact_pattern(term: str) -> re.Pattern[str]:
    """The words of a term with their marks as typed, each in either tone style, any case."""
    options = [sorted({word, to_new_style(word)}) for word in words(fold_tone_style(term))]
    first = "|".join(f"{_cased(word[0])}(?<!{WORD_CHAR}.){_cased(word[1:])}" for word in options[0])
    rest = ["|".join(map(_cased, option)) for option in options[1:]]
    return re.compile(_BETWEEN.join(f"(?:{part})" for part in [first, *rest]) + _END)


def _cased(word: str) -> str:
    return "".join(klass(any_case(char)) for char in word)


__all__ = ["MAX_QUERY_CHARS", "READABLE", "TextQuery", "Verdict", "readable"]
