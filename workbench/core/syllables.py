"""The shape of a Vietnamese syllable (DOMAIN.md §6): onset, vowel nucleus, coda (pure).

``SYLLABLE`` matches a syllable written without tone marks (the vowel letters ă â ê ô ơ ư
kept); the legacy-encoding detector (``formats.encoding``) adds the tone rules. Search uses
the same shape folded (no marks at all, ``đ→d``) to tell a finished word from a beginning:
no syllable extends "trung" or "thanh", so a query's last word typed that far needs no
prefix match (``is_finished_word``).
"""

from __future__ import annotations

import re
from functools import cache

from workbench.core.fold import strip_marks

# Alternatives, longest first where one begins another.
ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
OPEN_RHYMES = (
    "iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|ôi|"
    "ơi|ua|uê|ui|uơ|uy|ưa|ưi|ưu|a|e|ê|i|o|ô|ơ|u|ư|y"
)
CLOSED_NUCLEI = "uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|oo|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
STOPS = "ch|c|p|t"  # a syllable ending in one takes only a sharp or a dot tone
CODAS = f"{STOPS}|ng|nh|m|n"

SYLLABLE = re.compile(
    f"(?:{ONSETS})?(?:{OPEN_RHYMES}|(?:{CLOSED_NUCLEI})(?:(?P<stop>{STOPS})|ng|nh|m|n))"
)


@cache
def _folded() -> tuple[frozenset[str], frozenset[str]]:
    """Every syllable shape without marks, and every proper beginning of one."""
    closed = [n + c for n in CLOSED_NUCLEI.split("|") for c in CODAS.split("|")]
    rhymes = [*OPEN_RHYMES.split("|"), *closed]
    onsets = ["", *ONSETS.split("|")]
    shapes = frozenset(strip_marks(onset + rhyme) for onset in onsets for rhyme in rhymes)
    beginnings = frozenset(shape[:n] for shape in shapes for n in range(1, len(shape)))
    return shapes, beginnings


def is_finished_word(word: str) -> bool:
    """Whether ``word`` (folded: no marks, lower case) is a whole syllable that no longer
    syllable begins with: typing can only add a new word after it."""
    shapes, beginnings = _folded()
    return word in shapes and word not in beginnings
