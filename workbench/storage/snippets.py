"""Marking matched words in the original text, and choosing a snippet around them (pure).

The index matched folded words; here each folded query word becomes a pattern that accepts
every marked spelling of each letter ("dang" → ``[dDđĐ][aAàÀ…][nN][gG]``), run over the original
text, so every mark is a span of the original, unfolded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from workbench.core.fold import fold_letters
from workbench.core.models import Span

SNIPPET_CHARS = 240
MAX_MARKS = 200  # a common word is marked hundreds of times; the snippet is chosen among these
_TOGETHER = 3  # characters between two words standing together ("dân vận", "dân, vận")
_LEAD = 60
WORD_CHAR = r"[^\W_]"  # a letter or digit: what FTS5 unicode61 puts in a word


@dataclass(frozen=True)
class Snippet:
    """A stretch ``text[start:end]`` of a report with the matched words in it.

    ``marks`` are spans of the report's text (not of ``self.text``).
    """

    start: int
    end: int
    text: str
    marks: tuple[Span, ...]

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each mark wrapped in ``before`` and ``after``."""
        out, pos = [], self.start
        for mark in self.marks:
            out += [self.text[pos - self.start : mark.start - self.start], before]
            out += [self.text[mark.start - self.start : mark.end - self.start], after]
            pos = mark.end
        out.append(self.text[pos - self.start :])
        return "".join(out)


