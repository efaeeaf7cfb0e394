"""Marking matched words in the original text, and choosing a snippet around them (pure).

The index matched folded words; here each folded query word becomes a pattern that accepts
every marked spelling of each letter ("dang" → ``[dDđĐ][aAàÀ…][nN][gG]``), run over the original
text, so every mark is a span of the original, unfolded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from workbench.core.fold import fold_letters
from workbench.core.models import Span

SNIPPET_CHARS = 240
MAX_MARKS = 200  # a common word is marked hundreds of times; the snippet is chosen among these
_LEAD = 60
_NOT_WORD = r"[^\W_]"


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


def _variants() -> dict[str, str]:
    table: dict[str, set[str]] = {}
    for code in [*range(0x30, 0x3A), *range(0x41, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = fold_letters(char).lower()
        if len(folded) == 1:
            table.setdefault(folded, {folded}).add(char)
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in table.items()}


_VARIANTS = _variants()


def _any_marks(word: str) -> str:
    """A pattern for ``word`` (folded) matching it written with any marks and case."""
    return "".join(_VARIANTS.get(char, re.escape(char)) for char in word)


def matcher(words: set[str], prefix: str | None) -> re.Pattern[str] | None:
    """A pattern finding the folded ``words`` (and words starting with ``prefix``) in a text
    written with marks: "dang" finds "Đảng", "đang", "DANG"."""
    options = [_any_marks(word) for word in sorted(words, key=len, reverse=True) if word]
    if prefix:
        options.insert(0, _any_marks(prefix) + _NOT_WORD + "*")
    if not options:
        return None
    return re.compile(rf"(?<!{_NOT_WORD})(?:{'|'.join(options)})(?!{_NOT_WORD})")


def find_marks(text: str, pattern: re.Pattern[str] | None, limit: int = MAX_MARKS) -> list[Span]:
    """Spans of ``text`` whose words, folded, the pattern matches (the first ``limit``)."""
    if pattern is None:
        return []
    return [Span(*match.span()) for match in islice(pattern.finditer(text), limit)]


def make_snippet(text: str, marks: list[Span], width: int = SNIPPET_CHARS) -> Snippet:
    """The ``width``-character stretch of ``text`` holding the most marks, cut at word ends."""
    if not marks:
        end = _word_end(text, min(len(text), width))
        return Snippet(0, end, text[:end], ())
    best, best_count, last = 0, 0, 0
    for first, mark in enumerate(marks):  # a sliding window over the marks
        last = max(last, first)
        while last + 1 < len(marks) and marks[last + 1].end <= mark.start + width - _LEAD:
            last += 1
        if last - first + 1 > best_count:
            best, best_count = first, last - first + 1
    start = _word_start(text, max(0, marks[best].start - _LEAD))
    end = _word_end(text, min(len(text), start + width))
    inside = tuple(mark for mark in marks if mark.start >= start and mark.end <= end)
    return Snippet(start, end, text[start:end], inside)


def _word_start(text: str, pos: int) -> int:
    while 0 < pos < len(text) and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos
