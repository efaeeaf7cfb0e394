"""Moving spans of a text to where the same characters stand after the text is edited (pure).

An editor's own items (a speaker they added or corrected) point into the report's text by
offsets; when the body is edited, ``span_mover`` maps each span to the new text, so those items
still mark the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

# Beyond this many characters between the common start and end (both texts together) the
# edit is taken as one replaced stretch instead of being compared word by word (a report of
# 12,000 characters with 36 words edited across it: 18 ms; three times as long: 0.13 s).
MAX_COMPARED = 200_000
SAME_TEXT = 0.5  # below this share of words in common, the text was replaced, not edited

SpanMover = Callable[[int, int], "tuple[int, int] | None"]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def span_mover(old: str, new: str) -> SpanMover:
    """A function taking a span ``(start, end)`` of ``old`` to the same characters in ``new``.

    The texts are compared word by word (a word edited to another is gone, not half kept);
    the span keeps its first and last characters that are still there (text inserted between
    them joins it); a span whose words were all edited away gives ``None``.
    """
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    while head and (_inside_word(old, head) or _inside_word(new, head)):
        head -= 1  # compare whole words: the common start ends between words in both texts
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    while tail and (_inside_word(old, len(old) - tail) or _inside_word(new, len(new) - tail)):
        tail -= 1
    moved = _moved_words(old[head : len(old) - tail], new[head : len(new) - tail])
    shift = len(new) - len(old)

    def char(i: int) -> int | None:
        """Where the character ``old[i]`` stands in ``new``; None if it was edited away."""
        if i < head:
            return i
        if i >= len(old) - tail:
            return i + shift
        at = moved.get(i - head)
        return None if at is None else head + at

    def move(start: int, end: int) -> tuple[int, int] | None:
        first = next((c for c in map(char, range(start, end)) if c is not None), None)
        if first is None:
            return None
        last = next(c for c in map(char, range(end - 1, start - 1, -1)) if c is not None)
        return first, last + 1

    return move


def _inside_word(text: str, at: int) -> bool:
    """Whether offset ``at`` falls between two letters or digits of one word of ``text``."""
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _moved_words(old: str, new: str) -> dict[int, int]:
    """For each character of ``old`` in a word (or a run of other characters) that ``new``
    still has, unchanged and in order, its offset in ``new``."""
    if len(old) + len(new) > MAX_COMPARED:
        return {}
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    old_starts, new_starts = _starts(old_tokens), _starts(new_tokens)
    matcher = SequenceMatcher(None, old_tokens, new_tokens)
    if matcher.quick_ratio() < SAME_TEXT:
        return {}  # another text altogether: comparing it costs 0.4 s and finds nothing worth it
    moved: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            token = old_tokens[a + k]
            for offset in range(len(token)):
                moved[old_starts[a + k] + offset] = new_starts[b + k] + offset
    return moved


def _starts(tokens: list[str]) -> list[int]:
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token)
    return starts


def move_item(value: dict, move: SpanMover) -> dict:
    """An item's JSON form (``models.item_to_dict``) with its spans moved: a person's mentions
    (one whose words were edited away is dropped), a key task's start and end (an empty span
    where its words were edited away)."""
    moved = dict(value)
    if "mentions" in value:
        spans = [move(m["start"], m["end"]) for m in value["mentions"]]
        moved["mentions"] = [{"start": s, "end": e} for s, e in filter(None, spans)]
    if "start" in value and "end" in value:
        span = move(value["start"], value["end"])
        moved["start"], moved["end"] = span if span is not None else (0, 0)
    return moved