def _variant_sets() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for code in [*range(0x30, 0x3A), *range(0x41, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = fold_letters(char).lower()
        if len(folded) == 1:
            table.setdefault(folded, {folded}).add(char)
    return {base: frozenset(chars) for base, chars in table.items()}


_VARIANT_SETS = _variant_sets()


def _spellings(char: str) -> frozenset[str]:
    """Every character the folded ``char`` stands for (outside the Latin letters: itself in
    either case, as FTS5 folds the case of every script)."""
    return _VARIANT_SETS.get(char) or any_case(char)


def any_case(char: str) -> frozenset[str]:
    """``char`` in small and capital letters, one character each, as FTS5 folds the case
    ("İ" → "i"; "ß" has no capital of one letter)."""
    return frozenset({char, char.lower()[0], *[case for case in [char.upper()] if len(case) == 1]})


def klass(chars: frozenset[str]) -> str:
    """A regular-expression class of ``chars``."""
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"


def any_marks(word: str) -> str:
    """A pattern for ``word`` (folded) matching it written with any marks and case."""
    return "".join(klass(_spellings(char)) for char in word)


def matcher(words: set[str], prefix: str | None) -> re.Pattern[str] | None:
    """A pattern finding the folded ``words`` (and words starting with ``prefix``) in a text
    written with marks: "dang" finds "Đảng", "đang", "DANG".

    It starts with one class of every character a match can start with, so ``re`` skips
    along the text in C until one turns up (a pattern starting with a look-behind tries each
    position in turn: measured 2–4 times slower); each option then checks its own first
    letter looking back, and the word boundary before the match looks back past that letter.
    Compiled patterns are kept for the last ``_PATTERNS`` queries (one per keystroke).
    """
    return _compiled(frozenset(word for word in words if word), prefix or None)


_PATTERNS = 64


@lru_cache(maxsize=_PATTERNS)
def _compiled(words: frozenset[str], prefix: str | None) -> re.Pattern[str] | None:
    options = [(word, "") for word in sorted(words, key=lambda word: (-len(word), word))]
    if prefix:
        options.insert(0, (prefix, WORD_CHAR + "*"))
    if not options:
        return None
    firsts = frozenset().union(*(_spellings(word[0]) for word, _ in options))
    branches = "|".join(  # a group each: ``lastindex`` tells which word a match is
        f"((?<={klass(_spellings(word[0]))}){any_marks(word[1:])}{tail})" for word, tail in options
    )
    return re.compile(rf"{klass(firsts)}(?<!{WORD_CHAR}.)(?:{branches})(?!{WORD_CHAR})")


def find_marks(text: str, pattern: re.Pattern[str] | None, limit: int = MAX_MARKS) -> list[Span]:
    """Spans of ``text`` whose words, folded, the pattern matches (the first ``limit``)."""
    return [Span(start, end) for start, end, _word in _spans(text, pattern, limit)]


def different_words(text: str, pattern: re.Pattern[str] | None) -> int:
    """How many different query words (of the pattern's) ``text`` holds."""
    if pattern is None:
        return 0
    return len({match.lastindex for match in pattern.finditer(text)})


Mark = tuple[int, int, object]  # start, end, and which query word it is


def _spans(text: str, pattern: re.Pattern[str] | None, limit: int) -> list[Mark]:
    if pattern is None:
        return []
    return [(*m.span(), m.lastindex) for m in islice(pattern.finditer(text), limit)]


def snippet(text: str, pattern: re.Pattern[str] | None, width: int = SNIPPET_CHARS) -> Snippet:
    """``make_snippet(text, find_marks(text, pattern), width)``, without making a ``Span`` of
    each of the (up to ``MAX_MARKS``) marks it looks at, and reading no further once every
    word of a query of several stands together: no stretch can hold them in fewer characters
    to speak of, and the rest of a 12 KB text is most of the cost of a snippet (a common word
    is there a hundred times). The stretch shown has every mark in it, read or not."""
    marks, read_to = _marks_until_together(text, pattern, width)
    shown = _snippet(text, marks, width)
    if pattern is None or shown.end <= read_to:
        return shown
    rest = [Span(*match.span()) for match in pattern.finditer(text, read_to + 1, shown.end)]
    return replace(shown, marks=shown.marks + tuple(rest))


def _marks_until_together(
    text: str, pattern: re.Pattern[str] | None, width: int
) -> tuple[list[Mark], int]:
    """The marks up to ``MAX_MARKS``, or up to a snippet's width past the first place where
    every word stands together; and the last place a mark could start that was read."""
    if pattern is None:
        return [], len(text)
    words = pattern.groups  # one group a query word: ``lastindex`` tells which
    marks: list[Mark] = []
    latest: dict[object, tuple[int, int]] = {}
    until = len(text)
    for match in islice(pattern.finditer(text), MAX_MARKS):
        start, end = match.span()
        if start > until:
            break
        marks.append((start, end, match.lastindex))
        if words > 1 and until == len(text):
            latest[match.lastindex] = (start, end)
            if len(latest) == words:
                first = min(word_start for word_start, _end in latest.values())
                letters = sum(word_end - word_start for word_start, word_end in latest.values())
                if end - first <= letters + _TOGETHER * (words - 1):
                    until = first + width
    if len(marks) == MAX_MARKS:  # read no further than the last mark
        until = min(until, marks[-1][0])
    return marks, until


def make_snippet(text: str, marks: list[Span], width: int = SNIPPET_CHARS) -> Snippet:
    """The ``width``-character stretch of ``text`` holding the most different matched words
    (then the most marks), cut at word ends.

    ``marks`` are in text order, as ``find_marks`` gives them.
    """
    spans = [(m.start, m.end, fold_letters(text[m.start : m.end]).lower()) for m in marks]
    return _snippet(text, spans, width)


def _snippet(text: str, marks: list[Mark], width: int) -> Snippet:
    if not marks:
        end = _word_end(text, min(len(text), width))
        return Snippet(0, end, text[:end], ())
    start = _word_start(text, max(0, marks[_best_window(marks, width)][0] - _LEAD))
    end = _word_end(text, min(len(text), start + width))
    inside = tuple(Span(s, e) for s, e, _word in marks if s >= start and e <= end)
    return Snippet(start, end, text[start:end], inside)


def _best_window(marks: list[Mark], width: int) -> int:
    """The first mark of the stretch to show: for words of a query, the shortest run of marks
    holding each of them, when it fits ("Dân vận khéo" for "dan van kheo", not the "dân" of
    "nhân dân" a line before it); else the window holding the most different words, then the
    most marks."""
    ids: dict[object, int] = {}
    keys = [ids.setdefault(word, len(ids)) for _start, _end, word in marks]
    if len(ids) > 1:
        first, last = _shortest_cover(marks, keys, len(ids))
        if marks[last][1] - marks[first][0] <= width - _LEAD:
            return first
    held = [0] * len(ids)  # marks of each word in the window
    distinct, best, best_score, last, count = 0, 0, (0, 0), -1, len(marks)
    for first, (mark_start, _end, _word) in enumerate(marks):  # a sliding window
        if last < first:
            last = first
            held[keys[first]] += 1
            distinct += 1
        reach = mark_start + width - _LEAD
        while last + 1 < count and marks[last + 1][1] <= reach:
            last += 1
            distinct += not held[keys[last]]
            held[keys[last]] += 1
        if (distinct, last - first + 1) > best_score:
            best, best_score = first, (distinct, last - first + 1)
        held[keys[first]] -= 1
        distinct -= not held[keys[first]]
    return best


def _shortest_cover(marks: list[Mark], keys: list[int], words: int) -> tuple[int, int]:
    """The first and last mark of the shortest run of marks holding each of the ``words``
    different words (``keys[i]`` is the word of mark ``i``)."""
    held = [0] * words
    distinct, first, best = 0, 0, (0, len(marks) - 1)
    for last, key in enumerate(keys):
        distinct += not held[key]
        held[key] += 1
        while distinct == words:
            if marks[last][1] - marks[first][0] < marks[best[1]][1] - marks[best[0]][0]:
                best = (first, last)
            held[keys[first]] -= 1
            distinct -= not held[keys[first]]
            first += 1
    return best


def _word_start(text: str, pos: int) -> int:
    while 0 < pos < len(text) and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos
