"""The people of a report: who is named, with which titles, who spoke, where each is mentioned.

A name becomes a person when at least one of its occurrences shows it (a title, a form of
address, a speech verb after a full name: ``contexts.has_evidence``). Every occurrence of the
name is then a mention, and so are shorter references resolved to it:

* a title used alone ("đồng chí Phó Bí thư Đảng ủy Khối đề nghị", "Thủ tướng cho biết"),
  resolved to the person holding that title (``titles.refers_to``);
* the given name after a form of address or a bare head ("ông Thăng", "Bộ trưởng Dũng").

When several people fit, the one mentioned last before the reference wins. A person is a
``speaker`` when any mention is reported speaking (``speech``), an ``attendee`` otherwise
(listed as present or merely referred to), ``mentioned`` when only named inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.contexts import (
    address_before,
    group_titles,
    has_evidence,
    read_occurrence,
)
from workbench.core.lexicon import Phrase, lexicon
from workbench.core.models import Person, Span
from workbench.core.names import find_names
from workbench.core.speech import opens_with_speech, reported_by_theo, speaks_after
from workbench.core.titles import TitleSpan, merge_titles, refers_to, span_text, title_at
from workbench.core.tokens import Token, sentence_start, text_keys

_GROUP_WORDS = frozenset(text_keys("các những nhiều mọi số"))
_OPENERS = frozenset(text_keys("theo tại khi với sau trước riêng còn nhưng cùng tiếp do để về"))
_MEMBERSHIP = frozenset(text_keys("ủy thành đại hội"))  # Ủy viên, Thành viên, Đại biểu, Hội viên


@dataclass
class Mention:
    """A reference to a person at tokens ``[first, last)``; ``left``/``right`` bound its context."""

    first: int
    last: int
    left: int
    right: int
    spoke: bool = False


@dataclass
class Candidate:
    """A person being assembled: name, titles with their offsets, mentions."""

    key: Phrase
    name: str
    titles: list[tuple[int, str]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def title_texts(self) -> list[str]:
        return merge_titles([t for _, t in sorted(self.titles, key=lambda x: x[0])])

    def last_before(self, i: int) -> int:
        return max((m.first for m in self.mentions if m.first < i), default=-1)


@dataclass
class PeopleFound:
    """The people of a report and, for each, the token ranges of its mentions."""

    people: list[Person]
    mentions: list[tuple[int, Mention]]  # (index into people, mention)


def _candidates(
    text: str, tokens: list[Token]
) -> tuple[dict[Phrase, Candidate], set[int], frozenset[int]]:
    names = find_names(tokens)
    starts = frozenset(n.first for n in names)
    occurrences = [read_occurrence(tokens, n, starts) for n in names]
    persons = {o.name.keys for o in occurrences if has_evidence(tokens, o)}
    found: dict[Phrase, Candidate] = {}
    covered: set[int] = set()
    for occ in occurrences:
        if occ.name.keys not in persons or occ.credit:
            continue
        first_text = " ".join(t.text for t in tokens[occ.name.first : occ.name.last])
        cand = found.setdefault(occ.name.keys, Candidate(occ.name.keys, first_text))
        for span in occ.titles:
            title = span_text(text, tokens, span.first, span.last)
            cand.titles.append((tokens[span.first].start, title))
        cand.mentions.append(Mention(occ.name.first, occ.name.last, occ.left, occ.right))
        covered.update(range(occ.left, occ.right))
    _add_group_titles(text, tokens, starts, found)
    return found, covered, starts


def _add_group_titles(
    text: str, tokens: list[Token], starts: frozenset[int], found: dict[Phrase, Candidate]
) -> None:
    for span, begin, end in group_titles(tokens, starts):
        title = span_text(text, tokens, span.first, span.last)
        for cand in found.values():
            if any(begin <= m.first < end for m in cand.mentions):
                cand.titles.append((tokens[span.first].start, title))


def _closest(cands: list[Candidate], i: int) -> Candidate | None:
    if len(cands) == 1:
        return cands[0]
    before = [c for c in cands if c.last_before(i) >= 0]
    return max(before, key=lambda c: c.last_before(i)) if before else None


def _by_given_name(found: dict[Phrase, Candidate], token: Token, i: int) -> Candidate | None:
    return _closest([c for c in found.values() if c.key[-1] == token.key], i)


def _title_reference(
    text: str, tokens: list[Token], span: TitleSpan, found: dict[Phrase, Candidate]
) -> Candidate | None:
    last = tokens[span.last - 1]
    if span.last - 1 == span.head_end and last.cap:
        return _by_given_name(found, last, span.first)
    mention = span_text(text, tokens, span.first, span.last)
    fits = [c for c in found.values() if any(refers_to(mention, t) for _, t in c.titles)]
    if len(fits) > 1 and tokens[span.first].key in _MEMBERSHIP:
        return None  # "Ủy viên Bộ Chính trị" alone: one of many members, not one person
    cand = _closest(fits, span.first)
    if cand is not None:
        cand.titles.append((tokens[span.first].start, mention))
    return cand


def _may_refer(tokens: list[Token], i: int) -> bool:
    """Whether a title starting at ``tokens[i]`` may stand alone for one person."""
    token = tokens[i]
    address = address_before(tokens, i)
    if address < i:  # "đồng chí Phó Bí thư ...", "ông Chủ tịch ..."
        return address == 0 or tokens[address - 1].key not in _GROUP_WORDS
    if not (token.cap or token.upper):
        return False
    if i == 0:
        return True
    previous = tokens[i - 1]
    if previous.key in _OPENERS:  # "Theo Thủ tướng, ...", "Tại đây, ..."
        return True
    return previous.key not in _GROUP_WORDS and not (previous.cap or previous.upper)


def _resolve_titles(
    text: str,
    tokens: list[Token],
    found: dict[Phrase, Candidate],
    covered: set[int],
    starts: frozenset[int],
) -> None:
    heads, modifiers = lexicon().heads, lexicon().modifiers
    i = 0
    while i < len(tokens):
        key = tokens[i].key
        if (key not in heads and key not in modifiers) or i in covered or not _may_refer(tokens, i):
            i += 1
            continue
        span = title_at(tokens, i, starts)
        if span is None or span.last in starts:
            i += 1 if span is None else span.last
            continue
        cand = _title_reference(text, tokens, span, found)
        if cand is not None:
            left = address_before(tokens, span.first)
            cand.mentions.append(Mention(span.first, span.last, left, span.last))
        i = span.last


def _resolve_given_names(
    tokens: list[Token], found: dict[Phrase, Candidate], in_names: set[int]
) -> None:
    for i in range(1, len(tokens) - 1):
        token = tokens[i]
        if not token.cap or i in in_names or address_before(tokens, i) == i:
            continue
        nxt = tokens[i + 1]
        if nxt.cap and nxt.gap == " ":
            continue
        cand = _by_given_name(found, token, i)
        if cand is not None:
            cand.mentions.append(Mention(i, i + 1, address_before(tokens, i), i + 1))


def _mark_speech(tokens: list[Token], found: dict[Phrase, Candidate]) -> None:
    first_after_comma: dict[int, Mention] = {}
    all_mentions = sorted((m for c in found.values() for m in c.mentions), key=lambda m: m.left)
    for m in all_mentions:
        m.spoke = speaks_after(tokens, m.right) or reported_by_theo(tokens, m.left)
        start = sentence_start(tokens, m.left)
        if start in first_after_comma or not opens_with_speech(tokens, start):
            continue
        comma = next((k for k in range(start, m.left) if tokens[k].text == ","), None)
        if comma is not None:
            first_after_comma[start] = m
            m.spoke = True


_QUOTATION = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def _quotations(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` inside quotation marks (“...” or "...", on one line)."""
    return [m.span() for m in _QUOTATION.finditer(text)]


