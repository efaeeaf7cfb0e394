"""Whether two people with one name are one person, judged by their titles (pure).

Built on ``core.titles``: two spellings of one title (``same_title``: same head, the words of
the shorter in order in the longer, abbreviations written out) are one title; a person's
titles are tallied by that rule, keeping the fullest spelling. Two title sets are compatible
when they share a title, or when the organisation of one (the title's words after its head:
"Phó Bí thư Tỉnh ủy Quảng Trị" → "tỉnh ủy quảng trị") lies within the other's and has at least
``MIN_ORGANISATION_WORDS`` words: a promotion, or another post in the same body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.core.titles import head_keys, merge_titles, same_title, title_keys

MIN_ORGANISATION_WORDS = 3


@dataclass
class TitleTally:
    """A title with the first and last day it was seen and in how many mentions."""

    title: str
    first_seen: str | None
    last_seen: str | None
    count: int

    def add(self, title: str, day: str | None) -> None:
        self.title = merge_titles([self.title, title])[0]
        self.count += 1
        if day:
            self.first_seen = min(self.first_seen or day, day)
            self.last_seen = max(self.last_seen or day, day)


def title_key(title: str) -> str:
    """The key a title is stored under: its keys, abbreviations written out."""
    return " ".join(title_keys(title))


def organisation(title: str) -> tuple[str, ...]:
    """The keys of a title after its head ("" for a bare rank or post)."""
    return title_keys(title)[len(head_keys(title)) :]


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(key in remaining for key in short)


def _related(a: str, b: str) -> bool:
    if same_title(a, b):
        return True
    org_a, org_b = organisation(a), organisation(b)
    short, long = sorted((org_a, org_b), key=len)
    return len(short) >= MIN_ORGANISATION_WORDS and _in_order(short, long)


def titles_compatible(first: Iterable[str], second: Iterable[str]) -> bool:
    """Whether two sets of titles (as written) can belong to one person."""
    others = list(second)
    return any(_related(a, b) for a in first for b in others)


def overlap(first: Iterable[str], second: Iterable[str]) -> int:
    """How many title pairs of the two sets are related (same titles count twice)."""
    others = list(second)
    return sum(2 if same_title(a, b) else _related(a, b) for a in first for b in others)


def tally(tallies: list[TitleTally], titles: Iterable[str], day: str | None) -> None:
    """Count one mention's titles into ``tallies`` (spellings of one title counted once)."""
    for title in merge_titles(list(dict.fromkeys(titles))):
        for entry in tallies:
            if same_title(entry.title, title):
                entry.add(title, day)
                break
        else:
            tallies.append(TitleTally(title, day, day, 1))