def _role(cand: Candidate, tokens: list[Token], quotes: list[tuple[int, int]]) -> str:
    if any(m.spoke for m in cand.mentions):
        return "speaker"
    starts = [tokens[m.first].start for m in cand.mentions]
    if all(any(a < s < b for a, b in quotes) for s in starts):
        return "mentioned"
    return "attendee"


def find_people(text: str, tokens: list[Token]) -> PeopleFound:
    """The people named in ``text`` (tokenised as ``tokens``), in order of first mention."""
    found, covered, starts = _candidates(text, tokens)
    _resolve_titles(text, tokens, found, covered, starts)
    in_names = {k for n in find_names(tokens) for k in range(n.first, n.last)}
    _resolve_given_names(tokens, found, in_names)
    _mark_speech(tokens, found)
    quotes = _quotations(text)
    ordered = sorted(found.values(), key=lambda c: min(m.first for m in c.mentions))
    people: list[Person] = []
    mentions: list[tuple[int, Mention]] = []
    for index, cand in enumerate(ordered):
        cand.mentions.sort(key=lambda m: m.first)
        spans = [Span(tokens[m.first].start, tokens[m.last - 1].end) for m in cand.mentions]
        people.append(Person(cand.name, cand.title_texts(), _role(cand, tokens, quotes), spans))
        mentions.extend((index, m) for m in cand.mentions)
    return PeopleFound(people, mentions)
